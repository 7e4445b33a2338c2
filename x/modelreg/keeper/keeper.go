// Package keeper holds the state and the state transitions of x/modelreg.
package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/openledger/openledger/x/internal/modulekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

// Keeper is the state of x/modelreg and the services it uses. Its authority may also revoke any model.
type Keeper struct {
	modulekit.Env

	bankKeeper          types.BankKeeper
	communityPoolKeeper types.CommunityPoolKeeper
	datanetKeeper       types.DatanetKeeper

	Schema collections.Schema
	// Params are the module parameters.
	Params collections.Item[types.Params]
	// NextModelID is the id the next model gets (from 1).
	NextModelID collections.Sequence
	// Models maps id -> Model, indexed by owner, by base model and by Datanet.
	Models *collections.IndexedMap[uint64, types.Model, ModelIndexes]
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
	datanetKeeper types.DatanetKeeper,
) Keeper {
	env := modulekit.NewEnv(types.ModuleName, ke, accountKeeper,
		"bank keeper", bankKeeper, "community pool keeper", communityPoolKeeper,
		"datanet keeper", datanetKeeper,
	)

	cdc, sb := ke.Codec, collections.NewSchemaBuilder(ke.StoreService)
	k := Keeper{
		Env:                 env,
		bankKeeper:          bankKeeper,
		communityPoolKeeper: communityPoolKeeper,
		datanetKeeper:       datanetKeeper,

		Params:      collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		NextModelID: collections.NewSequence(sb, types.NextModelIDKey, "next_model_id"),
		Models: collections.NewIndexedMap(sb, types.ModelsKey, "models",
			collections.Uint64Key, codec.CollValue[types.Model](cdc), newModelIndexes(sb, ke.AddressCodec)),
	}
	k.Schema = env.MustBuildSchema(sb)
	return k
}

// GetModel returns a model or ErrModelNotFound.
func (k Keeper) GetModel(ctx context.Context, id uint64) (types.Model, error) {
	return modulekit.Get(ctx, k.Models.Get, id, types.ErrModelNotFound, "model %d", id)
}
