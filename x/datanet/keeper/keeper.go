// Package keeper holds the state and the state transitions of x/datanet.
package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/event"
	"cosmossdk.io/core/header"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keeperutil"
)

// Keeper is the state of x/datanet and the services it uses.
type Keeper struct {
	cdc           codec.BinaryCodec
	eventService  event.Service
	headerService header.Service
	addressCodec  address.Codec
	// authority may change params: the gov module account by default.
	authority string

	accountKeeper       types.AccountKeeper
	bankKeeper          types.BankKeeper
	communityPoolKeeper types.CommunityPoolKeeper
	moduleAddress       sdk.AccAddress

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

// NewKeeper builds the keeper. It panics on a missing dependency, an invalid
// authority or a missing module account: those are wiring mistakes that must
// stop the node at start-up.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService store.KVStoreService,
	eventService event.Service,
	headerService header.Service,
	addressCodec address.Codec,
	authority string,
	accountKeeper types.AccountKeeper,
	bankKeeper types.BankKeeper,
	communityPoolKeeper types.CommunityPoolKeeper,
) Keeper {
	deps := []struct {
		name string
		dep  any
	}{
		{"codec", cdc}, {"store service", storeService}, {"event service", eventService},
		{"header service", headerService}, {"address codec", addressCodec},
		{"account keeper", accountKeeper}, {"bank keeper", bankKeeper},
		{"community pool keeper", communityPoolKeeper},
	}
	for _, d := range deps {
		if keeperutil.IsNil(d.dep) {
			panic(fmt.Sprintf("x/%s keeper: %s is nil", types.ModuleName, d.name))
		}
	}
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("x/%s keeper: invalid authority %q: %v", types.ModuleName, authority, err))
	}
	moduleAddress := accountKeeper.GetModuleAddress(types.ModuleName)
	if moduleAddress == nil {
		panic(fmt.Sprintf("x/%s keeper: the %s module account is not registered", types.ModuleName, types.ModuleName))
	}

	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:                 cdc,
		eventService:        eventService,
		headerService:       headerService,
		addressCodec:        addressCodec,
		authority:           authority,
		accountKeeper:       accountKeeper,
		bankKeeper:          bankKeeper,
		communityPoolKeeper: communityPoolKeeper,
		moduleAddress:       moduleAddress,

		Params:        collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		NextDatanetID: collections.NewSequence(sb, types.NextDatanetIDKey, "next_datanet_id"),
		Datanets: collections.NewIndexedMap(sb, types.DatanetsKey, "datanets",
			collections.Uint64Key, codec.CollValue[types.Datanet](cdc), newDatanetIndexes(sb, addressCodec)),
		NextContributionID: collections.NewSequence(sb, types.NextContributionIDKey, "next_contribution_id"),
		Contributions: collections.NewIndexedMap(sb, types.ContributionsKey, "contributions",
			collections.Uint64Key, codec.CollValue[types.Contribution](cdc), newContributionIndexes(sb, addressCodec)),
		AcceptedContent: collections.NewMap(sb, types.AcceptedContentKey, "accepted_content",
			collections.PairKeyCodec(collections.Uint64Key, collections.BytesKey), collections.Uint64Value),
		AcceptedOrder: collections.NewMap(sb, types.AcceptedOrderKey, "accepted_order",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), collections.Uint64Value),
		MerkleFrontiers: collections.NewMap(sb, types.MerkleFrontiersKey, "merkle_frontiers",
			collections.Uint64Key, codec.CollValue[types.MerkleFrontier](cdc)),
		Versions: collections.NewMap(sb, types.VersionsKey, "versions",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), codec.CollValue[types.Version](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("x/%s keeper: building the collections schema: %v", types.ModuleName, err))
	}
	k.Schema = schema
	return k
}

// GetAuthority returns the account allowed to change params.
func (k Keeper) GetAuthority() string { return k.authority }

// AddressCodec returns the account address codec.
func (k Keeper) AddressCodec() address.Codec { return k.addressCodec }

// ModuleAddress returns the address of the module account holding deposits.
func (k Keeper) ModuleAddress() sdk.AccAddress { return k.moduleAddress }

// height is the current block height.
func (k Keeper) height(ctx context.Context) int64 {
	return k.headerService.GetHeaderInfo(ctx).Height
}

// emit emits a typed event.
func (k Keeper) emit(ctx context.Context, ev proto.Message) error {
	return k.eventService.EventManager(ctx).Emit(ctx, ev)
}

// GetDatanet returns a Datanet or ErrDatanetNotFound.
func (k Keeper) GetDatanet(ctx context.Context, id uint64) (types.Datanet, error) {
	d, err := k.Datanets.Get(ctx, id)
	if err != nil {
		if errorsmod.IsOf(err, collections.ErrNotFound) {
			return d, errorsmod.Wrapf(types.ErrDatanetNotFound, "datanet %d", id)
		}
		return d, err
	}
	return d, nil
}

// GetContribution returns a contribution or ErrContributionNotFound.
func (k Keeper) GetContribution(ctx context.Context, id uint64) (types.Contribution, error) {
	c, err := k.Contributions.Get(ctx, id)
	if err != nil {
		if errorsmod.IsOf(err, collections.ErrNotFound) {
			return c, errorsmod.Wrapf(types.ErrContributionNotFound, "contribution %d", id)
		}
		return c, err
	}
	return c, nil
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
	v, err := k.Versions.Get(ctx, collections.Join(datanetID, version))
	if err != nil {
		if errorsmod.IsOf(err, collections.ErrNotFound) {
			return v, errorsmod.Wrapf(types.ErrVersionNotFound, "datanet %d version %d", datanetID, version)
		}
		return v, err
	}
	return v, nil
}

// nextID takes the next id of a sequence. Id 0 is never handed out: it means
// "none" in messages and queries (and a sequence that genesis did not set
// starts at 0).
func nextID(ctx context.Context, seq collections.Sequence) (uint64, error) {
	id, err := seq.Next(ctx)
	if err == nil && id == 0 {
		id, err = seq.Next(ctx)
	}
	return id, err
}
