package openlora

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/ai/llm/generate"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// maxBodyBytes bounds a request body.
const maxBodyBytes = 4 << 20

// DefaultMaxTokens is the answer length when a request sets none.
const DefaultMaxTokens = 512

// maxStops is OpenAI's limit on stop strings.
const maxStops = 4

// decodeBody reads a JSON request body into v.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return &APIError{
				Status: http.StatusRequestEntityTooLarge, Type: errTypeInvalidRequest, Code: "request_too_large",
				Message: fmt.Sprintf("the request body is over %d bytes", maxBodyBytes),
			}
		}
		return invalidRequest("", "invalid_body", "reading the request body: %v", err)
	}
	if err := json.Unmarshal(body, v); err != nil {
		var unsupported *unsupportedContentError
		if errors.As(err, &unsupported) {
			return invalidRequest("messages", "unsupported_content", "%v", unsupported)
		}
		return invalidRequest("", "invalid_json", "the request body is not valid JSON for this endpoint: %v", err)
	}
	return nil
}

// applySampling checks the shared parameters and copies them into gen.
func (s *Server) applySampling(p *samplingParams, gen *GenerateRequest) error {
	if p.N != nil && *p.N != 1 {
		return invalidRequest("n", "unsupported_n", "n=%d: this node returns one choice per request", *p.N)
	}
	maxTokens := p.MaxTokens
	if p.MaxCompletionTokens != nil {
		maxTokens = p.MaxCompletionTokens
	}
	gen.MaxTokens = min(DefaultMaxTokens, s.opts.MaxTokens)
	if maxTokens != nil {
		if *maxTokens < 1 || *maxTokens > s.opts.MaxTokens {
			return invalidRequest("max_tokens", "invalid_max_tokens", "max_tokens must be between 1 and %d, got %d", s.opts.MaxTokens, *maxTokens)
		}
		gen.MaxTokens = *maxTokens
	}
	if t := p.Temperature; t != nil && (*t < 0 || *t > 2) {
		return invalidRequest("temperature", "invalid_temperature", "temperature must be between 0 and 2, got %g", *t)
	}
	if t := p.TopP; t != nil && (*t <= 0 || *t > 1) {
		return invalidRequest("top_p", "invalid_top_p", "top_p must be above 0 and at most 1, got %g", *t)
	}
	if len(p.Stop) > maxStops {
		return invalidRequest("stop", "invalid_stop", "at most %d stop sequences, got %d", maxStops, len(p.Stop))
	}
	gen.Temperature, gen.TopP, gen.Seed, gen.Stop = p.Temperature, p.TopP, p.Seed, p.Stop
	gen.MaxPromptTokens = s.opts.MaxPromptTokens
	return nil
}

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request) {
	var req ChatCompletionRequest
	if err := decodeBody(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	if len(req.Messages) == 0 {
		writeError(w, invalidRequest("messages", "missing_messages", "messages must hold at least one message"))
		return
	}
	for i, m := range req.Messages {
		switch m.Role {
		case "system", "user", "assistant":
		case "developer": // OpenAI's newer name for system
			req.Messages[i].Role = "system"
		default:
			writeError(w, invalidRequest(fmt.Sprintf("messages[%d].role", i), "invalid_role", "role %q: want system, developer, user or assistant", m.Role))
			return
		}
	}
	gen := &GenerateRequest{Messages: req.Messages}
	if err := s.applySampling(&req.samplingParams, gen); err != nil {
		writeError(w, err)
		return
	}
	if req.TopLogprobs != nil {
		if !req.Logprobs {
			writeError(w, invalidRequest("top_logprobs", "invalid_top_logprobs", "top_logprobs needs logprobs: true"))
			return
		}
		if *req.TopLogprobs < 0 || *req.TopLogprobs > generate.MaxTopLogprobs {
			writeError(w, invalidRequest("top_logprobs", "invalid_top_logprobs", "top_logprobs must be between 0 and %d", generate.MaxTopLogprobs))
			return
		}
		gen.TopLogprobs = *req.TopLogprobs
	}
	gen.Logprobs = req.Logprobs
	s.serve(w, r, &req.samplingParams, gen, true)
}

func (s *Server) handleCompletion(w http.ResponseWriter, r *http.Request) {
	var req CompletionRequest
	if err := decodeBody(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	var prompt string
	if err := json.Unmarshal(req.Prompt, &prompt); err != nil || len(req.Prompt) == 0 {
		writeError(w, invalidRequest("prompt", "invalid_prompt", "prompt must be one string"))
		return
	}
	gen := &GenerateRequest{Prompt: prompt}
	if req.Echo {
		writeError(w, invalidRequest("echo", "unsupported_echo", "echo is not supported"))
		return
	}
	if err := s.applySampling(&req.samplingParams, gen); err != nil {
		writeError(w, err)
		return
	}
	if req.Logprobs != nil {
		if *req.Logprobs < 0 || *req.Logprobs > 5 {
			writeError(w, invalidRequest("logprobs", "invalid_logprobs", "logprobs must be between 0 and 5"))
			return
		}
		gen.Logprobs, gen.TopLogprobs = true, *req.Logprobs
	}
	s.serve(w, r, &req.samplingParams, gen, false)
}

// answer is one request's progress through the node.
type answer struct {
	id      string
	created int64
	model   *ServedModel
	chat    bool
	start   time.Time
	first   time.Time
	stream  *sseWriter
}

// maxCost bounds what a request can cost: every byte of the prompt a token
// (byte-level tokenizers never make more), plus the chat template's
// tokens, plus max_tokens.
func maxCost(m *ServedModel, gen *GenerateRequest) math.Int {
	tokens := uint64(len(gen.Prompt)) + uint64(gen.MaxTokens) + 16
	for _, msg := range gen.Messages {
		tokens += uint64(len(msg.Content)) + 16
	}
	return modelregtypes.InferenceFee(m.Price(), tokens)
}

func newID(prefix string) string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return prefix + hex.EncodeToString(b[:])
}

// serve runs a checked request: model, payment, adapter, generation,
// attribution, receipt, answer.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, p *samplingParams, gen *GenerateRequest, chat bool) {
	ctx := r.Context()
	m, err := s.opts.Catalog.Resolve(ctx, p.Model)
	if err != nil {
		writeError(w, err)
		return
	}
	a := &answer{model: m, chat: chat, start: time.Now(), created: time.Now().Unix(), id: newID("cmpl-")}
	if chat {
		a.id = newID("chatcmpl-")
	}
	var pay *Payment
	if s.opts.Payments != nil {
		if pay, err = s.opts.Payments.Authorize(ctx, r.Header.Get(VoucherHeader), maxCost(m, gen)); err != nil {
			writeError(w, err)
			return
		}
		defer s.opts.Payments.Release(pay)
	}
	if !m.IsBase {
		adapter, tier, took, err := s.adapters.Get(ctx, m.ID)
		if err != nil {
			var artifactErr *ArtifactError
			if errors.As(err, &artifactErr) {
				writeError(w, unavailable("model_artifact_invalid", "%v", err))
			} else {
				writeError(w, err)
			}
			return
		}
		if tier != TierRAM {
			s.log.Info("adapter loaded", "model", m.ID, "tier", tier, "took", took)
		}
		// The request's own cold-load cost, for clients and load tests.
		w.Header().Set("OpenLedger-Adapter-Tier", tier)
		w.Header().Set("OpenLedger-Adapter-Load-Ms", strconv.FormatFloat(float64(took.Microseconds())/1000, 'f', 3, 64))
		gen.Adapter = adapter
	}
	if p.Stream {
		a.stream = &sseWriter{w: w, answer: a, includeUsage: p.StreamOptions != nil && p.StreamOptions.IncludeUsage}
	}

	s.metrics.inFlight.Inc()
	g, genErr := s.opts.Backend.Generate(ctx, gen, func(text string) {
		if a.first.IsZero() {
			a.first = time.Now()
			s.metrics.ttft.Observe(a.first.Sub(a.start).Seconds())
		}
		if a.stream != nil {
			a.stream.text(text)
		}
	})
	s.metrics.inFlight.Dec()
	// A client gone before the first token is not charged; one gone
	// later pays for what was generated.
	if genErr != nil && (g == nil || ctx.Err() == nil || g.CompletionTokens == 0) {
		s.failGeneration(w, a, genErr)
		return
	}
	s.metrics.tokens.WithLabelValues("prompt").Add(float64(g.PromptTokens))
	s.metrics.tokens.WithLabelValues("completion").Add(float64(g.CompletionTokens))
	if g.CompletionTokens > 1 && !a.first.IsZero() {
		s.metrics.interToken.Observe(time.Since(a.first).Seconds() / float64(g.CompletionTokens-1))
	}

	// The answer is charged and receipted even if the client has gone:
	// the tokens were generated, and the receipt can be fetched by id.
	receipt, err := s.receipt(context.WithoutCancel(ctx), a, gen, g, pay)
	if err != nil {
		s.log.Error("receipt failed", "id", a.id, "err", err)
		if a.stream == nil || !a.stream.started {
			writeError(w, serverError("the answer could not be receipted: %v", err))
		}
		return
	}
	if ctx.Err() != nil {
		s.log.Info("client left before the answer was sent", "id", a.id, "tokens", g.CompletionTokens)
		return
	}
	if a.stream != nil {
		a.stream.finish(g, receipt)
		return
	}
	writeJSON(w, s.completionBody(a, g, receipt))
}

func (s *Server) failGeneration(w http.ResponseWriter, a *answer, err error) {
	var apiErr *APIError
	switch {
	case errors.As(err, &apiErr):
	case errors.Is(err, ErrPromptTooLong):
		apiErr = invalidRequest("messages", "context_length_exceeded", "%v", err)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return
	default:
		s.log.Error("generation failed", "id", a.id, "err", err)
		apiErr = serverError("generation failed: %v", err)
	}
	if a.stream != nil && a.stream.started {
		a.stream.fail(apiErr)
		return
	}
	writeError(w, apiErr)
}

// receipt attributes the answer, signs its receipt and writes it (with the
// channel's new amount due) before the answer is sent.
func (s *Server) receipt(ctx context.Context, a *answer, gen *GenerateRequest, g *Generation, pay *Payment) (*SignedReceipt, error) {
	start := time.Now()
	attribution, err := s.opts.Attributor.Attribute(ctx, a.model, g.Text)
	if err != nil {
		return nil, err
	}
	var extra []ReceiptAttribution
	if s.opts.Gradients != nil {
		byGradient, err := s.opts.Gradients.Attribute(ctx, a.model, gen.Messages, g.Text)
		switch {
		case errors.Is(err, errNoGradientAnswer):
		case err != nil:
			// The answer still carries the exact method's weights.
			s.log.Warn("gradient attribution failed", "id", a.id, "model", a.model.ID, "err", err)
		case byGradient != nil:
			extra = append(extra, *byGradient)
		}
	}
	promptHash := sha256.New()
	if gen.Messages != nil {
		_ = json.NewEncoder(promptHash).Encode(gen.Messages)
	} else {
		promptHash.Write([]byte(gen.Prompt))
	}
	outputHash := sha256.Sum256([]byte(g.Text))
	fee := math.ZeroInt()
	user := ""
	if pay != nil {
		fee = modelregtypes.InferenceFee(a.model.Price(), uint64(g.PromptTokens+g.CompletionTokens))
		user = pay.User
	}
	modelSHA := a.model.ArtifactSHA256()
	if a.model.IsBase {
		modelSHA = s.opts.BaseSHA256
	}
	signed, err := s.opts.Store.CommitReceipt(user, g.Text, func(seq uint64, ch *ChannelState) (*SignedReceipt, error) {
		rc := Receipt{
			Version: ReceiptVersion, ID: a.id, Sequence: seq, ServingNode: s.node, User: user,
			ModelID: a.model.ModelID(), BaseModelID: s.opts.BaseModelID, ModelSHA256: modelSHA, BaseSHA256: s.opts.BaseSHA256,
			PromptSHA256: hex.EncodeToString(promptHash.Sum(nil)), OutputSHA256: hex.EncodeToString(outputHash[:]),
			PromptTokens: uint64(g.PromptTokens), CompletionTokens: uint64(g.CompletionTokens), Fee: fee.String(),
			Method: attribution.Method, Weights: attribution.Weights, Datasets: attribution.Datasets, Extra: extra, Created: time.Now().Unix(),
		}
		if pay != nil {
			served, _ := math.NewIntFromString(ch.Served)
			ch.Served = served.Add(fee).String()
			rc.VoucherNonce, rc.VoucherAmount, rc.CumulativeDue = pay.Voucher.Nonce, pay.Voucher.Amount, ch.Served
		}
		return SignReceipt(s.opts.Key, rc)
	})
	if err != nil {
		return nil, err
	}
	s.metrics.receiptTime.Observe(time.Since(start).Seconds())
	if pay != nil {
		s.metrics.unsettled.Inc()
		if s.settler != nil {
			s.settler.receiptAdded()
		}
	}
	return signed, nil
}

func finishReason(g *Generation) *string {
	reason := g.FinishReason
	return &reason
}

func usageOf(g *Generation) *Usage {
	return &Usage{PromptTokens: g.PromptTokens, CompletionTokens: g.CompletionTokens, TotalTokens: g.PromptTokens + g.CompletionTokens}
}

func (s *Server) completionBody(a *answer, g *Generation, receipt *SignedReceipt) any {
	if a.chat {
		return ChatCompletion{
			ID: a.id, Object: "chat.completion", Created: a.created, Model: a.model.ID,
			Choices: []ChatChoice{{
				Message: &ChatMessage{Role: "assistant", Content: g.Text}, Logprobs: chatLogprobs(g.Logprobs), FinishReason: finishReason(g),
			}},
			Usage: usageOf(g), Receipt: receipt,
		}
	}
	return TextCompletion{
		ID: a.id, Object: "text_completion", Created: a.created, Model: a.model.ID,
		Choices: []TextChoice{{Text: g.Text, Logprobs: textLogprobs(g.Logprobs), FinishReason: finishReason(g)}},
		Usage:   usageOf(g), Receipt: receipt,
	}
}

func tokenBytes(s string) []int {
	out := make([]int, len(s))
	for i := range len(s) {
		out[i] = int(s[i])
	}
	return out
}

func chatLogprobs(lps []TokenText) *ChatLogprobs {
	if lps == nil {
		return nil
	}
	out := &ChatLogprobs{Content: make([]ChatTokenLogprob, len(lps))}
	for i, lp := range lps {
		top := make([]ChatTopLogprobs, len(lp.Top))
		for j, alt := range lp.Top {
			top[j] = ChatTopLogprobs{Token: validText(alt.Text), Logprob: alt.Logprob, Bytes: tokenBytes(alt.Text)}
		}
		out.Content[i] = ChatTokenLogprob{Token: validText(lp.Text), Logprob: lp.Logprob, Bytes: tokenBytes(lp.Text), TopLogprobs: top}
	}
	return out
}

func textLogprobs(lps []TokenText) *TextLogprobs {
	if lps == nil {
		return nil
	}
	out := &TextLogprobs{}
	offset := 0
	for _, lp := range lps {
		out.Tokens = append(out.Tokens, validText(lp.Text))
		out.TokenLogprobs = append(out.TokenLogprobs, lp.Logprob)
		top := map[string]float64{}
		for _, alt := range lp.Top {
			top[validText(alt.Text)] = alt.Logprob
		}
		out.TopLogprobs = append(out.TopLogprobs, top)
		out.TextOffset = append(out.TextOffset, offset)
		offset += len(lp.Text)
	}
	return out
}

// validText replaces the invalid UTF-8 of a token that is part of a
// character (its bytes field keeps the exact bytes).
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
