package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
)

// AgentIndexes are the reverse look-ups of agents.
type AgentIndexes struct {
	// Kind indexes (kind, operator).
	Kind *indexes.Multi[int32, sdk.AccAddress, types.Agent]
	// Owner indexes (owner, operator).
	Owner *indexes.Multi[sdk.AccAddress, sdk.AccAddress, types.Agent]
	// Model indexes (model id, operator), one entry per model served.
	Model *ModelIndex
}

// IndexesList implements collections.Indexes.
func (i AgentIndexes) IndexesList() []collections.Index[sdk.AccAddress, types.Agent] {
	return []collections.Index[sdk.AccAddress, types.Agent]{i.Kind, i.Owner, i.Model}
}

func newAgentIndexes(sb *collections.SchemaBuilder, ac address.Codec) AgentIndexes {
	return AgentIndexes{
		Kind: indexes.NewMulti(sb, types.AgentsByKindKey, "agents_by_kind",
			collections.Int32Key, sdk.AccAddressKey,
			func(_ sdk.AccAddress, a types.Agent) (int32, error) { return int32(a.Kind), nil }),
		Owner: indexes.NewMulti(sb, types.AgentsByOwnerKey, "agents_by_owner",
			sdk.AccAddressKey, sdk.AccAddressKey,
			func(_ sdk.AccAddress, a types.Agent) (sdk.AccAddress, error) { return ac.StringToBytes(a.Owner) }),
		Model: &ModelIndex{refKeys: collections.NewKeySet(sb, types.AgentsByModelKey, "agents_by_model",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey),
			collections.WithKeySetSecondaryIndex())},
	}
}

// ModelIndex is a multi-valued index: one (model id, operator) entry for
// every model an agent serves (none, one or several). collections' Multi
// index maps a value to exactly one reference key, so this one is needed.
type ModelIndex struct {
	refKeys collections.KeySet[collections.Pair[uint64, sdk.AccAddress]]
}

var _ collections.Index[sdk.AccAddress, types.Agent] = (*ModelIndex)(nil)

// Reference replaces the entries of the previous value (if any) by those of
// the new one.
func (r *ModelIndex) Reference(ctx context.Context, pk sdk.AccAddress, newValue types.Agent, lazyOldValue func() (types.Agent, error)) error {
	old, err := lazyOldValue()
	switch {
	case err == nil:
		if err := r.unreference(ctx, pk, old); err != nil {
			return err
		}
	case errors.Is(err, collections.ErrNotFound):
	default:
		return err
	}
	for _, id := range newValue.ModelIds {
		if err := r.refKeys.Set(ctx, collections.Join(id, pk)); err != nil {
			return err
		}
	}
	return nil
}

// Unreference removes the entries of the stored value.
func (r *ModelIndex) Unreference(ctx context.Context, pk sdk.AccAddress, lazyOldValue func() (types.Agent, error)) error {
	old, err := lazyOldValue()
	if err != nil {
		return err
	}
	return r.unreference(ctx, pk, old)
}

func (r *ModelIndex) unreference(ctx context.Context, pk sdk.AccAddress, old types.Agent) error {
	for _, id := range old.ModelIds {
		if err := r.refKeys.Remove(ctx, collections.Join(id, pk)); err != nil {
			return err
		}
	}
	return nil
}

// Has reports whether the agent is indexed under the model.
func (r *ModelIndex) Has(ctx context.Context, modelID uint64, pk sdk.AccAddress) (bool, error) {
	return r.refKeys.Has(ctx, collections.Join(modelID, pk))
}

// IterateRaw iterates raw keys; with KeyCodec it lets query.CollectionPaginate
// page through the index.
func (r *ModelIndex) IterateRaw(ctx context.Context, start, end []byte, order collections.Order) (collections.Iterator[collections.Pair[uint64, sdk.AccAddress], collections.NoValue], error) {
	return r.refKeys.IterateRaw(ctx, start, end, order)
}

// KeyCodec is the codec of the index's keys.
func (r *ModelIndex) KeyCodec() collcodec.KeyCodec[collections.Pair[uint64, sdk.AccAddress]] {
	return r.refKeys.KeyCodec()
}
