package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/x/datanet"
	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// importInto starts a fresh chain with the bank state of f and gs as the
// module's genesis.
func importInto(t *testing.T, f *fixture, gs *types.GenesisState) (*fixture, error) {
	t.Helper()
	g := newFixture(t)
	*g.bank = *f.bank.Clone()
	// newFixture ran InitGenesis with the default state; a chain imports once,
	// so start from an empty store.
	clearStore(g)
	return g, g.K.InitGenesis(g.Ctx, *gs)
}

func clearStore(f *fixture) {
	store := f.Ctx.KVStore(f.Key)
	var keys [][]byte
	it := store.Iterator(nil, nil)
	for ; it.Valid(); it.Next() {
		keys = append(keys, it.Key())
	}
	it.Close()
	for _, k := range keys {
		store.Delete(k)
	}
}

func TestGenesisRoundTrip(t *testing.T) {
	s := newQueryScenario(t)
	f := s.f
	// A second Datanet with a version, an archived one, and params off default.
	f.review(f.alice, s.d2, accept(s.c6))
	keepertest.MustDeliver(f.Chain(), f.Msgs.ArchiveDatanet, &types.MsgArchiveDatanet{Owner: f.owner.Str, DatanetId: s.d3})
	keepertest.MustDeliver(f.Chain(), f.Msgs.SetCurators, &types.MsgSetCurators{Owner: f.owner.Str, DatanetId: s.d1, Curators: []string{f.carol.Str}})
	keepertest.SetParams(f, func(p *types.Params) { p.MaxInlineBytes = 2048 })

	exported, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate(f.AddressCodec))
	require.Len(t, exported.Datanets, 3)
	require.Len(t, exported.Contributions, 7)
	require.Len(t, exported.Versions, 3)
	require.Equal(t, uint64(4), exported.NextDatanetId)
	require.Equal(t, uint64(8), exported.NextContributionId)

	g, err := importInto(t, f, exported)
	require.NoError(t, err)
	reexported, err := g.K.ExportGenesis(g.Ctx)
	require.NoError(t, err)
	require.Equal(t, exported, reexported, "export -> import -> export is identical")

	// The derived state (indexes, accepted order, frontiers) is rebuilt
	// byte for byte.
	require.Equal(t, f.Chain().Snapshot().KV, g.Chain().Snapshot().KV)
	g.CheckInvariants()

	// Both chains go on identically.
	for _, x := range []*fixture{f, g} {
		id := x.submit(x.bob, s.d1, "after import")
		resp := x.review(x.owner, s.d1, accept(id))
		require.Equal(t, uint64(3), resp.Version)
	}
	require.Equal(t, f.Chain().Snapshot().KV, g.Chain().Snapshot().KV)
}

func TestGenesisThroughTheModule(t *testing.T) {
	s := newQueryScenario(t)
	f := s.f
	cdc := f.Codec
	am := datanet.NewAppModule(f.K)

	require.NoError(t, am.ValidateGenesis(cdc, nil, am.DefaultGenesis(cdc)))
	bz := am.ExportGenesis(f.Ctx, cdc)
	require.NoError(t, am.ValidateGenesis(cdc, nil, bz))
	require.Error(t, am.ValidateGenesis(cdc, nil, []byte(`{"params":`)))

	g := newFixture(t)
	*g.bank = *f.bank.Clone()
	clearStore(g)
	gm := datanet.NewAppModule(g.K)
	gm.InitGenesis(g.Ctx, cdc, bz)
	require.JSONEq(t, string(bz), string(gm.ExportGenesis(g.Ctx, cdc)))

	bad := &types.GenesisState{Params: types.DefaultParams()} // next ids 0
	require.Panics(t, func() { gm.InitGenesis(g.Ctx, cdc, cdc.MustMarshalJSON(bad)) })
}

func TestInitGenesisFailures(t *testing.T) {
	t.Run("Failure - module account does not hold the pending deposits", func(t *testing.T) {
		s := newQueryScenario(t)
		exported, err := s.f.K.ExportGenesis(s.f.Ctx)
		require.NoError(t, err)
		moduleAddr := authtypes.NewModuleAddress(types.ModuleName)
		s.f.bank.SetBalance(moduleAddr, nil)
		_, err = importInto(t, s.f, exported)
		require.ErrorIs(t, err, types.ErrInsufficientModuleFunds)
	})
	t.Run("Failure - a version root that the contributions do not give", func(t *testing.T) {
		s := newQueryScenario(t)
		exported, err := s.f.K.ExportGenesis(s.f.Ctx)
		require.NoError(t, err)
		exported.Versions[1].Root[0] ^= 1
		_, err = importInto(t, s.f, exported)
		require.ErrorIs(t, err, types.ErrInvalidGenesis)
	})
}

func TestGenesisValidate(t *testing.T) {
	s := newQueryScenario(t)
	f := s.f
	base, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.NoError(t, base.Validate(f.AddressCodec))
	require.NoError(t, types.DefaultGenesis().Validate(f.AddressCodec))

	// Indexes into base: datanets d1..d3 at 0..2; contributions c1..c7 at
	// 0..6 (c1-c3 accepted, c4 pending, c5 rejected, c6 pending in d2, c7
	// withdrawn); versions of d1 at 0..1.
	cases := []struct {
		name   string
		mutate func(gs *types.GenesisState)
	}{
		{"Failure - invalid params", func(gs *types.GenesisState) { gs.Params.MaxInlineBytes = types.MaxInlineBytesCeiling + 1 }},
		{"Failure - next datanet id 0", func(gs *types.GenesisState) { gs.NextDatanetId = 0 }},
		{"Failure - datanet id not below next id", func(gs *types.GenesisState) { gs.NextDatanetId = 3 }},
		{"Failure - contribution id not below next id", func(gs *types.GenesisState) { gs.NextContributionId = 7 }},
		{"Failure - datanets out of order", func(gs *types.GenesisState) { gs.Datanets[0], gs.Datanets[1] = gs.Datanets[1], gs.Datanets[0] }},
		{"Failure - duplicate datanet", func(gs *types.GenesisState) { gs.Datanets[1].Id = gs.Datanets[0].Id }},
		{"Failure - datanet with empty name", func(gs *types.GenesisState) { gs.Datanets[0].Name = "" }},
		{"Failure - datanet owner not canonical", func(gs *types.GenesisState) {
			gs.Datanets[0].Owner = strings.ToUpper(gs.Datanets[0].Owner)
		}},
		{"Failure - datanet with unspecified status", func(gs *types.GenesisState) { gs.Datanets[0].Status = 0 }},
		{"Failure - owner among curators", func(gs *types.GenesisState) { gs.Datanets[0].Curators = []string{gs.Datanets[0].Owner} }},
		{"Failure - current version without versions", func(gs *types.GenesisState) { gs.Datanets[1].CurrentVersion = 1 }},
		{"Failure - contributions out of order", func(gs *types.GenesisState) {
			gs.Contributions[0], gs.Contributions[1] = gs.Contributions[1], gs.Contributions[0]
		}},
		{"Failure - contribution to a missing datanet", func(gs *types.GenesisState) { gs.Contributions[3].DatanetId = 9 }},
		{"Failure - contribution hash mismatch", func(gs *types.GenesisState) { gs.Contributions[3].ContentHash[0] ^= 1 }},
		{"Failure - pending contribution with an outcome", func(gs *types.GenesisState) {
			gs.Contributions[3].DepositOutcome = types.DEPOSIT_OUTCOME_BURNED
		}},
		{"Failure - pending contribution in an archived datanet", func(gs *types.GenesisState) {
			gs.Datanets[1].Status = types.DATANET_STATUS_ARCHIVED
		}},
		{"Failure - accepted contribution without reviewer", func(gs *types.GenesisState) { gs.Contributions[0].Reviewer = "" }},
		{"Failure - withdrawn contribution with a reviewer", func(gs *types.GenesisState) {
			gs.Contributions[6].Reviewer = gs.Contributions[0].Reviewer
		}},
		{"Failure - accepted content twice", func(gs *types.GenesisState) {
			gs.Contributions[2].ContentHash = gs.Contributions[0].ContentHash
			gs.Contributions[2].InlineData = gs.Contributions[0].InlineData
			gs.Contributions[2].SizeBytes = gs.Contributions[0].SizeBytes
		}},
		{"Failure - leaf indexes with a gap", func(gs *types.GenesisState) { gs.Contributions[2].LeafIndex = 5 }},
		{"Failure - two contributions at one leaf", func(gs *types.GenesisState) { gs.Contributions[2].LeafIndex = 0 }},
		{"Failure - wrong accepted version", func(gs *types.GenesisState) { gs.Contributions[2].AcceptedVersion = 1 }},
		{"Failure - version root tampered", func(gs *types.GenesisState) { gs.Versions[0].Root[0] ^= 1 }},
		{"Failure - version leaf count too high", func(gs *types.GenesisState) { gs.Versions[1].LeafCount = 4 }},
		{"Failure - version numbers skip", func(gs *types.GenesisState) { gs.Versions[1].Version = 3 }},
		{"Failure - version of a missing datanet", func(gs *types.GenesisState) { gs.Versions[1].DatanetId = 9 }},
		{"Failure - version heights go back", func(gs *types.GenesisState) { gs.Versions[1].Height = gs.Versions[0].Height - 1 }},
		{"Failure - accepted contribution not covered by a version", func(gs *types.GenesisState) {
			gs.Versions = gs.Versions[:1]
			gs.Datanets[0].CurrentVersion = 1
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := cloneGenesis(t, f, base)
			tc.mutate(gs)
			require.ErrorIs(t, gs.Validate(f.AddressCodec), types.ErrInvalidGenesis)
		})
	}
}

// cloneGenesis deep-copies a genesis state through its binary encoding.
func cloneGenesis(t *testing.T, f *fixture, gs *types.GenesisState) *types.GenesisState {
	bz, err := f.Codec.Marshal(gs)
	require.NoError(t, err)
	var out types.GenesisState
	require.NoError(t, f.Codec.Unmarshal(bz, &out))
	return &out
}
