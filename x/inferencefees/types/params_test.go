package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/inferencefees/types"
)

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	cases := []struct {
		name   string
		mutate func(*types.Params)
	}{
		{"zero withdrawal delay", func(p *types.Params) { p.WithdrawalDelay = 0 }},
		{"negative withdrawal delay", func(p *types.Params) { p.WithdrawalDelay = -time.Second }},
		{"withdrawal delay above a month", func(p *types.Params) { p.WithdrawalDelay = types.MaxWithdrawalDelay + time.Second }},
		{"shares below 10,000", func(p *types.Params) { p.BurnBps-- }},
		{"shares above 10,000", func(p *types.Params) { p.ProtocolBps++ }},
		{"one share overflowing", func(p *types.Params) { p.BurnBps = 1<<32 - 1 }},
		{"zero max vouchers", func(p *types.Params) { p.MaxVouchersPerBatch = 0 }},
		{"max vouchers above the ceiling", func(p *types.Params) { p.MaxVouchersPerBatch = types.MaxVouchersPerBatchCeiling + 1 }},
		{"zero max usage entries", func(p *types.Params) { p.MaxUsageEntriesPerBatch = 0 }},
		{"max usage entries above the ceiling", func(p *types.Params) { p.MaxUsageEntriesPerBatch = types.MaxUsageEntriesPerBatchCeiling + 1 }},
		{"nil min deposit", func(p *types.Params) { p.MinDeposit = math.Int{} }},
		{"negative min deposit", func(p *types.Params) { p.MinDeposit = math.NewInt(-1) }},
	}
	for _, tc := range cases {
		t.Run("Failure - "+tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.mutate(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
	t.Run("Success - all to burn, zero min deposit", func(t *testing.T) {
		p := types.DefaultParams()
		p.BurnBps, p.ModelOwnerBps, p.ServingNodeBps, p.ProtocolBps, p.DataContributorsBps = 10_000, 0, 0, 0, 0
		p.MinDeposit = math.ZeroInt()
		require.NoError(t, p.Validate())
	})
}
