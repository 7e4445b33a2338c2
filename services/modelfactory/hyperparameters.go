package modelfactory

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/openledger/openledger/ai/llm/influence"
	"github.com/openledger/openledger/ai/llm/model"
)

// Hyperparameters are a training run's settings. A request starts from
// DefaultHyperparameters and sets what it names; zero is a value, not
// "use the default".
type Hyperparameters struct {
	Rank          int      `json:"lora_rank"`
	Alpha         float64  `json:"lora_alpha"`
	Dropout       float64  `json:"lora_dropout"`
	TargetModules []string `json:"target_modules"`
	LearningRate  float64  `json:"learning_rate"`
	Epochs        int      `json:"epochs"`
	BatchSize     int      `json:"batch_size"`
	Accumulation  int      `json:"gradient_accumulation"`
	MaxSeqLength  int      `json:"max_seq_length"`
	WarmupRatio   float64  `json:"warmup_ratio"`
	MaxGradNorm   float64  `json:"max_grad_norm"`
	WeightDecay   float64  `json:"weight_decay"`
	Seed          uint64   `json:"seed"`
	// HoldoutPercent of the rows (at least one when there are five or
	// more) are kept out of training for evaluation.
	HoldoutPercent int `json:"holdout_percent"`
	// AttributionCheckpoints is how many checkpoints of the run record
	// every row's gradient for gradient attribution; 0 records none.
	AttributionCheckpoints int `json:"attribution_checkpoints"`
}

// allModules are the seven projections of a Llama decoder layer, in the
// order PEFT's "all-linear" lists them.
var allModules = []string{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}

// DefaultHyperparameters are what a job gets for every setting left out.
func DefaultHyperparameters() Hyperparameters {
	return Hyperparameters{
		Rank: 8, Alpha: 16, Dropout: 0, TargetModules: slices.Clone(allModules),
		LearningRate: 2e-4, Epochs: 3, BatchSize: 1, Accumulation: 4, MaxSeqLength: 512,
		WarmupRatio: 0.05, MaxGradNorm: 1, WeightDecay: 0, Seed: 42, HoldoutPercent: 10,
		AttributionCheckpoints: influence.DefaultCheckpoints,
	}
}

// HyperparameterHelp is one setting's line of help, as the web page shows it.
type HyperparameterHelp struct {
	Key  string `json:"key"`
	Help string `json:"help"`
}

// Help explains every hyperparameter in one line.
var Help = []HyperparameterHelp{
	{"lora_rank", "Rank r of the low-rank update: higher learns more and makes a larger adapter (4 to 64 is usual)."},
	{"lora_alpha", "Scale of the update (alpha / r multiplies it); twice the rank is a good start."},
	{"lora_dropout", "Share of the adapter's input dropped at random in each training step (PEFT's lora_dropout): 0.05 to 0.1 helps against overfitting small data; 0 turns it off."},
	{"target_modules", "Which projections of every layer get an adapter: all seven learn most; q_proj and v_proj are the classic small choice."},
	{"learning_rate", "Peak step size of AdamW after warm-up; 1e-4 to 5e-4 for LoRA on real models, larger for tiny ones."},
	{"epochs", "How many times training goes over every row."},
	{"batch_size", "Rows per forward and backward pass; memory grows with it."},
	{"gradient_accumulation", "Passes whose gradients add up before one optimizer step: the effective batch is batch_size × this."},
	{"max_seq_length", "Longest row in tokens (prompt and response); a longer row is refused, not cut."},
	{"warmup_ratio", "Share of the steps over which the learning rate rises from 0 to its peak, before a cosine decay."},
	{"max_grad_norm", "Gradients are clipped to this global norm (0 turns clipping off)."},
	{"weight_decay", "Decoupled (AdamW) weight decay on the adapter."},
	{"seed", "Seeds the adapter's initialisation and the row order: the same seed and data give a byte-identical adapter."},
	{"holdout_percent", "Rows kept out of training to evaluate on (at least one once there are five rows)."},
	{"attribution_checkpoints", "Checkpoints at which every row's gradient is recorded, so the served model's answers can be traced to the rows that taught them (gradient attribution); each costs about one more pass over the rows, 0 turns it off."},
}

// validate checks the settings against each other and the base model.
func (h Hyperparameters) validate(base *model.Config) error {
	bad := func(field, format string, args ...any) error {
		return &Error{Status: 400, Code: "invalid_hyperparameter", Field: field, Message: fmt.Sprintf(format, args...)}
	}
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	switch {
	case h.Rank < 1 || h.Rank > 256:
		return bad("lora_rank", "lora_rank %d: from 1 to 256", h.Rank)
	case !finite(h.Alpha) || h.Alpha <= 0:
		return bad("lora_alpha", "lora_alpha must be above 0")
	case !finite(h.Dropout) || h.Dropout < 0 || h.Dropout >= 1:
		return bad("lora_dropout", "lora_dropout %g: from 0 to below 1", h.Dropout)
	case !finite(h.LearningRate) || h.LearningRate <= 0 || h.LearningRate > 1:
		return bad("learning_rate", "learning_rate %g: above 0 and at most 1", h.LearningRate)
	case h.Epochs < 1 || h.Epochs > 1000:
		return bad("epochs", "epochs %d: from 1 to 1000", h.Epochs)
	case h.BatchSize < 1 || h.BatchSize > 256:
		return bad("batch_size", "batch_size %d: from 1 to 256", h.BatchSize)
	case h.Accumulation < 1 || h.Accumulation > 1024:
		return bad("gradient_accumulation", "gradient_accumulation %d: from 1 to 1024", h.Accumulation)
	case h.MaxSeqLength < 2:
		return bad("max_seq_length", "max_seq_length %d: at least 2", h.MaxSeqLength)
	case base != nil && base.MaxPositions > 0 && h.MaxSeqLength > base.MaxPositions:
		return bad("max_seq_length", "max_seq_length %d: the base model takes at most %d positions", h.MaxSeqLength, base.MaxPositions)
	case !finite(h.WarmupRatio) || h.WarmupRatio < 0 || h.WarmupRatio >= 1:
		return bad("warmup_ratio", "warmup_ratio %g: from 0 to below 1", h.WarmupRatio)
	case !finite(h.MaxGradNorm) || h.MaxGradNorm < 0:
		return bad("max_grad_norm", "max_grad_norm must be 0 (off) or above")
	case !finite(h.WeightDecay) || h.WeightDecay < 0 || h.WeightDecay >= 1:
		return bad("weight_decay", "weight_decay %g: from 0 to below 1", h.WeightDecay)
	case h.HoldoutPercent < 0 || h.HoldoutPercent > 50:
		return bad("holdout_percent", "holdout_percent %d: from 0 to 50", h.HoldoutPercent)
	case h.AttributionCheckpoints < 0 || h.AttributionCheckpoints > 16:
		return bad("attribution_checkpoints", "attribution_checkpoints %d: from 0 to 16", h.AttributionCheckpoints)
	}
	if len(h.TargetModules) == 0 {
		return bad("target_modules", "choose at least one target module (%s)", strings.Join(allModules, ", "))
	}
	seen := map[string]bool{}
	for _, m := range h.TargetModules {
		if _, err := model.ModuleByName(m); err != nil {
			return bad("target_modules", "target module %q: want some of %s", m, strings.Join(allModules, ", "))
		}
		if seen[m] {
			return bad("target_modules", "target module %q is listed twice", m)
		}
		seen[m] = true
	}
	return nil
}

// modules are the target modules as the engine names them.
func (h Hyperparameters) modules() []model.Module {
	out := make([]model.Module, 0, len(h.TargetModules))
	for _, name := range h.TargetModules {
		m, _ := model.ModuleByName(name) // checked by validate
		out = append(out, m)
	}
	return out
}

// steps is the number of optimizer steps over rows training rows.
func (h Hyperparameters) steps(rows int) int {
	perStep := h.BatchSize * h.Accumulation
	return (rows*h.Epochs + perStep - 1) / perStep
}

// warmupSteps is the warm-up share of steps, rounded down.
func (h Hyperparameters) warmupSteps(steps int) int {
	return int(h.WarmupRatio * float64(steps))
}

// keyValues are the settings as x/modelreg records them: lowercase keys,
// text values, in ascending key order.
func (h Hyperparameters) keyValues() [][2]string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	kv := [][2]string{
		{"attribution_checkpoints", strconv.Itoa(h.AttributionCheckpoints)},
		{"epochs", strconv.Itoa(h.Epochs)},
		{"gradient_accumulation", strconv.Itoa(h.Accumulation)},
		{"holdout_percent", strconv.Itoa(h.HoldoutPercent)},
		{"learning_rate", f(h.LearningRate)},
		{"lora_alpha", f(h.Alpha)},
		{"lora_dropout", f(h.Dropout)},
		{"lora_rank", strconv.Itoa(h.Rank)},
		{"max_grad_norm", f(h.MaxGradNorm)},
		{"max_seq_length", strconv.Itoa(h.MaxSeqLength)},
		{"batch_size", strconv.Itoa(h.BatchSize)},
		{"seed", strconv.FormatUint(h.Seed, 10)},
		{"target_modules", strings.Join(h.TargetModules, ",")},
		{"warmup_ratio", f(h.WarmupRatio)},
		{"weight_decay", f(h.WeightDecay)},
	}
	slices.SortFunc(kv, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	return kv
}
