package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

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

	exported, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.Len(t, exported.Models, 3)
	require.Equal(t, uint64(4), exported.NextModelId)

	// Import into a fresh store: the same raw state, indexes included.
	keepertest.RequireGenesisRoundTrip(t, f.Store, exported, func(s keepertest.Store) keeper.Keeper {
		return keeper.NewKeeper(s.KeeperEnv(), keepertest.AccountKeeper{}, f.bank, banktest.CommunityPool{Bank: f.bank}, f.datanets)
	})
}

func TestGenesisValidate(t *testing.T) {
	f := newFixture(t)
	base := f.register(baseMsg(f.owner))
	f.register(adapterMsg(f.alice, base, f.ds1))
	valid, err := f.K.ExportGenesis(f.Ctx)
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
			require.ErrorIs(t, gs.Validate(f.AddressCodec), types.ErrInvalidGenesis)
		})
	}
	t.Run("Success - default genesis", func(t *testing.T) {
		require.NoError(t, types.DefaultGenesis().Validate(f.AddressCodec))
	})
}
