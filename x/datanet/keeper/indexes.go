package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/datanet/types"
)

// DatanetIndexes are the reverse look-ups of Datanets.
type DatanetIndexes struct {
	// Owner indexes (owner address, Datanet id).
	Owner *indexes.Multi[sdk.AccAddress, uint64, types.Datanet]
	// Tag indexes (tag, Datanet id), one entry per tag.
	Tag *TagIndex
}

// IndexesList implements collections.Indexes.
func (i DatanetIndexes) IndexesList() []collections.Index[uint64, types.Datanet] {
	return []collections.Index[uint64, types.Datanet]{i.Owner, i.Tag}
}

func newDatanetIndexes(sb *collections.SchemaBuilder, ac address.Codec) DatanetIndexes {
	return DatanetIndexes{
		Owner: indexes.NewMulti(sb, types.DatanetsByOwnerKey, "datanets_by_owner",
			sdk.AccAddressKey, collections.Uint64Key,
			func(_ uint64, d types.Datanet) (sdk.AccAddress, error) {
				return ac.StringToBytes(d.Owner)
			}),
		Tag: newTagIndex(sb, types.DatanetsByTagKey, "datanets_by_tag"),
	}
}

// ContributionIndexes are the reverse look-ups of contributions.
type ContributionIndexes struct {
	// Datanet indexes (Datanet id, contribution id).
	Datanet *indexes.Multi[uint64, uint64, types.Contribution]
	// DatanetStatus indexes ((Datanet id, status), contribution id), so that
	// reviewers page through pending contributions without reading the rest.
	DatanetStatus *indexes.Multi[collections.Pair[uint64, int32], uint64, types.Contribution]
	// Contributor indexes (contributor address, contribution id).
	Contributor *indexes.Multi[sdk.AccAddress, uint64, types.Contribution]
}

// IndexesList implements collections.Indexes.
func (i ContributionIndexes) IndexesList() []collections.Index[uint64, types.Contribution] {
	return []collections.Index[uint64, types.Contribution]{i.Datanet, i.DatanetStatus, i.Contributor}
}

func newContributionIndexes(sb *collections.SchemaBuilder, ac address.Codec) ContributionIndexes {
	return ContributionIndexes{
		Datanet: indexes.NewMulti(sb, types.ContributionsByDatanetKey, "contributions_by_datanet",
			collections.Uint64Key, collections.Uint64Key,
			func(_ uint64, c types.Contribution) (uint64, error) { return c.DatanetId, nil }),
		DatanetStatus: indexes.NewMulti(sb, types.ContributionsByDatanetStatusKey, "contributions_by_datanet_status",
			collections.PairKeyCodec(collections.Uint64Key, collections.Int32Key), collections.Uint64Key,
			func(_ uint64, c types.Contribution) (collections.Pair[uint64, int32], error) {
				return collections.Join(c.DatanetId, int32(c.Status)), nil
			}),
		Contributor: indexes.NewMulti(sb, types.ContributionsByContributorKey, "contributions_by_contributor",
			sdk.AccAddressKey, collections.Uint64Key,
			func(_ uint64, c types.Contribution) (sdk.AccAddress, error) {
				return ac.StringToBytes(c.Contributor)
			}),
	}
}

// TagIndex is a multi-valued index: one (tag, Datanet id) entry for every tag
// of a Datanet. collections' Multi index maps a value to a single reference
// key, so tags need their own.
type TagIndex struct {
	refKeys collections.KeySet[collections.Pair[string, uint64]]
}

var _ collections.Index[uint64, types.Datanet] = (*TagIndex)(nil)

func newTagIndex(sb *collections.SchemaBuilder, prefix collections.Prefix, name string) *TagIndex {
	return &TagIndex{refKeys: collections.NewKeySet(sb, prefix, name,
		collections.PairKeyCodec(collections.StringKey, collections.Uint64Key),
		collections.WithKeySetSecondaryIndex())}
}

// Reference replaces the entries of the previous value (if any) by those of
// the new one.
func (t *TagIndex) Reference(ctx context.Context, pk uint64, newValue types.Datanet, lazyOldValue func() (types.Datanet, error)) error {
	old, err := lazyOldValue()
	switch {
	case err == nil:
		if err := t.unreference(ctx, pk, old); err != nil {
			return err
		}
	case errors.Is(err, collections.ErrNotFound):
	default:
		return err
	}
	for _, tag := range newValue.Tags {
		if err := t.refKeys.Set(ctx, collections.Join(tag, pk)); err != nil {
			return err
		}
	}
	return nil
}

// Unreference removes the entries of the stored value.
func (t *TagIndex) Unreference(ctx context.Context, pk uint64, lazyOldValue func() (types.Datanet, error)) error {
	old, err := lazyOldValue()
	if err != nil {
		return err
	}
	return t.unreference(ctx, pk, old)
}

func (t *TagIndex) unreference(ctx context.Context, pk uint64, old types.Datanet) error {
	for _, tag := range old.Tags {
		if err := t.refKeys.Remove(ctx, collections.Join(tag, pk)); err != nil {
			return err
		}
	}
	return nil
}

// Has reports whether the Datanet is indexed under the tag.
func (t *TagIndex) Has(ctx context.Context, tag string, pk uint64) (bool, error) {
	return t.refKeys.Has(ctx, collections.Join(tag, pk))
}

// IterateRaw iterates raw keys; with KeyCodec it lets query.CollectionPaginate
// page through the index.
func (t *TagIndex) IterateRaw(ctx context.Context, start, end []byte, order collections.Order) (collections.Iterator[collections.Pair[string, uint64], collections.NoValue], error) {
	return t.refKeys.IterateRaw(ctx, start, end, order)
}

// KeyCodec is the codec of the index's keys.
func (t *TagIndex) KeyCodec() collcodec.KeyCodec[collections.Pair[string, uint64]] {
	return t.refKeys.KeyCodec()
}
