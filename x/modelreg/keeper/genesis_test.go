package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"

	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/modelreg/keeper"
	"github.com/openledger/openledger/x/modelreg/types"
)

func TestGenesisRoundTrip(t *testing.T) {
	f := newFixture(t)
	base := f.register(baseMsg(f.owner))
	a1 := f.register(adapterMsg(f.alice, base, f.ds1, f.ds2))
	v2 := adapterMsg(f.alice, base, f.ds2)
	v2.PreviousVersionId = a1
	f.register(v2)
	f.setStatus(a1, types.MODEL_STATUS_DEPRECATED)

	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Len(t, exported.Models, 3)
	require.Equal(t, uint64(4), exported.NextModelId)
	require.NoError(t, exported.Validate(f.ac))

	// Import into a fresh store: the same raw state, indexes included.
	key := storetypes.NewKVStoreKey(types.StoreKey)
	ctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test2")).Ctx
	k2 := keeper.NewKeeper(f.cdc, runtime.NewKVStoreService(key), runtime.EventService{},
		runtime.ProvideHeaderInfoService(nil), f.ac, f.authority, keepertest.AccountKeeper{}, f.bank, banktest.CommunityPool{Bank: f.bank}, f.datanets)
	require.NoError(t, k2.InitGenesis(ctx, *exported))
	again, err := k2.ExportGenesis(ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)

	keepertest.RequireSameStore(t, f.ctx.KVStore(f.key), ctx.KVStore(key))

	// JSON round trip through the codec.
	var decoded types.GenesisState
	keepertest.RequireJSONRoundTrip(t, f.cdc, exported, &decoded)
	require.NoError(t, decoded.Validate(f.ac))
}

func TestGenesisValidate(t *testing.T) {
	f := newFixture(t)
	base := f.register(baseMsg(f.owner))
	f.register(adapterMsg(f.alice, base, f.ds1))
	valid, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)

	cases := []struct {
		name   string
		mutate func(gs *types.GenesisState)
	}{
		{"Failure - invalid params", func(gs *types.GenesisState) { gs.Params.MaxPrice = math.ZeroInt() }},
		{"Failure - duplicate id", func(gs *types.GenesisState) { gs.Models[1].Id = gs.Models[0].Id }},
		{"Failure - id not below next id", func(gs *types.GenesisState) { gs.NextModelId = 2 }},
		{"Failure - base refers to a later model", func(gs *types.GenesisState) {
			gs.Models[0].Kind = types.MODEL_KIND_LORA_ADAPTER
			gs.Models[0].BaseModelId = 2
		}},
		{"Failure - base is not of kind base", func(gs *types.GenesisState) {
			gs.Models[0].Kind = types.MODEL_KIND_FULL_FINE_TUNE
			gs.Models[0].BaseModelId = 0
		}},
		{"Failure - previous version of another kind", func(gs *types.GenesisState) { gs.Models[1].PreviousVersionId = 1 }},
		{"Failure - unspecified status", func(gs *types.GenesisState) { gs.Models[1].Status = types.MODEL_STATUS_UNSPECIFIED }},
		{"Failure - non-canonical owner", func(gs *types.GenesisState) { gs.Models[0].Owner = "OPEN1XYZ" }},
		{"Failure - zero next id", func(gs *types.GenesisState) { gs.Models = nil; gs.NextModelId = 0 }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := *valid
			gs.Models = append([]types.Model(nil), valid.Models...)
			tc.mutate(&gs)
			require.ErrorIs(t, gs.Validate(f.ac), types.ErrInvalidGenesis)
		})
	}
	t.Run("Success - default genesis", func(t *testing.T) {
		require.NoError(t, types.DefaultGenesis().Validate(f.ac))
	})
}
