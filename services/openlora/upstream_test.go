package openlora

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cosmos/evm/crypto/ethsecp256k1"
)

// TestUpstreamBackend: a node whose generation runs on another node (in
// embedded mode, loading adapters at run time as vLLM does) answers what
// the other node answers, streamed or not, with its own receipts.
func TestUpstreamBackend(t *testing.T) {
	_, adapterDir := fixture(t)
	back, backTS := localNode(t)
	back.opts.AdapterLoading = true
	backTS.Config.Handler = back.Handler()

	store, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	key, err := ethsecp256k1.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	front := NewServer(Options{
		Backend: &Upstream{BaseURL: backTS.URL + "/v1", BaseModel: "tiny"},
		Catalog: NewLocalCatalog("tiny", map[string]string{"front-lora": adapterDir}), Store: store, Key: key, MaxTokens: 64,
	})
	frontTS := httptest.NewServer(front.Handler())
	t.Cleanup(frontTS.Close)

	// The back node serves the adapter as tiny-lora already; the front one
	// loads it again under its own name.
	for _, c := range []struct{ front, back string }{{"tiny", "tiny"}, {"front-lora", "tiny-lora"}} {
		_, direct := post(t, backTS.URL+"/v1/chat/completions", chat(c.back, "Rotate the keys", map[string]any{"max_tokens": 16}), nil)
		want := decode[ChatCompletion](t, direct)
		res, body := post(t, frontTS.URL+"/v1/chat/completions", chat(c.front, "Rotate the keys", map[string]any{"max_tokens": 16}), nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", c.front, res.StatusCode, body)
		}
		got := decode[ChatCompletion](t, body)
		if got.Choices[0].Message.Content != want.Choices[0].Message.Content || *got.Usage != *want.Usage {
			t.Fatalf("%s: front %q %+v, back %q %+v", c.front, got.Choices[0].Message.Content, got.Usage, want.Choices[0].Message.Content, want.Usage)
		}
		if got.Receipt == nil || got.Receipt.Verify() != nil || got.Receipt.Receipt.ServingNode != front.NodeAddress() {
			t.Fatalf("%s: receipt %+v", c.front, got.Receipt)
		}
		_, streamed := post(t, frontTS.URL+"/v1/chat/completions", chat(c.front, "Rotate the keys", map[string]any{"max_tokens": 16, "stream": true}), nil)
		var text string
		for _, e := range sseEvents(t, streamed) {
			if e != "[DONE]" {
				if ch := decode[ChatCompletion](t, []byte(e)); len(ch.Choices) > 0 && ch.Choices[0].Delta != nil {
					text += ch.Choices[0].Delta.Content
				}
			}
		}
		if text != want.Choices[0].Message.Content {
			t.Fatalf("%s: streamed %q, want %q", c.front, text, want.Choices[0].Message.Content)
		}
	}
	// Loading the same name twice is refused; the front node's second load
	// after an upstream restart would find it there and go on.
	res, body := post(t, backTS.URL+"/v1/load_lora_adapter", map[string]string{"lora_name": "tiny-lora", "lora_path": adapterDir}, nil)
	if res.StatusCode != http.StatusBadRequest {
		t.Fatalf("second load: %d %s", res.StatusCode, body)
	}
	res, body = post(t, backTS.URL+"/v1/load_lora_adapter", map[string]string{"lora_name": "broken", "lora_path": t.TempDir()}, nil)
	if res.StatusCode != http.StatusBadRequest {
		t.Fatalf("loading an empty folder: %d %s", res.StatusCode, body)
	}
	res, _ = post(t, backTS.URL+"/v1/unload_lora_adapter", map[string]string{"lora_name": "front-lora"}, nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("unload: %d", res.StatusCode)
	}
}
