package openlora

import (
	"encoding/json"
	"net/http"
)

// sseWriter streams an answer as OpenAI's server-sent events: chunks of
// the answer's text, a last chunk with the finish reason and the receipt,
// a usage chunk when asked, and "data: [DONE]". Headers go out with the
// first text, so errors found before any text still get a proper status.
type sseWriter struct {
	w            http.ResponseWriter
	answer       *answer
	includeUsage bool
	started      bool
}

func (s *sseWriter) start() {
	if s.started {
		return
	}
	s.started = true
	h := s.w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	s.w.WriteHeader(http.StatusOK)
	if s.answer.chat {
		s.chunk(ChatChoice{Delta: &ChatDelta{Role: "assistant"}}, nil, nil)
	}
}

func (s *sseWriter) event(v any) {
	bz, _ := json.Marshal(v)
	_, _ = s.w.Write([]byte("data: "))
	_, _ = s.w.Write(bz)
	_, _ = s.w.Write([]byte("\n\n"))
	if f, ok := s.w.(http.Flusher); ok {
		f.Flush()
	}
}

func (s *sseWriter) chunk(chat ChatChoice, usage *Usage, receipt *SignedReceipt) {
	a := s.answer
	choices := []ChatChoice{chat}
	if usage != nil {
		choices = []ChatChoice{}
	}
	s.event(ChatCompletion{ID: a.id, Object: "chat.completion.chunk", Created: a.created, Model: a.model.ID, Choices: choices, Usage: usage, Receipt: receipt})
}

func (s *sseWriter) textChunk(choice TextChoice, usage *Usage, receipt *SignedReceipt) {
	a := s.answer
	choices := []TextChoice{choice}
	if usage != nil {
		choices = []TextChoice{}
	}
	s.event(TextCompletion{ID: a.id, Object: "text_completion", Created: a.created, Model: a.model.ID, Choices: choices, Usage: usage, Receipt: receipt})
}

// text sends a piece of the answer.
func (s *sseWriter) text(text string) {
	s.start()
	if s.answer.chat {
		s.chunk(ChatChoice{Delta: &ChatDelta{Content: text}}, nil, nil)
	} else {
		s.textChunk(TextChoice{Text: text}, nil, nil)
	}
}

// finish sends the last chunks.
func (s *sseWriter) finish(g *Generation, receipt *SignedReceipt) {
	s.start()
	if s.answer.chat {
		s.chunk(ChatChoice{Delta: &ChatDelta{}, Logprobs: chatLogprobs(g.Logprobs), FinishReason: finishReason(g)}, nil, receipt)
		if s.includeUsage {
			s.chunk(ChatChoice{}, usageOf(g), nil)
		}
	} else {
		s.textChunk(TextChoice{Logprobs: textLogprobs(g.Logprobs), FinishReason: finishReason(g)}, nil, receipt)
		if s.includeUsage {
			s.textChunk(TextChoice{}, usageOf(g), nil)
		}
	}
	_, _ = s.w.Write([]byte("data: [DONE]\n\n"))
	if f, ok := s.w.(http.Flusher); ok {
		f.Flush()
	}
}

// fail reports an error after the stream started, as OpenAI does: an
// error event, then the end.
func (s *sseWriter) fail(err *APIError) {
	s.event(map[string]*APIError{"error": err})
	_, _ = s.w.Write([]byte("data: [DONE]\n\n"))
}
