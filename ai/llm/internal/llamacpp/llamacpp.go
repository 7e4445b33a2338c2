// Package llamacpp runs llama.cpp through npm's node-llama-cpp, pinned by
// this folder's package-lock.json, so that Go tests can compare the engine's
// forward pass and speed with an independent implementation. Only the
// prebuilt linux-x64 CPU binary is installed (node-llama-cpp's other
// platforms' binaries are optional dependencies, left out), and the node
// script loads it with build "never": nothing is compiled or downloaded when
// a test runs. run.mjs takes one JSON request file and writes one JSON
// response file, so a test starts one node process per batch.
package llamacpp

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// Dir is the folder holding package.json and run.mjs.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// Install makes sure the pinned packages are installed, skipping the test
// when npm is not on PATH. Test binaries of several packages may call it at
// once, so the install holds a file lock.
//
// It runs `npm install --no-save` rather than `npm ci`: npm ci insists that
// the lock lists every optional platform binary of node-llama-cpp, and
// registries that serve only some platforms cannot produce such a lock.
// With the lock present and in step with package.json, npm install installs
// exactly the locked versions and integrity hashes and leaves the lock
// unchanged. Scripts are not run, since node-llama-cpp's postinstall would
// look for a binary to build or download.
func Install(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("npm is not on PATH: the comparison with llama.cpp needs node and npm")
	}
	dir := Dir()
	lock, err := os.OpenFile(filepath.Join(dir, "node_modules.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatalf("llamacpp: %v", err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatalf("llamacpp: lock: %v", err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN) //nolint:errcheck // released on close anyway
	if installed(dir) {
		return
	}
	cmd := exec.Command("npm", "install", "--no-save", "--omit=optional", "--ignore-scripts", "--no-audit", "--no-fund")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("llamacpp: npm install in %s: %v\n%s", dir, err, out)
	}
	if !installed(dir) {
		t.Fatalf("llamacpp: npm install in %s did not install the versions of package.json", dir)
	}
}

// installed reports whether node_modules holds exactly the versions that
// package.json pins.
func installed(dir string) bool {
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil || json.Unmarshal(data, &pkg) != nil {
		return false
	}
	for name, version := range pkg.Dependencies {
		var got struct {
			Version string `json:"version"`
		}
		data, err := os.ReadFile(filepath.Join(dir, "node_modules", name, "package.json"))
		if err != nil || json.Unmarshal(data, &got) != nil || got.Version != version {
			return false
		}
	}
	return true
}

// Request is one batch for run.mjs.
type Request struct {
	Model       string  `json:"model"` // GGUF path
	Threads     int     `json:"threads,omitempty"`
	ContextSize int     `json:"contextSize,omitempty"`
	Prompts     [][]int `json:"prompts,omitempty"`
	Steps       int     `json:"steps,omitempty"` // greedy tokens per prompt
	Logits      bool    `json:"logits,omitempty"`
	// Tokenize lists texts for llama.cpp's tokenizer (special tokens
	// parsed, no BOS added).
	Tokenize []string `json:"tokenize,omitempty"`
	Bench    *Bench   `json:"bench,omitempty"`
}

// Bench asks for prefill and single-stream decode timings.
type Bench struct {
	Threads []int `json:"threads"`
	Prompt  []int `json:"prompt"` // prefilled, then decoded after
	Decode  int   `json:"decode"` // decode steps
}

// Response is run.mjs's answer.
type Response struct {
	Results   []Result      `json:"results"`
	Tokenized [][]int       `json:"tokenized"`
	Bench     []BenchResult `json:"bench"`
}

// Result is one prompt's greedy tokens and, when asked, the logits each was
// chosen from.
type Result struct {
	Tokens []int       `json:"tokens"`
	Logits [][]float32 `json:"logits"`
}

// BenchResult is llama.cpp's speed at one thread count.
type BenchResult struct {
	Threads             int     `json:"threads"`
	PrefillTokensPerSec float64 `json:"prefillTokensPerSec"`
	DecodeTokensPerSec  float64 `json:"decodeTokensPerSec"`
}

// Run installs the packages if needed and runs one batch.
func Run(t testing.TB, req Request) Response {
	t.Helper()
	Install(t)
	tmp := t.TempDir()
	reqPath := filepath.Join(tmp, "request.json")
	respPath := filepath.Join(tmp, "response.json")
	data, err := json.Marshal(req)
	if err != nil {
		t.Fatalf("llamacpp: %v", err)
	}
	if err := os.WriteFile(reqPath, data, 0o644); err != nil {
		t.Fatalf("llamacpp: %v", err)
	}
	cmd := exec.Command("node", filepath.Join(Dir(), "run.mjs"), reqPath, respPath)
	cmd.Dir = Dir()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("llamacpp: node run.mjs: %v\n%s", err, out)
	}
	var resp Response
	data, err = os.ReadFile(respPath)
	if err == nil {
		err = json.Unmarshal(data, &resp)
	}
	if err != nil {
		t.Fatalf("llamacpp: response: %v", err)
	}
	return resp
}
