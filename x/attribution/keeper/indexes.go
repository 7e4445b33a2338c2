package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/types"
)

// RecordIndexes are the reverse look-ups of records. Every indexed field
// (model, serving node, weights) is fixed when a record is made, so a record
// is indexed once, when it is first written: finalizing or overturning it
// (a status change) costs no index writes.
type RecordIndexes struct {
	// Model indexes (model id, record id).
	Model *ImmutableIndex[uint64]
	// ServingNode indexes (serving node address, record id).
	ServingNode *ImmutableIndex[sdk.AccAddress]
	// Contribution indexes (contribution id, record id), one entry per weight.
	Contribution *ImmutableIndex[uint64]
}

// setExists tells every index how to learn whether a record is stored.
func (i RecordIndexes) setExists(exists func(ctx context.Context, pk uint64) (bool, error)) {
	i.Model.exists = exists
	i.ServingNode.exists = exists
	i.Contribution.exists = exists
}

// IndexesList implements collections.Indexes.
func (i RecordIndexes) IndexesList() []collections.Index[uint64, types.AttributionRecord] {
	return []collections.Index[uint64, types.AttributionRecord]{i.Model, i.ServingNode, i.Contribution}
}

func newRecordIndexes(sb *collections.SchemaBuilder, ac address.Codec) RecordIndexes {
	return RecordIndexes{
		Model: newImmutableIndex(sb, types.RecordsByModelKey, "records_by_model", collections.Uint64Key,
			func(r types.AttributionRecord) ([]uint64, error) { return []uint64{r.ModelId}, nil }),
		ServingNode: newImmutableIndex(sb, types.RecordsByServingNodeKey, "records_by_serving_node", sdk.AccAddressKey,
			func(r types.AttributionRecord) ([]sdk.AccAddress, error) {
				addr, err := ac.StringToBytes(r.ServingNode)
				return []sdk.AccAddress{addr}, err
			}),
		Contribution: newImmutableIndex(sb, types.RecordsByContributionKey, "records_by_contribution", collections.Uint64Key,
			func(r types.AttributionRecord) ([]uint64, error) {
				ids := make([]uint64, len(r.Weights))
				for i, w := range r.Weights {
					ids[i] = w.ContributionId
				}
				return ids, nil
			}),
	}
}

// ImmutableIndex is a multi-valued index of records over fields that never
// change: one (reference, record id) entry for every reference refs returns
// (none, one or several). Reference writes the entries only when the record
// is new, which it learns from exists (a raw key look-up of the primary
// map, set by the keeper) without decoding the stored record.
type ImmutableIndex[K any] struct {
	refKeys collections.KeySet[collections.Pair[K, uint64]]
	refs    func(types.AttributionRecord) ([]K, error)
	exists  func(ctx context.Context, pk uint64) (bool, error)
}

func newImmutableIndex[K any](sb *collections.SchemaBuilder, prefix collections.Prefix, name string,
	kc collcodec.KeyCodec[K], refs func(types.AttributionRecord) ([]K, error),
) *ImmutableIndex[K] {
	return &ImmutableIndex[K]{
		refKeys: collections.NewKeySet(sb, prefix, name,
			collections.PairKeyCodec(kc, collections.Uint64Key), collections.WithKeySetSecondaryIndex()),
		refs: refs,
	}
}

// Reference indexes a new record; an existing one is already indexed.
func (r *ImmutableIndex[K]) Reference(ctx context.Context, pk uint64, newValue types.AttributionRecord, lazyOldValue func() (types.AttributionRecord, error)) error {
	var (
		found bool
		err   error
	)
	if r.exists != nil {
		found, err = r.exists(ctx, pk)
	} else {
		_, err = lazyOldValue()
		found = err == nil
		if errors.Is(err, collections.ErrNotFound) {
			err = nil
		}
	}
	if err != nil || found {
		return err
	}
	return r.eachRef(newValue, pk, func(key collections.Pair[K, uint64]) error { return r.refKeys.Set(ctx, key) })
}

// Unreference removes the entries of the stored record.
func (r *ImmutableIndex[K]) Unreference(ctx context.Context, pk uint64, lazyOldValue func() (types.AttributionRecord, error)) error {
	old, err := lazyOldValue()
	if err != nil {
		return err
	}
	return r.eachRef(old, pk, func(key collections.Pair[K, uint64]) error { return r.refKeys.Remove(ctx, key) })
}

// eachRef calls f with the index key of every reference of a record.
func (r *ImmutableIndex[K]) eachRef(rec types.AttributionRecord, pk uint64, f func(collections.Pair[K, uint64]) error) error {
	refs, err := r.refs(rec)
	if err != nil {
		return err
	}
	for _, ref := range refs {
		if err := f(collections.Join(ref, pk)); err != nil {
			return err
		}
	}
	return nil
}

// IterateRaw iterates raw keys; with KeyCodec it lets query.CollectionPaginate
// page through the index.
func (r *ImmutableIndex[K]) IterateRaw(ctx context.Context, start, end []byte, order collections.Order) (collections.Iterator[collections.Pair[K, uint64], collections.NoValue], error) {
	return r.refKeys.IterateRaw(ctx, start, end, order)
}

// KeyCodec is the codec of the index's keys.
func (r *ImmutableIndex[K]) KeyCodec() collcodec.KeyCodec[collections.Pair[K, uint64]] {
	return r.refKeys.KeyCodec()
}

// Has reports whether the record is indexed under the reference.
func (r *ImmutableIndex[K]) Has(ctx context.Context, ref K, pk uint64) (bool, error) {
	return r.refKeys.Has(ctx, collections.Join(ref, pk))
}

// ChallengeIndexes are the reverse look-ups of challenges.
type ChallengeIndexes struct {
	// Record indexes (record id, challenge id).
	Record *indexes.Multi[uint64, uint64, types.Challenge]
}

// IndexesList implements collections.Indexes.
func (i ChallengeIndexes) IndexesList() []collections.Index[uint64, types.Challenge] {
	return []collections.Index[uint64, types.Challenge]{i.Record}
}

func newChallengeIndexes(sb *collections.SchemaBuilder) ChallengeIndexes {
	return ChallengeIndexes{
		Record: indexes.NewMulti(sb, types.ChallengesByRecordKey, "challenges_by_record",
			collections.Uint64Key, collections.Uint64Key,
			func(_ uint64, c types.Challenge) (uint64, error) { return c.RecordId, nil }),
	}
}
