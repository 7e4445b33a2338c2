package modelfactory

import (
	"context"
	"path/filepath"

	"github.com/openledger/openledger/services/openlora"
)

// ChatRequest is a playground turn.
type ChatRequest struct {
	Messages    []openlora.ChatMessage `json:"messages"`
	MaxTokens   int                    `json:"max_tokens"`
	Temperature *float64               `json:"temperature"`
	Seed        *int64                 `json:"seed"`
	// Base answers with the base model instead of the adapter.
	Base bool `json:"base"`
}

// ChatResponse is the model's answer.
type ChatResponse struct {
	Content          string `json:"content"`
	PromptTokens     int    `json:"prompt_tokens"`
	CompletionTokens int    `json:"completion_tokens"`
	FinishReason     string `json:"finish_reason"`
}

// maxChatTokens bounds a playground answer.
const maxChatTokens = 512

// Chat answers with a finished job's adapter (or its base), through the
// serving node's own chat rendering and generation code, so the
// playground shows what the served model will say.
func (f *Factory) Chat(ctx context.Context, id string, req ChatRequest) (*ChatResponse, error) {
	j, err := f.Job(id)
	if err != nil {
		return nil, err
	}
	if j.Status != StatusSucceeded {
		return nil, conflict("not_trained", "job %s is %s; chat once it has succeeded", id, j.Status)
	}
	if len(req.Messages) == 0 {
		return nil, badRequest("messages_required", "messages", "send at least one message")
	}
	for _, m := range req.Messages {
		if m.Role != "user" && m.Role != "assistant" && m.Role != "system" {
			return nil, badRequest("invalid_role", "messages", "role %q: want system, user or assistant", m.Role)
		}
	}
	if req.MaxTokens <= 0 || req.MaxTokens > maxChatTokens {
		req.MaxTokens = min(max(req.MaxTokens, 128), maxChatTokens)
	}
	base, err := f.base(j.BaseSHA256)
	if err != nil {
		return nil, err
	}
	gen := &openlora.GenerateRequest{Messages: req.Messages, MaxTokens: req.MaxTokens, Temperature: req.Temperature, Seed: req.Seed}
	if req.Temperature == nil {
		greedy := 0.0
		gen.Temperature = &greedy
	}
	if !req.Base {
		if gen.Adapter, err = f.jobAdapter(ctx, base, j); err != nil {
			return nil, err
		}
	}
	g, err := base.Generate(ctx, gen, nil)
	if err != nil {
		return nil, err
	}
	return &ChatResponse{Content: g.Text, PromptTokens: g.PromptTokens, CompletionTokens: g.CompletionTokens, FinishReason: g.FinishReason}, nil
}

// jobAdapter loads a finished job's adapter against the loaded base.
func (f *Factory) jobAdapter(ctx context.Context, base *openlora.Embedded, j *Job) (openlora.LoadedAdapter, error) {
	f.baseMu.Lock()
	defer f.baseMu.Unlock()
	if a, ok := f.adapter[j.ID]; ok {
		return a, nil
	}
	a, err := base.LoadAdapter(ctx, "", filepath.Join(f.jobs.jobDir(j.ID), "adapter"))
	if err != nil {
		return nil, err
	}
	f.adapter[j.ID] = a
	return a, nil
}
