package keeper

import (
	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// DatanetIndexes are the reverse look-ups of Datanets.
type DatanetIndexes struct {
	// Owner indexes (owner address, Datanet id).
	Owner *indexes.Multi[sdk.AccAddress, uint64, types.Datanet]
	// Tag indexes (tag, Datanet id), one entry per tag.
	Tag *modulekit.RefsIndex[string, uint64, types.Datanet]
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
		Tag: modulekit.NewRefsIndex(sb, types.DatanetsByTagKey, "datanets_by_tag", collections.StringKey, collections.Uint64Key,
			func(d types.Datanet) []string { return d.Tags }),
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
