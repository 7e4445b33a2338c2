package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/modelreg/types"
)

// ModelIndexes are the reverse look-ups of models.
type ModelIndexes struct {
	// Owner indexes (owner address, model id).
	Owner *indexes.Multi[sdk.AccAddress, uint64, types.Model]
	// Base indexes (base model id, model id) for fine-tunes and adapters.
	Base *RefIndex
	// Datanet indexes (Datanet id, model id), one entry per Datanet the
	// model was trained on.
	Datanet *RefIndex
}

// IndexesList implements collections.Indexes.
func (i ModelIndexes) IndexesList() []collections.Index[uint64, types.Model] {
	return []collections.Index[uint64, types.Model]{i.Owner, i.Base, i.Datanet}
}

func newModelIndexes(sb *collections.SchemaBuilder, ac address.Codec) ModelIndexes {
	return ModelIndexes{
		Owner: indexes.NewMulti(sb, types.ModelsByOwnerKey, "models_by_owner",
			sdk.AccAddressKey, collections.Uint64Key,
			func(_ uint64, m types.Model) (sdk.AccAddress, error) {
				return ac.StringToBytes(m.Owner)
			}),
		Base: newRefIndex(sb, types.ModelsByBaseKey, "models_by_base", func(m types.Model) []uint64 {
			if m.BaseModelId == 0 {
				return nil
			}
			return []uint64{m.BaseModelId}
		}),
		Datanet: newRefIndex(sb, types.ModelsByDatanetKey, "models_by_datanet", func(m types.Model) []uint64 {
			return m.Training.DatanetIDs()
		}),
	}
}

// RefIndex is a multi-valued index: one (reference id, model id) entry for
// every id refs returns for a model (none, one or several). collections'
// Multi index maps a value to exactly one reference key, so a model without
// a base, or trained on several Datanets, needs this one.
type RefIndex struct {
	refKeys collections.KeySet[collections.Pair[uint64, uint64]]
	refs    func(types.Model) []uint64
}

var _ collections.Index[uint64, types.Model] = (*RefIndex)(nil)

func newRefIndex(sb *collections.SchemaBuilder, prefix collections.Prefix, name string, refs func(types.Model) []uint64) *RefIndex {
	return &RefIndex{
		refKeys: collections.NewKeySet(sb, prefix, name,
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key),
			collections.WithKeySetSecondaryIndex()),
		refs: refs,
	}
}

// Reference replaces the entries of the previous value (if any) by those of
// the new one.
func (r *RefIndex) Reference(ctx context.Context, pk uint64, newValue types.Model, lazyOldValue func() (types.Model, error)) error {
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
	for _, ref := range r.refs(newValue) {
		if err := r.refKeys.Set(ctx, collections.Join(ref, pk)); err != nil {
			return err
		}
	}
	return nil
}

// Unreference removes the entries of the stored value.
func (r *RefIndex) Unreference(ctx context.Context, pk uint64, lazyOldValue func() (types.Model, error)) error {
	old, err := lazyOldValue()
	if err != nil {
		return err
	}
	return r.unreference(ctx, pk, old)
}

func (r *RefIndex) unreference(ctx context.Context, pk uint64, old types.Model) error {
	for _, ref := range r.refs(old) {
		if err := r.refKeys.Remove(ctx, collections.Join(ref, pk)); err != nil {
			return err
		}
	}
	return nil
}

// Has reports whether the model is indexed under the reference id.
func (r *RefIndex) Has(ctx context.Context, ref, pk uint64) (bool, error) {
	return r.refKeys.Has(ctx, collections.Join(ref, pk))
}

// IterateRaw iterates raw keys; with KeyCodec it lets query.CollectionPaginate
// page through the index.
func (r *RefIndex) IterateRaw(ctx context.Context, start, end []byte, order collections.Order) (collections.Iterator[collections.Pair[uint64, uint64], collections.NoValue], error) {
	return r.refKeys.IterateRaw(ctx, start, end, order)
}

// KeyCodec is the codec of the index's keys.
func (r *RefIndex) KeyCodec() collcodec.KeyCodec[collections.Pair[uint64, uint64]] {
	return r.refKeys.KeyCodec()
}
