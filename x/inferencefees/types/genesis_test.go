package types_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"

	"github.com/openledger/openledger/x/inferencefees/types"
)

func TestGenesisValidate(t *testing.T) {
	ac := addresscodec.NewBech32Codec("open")
	addr := func(b byte, n int) string {
		s, err := ac.BytesToString(bytes.Repeat([]byte{b}, n))
		require.NoError(t, err)
		return s
	}
	a, b, node := addr(1, 20), addr(2, 20), addr(9, 20)
	release := time.Date(2030, 1, 1, 1, 0, 0, 0, time.UTC)
	valid := func() *types.GenesisState {
		gs := types.DefaultGenesis()
		gs.Credits = []types.Credit{
			{User: a, Balance: math.NewInt(100), PendingWithdrawal: math.NewInt(30)},
			{User: b, Balance: math.NewInt(5), PendingWithdrawal: math.ZeroInt()},
		}
		gs.Withdrawals = []types.Withdrawal{
			{Id: 1, User: a, Amount: math.NewInt(10), ReleaseTime: release},
			{Id: 3, User: a, Amount: math.NewInt(20), ReleaseTime: release},
		}
		gs.NextWithdrawalId = 4
		gs.Channels = []types.Channel{
			{User: a, ServingNode: node, SettledAmount: math.NewInt(7), LastNonce: 2, LastSettledHeight: 5},
			{User: b, ServingNode: node, SettledAmount: math.NewInt(1), LastNonce: 1, LastSettledHeight: 5},
		}
		gs.Totals = types.ZeroTotals()
		gs.Totals.Settled, gs.Totals.Burned, gs.Totals.ToModelOwners = math.NewInt(8), math.NewInt(3), math.NewInt(5)
		return gs
	}
	require.NoError(t, types.DefaultGenesis().Validate(ac))
	require.NoError(t, valid().Validate(ac))
	require.Equal(t, math.NewInt(105), valid().CreditSum())

	cases := []struct {
		name   string
		mutate func(*types.GenesisState)
	}{
		{"bad params", func(gs *types.GenesisState) { gs.Params.BurnBps = 0 }},
		{"next withdrawal id zero", func(gs *types.GenesisState) { gs.NextWithdrawalId = 0 }},
		{"credit user not an address", func(gs *types.GenesisState) { gs.Credits[0].User = "alice" }},
		{"credits out of order", func(gs *types.GenesisState) { gs.Credits[0], gs.Credits[1] = gs.Credits[1], gs.Credits[0] }},
		{"credit repeated", func(gs *types.GenesisState) { gs.Credits[1] = gs.Credits[0] }},
		{"negative balance", func(gs *types.GenesisState) { gs.Credits[1].Balance = math.NewInt(-1) }},
		{"nil pending", func(gs *types.GenesisState) { gs.Credits[1].PendingWithdrawal = math.Int{} }},
		{"empty credit", func(gs *types.GenesisState) { gs.Credits[1].Balance = math.ZeroInt() }},
		{"pending differs from the withdrawals", func(gs *types.GenesisState) { gs.Credits[0].PendingWithdrawal = math.NewInt(31) }},
		{"withdrawal of a user without credit", func(gs *types.GenesisState) { gs.Withdrawals[1].User = node }},
		{"withdrawal id repeated", func(gs *types.GenesisState) { gs.Withdrawals[1].Id = 1 }},
		{"withdrawal id zero", func(gs *types.GenesisState) { gs.Withdrawals[0].Id = 0 }},
		{"withdrawal id not below next", func(gs *types.GenesisState) { gs.NextWithdrawalId = 3 }},
		{"withdrawals out of order", func(gs *types.GenesisState) {
			gs.Withdrawals[0], gs.Withdrawals[1] = gs.Withdrawals[1], gs.Withdrawals[0]
		}},
		{"withdrawal of zero", func(gs *types.GenesisState) { gs.Withdrawals[0].Amount = math.ZeroInt() }},
		{"withdrawal without release time", func(gs *types.GenesisState) { gs.Withdrawals[0].ReleaseTime = time.Time{} }},
		{"too many withdrawals", func(gs *types.GenesisState) {
			gs.Withdrawals = nil
			for i := uint64(1); i <= types.MaxPendingWithdrawals+1; i++ {
				gs.Withdrawals = append(gs.Withdrawals, types.Withdrawal{Id: i, User: a, Amount: math.NewInt(1), ReleaseTime: release})
			}
			gs.NextWithdrawalId = types.MaxPendingWithdrawals + 2
			gs.Credits[0].PendingWithdrawal = math.NewInt(types.MaxPendingWithdrawals + 1)
		}},
		{"channel with a 32-byte user", func(gs *types.GenesisState) { gs.Channels[0].User = addr(1, 32) }},
		{"channel node not an address", func(gs *types.GenesisState) { gs.Channels[0].ServingNode = "node" }},
		{"channels out of order", func(gs *types.GenesisState) { gs.Channels[0], gs.Channels[1] = gs.Channels[1], gs.Channels[0] }},
		{"channel repeated", func(gs *types.GenesisState) { gs.Channels[1] = gs.Channels[0] }},
		{"channel negative amount", func(gs *types.GenesisState) { gs.Channels[0].SettledAmount = math.NewInt(-1) }},
		{"channel negative height", func(gs *types.GenesisState) { gs.Channels[0].LastSettledHeight = -1 }},
		{"totals unbalanced", func(gs *types.GenesisState) { gs.Totals.Burned = math.NewInt(4) }},
		{"totals missing", func(gs *types.GenesisState) { gs.Totals = types.Totals{} }},
	}
	for _, tc := range cases {
		t.Run("Failure - "+tc.name, func(t *testing.T) {
			gs := valid()
			tc.mutate(gs)
			require.ErrorIs(t, gs.Validate(ac), types.ErrInvalidGenesis)
		})
	}
}
