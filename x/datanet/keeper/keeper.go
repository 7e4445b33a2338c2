// Package keeper holds the state and the state transitions of x/datanet.
package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// Keeper is the state of x/datanet and the services it uses.
type Keeper struct {
	modulekit.Env

	accountKeeper       types.AccountKeeper
	bankKeeper          types.BankKeeper
	communityPoolKeeper types.CommunityPoolKeeper

	Schema collections.Schema
	// Params are the module parameters.
	Params collections.Item[types.Params]
	// NextDatanetID is the id the next Datanet gets (from 1).
	NextDatanetID collections.Sequence
	// Datanets maps id -> Datanet, indexed by owner and by tag.
	Datanets *collections.IndexedMap[uint64, types.Datanet, DatanetIndexes]
	// NextContributionID is the id the next contribution gets (from 1).
	NextContributionID collections.Sequence
	// Contributions maps id -> Contribution, indexed by Datanet, by (Datanet,
	// status) and by contributor.
	Contributions *collections.IndexedMap[uint64, types.Contribution, ContributionIndexes]
	// AcceptedContent maps (Datanet id, content hash) -> the accepted
	// contribution that owns the content: the first one accepted.
	AcceptedContent collections.Map[collections.Pair[uint64, []byte], uint64]
	// AcceptedOrder maps (Datanet id, leaf index) -> contribution id: the
	// accepted contributions in acceptance order, the leaves of the Merkle
	// tree. Proofs and exports are rebuilt from it.
	AcceptedOrder collections.Map[collections.Pair[uint64, uint64], uint64]
	// MerkleFrontiers maps Datanet id -> the frontier of its append-only
	// Merkle tree (at most 32 hashes), so an acceptance costs O(depth).
	MerkleFrontiers collections.Map[uint64, types.MerkleFrontier]
	// Versions maps (Datanet id, version) -> Version.
	Versions collections.Map[collections.Pair[uint64, uint64], types.Version]
}

// KeeperEnv is what the keeper is built with, as every module keeper is.
type KeeperEnv = modulekit.KeeperEnv

// NewKeeper builds the keeper. It panics on a missing dependency, an invalid
// authority or a missing module account: those are wiring mistakes that must
// stop the node at start-up.
func NewKeeper(
	ke KeeperEnv,
	accountKeeper types.AccountKeeper,
	bankKeeper types.BankKeeper,
	communityPoolKeeper types.CommunityPoolKeeper,
) Keeper {
	env := modulekit.NewEnv(types.ModuleName, ke, accountKeeper,
		"bank keeper", bankKeeper, "community pool keeper", communityPoolKeeper,
	)

	cdc, sb := ke.Codec, collections.NewSchemaBuilder(ke.StoreService)
	k := Keeper{
		Env:                 env,
		accountKeeper:       accountKeeper,
		bankKeeper:          bankKeeper,
		communityPoolKeeper: communityPoolKeeper,

		Params:        collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		NextDatanetID: collections.NewSequence(sb, types.NextDatanetIDKey, "next_datanet_id"),
		Datanets: collections.NewIndexedMap(sb, types.DatanetsKey, "datanets",
			collections.Uint64Key, codec.CollValue[types.Datanet](cdc), newDatanetIndexes(sb, ke.AddressCodec)),
		NextContributionID: collections.NewSequence(sb, types.NextContributionIDKey, "next_contribution_id"),
		Contributions: collections.NewIndexedMap(sb, types.ContributionsKey, "contributions",
			collections.Uint64Key, codec.CollValue[types.Contribution](cdc), newContributionIndexes(sb, ke.AddressCodec)),
		AcceptedContent: collections.NewMap(sb, types.AcceptedContentKey, "accepted_content",
			collections.PairKeyCodec(collections.Uint64Key, collections.BytesKey), collections.Uint64Value),
		AcceptedOrder: collections.NewMap(sb, types.AcceptedOrderKey, "accepted_order",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), collections.Uint64Value),
		MerkleFrontiers: collections.NewMap(sb, types.MerkleFrontiersKey, "merkle_frontiers",
			collections.Uint64Key, codec.CollValue[types.MerkleFrontier](cdc)),
		Versions: collections.NewMap(sb, types.VersionsKey, "versions",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), codec.CollValue[types.Version](cdc)),
	}
	k.Schema = env.MustBuildSchema(sb)
	return k
}

// ModuleAddress returns the address of the module account holding deposits.
// GetDatanet returns a Datanet or ErrDatanetNotFound.
func (k Keeper) GetDatanet(ctx context.Context, id uint64) (types.Datanet, error) {
	return modulekit.Get(ctx, k.Datanets.Get, id, types.ErrDatanetNotFound, "datanet %d", id)
}

// GetContribution returns a contribution or ErrContributionNotFound.
func (k Keeper) GetContribution(ctx context.Context, id uint64) (types.Contribution, error) {
	return modulekit.Get(ctx, k.Contributions.Get, id, types.ErrContributionNotFound, "contribution %d", id)
}

// GetVersion returns a version of a Datanet, 0 meaning the current one, or
// ErrVersionNotFound.
func (k Keeper) GetVersion(ctx context.Context, datanetID, version uint64) (types.Version, error) {
	if version == 0 {
		d, err := k.GetDatanet(ctx, datanetID)
		if err != nil {
			return types.Version{}, err
		}
		if d.CurrentVersion == 0 {
			return types.Version{}, errorsmod.Wrapf(types.ErrVersionNotFound, "datanet %d has no version yet", datanetID)
		}
		version = d.CurrentVersion
	}
	return modulekit.Get(ctx, k.Versions.Get, collections.Join(datanetID, version), types.ErrVersionNotFound, "datanet %d version %d", datanetID, version)
}
