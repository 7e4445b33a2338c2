package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// These tests drive the real binary, built once in TestMain.

var poaBinary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "poa-cli-test-*")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	poaBinary = filepath.Join(dir, "poa")
	build := exec.Command("go", "build", "-o", poaBinary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building poa:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// runPoa runs the binary with stdin.
func runPoa(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(poaBinary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errOut.String(), code}
}

func (r result) want(t *testing.T, code int) result {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, code, r.stdout, r.stderr)
	}
	return r
}

// corpusLines returns the first n contributions of the evaluation corpus.
func corpusLines(t *testing.T, n int) []string {
	t.Helper()
	data, err := os.ReadFile("../../ai/poa/eval/testdata/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(data), "\n", n+1)
	return lines[:n]
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// fixture builds two indexes (two versions of a Datanet) and an output
// text quoting and rewording their contributions.
type fixture struct {
	dir, v1, v2, text, textFile string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	dir := t.TempDir()
	lines := corpusLines(t, 300)
	f := &fixture{dir: dir, v1: filepath.Join(dir, "dn-v1"), v2: filepath.Join(dir, "dn-v2")}
	runPoa(t, "", "index", "--input", writeFile(t, dir, "v1.jsonl", strings.Join(lines[:200], "\n")+"\n"), "--out", f.v1, "--quiet").want(t, 0)
	runPoa(t, strings.Join(lines[150:], "\n")+"\n", "index", "--input", "-", "--out", f.v2, "--quiet").want(t, 0)
	var first, last struct{ Text string }
	require.NoError(t, json.Unmarshal([]byte(lines[3]), &first))
	require.NoError(t, json.Unmarshal([]byte(lines[260]), &last))
	f.text = "As the documentation puts it: " + first.Text + "\n\nAnd elsewhere: " + last.Text + " That is all."
	f.textFile = writeFile(t, dir, "output.txt", f.text)
	return f
}

func TestHelpOnEveryCommand(t *testing.T) {
	out := runPoa(t, "", "help").want(t, 0).stdout
	for _, c := range []string{"index", "attribute", "verify", "serve", "check"} {
		if !strings.Contains(out, c) {
			t.Errorf("poa help does not list %s", c)
		}
		if r := runPoa(t, "", c, "-h").want(t, 0); !strings.Contains(r.stderr, "Usage: poa "+c) {
			t.Errorf("poa %s -h: %s", c, r.stderr)
		}
		if r := runPoa(t, "", "help", c).want(t, 0); !strings.Contains(r.stdout, "Usage: poa "+c) {
			t.Errorf("poa help %s: %s", c, r.stdout)
		}
	}
	runPoa(t, "", "frobnicate").want(t, 2)
	runPoa(t, "").want(t, 2)
	runPoa(t, "", "attribute", "--no-such-flag").want(t, 2)
	if r := runPoa(t, "", "index", "--help"); r.code != 0 || !strings.Contains(r.stderr, "from-chain") {
		t.Errorf("index help: %d %s", r.code, r.stderr)
	}
}

// The chain path itself runs against a real node in tests/system; here, the
// ways to call it wrongly.
func TestIndexFromChainRefusesBadArguments(t *testing.T) {
	out := filepath.Join(t.TempDir(), "idx")
	for _, args := range [][]string{
		{"index", "--from-chain", "127.0.0.1:1", "--out", out},                                   // no --datanet
		{"index", "--from-chain", "127.0.0.1:1", "--datanet", "1", "--input", "x", "--out", out}, // both inputs
		{"index", "--from-chain", "127.0.0.1:1", "--datanet", "1", "--out", out},                 // nothing listens
	} {
		runPoa(t, "", args...).want(t, 2)
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Fatalf("poa %v left an index behind", args)
		}
	}
}

func TestAttributeIsDeterministicAndOrderFree(t *testing.T) {
	f := newFixture(t)
	a := runPoa(t, "", "attribute", "--index", f.v1, "--index", f.v2, "--text-file", f.textFile, "--json").want(t, 0).stdout
	b := runPoa(t, "", "attribute", "--index", f.v2, "--index", f.v1, "--text-file", f.textFile, "--json").want(t, 0).stdout
	c := runPoa(t, f.text, "attribute", "--index", f.v1, "--index", f.v2, "--json").want(t, 0).stdout
	if a != b || a != c {
		t.Fatalf("answers differ:\n%s\n%s\n%s", a, b, c)
	}
	var res struct {
		Method        string `json:"method"`
		AttributedPPM int64  `json:"attributed_ppm"`
		Attributions  []struct {
			ID        string `json:"id"`
			WeightPPM int64  `json:"weight_ppm"`
			Spans     []struct{ Start, End int }
		} `json:"attributions"`
		Exact   []json.RawMessage `json:"exact"`
		Indexes []struct{ Name string }
	}
	if err := json.Unmarshal([]byte(a), &res); err != nil {
		t.Fatal(err)
	}
	var sum int64
	for _, at := range res.Attributions {
		sum += at.WeightPPM
		for _, s := range at.Spans {
			if s.Start < 0 || s.End > len(f.text) || s.Start >= s.End {
				t.Fatalf("span %+v outside the text", s)
			}
		}
	}
	if sum != res.AttributedPPM || res.AttributedPPM < 800_000 || len(res.Attributions) < 2 || len(res.Indexes) != 2 {
		t.Fatalf("answer: %s", a)
	}
	// The human summary names the same contributions.
	human := runPoa(t, "", "attribute", "--index", f.v1, "--index", f.v2, "--text-file", f.textFile).want(t, 0).stdout
	if !strings.Contains(human, res.Attributions[0].ID) {
		t.Errorf("summary: %s", human)
	}
	// A larger minimum span changes the answer, and is recorded in it.
	long := runPoa(t, "", "attribute", "--index", f.v1, "--text-file", f.textFile, "--json", "--min-span", "200").want(t, 0).stdout
	if !strings.Contains(long, `"min_span":200`) || !strings.Contains(long, `"exact":[]`) {
		t.Errorf("min-span 200: %s", long)
	}
}

func TestVerifyClaims(t *testing.T) {
	f := newFixture(t)
	claim := runPoa(t, "", "attribute", "--index", f.v1, "--index", f.v2, "--text-file", f.textFile, "--json").want(t, 0).stdout
	good := writeFile(t, f.dir, "claim.json", claim)
	runPoa(t, "", "verify", "--index", f.v1, "--index", f.v2, "--text-file", f.textFile, "--claim", good).want(t, 0)

	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(claim), &doc))
	doc["attributed_ppm"] = json.Number("1000000")
	tampered, _ := json.Marshal(doc)
	bad := writeFile(t, f.dir, "bad.json", string(tampered))
	r := runPoa(t, "", "verify", "--index", f.v1, "--index", f.v2, "--text-file", f.textFile, "--claim", bad).want(t, 1)
	if !strings.Contains(r.stdout, "attributed_ppm: claim 1000000, recomputed") {
		t.Errorf("diff: %s", r.stdout)
	}
	// Against one index only, the claim names an index that is not there.
	r = runPoa(t, "", "verify", "--index", f.v1, "--text-file", f.textFile, "--claim", good).want(t, 1)
	if !strings.Contains(r.stdout, "indexes") {
		t.Errorf("diff: %s", r.stdout)
	}
	runPoa(t, "", "verify", "--index", f.v1, "--text-file", f.textFile, "--claim", writeFile(t, f.dir, "junk.json", "{not json")).want(t, 2)
	runPoa(t, "", "verify", "--index", f.v1, "--text-file", f.textFile).want(t, 2)
}

func TestBadInputsAreReported(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "ix")
	bad := writeFile(t, dir, "bad.jsonl", `{"id":"a","text":"fine text here"}
{"id":"b","text":"broken
{"id":"a","text":"duplicate"}
{"id":"c","text":""}
`)
	r := runPoa(t, "", "index", "--input", bad, "--out", out).want(t, 2)
	for _, want := range []string{"line 2: malformed JSON", `line 3: duplicate id "a"`, `line 4: "text" is empty`} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q: %s", want, r.stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("an index was written from bad input")
	}
	runPoa(t, "", "index", "--input", filepath.Join(dir, "missing.jsonl"), "--out", out).want(t, 2)
	runPoa(t, "", "index", "--out", out).want(t, 2)

	good := writeFile(t, dir, "good.jsonl", strings.Join(corpusLines(t, 20), "\n"))
	runPoa(t, "", "index", "--input", good, "--out", out, "--quiet").want(t, 0)
	runPoa(t, "", "index", "--input", good, "--out", out, "--quiet").want(t, 2) // exists
	runPoa(t, "", "index", "--input", good, "--out", out, "--quiet", "--force").want(t, 0)

	if r := runPoa(t, "bad \xff byte", "attribute", "--index", out, "--json").want(t, 2); !strings.Contains(r.stderr, "not valid UTF-8") {
		t.Errorf("stderr: %s", r.stderr)
	}
	if r := runPoa(t, " \n\t ", "attribute", "--index", out, "--json").want(t, 2); !strings.Contains(r.stderr, "empty") {
		t.Errorf("stderr: %s", r.stderr)
	}
	runPoa(t, "text", "attribute", "--json").want(t, 2)
	runPoa(t, "text", "attribute", "--index", filepath.Join(dir, "nope"), "--json").want(t, 2)
	runPoa(t, "text", "attribute", "--index", out, "--index", out, "--json").want(t, 2) // same name twice
	runPoa(t, "text", "attribute", "--index", out, "--min-span", "0", "--json").want(t, 2)
}

func TestTamperedIndexIsRefused(t *testing.T) {
	dir := t.TempDir()
	ix := filepath.Join(dir, "ix")
	lines := corpusLines(t, 50)
	runPoa(t, "", "index", "--input", writeFile(t, dir, "in.jsonl", strings.Join(lines, "\n")), "--out", ix, "--quiet").want(t, 0)
	var doc struct{ Text string }
	require.NoError(t, json.Unmarshal([]byte(lines[10]), &doc))
	runPoa(t, doc.Text, "attribute", "--index", ix, "--json").want(t, 0)
	runPoa(t, "", "check", "--index", ix).want(t, 0)

	text := filepath.Join(ix, "text.bin")
	data, err := os.ReadFile(text)
	require.NoError(t, err)
	for i := 0; i < len(data); i += 4096 {
		data[i] ^= 0x01
	}
	require.NoError(t, os.WriteFile(text, data, 0o644))
	if r := runPoa(t, doc.Text, "attribute", "--index", ix, "--json").want(t, 2); !strings.Contains(r.stderr, "fails its SHA-256 check") {
		t.Errorf("stderr: %s", r.stderr)
	}
	if r := runPoa(t, doc.Text, "attribute", "--index", ix, "--json", "--verify", "full").want(t, 2); !strings.Contains(r.stderr, "does not match the manifest") {
		t.Errorf("stderr: %s", r.stderr)
	}
	runPoa(t, "", "check", "--index", ix).want(t, 2)
	require.NoError(t, os.WriteFile(text, data[:len(data)-3], 0o644))
	if r := runPoa(t, doc.Text, "attribute", "--index", ix, "--json").want(t, 2); !strings.Contains(r.stderr, "truncated") {
		t.Errorf("stderr: %s", r.stderr)
	}
}

// freePort asks the kernel for a free port on 127.0.0.1.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServer runs poa serve and waits until it answers /healthz.
func startServer(t *testing.T, args ...string) (string, *exec.Cmd, *bytes.Buffer) {
	t.Helper()
	addr := freePort(t)
	cmd := exec.Command(poaBinary, append([]string{"serve", "--listen", addr}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
				t.Errorf("stopping the server: %v", err)
			}
			// Wait reaps the process; after the kill its error only reports the signal.
			_ = cmd.Wait()
		}
	})
	base := "http://" + addr
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base, cmd, &stderr
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not start: %v\n%s", err, stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func post(t *testing.T, url, body string) (int, map[string]any, []byte) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		t.Fatalf("reading the response (%d): %v", resp.StatusCode, err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("response is not JSON (%d): %s", resp.StatusCode, buf.String())
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("content type %q", ct)
	}
	return resp.StatusCode, doc, buf.Bytes()
}

func errorCode(doc map[string]any) string {
	e, _ := doc["error"].(map[string]any)
	code, _ := e["code"].(string)
	return code
}

func TestServe(t *testing.T) {
	f := newFixture(t)
	base, cmd, stderr := startServer(t, "--index", f.v1, "--index", f.v2, "--max-body", "65536")

	cli := runPoa(t, "", "attribute", "--index", f.v1, "--index", f.v2, "--text-file", f.textFile, "--json").want(t, 0).stdout
	textJSON, _ := json.Marshal(f.text)
	status, _, raw := post(t, base+"/v1/attribute", `{"text": `+string(textJSON)+`}`)
	if status != 200 || string(raw) != cli {
		t.Fatalf("HTTP answer (%d) differs from the CLI's:\n%s\n%s", status, raw, cli)
	}
	// Restricting to one index by name.
	status, doc, _ := post(t, base+"/v1/attribute", `{"text": `+string(textJSON)+`, "indexes": ["dn-v1"], "min_span": 8}`)
	if status != 200 || len(doc["indexes"].([]any)) != 1 || doc["min_span"].(float64) != 8 {
		t.Fatalf("%d %v", status, doc)
	}

	// Verify: the CLI's claim holds; a changed one does not.
	status, doc, _ = post(t, base+"/v1/verify", `{"text": `+string(textJSON)+`, "claim": `+cli+`}`)
	if status != 200 || doc["ok"] != true {
		t.Fatalf("verify: %d %v", status, doc)
	}
	changed := strings.Replace(cli, `"attributed_ppm":`, `"attributed_ppm":1`, 1)
	status, doc, _ = post(t, base+"/v1/verify", `{"text": `+string(textJSON)+`, "claim": `+changed+`}`)
	if status != 200 || doc["ok"] != false || len(doc["differences"].([]any)) == 0 {
		t.Fatalf("verify changed claim: %d %v", status, doc)
	}

	bad := []struct {
		body   string
		status int
		code   string
	}{
		{`{"text": "unterminated`, 400, "bad_json"},
		{`[1,2]`, 400, "bad_json"},
		{`{"text": "x", "surprise": 1}`, 400, "bad_json"},
		{`{}`, 400, "missing_text"},
		{`{"text": ""}`, 400, "empty_text"},
		{`{"text": "   \n "}`, 400, "empty_text"},
		{`{"text": "lone \ud800 surrogate"}`, 400, "invalid_text"},
		{"{\"text\": \"bad \xff byte\"}", 400, "invalid_text"},
		{`{"text": "fine", "indexes": ["dn-v9"]}`, 404, "unknown_index"},
		{`{"text": "fine", "min_span": -3}`, 400, "bad_request"},
		{`{"text": "` + strings.Repeat("a ", 40000) + `"}`, 413, "too_large"},
	}
	for _, c := range bad {
		status, doc, _ := post(t, base+"/v1/attribute", c.body)
		if status != c.status || errorCode(doc) != c.code {
			t.Errorf("%.60q: got %d %v, want %d %s", c.body, status, doc, c.status, c.code)
		}
	}
	if status, doc, _ := post(t, base+"/v1/verify", `{"text": "fine"}`); status != 400 || errorCode(doc) != "missing_claim" {
		t.Errorf("verify without claim: %d %v", status, doc)
	}
	if status, doc, _ := post(t, base+"/v1/verify", `{"text": "fine", "claim": "nope"}`); status != 400 {
		t.Errorf("verify with a string claim: %d %v", status, doc)
	}
	resp, err := http.Get(base + "/v1/attribute")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 405 || resp.Header.Get("Content-Type") != "application/json" {
		t.Errorf("GET /v1/attribute: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if status, doc, _ := post(t, base+"/v2/whatever", `{}`); status != 404 || errorCode(doc) != "not_found" {
		t.Errorf("unknown path: %d %v", status, doc)
	}

	resp, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics := new(bytes.Buffer)
	_, err = metrics.ReadFrom(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	for _, want := range []string{
		`poa_http_requests_total{code="200",endpoint="attribute"}`, `poa_http_requests_total{code="413",endpoint="attribute"}`,
		`poa_index_documents{index="dn-v1"} 200`, "poa_http_request_duration_seconds_bucket", "go_goroutines",
	} {
		if !strings.Contains(metrics.String(), want) {
			t.Errorf("metrics lack %s", want)
		}
	}

	// Graceful shutdown on SIGTERM.
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("server exited with %v\n%s", err, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("server did not stop")
	}
	if !strings.Contains(stderr.String(), "stopped") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

func TestServeRefusesBadStart(t *testing.T) {
	r := runPoa(t, "", "serve", "--listen", freePort(t))
	if r.code != 2 || !strings.Contains(r.stderr, "--index") {
		t.Errorf("serve without index: %d %s", r.code, r.stderr)
	}
}

// scanLines is used to read progress output.
func scanLines(s string) []string {
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

func TestIndexReportsProgressAndManifest(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "ix")
	r := runPoa(t, "", "index", "--input", writeFile(t, dir, "in.jsonl", strings.Join(corpusLines(t, 100), "\n")), "--out", out, "--name", "datanet-7-v3").want(t, 0)
	lines := scanLines(r.stderr)
	if len(lines) < 3 || !strings.Contains(r.stderr, "suffix array") || !strings.Contains(r.stdout, "index datanet-7-v3: 100 contributions") {
		t.Fatalf("progress: %s\nstdout: %s", r.stderr, r.stdout)
	}
	var m struct {
		Format        string `json:"format"`
		FormatVersion int    `json:"format_version"`
		MethodVersion string `json:"method_version"`
		Name          string `json:"name"`
		Input         struct {
			SHA256 string `json:"sha256"`
			Lines  int    `json:"lines"`
		} `json:"input"`
		Files []struct {
			Name   string `json:"name"`
			SHA256 string `json:"sha256"`
		} `json:"files"`
	}
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if m.Format != "openledger-poa-index" || m.FormatVersion != 2 || m.Name != "datanet-7-v3" || len(m.Input.SHA256) != 64 || m.Input.Lines != 100 || len(m.Files) < 10 {
		t.Fatalf("manifest: %s", data)
	}
}

// TestIncrementalIndex: a version indexed with --previous holds only what
// it adds, and the two indexes answer as one index of the whole version.
func TestIncrementalIndex(t *testing.T) {
	dir := t.TempDir()
	lines := corpusLines(t, 120)
	v1, v2, whole := filepath.Join(dir, "v1"), filepath.Join(dir, "v2"), filepath.Join(dir, "whole")
	all := writeFile(t, dir, "all.jsonl", strings.Join(lines, "\n")+"\n")
	runPoa(t, "", "index", "--input", writeFile(t, dir, "v1.jsonl", strings.Join(lines[:80], "\n")+"\n"), "--out", v1, "--quiet").want(t, 0)
	r := runPoa(t, "", "index", "--input", all, "--out", v2, "--previous", v1, "--quiet").want(t, 0)
	require.Contains(t, r.stdout, "40 contributions (80 left to the previous indexes)")
	runPoa(t, "", "index", "--input", all, "--out", whole, "--quiet").want(t, 0)

	var a, b struct {
		Text string
	}
	require.NoError(t, json.Unmarshal([]byte(lines[10]), &a))
	require.NoError(t, json.Unmarshal([]byte(lines[100]), &b))
	text := writeFile(t, dir, "out.txt", a.Text+" "+b.Text)
	split := runPoa(t, "", "attribute", "--index", v1, "--index", v2, "--text-file", text, "--json").want(t, 0)
	one := runPoa(t, "", "attribute", "--index", whole, "--text-file", text, "--json").want(t, 0)
	var sa, sb struct {
		Attributions json.RawMessage `json:"attributions"`
	}
	require.NoError(t, json.Unmarshal([]byte(split.stdout), &sa))
	require.NoError(t, json.Unmarshal([]byte(one.stdout), &sb))
	require.JSONEq(t, string(sb.Attributions), string(sa.Attributions))

	r = runPoa(t, "", "index", "--input", all, "--out", filepath.Join(dir, "bad"), "--previous", filepath.Join(dir, "missing")).want(t, 2)
	require.Contains(t, r.stderr, "--previous")
}
