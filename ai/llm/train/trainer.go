package train

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/openledger/openledger/ai/llm/model"
)

// Example is one training sequence.
type Example struct {
	Tokens []int
	// Mask marks the response tokens: Mask[i] says whether predicting
	// Tokens[i] (from the positions before it) counts in the loss. Prompt
	// tokens are false; Mask[0] is ignored, since nothing predicts the
	// first token. len(Mask) == len(Tokens).
	Mask []bool
}

// NewExample joins a prompt and its response, with the loss on the
// response only.
func NewExample(prompt, response []int) Example {
	e := Example{Tokens: slices.Concat(prompt, response), Mask: make([]bool, len(prompt)+len(response))}
	for i := len(prompt); i < len(e.Mask); i++ {
		e.Mask[i] = true
	}
	return e
}

// Options are the hyperparameters. Zero values take the defaults noted.
type Options struct {
	Rank   int     // LoRA r; default 8
	Alpha  float64 // lora_alpha; default 2·Rank
	RSLoRA bool    // scale alpha/√r instead of alpha/r
	// Dropout is PEFT's lora_dropout: in training steps each element of a
	// LoRA branch's input is zeroed with this probability (the others
	// scaled by 1/(1−p)); Loss and Logits run without it. Default 0.
	Dropout float64
	// Targets are the adapted projections; nil means all seven.
	Targets []model.Module

	LearningRate float64 // peak; default 2e-4
	WarmupSteps  int
	Steps        int     // optimizer steps in the whole run; required
	WeightDecay  float64 // decoupled (AdamW); default 0
	Beta1, Beta2 float64 // default 0.9, 0.999
	Epsilon      float64 // default 1e-8
	MaxGradNorm  float64 // global-norm clipping; 0 means none

	// BatchSize examples form a micro-batch and Accumulation micro-batches
	// an optimizer step (defaults 1 and 1). The loss of a step is the mean
	// over all response tokens of its examples, so accumulating equals one
	// large batch.
	BatchSize    int
	Accumulation int

	// Seed drives the LoRA A initialisation and the data order (a fresh
	// shuffle every epoch).
	Seed uint64
	// NoShuffle keeps the data in the given order every epoch.
	NoShuffle bool

	// Progress, when set, is called after every optimizer step.
	Progress func(Progress)
	// BaseModelNameOrPath goes into adapter_config.json.
	BaseModelNameOrPath string
}

// Progress reports one optimizer step.
type Progress struct {
	Step, Steps     int     // steps done, of the run
	Loss            float64 // mean loss over the step's response tokens
	LearningRate    float64 // the rate the step used
	GradNorm        float64 // global gradient norm before clipping
	Tokens          int     // tokens run forward and backward in the step
	TokensPerSecond float64 // Tokens over the step's wall time
}

func (o *Options) withDefaults() Options {
	d := *o
	if d.Rank == 0 {
		d.Rank = 8
	}
	if d.Alpha == 0 {
		d.Alpha = 2 * float64(d.Rank)
	}
	if d.Targets == nil {
		for m := range model.NumModules {
			d.Targets = append(d.Targets, m)
		}
	}
	d.Targets = slices.Clone(d.Targets)
	slices.Sort(d.Targets)
	d.Targets = slices.Compact(d.Targets)
	if d.LearningRate == 0 {
		d.LearningRate = 2e-4
	}
	if d.Beta1 == 0 {
		d.Beta1 = 0.9
	}
	if d.Beta2 == 0 {
		d.Beta2 = 0.999
	}
	if d.Epsilon == 0 {
		d.Epsilon = 1e-8
	}
	if d.BatchSize == 0 {
		d.BatchSize = 1
	}
	if d.Accumulation == 0 {
		d.Accumulation = 1
	}
	return d
}

// Trainer fine-tunes one LoRA adapter. It is not safe for concurrent use.
type Trainer struct {
	opts   Options
	net    *network
	data   []Example
	params []float32 // every A and B, see layout
	opt    adamW
	step   int // optimizer steps done
	// The data cursor: the current epoch's order and the next position in
	// it. rng drew the order and draws the next one.
	epoch  int
	order  []int
	cursor int
	pcg    *rand.PCG
	rng    *rand.Rand
}

// New prepares training of a fresh adapter on base. The base model is only
// read; its weights are packed again for training. data is kept, not
// copied, and must not change while the trainer is in use.
func New(base *model.Model, data []Example, opts Options) (*Trainer, error) {
	o := opts.withDefaults()
	if err := validate(&base.Config, data, &o); err != nil {
		return nil, err
	}
	cfg := o.loraConfig()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	lay := newLayout(&base.Config, o.Rank, o.Targets)
	t := &Trainer{opts: o, net: newNetwork(base, base.Backend(), lay, cfg.Scale()), data: data}
	t.pcg = rand.NewPCG(o.Seed, 0x747261696e)
	t.rng = rand.New(t.pcg)
	t.params = initParams(lay, t.rng)
	t.opt = adamW{
		beta1: o.Beta1, beta2: o.Beta2, eps: o.Epsilon, weightDecay: o.WeightDecay,
		m: make([]float32, lay.size), v: make([]float32, lay.size),
	}
	t.newEpoch()
	return t, nil
}

func validate(cfg *model.Config, data []Example, o *Options) error {
	switch {
	case len(data) == 0:
		return fmt.Errorf("train: no examples")
	case o.Steps <= 0:
		return fmt.Errorf("train: Steps must be positive")
	case o.Rank < 0 || o.Alpha < 0 || o.BatchSize < 0 || o.Accumulation < 0 || o.WarmupSteps < 0:
		return fmt.Errorf("train: Rank, Alpha, BatchSize, Accumulation and WarmupSteps must not be negative")
	case o.LearningRate < 0 || o.WeightDecay < 0 || o.MaxGradNorm < 0 || o.Epsilon < 0:
		return fmt.Errorf("train: LearningRate, WeightDecay, MaxGradNorm and Epsilon must not be negative")
	case o.Beta1 < 0 || o.Beta1 >= 1 || o.Beta2 < 0 || o.Beta2 >= 1:
		return fmt.Errorf("train: Adam betas must be in [0, 1)")
	case !(o.Dropout >= 0 && o.Dropout < 1):
		return fmt.Errorf("train: Dropout must be in [0, 1)")
	}
	for _, m := range o.Targets {
		if m < 0 || m >= model.NumModules {
			return fmt.Errorf("train: unknown target module %d", m)
		}
	}
	for i, e := range data {
		if err := validExample(cfg, i, e); err != nil {
			return err
		}
	}
	return nil
}

// validExample checks that example i can be run and has a loss.
func validExample(cfg *model.Config, i int, e Example) error {
	if len(e.Tokens) < 2 || len(e.Mask) != len(e.Tokens) {
		return fmt.Errorf("train: example %d needs at least two tokens and a mask of the same length", i)
	}
	if cfg.MaxPositions > 0 && len(e.Tokens) > cfg.MaxPositions {
		return fmt.Errorf("train: example %d has %d tokens, beyond max_position_embeddings %d", i, len(e.Tokens), cfg.MaxPositions)
	}
	if !slices.Contains(e.Mask[1:], true) {
		return fmt.Errorf("train: example %d has no response token in its mask", i)
	}
	for _, tok := range e.Tokens {
		if tok < 0 || tok >= cfg.Vocab {
			return fmt.Errorf("train: example %d: token %d outside the vocabulary of %d", i, tok, cfg.Vocab)
		}
	}
	return nil
}

// newEpoch draws the next epoch's order.
func (t *Trainer) newEpoch() {
	t.order = make([]int, len(t.data))
	for i := range t.order {
		t.order[i] = i
	}
	if !t.opts.NoShuffle {
		t.rng.Shuffle(len(t.order), func(i, j int) { t.order[i], t.order[j] = t.order[j], t.order[i] })
	}
	t.cursor = 0
}

// next returns the next example in the data order, starting a new epoch
// when the current one is used up.
func (t *Trainer) next() *Example {
	if t.cursor == len(t.order) {
		t.epoch++
		t.newEpoch()
	}
	e := &t.data[t.order[t.cursor]]
	t.cursor++
	return e
}

// StepsDone is the number of optimizer steps taken.
func (t *Trainer) StepsDone() int { return t.step }

// Step runs one optimizer step: Accumulation micro-batches of BatchSize
// examples forward and backward, clipping, and the AdamW update.
func (t *Trainer) Step() Progress {
	start := time.Now()
	o := &t.opts
	examples := make([]*Example, o.BatchSize*o.Accumulation)
	count, tokens := 0, 0
	for i := range examples {
		examples[i] = t.next()
		tokens += len(examples[i].Tokens)
		count += len(lossRows(examples[i]))
	}
	// Every token's loss is weighted 1/count so that the gradients summed
	// over micro-batches are those of the step's mean loss.
	grad := make([]float32, len(t.params))
	var sum float64
	for i, e := range examples {
		act := t.net.forwardDropout(t.params, e.Tokens, t.dropoutFor(i))
		s, dnormed := t.net.headLoss(act, lossRows(e), e.Tokens, 1/float32(count), true)
		sum += s
		t.net.backward(t.params, grad, act, dnormed)
	}
	norm := clipGlobalNorm(grad, o.MaxGradNorm)
	lr := learningRate(o.LearningRate, t.step, o.WarmupSteps, o.Steps)
	t.step++
	t.opt.update(t.params, grad, lr, t.step)
	p := Progress{Step: t.step, Steps: o.Steps, Loss: sum / float64(count), LearningRate: lr, GradNorm: norm, Tokens: tokens}
	if d := time.Since(start).Seconds(); d > 0 {
		p.TokensPerSecond = float64(tokens) / d
	}
	if o.Progress != nil {
		o.Progress(p)
	}
	return p
}

// Run takes the remaining steps, stopping early (with the context's error)
// when ctx is cancelled between steps.
func (t *Trainer) Run(ctx context.Context) error {
	for t.step < t.opts.Steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		t.Step()
	}
	return nil
}

// Loss returns the mean loss over the response tokens of examples with the
// current adapter, without changing anything.
func (t *Trainer) Loss(examples []Example) float64 {
	var sum float64
	count := 0
	for i := range examples {
		rows := lossRows(&examples[i])
		act := t.net.forward(t.params, examples[i].Tokens)
		s, _ := t.net.headLoss(act, rows, examples[i].Tokens, 0, false)
		sum += s
		count += len(rows)
	}
	return sum / float64(max(count, 1))
}

// Logits runs the training forward over tokens with the current adapter
// and returns the logits [len(tokens) × Vocab].
func (t *Trainer) Logits(tokens []int) []float32 {
	return t.net.logits(t.net.forward(t.params, tokens), allRows(len(tokens)))
}
