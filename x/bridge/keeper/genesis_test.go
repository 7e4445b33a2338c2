package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/x/bridge/keeper"
	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// populated has every kind of state: keys, withdrawals in an accepted and a
// pending checkpoint and the current tree, signatures, attestations of
// credited and waiting deposits and an equivocation.
func populated(t *testing.T) *fixture {
	f := withCheckpoint(t)
	f.attestAccepted(1, f.val1, f.val2)
	f.withdraw(f.bob, recipient, open(4))
	f.advance(10)
	f.endBlock()
	f.submitSignature(f.val3, 2)
	f.attestAccepted(2, f.val1)
	f.withdraw(f.bob, recipient, open(2))
	f.attestDeposit(1, open(5), f.val1, f.val2)
	f.attestDeposit(3, open(1), f.val3)
	keepertest.MustDeliver(f.Chain(), f.Msgs.SubmitBridgeEquivocation, f.equivocationMsg(f.val3))
	f.CheckInvariants()
	return f
}

func TestGenesisRoundTrip(t *testing.T) {
	f := populated(t)
	exported, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.Len(t, exported.Checkpoints, 2)
	require.Len(t, exported.Withdrawals, 3)
	require.Len(t, exported.Signatures, 1)
	require.Len(t, exported.DepositAttestations, 1)
	require.Len(t, exported.AcceptanceAttestations, 1)
	require.Len(t, exported.Equivocations, 1)
	require.Equal(t, uint64(1), exported.LastDepositNonce)
	require.Equal(t, uint64(1), exported.L1AcceptedNonce)

	b2 := &bank{Bank: banktest.New()}
	build := func(s keepertest.Store) keeper.Keeper {
		return keeper.NewKeeper(s.KeeperEnv(), valCodec, keepertest.AccountKeeper{}, b2, f.staking, f.staking)
	}
	empty := f.Fresh(t)
	err = build(empty).InitGenesis(empty.Ctx, *exported)
	require.ErrorIs(t, err, types.ErrInvalidGenesis, "an empty escrow cannot back the state")

	b2.Mint(authtypes.NewModuleAddress(types.ModuleName), sdk.NewCoins(sdk.NewCoin(types.Denom, f.escrow())))
	keepertest.RequireGenesisRoundTrip(t, f.Store, exported, build)
}

func TestGenesisValidate(t *testing.T) {
	valid := func(t *testing.T) *types.GenesisState {
		f := populated(t)
		exported, err := f.K.ExportGenesis(f.Ctx)
		require.NoError(t, err)
		return exported
	}
	cases := []struct {
		name    string
		breakIt func(gs *types.GenesisState)
	}{
		{"bad params", func(gs *types.GenesisState) { gs.Params.CheckpointInterval = 0 }},
		{"negative l1_circulating", func(gs *types.GenesisState) { gs.L1Circulating = gs.L1Circulating.Neg().SubRaw(1) }},
		{"a checkpoint gap", func(gs *types.GenesisState) { gs.Checkpoints = gs.Checkpoints[1:] }},
		{"a set that does not hash to its header", func(gs *types.GenesisState) { gs.Checkpoints[0].NextValset[0].Power++ }},
		{"accepted past the last checkpoint", func(gs *types.GenesisState) { gs.L1AcceptedNonce = 3 }},
		{"a withdrawal at the next nonce", func(gs *types.GenesisState) { gs.NextWithdrawalNonce = 3 }},
		{"a signature of an accepted checkpoint", func(gs *types.GenesisState) { gs.Signatures[0].Nonce = 1 }},
		{"an attestation of a credited deposit", func(gs *types.GenesisState) { gs.DepositAttestations[0].Claim.DepositNonce = 1 }},
		{"a signer whose key has no owner", func(gs *types.GenesisState) { gs.KeyOwners = gs.KeyOwners[1:] }},
	}
	for _, tc := range cases {
		t.Run("Failure - "+tc.name, func(t *testing.T) {
			gs := valid(t)
			tc.breakIt(gs)
			require.ErrorIs(t, gs.Validate(newFixture(t).AddressCodec), types.ErrInvalidGenesis)
		})
	}
	require.NoError(t, types.DefaultGenesis().Validate(newFixture(t).AddressCodec))
}
