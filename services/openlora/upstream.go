package openlora

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// Upstream forwards generation to an OpenAI-compatible server that loads
// LoRA adapters at run time (vLLM started with --enable-lora and
// VLLM_ALLOW_RUNTIME_LORA_UPDATING, or `openlora serve
// --enable-adapter-loading`), while payment, attribution, receipts and
// settlement stay in this node. The upstream reads adapter folders from
// the paths this node verified, so both must see the same file system
// (one machine, or a shared volume).
type Upstream struct {
	// BaseURL is the upstream's API root, e.g. http://127.0.0.1:8001/v1.
	BaseURL string
	// BaseModel is the upstream's name for the base model.
	BaseModel string
	Client    *http.Client
}

// BaseName implements Backend.
func (u *Upstream) BaseName() string { return u.BaseModel }

// Close implements Backend.
func (u *Upstream) Close() error { return nil }

// upstreamAdapter is an adapter loaded into the upstream under name.
type upstreamAdapter struct {
	name  string
	bytes int64
}

func (a *upstreamAdapter) Bytes() int64 { return a.bytes }

func (u *Upstream) client() *http.Client {
	if u.Client != nil {
		return u.Client
	}
	return http.DefaultClient
}

func (u *Upstream) post(ctx context.Context, path string, body any) (*http.Response, error) {
	bz, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(u.BaseURL, "/")+path, bytes.NewReader(bz))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return u.client().Do(req)
}

// upstreamError turns an upstream error answer into an API error with the
// upstream's status, code and message.
func upstreamError(res *http.Response) error {
	body, _ := io.ReadAll(io.LimitReader(res.Body, 64<<10))
	var wrapped struct {
		Error *APIError `json:"error"`
	}
	if json.Unmarshal(body, &wrapped) == nil && wrapped.Error != nil && wrapped.Error.Message != "" {
		wrapped.Error.Status = res.StatusCode
		return wrapped.Error
	}
	return &APIError{
		Status: http.StatusBadGateway, Type: errTypeServer, Code: "upstream_error",
		Message: fmt.Sprintf("the upstream answered %s: %s", res.Status, strings.TrimSpace(string(body))),
	}
}

// LoadAdapter implements Backend with vLLM's POST /v1/load_lora_adapter;
// an adapter the upstream already has under the name counts as loaded.
func (u *Upstream) LoadAdapter(ctx context.Context, key, dir string) (LoadedAdapter, error) {
	res, err := u.post(ctx, "/load_lora_adapter", map[string]string{"lora_name": key, "lora_path": dir})
	if err != nil {
		return nil, fmt.Errorf("loading adapter %s into the upstream: %w", key, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		err := upstreamError(res)
		if !strings.Contains(strings.ToLower(err.Error()), "already") {
			return nil, fmt.Errorf("loading adapter %s into the upstream: %w", key, err)
		}
	}
	size := int64(0)
	if info, err := os.Stat(filepath.Join(dir, adapterWeightsFile)); err == nil {
		size = info.Size()
	}
	return &upstreamAdapter{name: key, bytes: size}, nil
}

// Generate implements Backend: a streamed request upstream, its text passed
// on as it arrives, its usage counted from the upstream's last chunk.
func (u *Upstream) Generate(ctx context.Context, req *GenerateRequest, onText func(string)) (*Generation, error) {
	model := u.BaseModel
	if a, ok := req.Adapter.(*upstreamAdapter); ok && a != nil {
		model = a.name
	}
	body := map[string]any{
		"model": model, "max_tokens": req.MaxTokens, "stream": true, "stream_options": map[string]bool{"include_usage": true},
	}
	if req.Temperature != nil {
		body["temperature"] = *req.Temperature
	}
	if req.TopP != nil {
		body["top_p"] = *req.TopP
	}
	if req.Seed != nil {
		body["seed"] = *req.Seed
	}
	if len(req.Stop) > 0 {
		body["stop"] = req.Stop
	}
	path := "/completions"
	if req.Messages != nil {
		path = "/chat/completions"
		body["messages"] = req.Messages
		if req.Logprobs {
			body["logprobs"], body["top_logprobs"] = true, req.TopLogprobs
		}
	} else {
		body["prompt"] = req.Prompt
		if req.Logprobs {
			body["logprobs"] = req.TopLogprobs
		}
	}
	res, err := u.post(ctx, path, body)
	if err != nil {
		return nil, fmt.Errorf("upstream: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, upstreamError(res)
	}
	g := &Generation{}
	var text strings.Builder
	sc := bufio.NewScanner(res.Body)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data: ")
		if !ok {
			continue
		}
		if data == "[DONE]" {
			break
		}
		var chunk struct {
			Choices []struct {
				Text  string `json:"text"`
				Delta struct {
					Content string `json:"content"`
				} `json:"delta"`
				Logprobs     *ChatLogprobs `json:"logprobs"`
				FinishReason *string       `json:"finish_reason"`
			} `json:"choices"`
			Usage *Usage    `json:"usage"`
			Error *APIError `json:"error"`
		}
		if err := json.Unmarshal([]byte(data), &chunk); err != nil {
			return nil, fmt.Errorf("upstream sent a chunk that is not JSON: %w", err)
		}
		if chunk.Error != nil {
			return nil, chunk.Error
		}
		if chunk.Usage != nil {
			g.PromptTokens, g.CompletionTokens = chunk.Usage.PromptTokens, chunk.Usage.CompletionTokens
		}
		for _, c := range chunk.Choices {
			piece := c.Text + c.Delta.Content
			if piece != "" {
				text.WriteString(piece)
				if onText != nil {
					onText(piece)
				}
			}
			if c.Logprobs != nil {
				for _, lp := range c.Logprobs.Content {
					t := TokenText{Text: lp.Token, Logprob: lp.Logprob}
					for _, alt := range lp.TopLogprobs {
						t.Top = append(t.Top, TokenTextAlternative{Text: alt.Token, Logprob: alt.Logprob})
					}
					g.Logprobs = append(g.Logprobs, t)
				}
			}
			if c.FinishReason != nil {
				g.FinishReason = *c.FinishReason
			}
		}
	}
	if err := sc.Err(); err != nil {
		if ctx.Err() != nil {
			g.Text = text.String()
			return g, ctx.Err()
		}
		return nil, fmt.Errorf("upstream stream: %w", err)
	}
	if g.FinishReason == "" {
		return nil, errors.New("the upstream stream ended without a finish reason")
	}
	g.Text = text.String()
	return g, nil
}
