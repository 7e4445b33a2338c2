package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	cases := []keepertest.ParamsCase[types.Params]{
		{Name: "Failure - zero withdrawal delay", Edit: func(p *types.Params) { p.WithdrawalDelay = 0 }},
		{Name: "Failure - negative withdrawal delay", Edit: func(p *types.Params) { p.WithdrawalDelay = -time.Second }},
		{Name: "Failure - withdrawal delay above a month", Edit: func(p *types.Params) { p.WithdrawalDelay = types.MaxWithdrawalDelay + time.Second }},
		{Name: "Failure - shares below 10,000", Edit: func(p *types.Params) { p.BurnBps-- }},
		{Name: "Failure - shares above 10,000", Edit: func(p *types.Params) { p.ProtocolBps++ }},
		{Name: "Failure - one share overflowing", Edit: func(p *types.Params) { p.BurnBps = 1<<32 - 1 }},
		{Name: "Failure - zero max vouchers", Edit: func(p *types.Params) { p.MaxVouchersPerBatch = 0 }},
		{Name: "Failure - max vouchers above the ceiling", Edit: func(p *types.Params) { p.MaxVouchersPerBatch = types.MaxVouchersPerBatchCeiling + 1 }},
		{Name: "Failure - zero max usage entries", Edit: func(p *types.Params) { p.MaxUsageEntriesPerBatch = 0 }},
		{Name: "Failure - max usage entries above the ceiling", Edit: func(p *types.Params) { p.MaxUsageEntriesPerBatch = types.MaxUsageEntriesPerBatchCeiling + 1 }},
		{Name: "Failure - nil min deposit", Edit: func(p *types.Params) { p.MinDeposit = math.Int{} }},
		{Name: "Failure - negative min deposit", Edit: func(p *types.Params) { p.MinDeposit = math.NewInt(-1) }},
	}
	keepertest.RequireParamsCases(t, types.DefaultParams, types.ErrInvalidParams, cases)
	t.Run("Success - all to burn, zero min deposit", func(t *testing.T) {
		p := types.DefaultParams()
		p.BurnBps, p.ModelOwnerBps, p.ServingNodeBps, p.ProtocolBps, p.DataContributorsBps = 10_000, 0, 0, 0, 0
		p.MinDeposit = math.ZeroInt()
		require.NoError(t, p.Validate())
	})
}
