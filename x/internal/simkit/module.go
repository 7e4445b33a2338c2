package simkit

import (
	"context"

	"github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
)

// Module is what every OpenLedger module's simulation has alike: the
// decoder of its store, from its collections schema, and no legacy
// operations (the operations are WeightedOperationsX's). A module's
// simulation AppModule embeds it.
type Module struct {
	storeKey string
	schema   collections.Schema
}

// NewModule is the simulation base of the module whose store is storeKey
// with the collections of schema.
func NewModule(storeKey string, schema collections.Schema) Module {
	return Module{storeKey: storeKey, schema: schema}
}

// RegisterStoreDecoder decodes the module's store entries by its schema.
func (m Module) RegisterStoreDecoder(sdr simtypes.StoreDecoderRegistry) {
	sdr[m.storeKey] = simtypes.NewStoreDecoderFuncFromCollectionsSchema(m.schema)
}

// WeightedOperations is empty: the operations are WeightedOperationsX's.
func (Module) WeightedOperations(module.SimulationState) []simtypes.WeightedOperation { return nil }

// SetGenesis puts a module's genesis into the simulated chain's.
func SetGenesis(simState *module.SimulationState, moduleName string, genesis proto.Message) {
	simState.GenState[moduleName] = simState.Cdc.MustMarshalJSON(genesis)
}

// MustGet reads an item every simulated state holds (a module's params);
// its absence is a broken state, which the simulation reports as a panic.
func MustGet[V any](ctx context.Context, item collections.Item[V]) V {
	v, err := item.Get(ctx)
	if err != nil {
		panic(err)
	}
	return v
}
