package openlora

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/openledger/openledger/ai/llm/chattemplate"
	"github.com/openledger/openledger/ai/llm/generate"
	"github.com/openledger/openledger/ai/llm/gguf"
	"github.com/openledger/openledger/ai/llm/hf"
	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tokenizer"
)

// Backend generates text with the base model or one of its adapters.
type Backend interface {
	// Generate runs one generation. onText receives the answer's text as it
	// becomes final (text that could still turn out to be the start of a
	// stop string is held back); it is called from one goroutine.
	Generate(ctx context.Context, req *GenerateRequest, onText func(string)) (*Generation, error)
	// LoadAdapter makes the PEFT adapter folder dir (already verified
	// against the chain) usable under key, its artifact's SHA-256 in hex.
	LoadAdapter(ctx context.Context, key, dir string) (LoadedAdapter, error)
	// BaseName names the base model in logs.
	BaseName() string
	// Close releases the backend.
	Close() error
}

// LoadedAdapter is an adapter a backend can generate with.
type LoadedAdapter interface {
	// Bytes is the adapter's in-memory size, for the adapter cache.
	Bytes() int64
}

// GenerateRequest is one generation, with the API's parameters already
// checked.
type GenerateRequest struct {
	Adapter LoadedAdapter // nil for the base model
	// Messages is set for a chat completion, Prompt for a text completion.
	Messages []ChatMessage
	Prompt   string
	// MaxTokens is the most tokens to generate; 0 means the model's default.
	MaxTokens   int
	Temperature *float64
	TopP        *float64
	Seed        *int64
	Stop        []string
	Logprobs    bool
	TopLogprobs int
	// MaxPromptTokens refuses longer prompts; 0 means the context length.
	MaxPromptTokens int
}

// Generation is a finished generation.
type Generation struct {
	Text             string
	PromptTokens     int
	CompletionTokens int
	// FinishReason is OpenAI's: "stop" or "length".
	FinishReason string
	Logprobs     []TokenText
}

// TokenText is one output token's log-probability with its text.
type TokenText struct {
	Text    string
	Logprob float64
	Top     []TokenTextAlternative
}

// TokenTextAlternative is one alternative at a token's position.
type TokenTextAlternative struct {
	Text    string
	Logprob float64
}

// ErrPromptTooLong is wrapped by errors for prompts the model cannot take.
var ErrPromptTooLong = errors.New("prompt too long")

// EmbeddedOptions configure the in-process engine.
type EmbeddedOptions struct {
	// MaxBatch is the most requests decoded together (default 32).
	MaxBatch int
}

// Embedded is the in-process ai/llm engine over one base model: a
// Hugging Face folder (config.json, safetensors, tokenizer.json and
// tokenizer_config.json with its chat template) or a llama GGUF file with
// its embedded tokenizer.
type Embedded struct {
	name     string
	model    *model.Model
	tok      *tokenizer.Tokenizer
	template *chattemplate.Template
	engine   *generate.Engine
	sampling generate.Sampling
}

// NewEmbedded loads the base model at path.
func NewEmbedded(path string, opts EmbeddedOptions) (*Embedded, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("base model: %w", err)
	}
	b := &Embedded{name: filepath.Base(path)}
	genOpts := generate.Options{MaxBatch: opts.MaxBatch}
	if info.IsDir() {
		if b.model, err = model.Load(path); err != nil {
			return nil, err
		}
		if b.tok, err = tokenizer.Load(path); err != nil {
			return nil, err
		}
		gc, ok, err := hf.ReadGenerationConfig(path)
		if err != nil {
			return nil, err
		}
		if ok {
			var o generate.Options
			o, b.sampling = generate.FromGenerationConfig(gc)
			genOpts.DefaultStopTokens, genOpts.DefaultMaxTokens = o.DefaultStopTokens, o.DefaultMaxTokens
		}
	} else {
		f, err := gguf.Open(path)
		if err != nil {
			return nil, err
		}
		b.model, err = f.Model()
		if err == nil {
			b.tok, err = f.LoadTokenizer()
		}
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	if len(genOpts.DefaultStopTokens) == 0 {
		if eos, ok := b.tok.EOSID(); ok {
			genOpts.DefaultStopTokens = []int{eos}
		}
	}
	if src := b.tok.ChatTemplate(); src != "" {
		if b.template, err = chattemplate.Parse(src); err != nil {
			return nil, fmt.Errorf("%s: chat template: %w", path, err)
		}
	}
	b.model.Compact()
	b.engine = generate.NewEngine(b.model, genOpts)
	return b, nil
}

// BaseName implements Backend.
func (b *Embedded) BaseName() string { return b.name }

// Close implements Backend.
func (b *Embedded) Close() error {
	b.engine.Close()
	return nil
}

// Load reports the engine's batch size and queue depth.
func (b *Embedded) Load() (batch, queued int) {
	st := b.engine.Stats()
	return st.BatchSize, st.QueueDepth
}

// Model is the loaded base model.
func (b *Embedded) Model() *model.Model { return b.model }

// embeddedAdapter is a PEFT adapter loaded against the base.
type embeddedAdapter struct {
	adapter *lora.Adapter
	bytes   int64
}

func (a *embeddedAdapter) Bytes() int64 { return a.bytes }

// LoadAdapter implements Backend: it reads the PEFT folder and checks it
// against the base model's shape.
func (b *Embedded) LoadAdapter(_ context.Context, _ string, dir string) (LoadedAdapter, error) {
	a, err := lora.Load(dir, &b.model.Config)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(filepath.Join(dir, "adapter_model.safetensors"))
	if err != nil {
		return nil, err
	}
	return &embeddedAdapter{adapter: a, bytes: info.Size()}, nil
}

// encodePrompt renders and tokenizes the request's prompt.
func (b *Embedded) encodePrompt(req *GenerateRequest) ([]int, error) {
	if req.Messages == nil {
		return b.tok.Encode(req.Prompt, true), nil
	}
	text, err := b.RenderChat(req.Messages, true)
	if err != nil {
		return nil, err
	}
	// The rendered template already holds the special tokens it wants.
	return b.tok.Encode(text, false), nil
}

// RenderChat renders messages with the model's chat template as a chat
// completion does; with addGenerationPrompt the text ends where the
// assistant's answer starts, without it a final assistant message is
// rendered whole (as a trainer needs it). Encode the text with
// Tokenizer().Encode(text, false): it holds its own special tokens.
func (b *Embedded) RenderChat(messages []ChatMessage, addGenerationPrompt bool) (string, error) {
	if b.template == nil {
		return "", invalidRequest("messages", "chat_unsupported", "model %s has no chat template; use /v1/completions", b.name)
	}
	msgs := make([]chattemplate.Message, len(messages))
	for i, m := range messages {
		msgs[i] = chattemplate.Message{Role: m.Role, Content: m.Content}
	}
	text, err := b.template.Execute(map[string]any{
		"messages": msgs, "add_generation_prompt": addGenerationPrompt, "bos_token": b.tok.BOSToken(), "eos_token": b.tok.EOSToken(),
	})
	if err != nil {
		var raised *chattemplate.ExceptionError
		if errors.As(err, &raised) {
			return "", invalidRequest("messages", "invalid_messages", "the model's chat template refuses the messages: %s", raised.Message)
		}
		return "", fmt.Errorf("chat template: %w", err)
	}
	return text, nil
}

// Tokenizer is the base model's tokenizer.
func (b *Embedded) Tokenizer() *tokenizer.Tokenizer { return b.tok }

// Generate implements Backend.
func (b *Embedded) Generate(ctx context.Context, req *GenerateRequest, onText func(string)) (*Generation, error) {
	prompt, err := b.encodePrompt(req)
	if err != nil {
		return nil, err
	}
	if len(prompt) == 0 {
		return nil, invalidRequest("prompt", "empty_prompt", "the prompt is empty")
	}
	limit := b.model.Config.MaxPositions - 1
	if req.MaxPromptTokens > 0 && (limit <= 0 || req.MaxPromptTokens < limit) {
		limit = req.MaxPromptTokens
	}
	if limit > 0 && len(prompt) > limit {
		return nil, fmt.Errorf("%w: %d tokens, this node takes at most %d", ErrPromptTooLong, len(prompt), limit)
	}
	sampling := b.sampling
	if req.Temperature != nil {
		sampling.Temperature = float32(*req.Temperature)
	}
	if req.TopP != nil {
		sampling.TopP = float32(*req.TopP)
	}
	if req.Seed != nil {
		sampling.Seed = uint64(*req.Seed)
	} else {
		var seed [8]byte
		_, _ = rand.Read(seed[:])
		sampling.Seed = binary.LittleEndian.Uint64(seed[:])
	}
	text := newStopText(b.tok, req.Stop)
	var logprobs []generate.TokenLogprob
	gen := generate.Request{
		Prompt: prompt, MaxTokens: req.MaxTokens, Sampling: sampling,
		Stop:     func([]int) bool { return text.stopped() },
		OnToken:  func(tok int) { text.add(tok) },
		Logprobs: req.Logprobs, TopLogprobs: req.TopLogprobs,
		OnLogprob: func(lp generate.TokenLogprob) { logprobs = append(logprobs, lp) },
	}
	if a, ok := req.Adapter.(*embeddedAdapter); ok && a != nil {
		gen.Adapter = a.adapter
	}
	h, err := b.engine.Submit(ctx, gen)
	if err != nil {
		return nil, err
	}
	for range h.Tokens {
		if delta := text.take(false); delta != "" && onText != nil {
			onText(delta)
		}
	}
	res := h.Wait()
	if res.Err != nil && res.Reason != generate.FinishCanceled {
		return nil, res.Err
	}
	if delta := text.take(true); delta != "" && onText != nil {
		onText(delta)
	}
	g := &Generation{Text: text.final(), PromptTokens: len(prompt), CompletionTokens: len(res.Tokens), FinishReason: "stop"}
	switch res.Reason {
	case generate.FinishLength:
		g.FinishReason = "length"
	case generate.FinishCanceled:
		if ctx.Err() != nil {
			return g, ctx.Err()
		}
	}
	for _, lp := range logprobs {
		t := TokenText{Text: b.tok.Decode([]int{lp.Token}, false), Logprob: lp.Logprob}
		for _, alt := range lp.Top {
			t.Top = append(t.Top, TokenTextAlternative{Text: b.tok.Decode([]int{alt.Token}, false), Logprob: alt.Logprob})
		}
		g.Logprobs = append(g.Logprobs, t)
	}
	return g, nil
}

// stopText decodes a generation token by token and finds OpenAI stop
// strings in the text: the answer ends before the first stop string, and
// text that might be the start of one is not released until it is known
// not to be. add and stopped run on the engine's goroutine, take and final
// on the request's.
type stopText struct {
	mu       sync.Mutex
	decoder  *tokenizer.StreamDecoder
	stops    []string
	holdback int
	text     strings.Builder
	cut      int // the answer's length once a stop string is found, else -1
	released int // bytes of the answer already taken
}

func newStopText(tok *tokenizer.Tokenizer, stops []string) *stopText {
	s := &stopText{decoder: tok.NewStreamDecoder(true), cut: -1}
	for _, stop := range stops {
		if stop != "" {
			s.stops = append(s.stops, stop)
			s.holdback = max(s.holdback, len(stop)-1)
		}
	}
	return s
}

func (s *stopText) add(tok int) {
	piece := s.decoder.Next(tok)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cut >= 0 || piece == "" {
		return
	}
	// A stop string can only newly appear in the last piece plus the
	// holdback before it.
	from := max(0, s.text.Len()-s.holdback)
	s.text.WriteString(piece)
	tail := s.text.String()[from:]
	first := -1
	for _, stop := range s.stops {
		if i := strings.Index(tail, stop); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first >= 0 {
		s.cut = from + first
	}
}

func (s *stopText) stopped() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cut >= 0
}

// take returns the text that became final since the last call; at the
// end, everything up to a stop string.
func (s *stopText) take(end bool) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if end && s.cut < 0 {
		s.text.WriteString(s.decoder.Flush())
	}
	text := s.text.String()
	upto := len(text)
	switch {
	case s.cut >= 0:
		upto = s.cut
	case !end:
		// Never split a character: back up to the start of one.
		upto = len(text) - s.holdback
		for upto > s.released && upto < len(text) && !utf8.RuneStart(text[upto]) {
			upto--
		}
	}
	if upto <= s.released {
		return ""
	}
	delta := text[s.released:upto]
	s.released = upto
	return delta
}

func (s *stopText) final() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	text := s.text.String()
	if s.cut >= 0 {
		return text[:s.cut]
	}
	return text
}
