package generate

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/openledger/openledger/ai/llm/model"
)

// Options configure an Engine.
type Options struct {
	// MaxBatch is the most requests in one step; more wait in a queue.
	MaxBatch int
	// PrefillChunk is the most prompt tokens a request feeds in one step, so
	// a long prompt does not stall the others' decoding.
	PrefillChunk int
	// DefaultMaxTokens applies to requests that set no MaxTokens.
	DefaultMaxTokens int
	// DefaultStopTokens applies to requests that set no StopTokens (for
	// example generation_config.json's eos_token_id).
	DefaultStopTokens []int
}

// Request is one generation.
type Request struct {
	Prompt []int
	// Adapter is the LoRA adapter to generate with; nil for the base model.
	Adapter model.Adapter
	// MaxTokens bounds the generated tokens.
	MaxTokens int
	Sampling  Sampling
	// StopTokens end the generation; the stop token is not part of the output.
	StopTokens []int
	// StopSequences end the generation when the output ends with one of
	// them; the matched tokens are part of the output.
	StopSequences [][]int
	// Stop, when set, is called after each token with the output so far;
	// returning true ends the generation. A server uses it to match stop
	// strings on detokenised text.
	Stop func(output []int) bool
	// OnToken, when set, is called with each output token as it is sampled,
	// on the engine's goroutine: it must return quickly.
	OnToken func(token int)
	// Logprobs asks for the log-probability of each output token, passed
	// to OnLogprob before the token is recorded, with TopLogprobs (at most
	// MaxTopLogprobs) alternatives.
	Logprobs    bool
	TopLogprobs int
	OnLogprob   func(TokenLogprob)
}

// FinishReason says why a generation ended.
type FinishReason string

// Finish reasons.
const (
	FinishStopToken    FinishReason = "stop_token"
	FinishStopSequence FinishReason = "stop_sequence"
	FinishStop         FinishReason = "stop"
	FinishLength       FinishReason = "length"
	FinishCanceled     FinishReason = "canceled"
	FinishError        FinishReason = "error"
)

// Result is a finished generation.
type Result struct {
	Tokens []int
	Reason FinishReason
	Err    error
}

// Handle follows a submitted request.
type Handle struct {
	// Tokens receives each output token and is closed when the request
	// ends. It is buffered for the whole output, so a slow reader never
	// holds up the engine.
	Tokens <-chan int
	done   chan struct{}
	result Result
}

// Wait blocks until the request ends and returns its result.
func (h *Handle) Wait() Result {
	<-h.done
	return h.result
}

// Engine runs requests on one model, batching all active ones each step.
type Engine struct {
	model *model.Model
	opts  Options

	mu     sync.Mutex
	cond   *sync.Cond
	queue  []*active
	closed bool
	wg     sync.WaitGroup

	batchSize  atomic.Int64 // requests in the last step
	queueDepth atomic.Int64 // requests waiting to join
}

// Stats is what the engine is doing: the requests in its last step and
// those waiting for a place in the batch.
type Stats struct {
	BatchSize, QueueDepth int
}

// Stats reports the engine's current load (for metrics).
func (e *Engine) Stats() Stats {
	return Stats{BatchSize: int(e.batchSize.Load()), QueueDepth: int(e.queueDepth.Load())}
}

// active is a request's state on the engine.
type active struct {
	req     Request
	ctx     context.Context
	handle  *Handle
	tokens  chan int
	cache   *model.KVCache
	fed     int // prompt tokens already in the cache
	output  []int
	last    int // the token to feed next once the prompt is in
	sampler *sampler
	limit   int
}

// ErrClosed is returned for requests submitted to, or still running on, a
// closed engine.
var ErrClosed = errors.New("generate: engine closed")

// NewEngine starts an engine's scheduling goroutine; Close stops it.
func NewEngine(m *model.Model, opts Options) *Engine {
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = 32
	}
	if opts.PrefillChunk <= 0 {
		opts.PrefillChunk = 256
	}
	if opts.DefaultMaxTokens <= 0 {
		opts.DefaultMaxTokens = 256
	}
	e := &Engine{model: m, opts: opts}
	e.cond = sync.NewCond(&e.mu)
	e.wg.Add(1)
	go e.loop()
	return e
}

// Close stops the engine; requests still queued or running end with
// ErrClosed.
func (e *Engine) Close() {
	e.mu.Lock()
	e.closed = true
	e.cond.Broadcast()
	e.mu.Unlock()
	e.wg.Wait()
}

// Submit queues a request. Cancelling ctx ends it at the next step.
func (e *Engine) Submit(ctx context.Context, req Request) (*Handle, error) {
	c := &e.model.Config
	if ctx == nil {
		ctx = context.Background()
	}
	if len(req.Prompt) == 0 {
		return nil, fmt.Errorf("generate: empty prompt")
	}
	for _, t := range req.Prompt {
		if t < 0 || t >= c.Vocab {
			return nil, fmt.Errorf("generate: prompt token %d outside the vocabulary of %d", t, c.Vocab)
		}
	}
	if req.TopLogprobs < 0 || req.TopLogprobs > MaxTopLogprobs {
		return nil, fmt.Errorf("generate: %d top logprobs, want 0 to %d", req.TopLogprobs, MaxTopLogprobs)
	}
	if c.MaxPositions > 0 && len(req.Prompt) >= c.MaxPositions {
		return nil, fmt.Errorf("generate: prompt of %d tokens leaves no room in a context of %d", len(req.Prompt), c.MaxPositions)
	}
	if req.MaxTokens <= 0 {
		req.MaxTokens = e.opts.DefaultMaxTokens
	}
	if req.StopTokens == nil {
		req.StopTokens = e.opts.DefaultStopTokens
	}
	limit := req.MaxTokens
	if c.MaxPositions > 0 {
		limit = min(limit, c.MaxPositions-len(req.Prompt))
	}
	tokens := make(chan int, limit)
	a := &active{
		req: req, ctx: ctx, tokens: tokens, cache: e.model.NewCache(),
		handle:  &Handle{Tokens: tokens, done: make(chan struct{})},
		sampler: newSampler(req.Sampling, req.Prompt), limit: limit,
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, ErrClosed
	}
	e.queue = append(e.queue, a)
	e.queueDepth.Store(int64(len(e.queue)))
	e.cond.Signal()
	return a.handle, nil
}

// Generate submits a request and waits for it.
func (e *Engine) Generate(ctx context.Context, req Request) (Result, error) {
	h, err := e.Submit(ctx, req)
	if err != nil {
		return Result{}, err
	}
	r := h.Wait()
	return r, r.Err
}

func (e *Engine) loop() {
	defer e.wg.Done()
	var running []*active
	for {
		e.mu.Lock()
		for len(e.queue) == 0 && len(running) == 0 && !e.closed {
			e.cond.Wait()
		}
		if e.closed {
			queued := e.queue
			e.queue = nil
			e.mu.Unlock()
			for _, a := range append(running, queued...) {
				a.finish(FinishCanceled, ErrClosed)
			}
			return
		}
		// Requests join between steps, oldest first.
		n := min(len(e.queue), e.opts.MaxBatch-len(running))
		running = append(running, e.queue[:n]...)
		e.queue = e.queue[n:]
		e.queueDepth.Store(int64(len(e.queue)))
		e.mu.Unlock()
		e.batchSize.Store(int64(len(running)))
		running = e.step(running)
		if len(running) == 0 {
			e.batchSize.Store(0)
		}
	}
}

// step runs one forward over every running request and returns those still
// running.
func (e *Engine) step(running []*active) []*active {
	// Requests cancelled since the last step leave now.
	live := running[:0]
	for _, a := range running {
		if err := a.ctx.Err(); err != nil {
			a.finish(FinishCanceled, err)
			continue
		}
		live = append(live, a)
	}
	running = live
	if len(running) == 0 {
		return running
	}
	// Adjacent rows with one adapter form one low-rank segment.
	order := adapterOrder(running)
	batch := make([]model.Sequence, len(order))
	for i, a := range order {
		seq := model.Sequence{Cache: a.cache, Adapter: a.req.Adapter}
		if a.fed < len(a.req.Prompt) {
			end := min(len(a.req.Prompt), a.fed+e.opts.PrefillChunk)
			seq.Tokens = a.req.Prompt[a.fed:end]
		} else {
			seq.Tokens = []int{a.last}
		}
		batch[i] = seq
	}
	logits, err := e.model.Forward(batch)
	if err != nil {
		for _, a := range running {
			a.finish(FinishError, err)
		}
		return running[:0]
	}
	for i, a := range order {
		if a.fed < len(a.req.Prompt) {
			a.fed += len(batch[i].Tokens)
			if a.fed < len(a.req.Prompt) {
				continue // more prompt to feed before sampling
			}
		}
		var logp []float64
		if a.req.Logprobs && a.req.OnLogprob != nil {
			logp = logSoftmax(logits[i]) // before sampling adjusts the logits
		}
		tok := a.sampler.next(logits[i])
		if logp != nil && !slices.Contains(a.req.StopTokens, tok) {
			a.req.OnLogprob(tokenLogprob(logp, tok, a.req.TopLogprobs))
		}
		a.advance(tok)
	}
	live = running[:0]
	for _, a := range running {
		if a.handle.result.Reason == "" {
			live = append(live, a)
		}
	}
	return live
}

// adapterOrder lists requests grouped by adapter, groups in order of first
// appearance, requests within a group in arrival order.
func adapterOrder(running []*active) []*active {
	first := map[model.Adapter]int{}
	for i, a := range running {
		if _, ok := first[a.req.Adapter]; !ok {
			first[a.req.Adapter] = i
		}
	}
	order := slices.Clone(running)
	slices.SortStableFunc(order, func(x, y *active) int {
		return first[x.req.Adapter] - first[y.req.Adapter]
	})
	return order
}

// advance records a sampled token and ends the request if it should stop.
func (a *active) advance(tok int) {
	if slices.Contains(a.req.StopTokens, tok) {
		a.finish(FinishStopToken, nil)
		return
	}
	a.output = append(a.output, tok)
	a.last = tok
	a.tokens <- tok
	if a.req.OnToken != nil {
		a.req.OnToken(tok)
	}
	for _, s := range a.req.StopSequences {
		if len(s) > 0 && len(a.output) >= len(s) && slices.Equal(a.output[len(a.output)-len(s):], s) {
			a.finish(FinishStopSequence, nil)
			return
		}
	}
	if a.req.Stop != nil && a.req.Stop(a.output) {
		a.finish(FinishStop, nil)
		return
	}
	if len(a.output) >= a.limit {
		a.finish(FinishLength, nil)
	}
}

func (a *active) finish(reason FinishReason, err error) {
	if a.handle.result.Reason != "" {
		return
	}
	a.handle.result = Result{Tokens: a.output, Reason: reason, Err: err}
	a.cache = nil
	close(a.tokens)
	close(a.handle.done)
}
