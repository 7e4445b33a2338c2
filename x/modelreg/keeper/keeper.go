// Package keeper holds the state and the state transitions of x/modelreg.
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

	"github.com/openledger/openledger/x/internal/keeperutil"
	"github.com/openledger/openledger/x/modelreg/types"
)

// Keeper is the state of x/modelreg and the services it uses.
type Keeper struct {
	cdc           codec.BinaryCodec
	eventService  event.Service
	headerService header.Service
	addressCodec  address.Codec
	// authority may change params and revoke any model: the gov module
	// account by default.
	authority string

	bankKeeper          types.BankKeeper
	communityPoolKeeper types.CommunityPoolKeeper
	datanetKeeper       types.DatanetKeeper
	moduleAddress       sdk.AccAddress

	Schema collections.Schema
	// Params are the module parameters.
	Params collections.Item[types.Params]
	// NextModelID is the id the next model gets (from 1).
	NextModelID collections.Sequence
	// Models maps id -> Model, indexed by owner, by base model and by Datanet.
	Models *collections.IndexedMap[uint64, types.Model, ModelIndexes]
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
	datanetKeeper types.DatanetKeeper,
) Keeper {
	deps := []struct {
		name string
		dep  any
	}{
		{"codec", cdc}, {"store service", storeService}, {"event service", eventService},
		{"header service", headerService}, {"address codec", addressCodec},
		{"account keeper", accountKeeper}, {"bank keeper", bankKeeper},
		{"community pool keeper", communityPoolKeeper}, {"datanet keeper", datanetKeeper},
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
		bankKeeper:          bankKeeper,
		communityPoolKeeper: communityPoolKeeper,
		datanetKeeper:       datanetKeeper,
		moduleAddress:       moduleAddress,

		Params:      collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		NextModelID: collections.NewSequence(sb, types.NextModelIDKey, "next_model_id"),
		Models: collections.NewIndexedMap(sb, types.ModelsKey, "models",
			collections.Uint64Key, codec.CollValue[types.Model](cdc), newModelIndexes(sb, addressCodec)),
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

// height is the current block height.
func (k Keeper) height(ctx context.Context) int64 {
	return k.headerService.GetHeaderInfo(ctx).Height
}

// emit emits a typed event.
func (k Keeper) emit(ctx context.Context, ev proto.Message) error {
	return k.eventService.EventManager(ctx).Emit(ctx, ev)
}

// GetModel returns a model or ErrModelNotFound.
func (k Keeper) GetModel(ctx context.Context, id uint64) (types.Model, error) {
	m, err := k.Models.Get(ctx, id)
	if err != nil {
		if errorsmod.IsOf(err, collections.ErrNotFound) {
			return m, errorsmod.Wrapf(types.ErrModelNotFound, "model %d", id)
		}
		return m, err
	}
	return m, nil
}

// nextID takes the next id of a sequence. Id 0 is never handed out: it means
// "none" in messages and queries.
func nextID(ctx context.Context, seq collections.Sequence) (uint64, error) {
	id, err := seq.Next(ctx)
	if err == nil && id == 0 {
		id, err = seq.Next(ctx)
	}
	return id, err
}
