package types_test

import (
	"testing"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestParamsValidate(t *testing.T) {
	keepertest.RequireParamsCases(t, types.DefaultParams, types.ErrInvalidParams, []keepertest.ParamsCase[types.Params]{
		{Name: "defaults", Edit: func(*types.Params) {}, Valid: true},
		{Name: "a contract", Edit: func(p *types.Params) { p.BridgeContract = "0x5FbDB2315678afecb367f032d93F642f64180aa3" }, Valid: true},
		{Name: "zero interval", Edit: func(p *types.Params) { p.CheckpointInterval = 0 }},
		{Name: "interval above the ceiling", Edit: func(p *types.Params) { p.CheckpointInterval = types.MaxCheckpointIntervalCeiling + 1 }},
		{Name: "zero threshold", Edit: func(p *types.Params) { p.PowerChangeThresholdBps = 0 }},
		{Name: "threshold above 100%", Edit: func(p *types.Params) { p.PowerChangeThresholdBps = types.BPSTotal + 1 }},
		{Name: "zero L1 chain id", Edit: func(p *types.Params) { p.L1ChainId = 0 }},
		{Name: "malformed contract", Edit: func(p *types.Params) { p.BridgeContract = "0x12" }},
		{Name: "zero bridge id", Edit: func(p *types.Params) {
			p.BridgeId = "0x0000000000000000000000000000000000000000000000000000000000000000"
		}},
		{Name: "short bridge id", Edit: func(p *types.Params) { p.BridgeId = "0x1234" }},
		{Name: "zero min withdrawal", Edit: func(p *types.Params) { p.MinWithdrawal = math.ZeroInt() }},
		{Name: "nil min withdrawal", Edit: func(p *types.Params) { p.MinWithdrawal = math.Int{} }},
		{Name: "zero max withdrawals", Edit: func(p *types.Params) { p.MaxWithdrawalsPerCheckpoint = 0 }},
		{Name: "max withdrawals above the ceiling", Edit: func(p *types.Params) { p.MaxWithdrawalsPerCheckpoint = types.MaxWithdrawalsCeiling + 1 }},
		{Name: "zero lookahead", Edit: func(p *types.Params) { p.MaxDepositLookahead = 0 }},
		{Name: "slash fraction above 1", Edit: func(p *types.Params) { p.EquivocationSlashFraction = math.LegacyNewDec(2) }},
		{Name: "negative slash fraction", Edit: func(p *types.Params) { p.EquivocationSlashFraction = math.LegacyNewDec(-1) }},
	})
}
