package openlora

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openledger/openledger/testutil/jsclient"
)

func post(t *testing.T, url string, body any, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case string:
		rd = strings.NewReader(b)
	default:
		bz, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(bz)
	}
	req, err := http.NewRequest(http.MethodPost, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, out
}

func chat(model, content string, extra map[string]any) map[string]any {
	body := map[string]any{"model": model, "messages": []map[string]string{{"role": "user", "content": content}}, "temperature": 0}
	for k, v := range extra {
		body[k] = v
	}
	return body
}

func decode[T any](t *testing.T, bz []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(bz, &v); err != nil {
		t.Fatalf("%v: %s", err, bz)
	}
	return v
}

// sseEvents reads a server-sent event stream into its data payloads.
func sseEvents(t *testing.T, body []byte) []string {
	t.Helper()
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(body))
	for sc.Scan() {
		if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
			out = append(out, data)
		}
	}
	return out
}

func TestChatCompletionAndReceipt(t *testing.T) {
	srv, ts := localNode(t)
	res, body := post(t, ts.URL+"/v1/chat/completions", chat("tiny", "Rotate the storage keys", map[string]any{"max_tokens": 12}), nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	c := decode[ChatCompletion](t, body)
	if c.Object != "chat.completion" || len(c.Choices) != 1 || c.Choices[0].Message.Role != "assistant" || c.Model != "tiny" {
		t.Fatalf("answer %s", body)
	}
	if c.Usage.CompletionTokens < 1 || c.Usage.CompletionTokens > 12 || c.Usage.TotalTokens != c.Usage.PromptTokens+c.Usage.CompletionTokens {
		t.Fatalf("usage %+v", c.Usage)
	}
	if *c.Choices[0].FinishReason == "length" && c.Usage.CompletionTokens != 12 {
		t.Fatalf("finish %s after %d tokens", *c.Choices[0].FinishReason, c.Usage.CompletionTokens)
	}
	r := c.Receipt
	if r == nil || r.Receipt.ID != c.ID || r.Receipt.ServingNode != srv.NodeAddress() || r.Receipt.CompletionTokens != uint64(c.Usage.CompletionTokens) {
		t.Fatalf("receipt %+v", r)
	}
	if err := r.Verify(); err != nil {
		t.Fatal(err)
	}
	forged := *r
	forged.Receipt.CompletionTokens++
	if forged.Verify() == nil {
		t.Fatal("a changed receipt still verifies")
	}
	got, err := http.Get(ts.URL + "/v1/receipts/" + c.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer got.Body.Close()
	stored := decodeReader[ReceiptAnswer](t, got.Body)
	if stored.Status != "free" || stored.Receipt.Signature != r.Signature {
		t.Fatalf("stored receipt %+v", stored)
	}
}

func decodeReader[T any](t *testing.T, r io.Reader) T {
	t.Helper()
	bz, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return decode[T](t, bz)
}

// TestStreamingEqualsWholeAnswer: greedy decoding streams the same text as
// the whole answer, in OpenAI's chunk shape, ending with the receipt and
// [DONE].
func TestStreamingEqualsWholeAnswer(t *testing.T) {
	_, ts := localNode(t)
	for _, model := range []string{"tiny", "tiny-lora"} {
		_, whole := post(t, ts.URL+"/v1/chat/completions", chat(model, "When a replica lags", map[string]any{"max_tokens": 20}), nil)
		want := decode[ChatCompletion](t, whole)
		res, body := post(t, ts.URL+"/v1/chat/completions", chat(model, "When a replica lags", map[string]any{
			"max_tokens": 20, "stream": true, "stream_options": map[string]bool{"include_usage": true},
		}), nil)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/event-stream" {
			t.Fatalf("status %d %s: %s", res.StatusCode, res.Header.Get("Content-Type"), body)
		}
		events := sseEvents(t, body)
		if events[len(events)-1] != "[DONE]" {
			t.Fatalf("stream ends with %q", events[len(events)-1])
		}
		var text strings.Builder
		var finish string
		var receipt *SignedReceipt
		var usage *Usage
		for i, e := range events[:len(events)-1] {
			chunk := decode[ChatCompletion](t, []byte(e))
			if chunk.Object != "chat.completion.chunk" {
				t.Fatalf("chunk %d: %s", i, e)
			}
			if i == 0 && chunk.Choices[0].Delta.Role != "assistant" {
				t.Fatalf("first chunk %s", e)
			}
			if chunk.Usage != nil {
				usage = chunk.Usage
				continue
			}
			text.WriteString(chunk.Choices[0].Delta.Content)
			if chunk.Choices[0].FinishReason != nil {
				finish, receipt = *chunk.Choices[0].FinishReason, chunk.Receipt
			}
		}
		if text.String() != want.Choices[0].Message.Content || finish != *want.Choices[0].FinishReason {
			t.Fatalf("%s: streamed %q (%s), whole %q (%s)", model, text.String(), finish, want.Choices[0].Message.Content, *want.Choices[0].FinishReason)
		}
		if receipt == nil || receipt.Verify() != nil || usage == nil || *usage != *want.Usage {
			t.Fatalf("%s: receipt %+v usage %+v want %+v", model, receipt, usage, want.Usage)
		}
	}
}

func TestAdapterChangesTheAnswer(t *testing.T) {
	_, ts := localNode(t)
	for _, tier := range []string{TierDisk, TierRAM} {
		res, _ := post(t, ts.URL+"/v1/completions", map[string]any{"model": "tiny-lora", "prompt": "Warm", "max_tokens": 2}, nil)
		if got := res.Header.Get("OpenLedger-Adapter-Tier"); got != tier || res.Header.Get("OpenLedger-Adapter-Load-Ms") == "" {
			t.Fatalf("adapter tier %q, want %q", got, tier)
		}
	}
	answer := func(model string) string {
		_, body := post(t, ts.URL+"/v1/completions", map[string]any{"model": model, "prompt": "Warm the hot paths", "max_tokens": 16, "temperature": 0}, nil)
		c := decode[TextCompletion](t, body)
		if c.Object != "text_completion" || len(c.Choices) != 1 {
			t.Fatalf("answer %s", body)
		}
		return c.Choices[0].Text
	}
	if base, adapted := answer("tiny"), answer("tiny-lora"); base == adapted {
		t.Fatalf("the adapter answers like the base: %q", base)
	}
}

// TestStopStrings: a stop string taken from the middle of an answer ends
// the answer just before it, streamed or not.
func TestStopStrings(t *testing.T) {
	_, ts := localNode(t)
	_, body := post(t, ts.URL+"/v1/completions", map[string]any{"model": "tiny", "prompt": "Rotate", "max_tokens": 40, "temperature": 0}, nil)
	full := decode[TextCompletion](t, body).Choices[0].Text
	if len(full) < 12 {
		t.Fatalf("answer too short to cut: %q", full)
	}
	stop := full[len(full)/2 : len(full)/2+3]
	cut := strings.Index(full, stop)
	if cut < 0 {
		t.Fatalf("%q not in %q", stop, full)
	}
	prefix := full[:cut]
	_, body = post(t, ts.URL+"/v1/completions", map[string]any{"model": "tiny", "prompt": "Rotate", "max_tokens": 40, "temperature": 0, "stop": stop}, nil)
	c := decode[TextCompletion](t, body)
	if c.Choices[0].Text != prefix || *c.Choices[0].FinishReason != "stop" {
		t.Fatalf("stop %q: %q (%s), want %q", stop, c.Choices[0].Text, *c.Choices[0].FinishReason, prefix)
	}
	_, body = post(t, ts.URL+"/v1/completions", map[string]any{"model": "tiny", "prompt": "Rotate", "max_tokens": 40, "temperature": 0, "stop": []string{stop}, "stream": true}, nil)
	var streamed strings.Builder
	for _, e := range sseEvents(t, body) {
		if e != "[DONE]" {
			streamed.WriteString(decode[TextCompletion](t, []byte(e)).Choices[0].Text)
		}
	}
	if streamed.String() != prefix {
		t.Fatalf("streamed %q, want %q", streamed.String(), prefix)
	}
}

func TestLogprobs(t *testing.T) {
	_, ts := localNode(t)
	_, body := post(t, ts.URL+"/v1/chat/completions", chat("tiny", "Rotate", map[string]any{"max_tokens": 5, "logprobs": true, "top_logprobs": 3}), nil)
	c := decode[ChatCompletion](t, body)
	lp := c.Choices[0].Logprobs
	if lp == nil || len(lp.Content) != c.Usage.CompletionTokens {
		t.Fatalf("logprobs %s", body)
	}
	var text strings.Builder
	for _, tok := range lp.Content {
		if len(tok.TopLogprobs) != 3 || tok.Logprob > 0 || tok.TopLogprobs[0].Logprob < tok.Logprob {
			t.Fatalf("token %+v", tok)
		}
		for _, b := range tok.Bytes {
			text.WriteByte(byte(b))
		}
	}
	if text.String() != c.Choices[0].Message.Content {
		t.Fatalf("token bytes %q, answer %q", text.String(), c.Choices[0].Message.Content)
	}
}

func TestBadRequestsGetOpenAIErrors(t *testing.T) {
	_, ts := localNode(t)
	long := strings.Repeat("keys rotate every ninety days ", 200)
	cases := []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"unknown model", chat("no-such-model", "hi", nil), 404, "model_not_found"},
		{"missing model", map[string]any{"messages": []map[string]string{{"role": "user", "content": "hi"}}}, 400, "missing_model"},
		{"malformed JSON", `{"model": "tiny", "messages": [`, 400, "invalid_json"},
		{"no messages", map[string]any{"model": "tiny", "messages": []any{}}, 400, "missing_messages"},
		{"bad role", map[string]any{"model": "tiny", "messages": []map[string]string{{"role": "robot", "content": "hi"}}}, 400, "invalid_role"},
		{"temperature", chat("tiny", "hi", map[string]any{"temperature": 3}), 400, "invalid_temperature"},
		{"max tokens", chat("tiny", "hi", map[string]any{"max_tokens": 100000}), 400, "invalid_max_tokens"},
		{"n", chat("tiny", "hi", map[string]any{"n": 2}), 400, "unsupported_n"},
		{"oversized prompt", chat("tiny", long, nil), 400, "context_length_exceeded"},
		{"image content", map[string]any{"model": "tiny", "messages": []map[string]any{{"role": "user", "content": []map[string]string{{"type": "image_url"}}}}}, 400, "unsupported_content"},
		{"body too large", chat("tiny", strings.Repeat("x", maxBodyBytes+1), nil), 413, "request_too_large"},
	}
	for _, c := range cases {
		res, body := post(t, ts.URL+"/v1/chat/completions", c.body, nil)
		e := decode[map[string]APIError](t, body)["error"]
		if res.StatusCode != c.status || e.Code != c.code || e.Message == "" || e.Type == "" {
			t.Errorf("%s: status %d, %s", c.name, res.StatusCode, body)
		}
	}
	res, err := http.Get(ts.URL + "/v1/nothing")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 404 {
		t.Errorf("unknown URL: %d", res.StatusCode)
	}
}

// TestClientLeavingMidStreamKeepsTheReceipt: the tokens generated before a
// client disconnects are receipted.
func TestClientLeavingMidStreamKeepsTheReceipt(t *testing.T) {
	srv, ts := localNode(t)
	before := srv.opts.Store.NextSequence()
	ctx, cancel := context.WithCancel(context.Background())
	bz, _ := json.Marshal(chat("tiny", "Rotate", map[string]any{"max_tokens": 64, "stream": true}))
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, ts.URL+"/v1/chat/completions", bytes.NewReader(bz))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(res.Body).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "data: ") {
		t.Fatalf("first line %q: %v", line, err)
	}
	cancel()
	res.Body.Close()
	deadline := time.Now().Add(10 * time.Second)
	for srv.opts.Store.NextSequence() == before {
		if time.Now().After(deadline) {
			t.Fatal("no receipt for the interrupted answer")
		}
		time.Sleep(20 * time.Millisecond)
	}
	r, _, err := srv.opts.Store.ReceiptBySeq(before)
	if err != nil || r.Verify() != nil || r.Receipt.CompletionTokens == 0 {
		t.Fatalf("receipt %+v: %v", r, err)
	}
}

func TestModelsList(t *testing.T) {
	_, ts := localNode(t)
	res, err := http.Get(ts.URL + "/v1/models")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	list := decodeReader[ModelList](t, res.Body)
	if list.Object != "list" || len(list.Data) != 2 || list.Data[0].ID != "tiny" || list.Data[1].ID != "tiny-lora" || list.Data[1].Kind != "adapter" {
		t.Fatalf("models %+v", list)
	}
}

// TestOpenAIClient drives the node with npm's official openai client,
// streaming and not, chat and text completions, and its error handling.
func TestOpenAIClient(t *testing.T) {
	_, ts := localNode(t)
	base := ts.URL + "/v1"
	res := jsclient.Run(t, []jsclient.Step{
		{Op: "models", BaseURL: base},
		{Op: "chat", BaseURL: base, Model: "tiny-lora", Params: map[string]any{"messages": []map[string]string{{"role": "user", "content": "Rotate the keys"}}, "max_tokens": 12, "temperature": 0}},
		{Op: "chat", BaseURL: base, Model: "tiny-lora", Params: map[string]any{"messages": []map[string]string{{"role": "user", "content": "Rotate the keys"}}, "max_tokens": 12, "temperature": 0, "stream": true, "stream_options": map[string]bool{"include_usage": true}}},
		{Op: "completion", BaseURL: base, Model: "tiny", Params: map[string]any{"prompt": "Warm the", "max_tokens": 8, "temperature": 0, "stream": true}},
		{Op: "chat", BaseURL: base, Model: "missing", Params: map[string]any{"messages": []map[string]string{{"role": "user", "content": "hi"}}}},
	})
	if len(res[0].Models) != 2 || res[0].Models[0].ID != "tiny" {
		t.Fatalf("models %+v", res[0])
	}
	whole, streamed := res[1], res[2]
	if whole.Error != nil || streamed.Error != nil || whole.Text == "" || whole.Text != streamed.Text || whole.FinishReason != streamed.FinishReason {
		t.Fatalf("whole %+v, streamed %+v", whole, streamed)
	}
	if string(whole.Usage) != string(streamed.Usage) || streamed.Chunks < 3 {
		t.Fatalf("usage %s vs %s, %d chunks", whole.Usage, streamed.Usage, streamed.Chunks)
	}
	for _, r := range []jsclient.Result{whole, streamed, res[3]} {
		var signed SignedReceipt
		if err := json.Unmarshal(r.Receipt, &signed); err != nil || signed.Verify() != nil || signed.Receipt.ID != r.ID {
			t.Fatalf("receipt %s: %v", r.Receipt, err)
		}
	}
	if res[3].Error != nil || res[3].Text == "" {
		t.Fatalf("completion %+v", res[3])
	}
	if e := res[4].Error; e == nil || e.Status != 404 || e.Code != "model_not_found" {
		t.Fatalf("unknown model: %+v", res[4])
	}
}

func TestMetrics(t *testing.T) {
	_, ts := localNode(t)
	post(t, ts.URL+"/v1/chat/completions", chat("tiny-lora", "Rotate", map[string]any{"max_tokens": 4}), nil)
	post(t, ts.URL+"/v1/chat/completions", chat("tiny-lora", "Rotate", map[string]any{"max_tokens": 4}), nil)
	res, err := http.Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	for _, want := range []string{
		`openlora_requests_total{code="200",endpoint="chat"} 2`,
		`openlora_adapter_lookups_total{tier="disk"} 1`,
		`openlora_adapter_lookups_total{tier="ram"} 1`,
		`openlora_time_to_first_token_seconds_count 2`,
		`openlora_tokens_total{kind="completion"}`,
		`openlora_receipt_seconds_count 2`,
		`openlora_adapters_in_memory 1`,
		`openlora_batch_size 0`,
		`openlora_queue_depth 0`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
