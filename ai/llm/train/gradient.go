package train

import (
	"fmt"

	"github.com/openledger/openledger/ai/llm/kernels"
	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
)

// Parameters returns a copy of the current LoRA factors, flat in the
// trainer's layout (the layout of a GradientModel of the same shape).
func (t *Trainer) Parameters() []float32 { return append([]float32(nil), t.params...) }

// LoRAConfig is the adapter's PEFT configuration: its rank, alpha, scaling
// and targets, which fix the parameter layout.
func (t *Trainer) LoRAConfig() lora.Config { return t.opts.loraConfig() }

// GradientModel computes per-example gradients of the loss with respect to
// the LoRA factors, at parameters it is given, on the pure-Go kernels.
// Every operation on that path rounds each product before adding it and
// takes exponentials and logarithms from exactmath, so a gradient is the
// same bits on every machine, CPU and build: what gradient attribution
// needs for anyone to recompute it.
type GradientModel struct {
	net    *network
	params []float32
}

// NewGradientModel prepares gradients of adapters shaped by cfg (rank,
// alpha, rsLoRA, targets) on base, whose weights it packs again for the
// pure-Go kernels.
func NewGradientModel(base *model.Model, cfg lora.Config) (*GradientModel, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	be, err := kernels.ByName("go")
	if err != nil {
		return nil, err
	}
	g := &GradientModel{net: newNetwork(base, be, &layout{}, 0)}
	return g.Reshape(cfg)
}

// Reshape returns a GradientModel for adapters shaped by cfg that shares
// this one's packed base weights (read only), so many adapters of one base
// cost one copy of it.
func (g *GradientModel) Reshape(cfg lora.Config) (*GradientModel, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	targets := make([]model.Module, 0, len(cfg.TargetModules))
	for _, name := range cfg.TargetModules {
		m, err := model.ModuleByName(name)
		if err != nil {
			return nil, fmt.Errorf("train: %w", err)
		}
		targets = append(targets, m)
	}
	o := Options{Rank: cfg.R, Targets: targets}
	o = o.withDefaults()
	net := *g.net
	net.lay, net.scale = newLayout(&net.cfg, o.Rank, o.Targets), cfg.Scale()
	return &GradientModel{net: &net, params: make([]float32, net.lay.size)}, nil
}

// NumParameters is the length of a parameter vector.
func (g *GradientModel) NumParameters() int { return len(g.params) }

// SetParameters sets the LoRA factors (from Trainer.Parameters) at which
// gradients are taken.
func (g *GradientModel) SetParameters(p []float32) error {
	if len(p) != len(g.params) {
		return fmt.Errorf("train: %d parameters, the adapter has %d", len(p), len(g.params))
	}
	copy(g.params, p)
	return nil
}

// LossGradient is the gradient of e's mean response-token loss with
// respect to every LoRA factor, without dropout.
func (g *GradientModel) LossGradient(e Example) ([]float32, error) {
	if err := validExample(&g.net.cfg, 0, e); err != nil {
		return nil, err
	}
	rows := lossRows(&e)
	grad := make([]float32, len(g.params))
	act := g.net.forward(g.params, e.Tokens)
	_, dnormed := g.net.headLoss(act, rows, e.Tokens, 1/float32(len(rows)), true)
	g.net.backward(g.params, grad, act, dnormed)
	return grad, nil
}
