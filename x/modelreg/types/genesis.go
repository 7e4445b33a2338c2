package types

import (
	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis is the genesis state of a new chain: default params, no models.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextModelId: 1}
}

// Validate checks a genesis state: params, every model, ascending unique ids
// below next_model_id, and lineage references to existing lower ids with the
// right kinds (so the lineage graph has no cycle) and bounded depth.
func (gs GenesisState) Validate(ac address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "%v", err)
	}
	depth := make(map[uint64]int, len(gs.Models)) // look-ups only, never iterated
	kinds := make(map[uint64]ModelKind, len(gs.Models))
	var last uint64
	for _, m := range gs.Models {
		if err := m.Validate(ac, gs.Params.MaxPrice); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "model %d: %v", m.Id, err)
		}
		if m.Id <= last {
			return errorsmod.Wrapf(ErrInvalidGenesis, "model ids must ascend: %d after %d", m.Id, last)
		}
		last = m.Id
		if m.Id >= gs.NextModelId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "model id %d is not below next_model_id %d", m.Id, gs.NextModelId)
		}
		d := 0
		for _, ref := range []uint64{m.BaseModelId, m.PreviousVersionId} {
			if ref == 0 {
				continue
			}
			rd, ok := depth[ref]
			if !ok {
				return errorsmod.Wrapf(ErrInvalidGenesis, "model %d refers to model %d, which is not an earlier model", m.Id, ref)
			}
			d = max(d, rd+1)
		}
		if m.PreviousVersionId != 0 && kinds[m.PreviousVersionId] != m.Kind {
			return errorsmod.Wrapf(ErrInvalidGenesis, "model %d: previous version %d is of another kind", m.Id, m.PreviousVersionId)
		}
		if m.BaseModelId != 0 && kinds[m.BaseModelId] != MODEL_KIND_BASE {
			return errorsmod.Wrapf(ErrInvalidGenesis, "model %d: base model %d is not of kind base", m.Id, m.BaseModelId)
		}
		if d > MaxLineageDepth {
			return errorsmod.Wrapf(ErrInvalidGenesis, "model %d: lineage deeper than %d", m.Id, MaxLineageDepth)
		}
		depth[m.Id] = d
		kinds[m.Id] = m.Kind
	}
	if gs.NextModelId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_model_id must be at least 1")
	}
	return nil
}
