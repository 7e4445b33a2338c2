package openlora

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"cosmossdk.io/math"

	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// ServedModel is a model the node answers for: the base model or one of
// its adapters.
type ServedModel struct {
	// ID is what clients pass as "model": the on-chain id in decimal, or
	// the local name of a model served without a chain.
	ID   string
	Name string
	// OnChain is the registry record; nil for local models.
	OnChain *modelregtypes.Model
	// LocalDir is a local adapter's PEFT folder ("" for the base).
	LocalDir string
	// IsBase is true for the base model itself.
	IsBase bool
}

// Price is the model's on-chain price (zero for local models).
func (m *ServedModel) Price() modelregtypes.Price {
	if m.OnChain == nil {
		return modelregtypes.Price{PerCall: math.ZeroInt(), Per_1KTokens: math.ZeroInt()}
	}
	return m.OnChain.Price
}

// ModelID is the on-chain id, 0 for local models.
func (m *ServedModel) ModelID() uint64 {
	if m.OnChain == nil {
		return 0
	}
	return m.OnChain.Id
}

// ArtifactSHA256 is the artifact hash in hex ("" for local models).
func (m *ServedModel) ArtifactSHA256() string {
	if m.OnChain == nil {
		return ""
	}
	return hex.EncodeToString(m.OnChain.Artifact.Sha256)
}

// Catalog resolves the "model" of a request. With a chain it reads
// x/modelreg and the node's own x/agentstake record: a model is served
// when it is active, is the node's base model or a LoRA adapter of it, and
// is one the node is staked for. Without a chain it serves the base model
// and local adapter folders by name.
type Catalog struct {
	mu       sync.Mutex // guards local
	chain    *Chain
	node     string // the node's operator address (bech32)
	base     *modelregtypes.Model
	baseName string
	local    []*ServedModel
}

// NewLocalCatalog serves the base model as baseName and each adapter
// folder under its name.
func NewLocalCatalog(baseName string, adapters map[string]string) *Catalog {
	c := &Catalog{baseName: baseName}
	c.local = append(c.local, &ServedModel{ID: baseName, Name: baseName, IsBase: true})
	names := make([]string, 0, len(adapters))
	for name := range adapters {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		c.local = append(c.local, &ServedModel{ID: name, Name: name, LocalDir: adapters[name]})
	}
	return c
}

// NewChainCatalog checks that baseID is an active base model whose
// artifact hash is baseSHA256 (the local weights file's) and serves it and
// its adapters.
func NewChainCatalog(ctx context.Context, chain *Chain, node string, baseID uint64, baseSHA256 []byte) (*Catalog, error) {
	base, err := chain.Model(ctx, baseID)
	if err != nil {
		return nil, fmt.Errorf("base model %d: %w", baseID, err)
	}
	switch {
	case base.Kind != modelregtypes.MODEL_KIND_BASE:
		return nil, fmt.Errorf("model %d is a %s, not a base model", baseID, base.Kind)
	case base.Status != modelregtypes.MODEL_STATUS_ACTIVE:
		return nil, fmt.Errorf("base model %d is %s on chain", baseID, base.Status)
	case hex.EncodeToString(base.Artifact.Sha256) != hex.EncodeToString(baseSHA256):
		return nil, fmt.Errorf("base model %d: the local weights have sha256 %x, the chain records %x", baseID, baseSHA256, base.Artifact.Sha256)
	}
	return &Catalog{chain: chain, node: node, base: base, baseName: base.Name}, nil
}

// Resolve finds the model a request names: an on-chain id, or a name that
// exactly one served model has.
func (c *Catalog) Resolve(ctx context.Context, name string) (*ServedModel, error) {
	if name == "" {
		return nil, invalidRequest("model", "missing_model", "you must provide a model parameter")
	}
	if c.chain == nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		for _, m := range c.local {
			if m.ID == name {
				return m, nil
			}
		}
		return nil, notFound("model_not_found", "the model %q does not exist on this node", name)
	}
	id, err := strconv.ParseUint(name, 10, 64)
	if err != nil {
		models, err := c.List(ctx)
		if err != nil {
			return nil, err
		}
		var match []*ServedModel
		for _, m := range models {
			if m.Name == name {
				match = append(match, m)
			}
		}
		switch len(match) {
		case 0:
			return nil, notFound("model_not_found", "no model named %q is served by this node; use an on-chain model id or GET /v1/models", name)
		case 1:
			return match[0], nil
		default:
			return nil, invalidRequest("model", "ambiguous_model", "%d served models are named %q; use the on-chain model id", len(match), name)
		}
	}
	m, err := c.chain.Model(ctx, id)
	if errors.Is(err, errNotOnChain) {
		return nil, notFound("model_not_found", "model %d is not registered on chain", id)
	} else if err != nil {
		return nil, unavailable("chain_unavailable", "reading model %d from the chain: %v", id, err)
	}
	return c.check(ctx, m)
}

// check applies the serving rules to an on-chain model.
func (c *Catalog) check(ctx context.Context, m *modelregtypes.Model) (*ServedModel, error) {
	if m.Status != modelregtypes.MODEL_STATUS_ACTIVE {
		return nil, notFound("model_not_active", "model %d is %s on chain and is no longer served", m.Id, modelStatusText(m.Status))
	}
	served := &ServedModel{ID: strconv.FormatUint(m.Id, 10), Name: m.Name, OnChain: m}
	switch {
	case m.Id == c.base.Id:
		served.IsBase = true
	case m.Kind != modelregtypes.MODEL_KIND_LORA_ADAPTER:
		return nil, invalidRequest("model", "model_not_adapter", "model %d is a %s; this node serves LoRA adapters of model %d", m.Id, modelKindText(m.Kind), c.base.Id)
	case m.BaseModelId != c.base.Id:
		return nil, invalidRequest("model", "model_wrong_base", "model %d is an adapter of model %d; this node serves adapters of model %d", m.Id, m.BaseModelId, c.base.Id)
	}
	agent, err := c.chain.Agent(ctx, c.node)
	if errors.Is(err, errNotOnChain) {
		return nil, unavailable("node_not_staked", "this node (%s) is not registered in x/agentstake", c.node)
	} else if err != nil {
		return nil, unavailable("chain_unavailable", "reading this node's stake: %v", err)
	}
	if agent.Status != agentstaketypes.AGENT_STATUS_ACTIVE {
		return nil, unavailable("node_not_active", "this node is %s in x/agentstake and cannot be paid", agent.Status)
	}
	if !slices.Contains(agent.ModelIds, m.Id) {
		return nil, notFound("model_not_served", "this node is not staked for model %d", m.Id)
	}
	return served, nil
}

// List is every model the node serves now.
func (c *Catalog) List(ctx context.Context) ([]*ServedModel, error) {
	if c.chain == nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		return slices.Clone(c.local), nil
	}
	agent, err := c.chain.Agent(ctx, c.node)
	if err != nil && !errors.Is(err, errNotOnChain) {
		return nil, unavailable("chain_unavailable", "reading this node's stake: %v", err)
	}
	if agent == nil {
		return nil, nil
	}
	var out []*ServedModel
	for _, id := range agent.ModelIds {
		m, err := c.chain.Model(ctx, id)
		if err != nil {
			continue
		}
		if served, err := c.check(ctx, m); err == nil {
			out = append(out, served)
		}
	}
	return out, nil
}

func modelStatusText(s modelregtypes.ModelStatus) string {
	switch s {
	case modelregtypes.MODEL_STATUS_DEPRECATED:
		return "deprecated"
	case modelregtypes.MODEL_STATUS_REVOKED:
		return "revoked"
	default:
		return s.String()
	}
}

func modelKindText(k modelregtypes.ModelKind) string {
	switch k {
	case modelregtypes.MODEL_KIND_BASE:
		return "base model"
	case modelregtypes.MODEL_KIND_FULL_FINE_TUNE:
		return "full fine-tune"
	default:
		return k.String()
	}
}

// AddLocal serves the PEFT folder dir as name (a local catalog only); it
// refuses a name already served.
func (c *Catalog) AddLocal(name, dir string) error {
	if c.chain != nil {
		return errors.New("adapters come from the chain on this node")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range c.local {
		if m.ID == name {
			return fmt.Errorf("the adapter %q is already loaded", name)
		}
	}
	c.local = append(c.local, &ServedModel{ID: name, Name: name, LocalDir: dir})
	return nil
}

// RemoveLocal stops serving a local adapter.
func (c *Catalog) RemoveLocal(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, m := range c.local {
		if m.ID == name && !m.IsBase {
			c.local = slices.Delete(c.local, i, i+1)
			return true
		}
	}
	return false
}
