package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/openledger/openledger/x/attribution"
	"github.com/openledger/openledger/x/attribution/keeper"
	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// v1Record rewrites a record as consensus version 1 stored it: no receipt
// version, price, tokens, batch models or signed-root flag, and a receipts
// root over version 1 leaves.
func (f *fixture) v1Record(id uint64) {
	f.T.Helper()
	r := f.getRecord(id)
	for i := range f.receipts {
		f.receipts[i].PromptTokens, f.receipts[i].CompletionTokens, f.receipts[i].Fee, f.receipts[i].Method = 0, 0, math.Int{}, ""
	}
	root, err := types.ReceiptsRootVersion(types.ReceiptVersion1, f.receipts)
	require.NoError(f.T, err)
	r.ReceiptsRoot = root
	r.ReceiptVersion, r.Price, r.Tokens, r.BatchModelIds, r.NodeSignedRoot = 0, modelregtypes.Price{}, 0, nil, false
	require.NoError(f.T, f.K.Records.Set(f.Ctx, id, r))
}

func TestMigrate1to2(t *testing.T) {
	require.EqualValues(t, 2, attribution.ConsensusVersion)
	f := newFixture(t)
	richState(f) // records 1..4 in every status
	for id := uint64(1); id <= 4; id++ {
		f.v1Record(id)
	}
	before, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.Error(t, before.Validate(f.AddressCodec), "version 0 records are not a valid state")

	require.NoError(t, keeper.NewMigrator(f.K).Migrate1to2(f.Ctx))
	f.CheckInvariants()
	after, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.NoError(t, after.Validate(f.AddressCodec))
	for i, r := range after.Records {
		require.Equal(t, types.ReceiptVersion1, r.ReceiptVersion)
		require.True(t, r.Price.PerCall.IsZero() && r.Price.Per_1KTokens.IsZero())
		// Nothing else changed.
		b := before.Records[i]
		b.ReceiptVersion, b.Price = r.ReceiptVersion, r.Price
		require.Equal(t, b, r)
	}
	// Indexes still find the records.
	resp, err := f.Queries.RecordsByModel(f.Ctx, &types.QueryRecordsByModelRequest{ModelId: 7})
	require.NoError(t, err)
	require.Len(t, resp.Records, 4)

	// Running it again changes nothing.
	require.NoError(t, keeper.NewMigrator(f.K).Migrate1to2(f.Ctx))
	again, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, after, again)

	// The pending record 3 is challenged with its version 1 leaves; its
	// usage cannot be challenged. New records are of the current version.
	keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.ChallengeUsage, f.usageMsg(3, 1, types.USAGE_CLAIM_TOKENS), types.ErrUsageNotChallengeable)
	msg := f.challengeMsg(3, 1)
	msg.Proof, err = types.ReceiptProofVersion(types.ReceiptVersion1, f.receipts, 1)
	require.NoError(t, err)
	keepertest.MustDeliver(f.Chain(), f.Msgs.ChallengeAttribution, msg)
	require.Equal(t, types.CurrentReceiptVersion, f.getRecord(f.record(f.validInput())).ReceiptVersion)
}

// TestMigrationIsRegistered runs the store migration the way an upgrade
// does: through the module manager, from consensus version 1.
func TestMigrationIsRegistered(t *testing.T) {
	f := newFixture(t)
	f.record(f.validInput())
	f.v1Record(1)
	reg := f.Codec.InterfaceRegistry()
	msgRouter, queryRouter := baseapp.NewMsgServiceRouter(), baseapp.NewGRPCQueryRouter()
	msgRouter.SetInterfaceRegistry(reg)
	queryRouter.SetInterfaceRegistry(reg)
	cfg := module.NewConfigurator(f.Codec, msgRouter, queryRouter)
	mm := module.NewManager(attribution.NewAppModule(f.K))
	require.NoError(t, mm.RegisterServices(cfg))
	vm, err := mm.RunMigrations(f.Ctx, cfg, module.VersionMap{types.ModuleName: 1})
	require.NoError(t, err)
	require.EqualValues(t, attribution.ConsensusVersion, vm[types.ModuleName])
	require.Equal(t, types.ReceiptVersion1, f.getRecord(1).ReceiptVersion)
}
