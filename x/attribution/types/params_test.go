package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestDefaultParams(t *testing.T) {
	p := types.DefaultParams()
	require.Equal(t, config.BaseDenom, types.RewardDenom)
	require.Equal(t, config.OPEN(100), p.ChallengeBond)
	require.Equal(t, 24*time.Hour, p.ChallengeWindow)
	require.Equal(t, 48*time.Hour, p.VotingPeriod)
	require.Equal(t, uint32(6667), p.QuorumBps)
	require.Equal(t, uint32(1000), p.DatanetOwnerBps)
	require.Equal(t, types.FUNDS_DESTINATION_COMMUNITY_POOL, p.UnattributedDestination)
	require.Equal(t, types.FUNDS_DESTINATION_COMMUNITY_POOL, p.OverturnedDestination)
	require.Equal(t, uint32(1024), p.MaxWeightsPerRecord)
	require.NoError(t, p.Validate())
}

func TestParamsValidate(t *testing.T) {
	cases := []keepertest.ParamsCase[types.Params]{
		{Name: "Success - burn destinations", Edit: func(p *types.Params) {
			p.UnattributedDestination = types.FUNDS_DESTINATION_BURN
			p.OverturnedDestination = types.FUNDS_DESTINATION_BURN
		}, Valid: true},
		{Name: "Success - no curator share", Edit: func(p *types.Params) { p.DatanetOwnerBps = 0 }, Valid: true},
		{Name: "Success - unanimous quorum", Edit: func(p *types.Params) { p.QuorumBps = 10_000 }, Valid: true},
		{Name: "Failure - zero window", Edit: func(p *types.Params) { p.ChallengeWindow = 0 }},
		{Name: "Failure - window above a year", Edit: func(p *types.Params) { p.ChallengeWindow = types.MaxPeriod + 1 }},
		{Name: "Failure - negative voting period", Edit: func(p *types.Params) { p.VotingPeriod = -time.Second }},
		{Name: "Failure - zero bond", Edit: func(p *types.Params) { p.ChallengeBond.Amount = math.ZeroInt() }},
		{Name: "Failure - bond in another denom", Edit: func(p *types.Params) { p.ChallengeBond.Denom = "uatom" }},
		{Name: "Failure - nil bond amount", Edit: func(p *types.Params) { p.ChallengeBond.Amount = math.Int{} }},
		{Name: "Failure - quorum of half", Edit: func(p *types.Params) { p.QuorumBps = 5000 }},
		{Name: "Failure - quorum above the whole", Edit: func(p *types.Params) { p.QuorumBps = 10_001 }},
		{Name: "Failure - curator share above the whole", Edit: func(p *types.Params) { p.DatanetOwnerBps = 10_001 }},
		{Name: "Failure - unspecified unattributed destination", Edit: func(p *types.Params) { p.UnattributedDestination = 0 }},
		{Name: "Failure - unknown overturned destination", Edit: func(p *types.Params) { p.OverturnedDestination = 7 }},
		{Name: "Failure - zero max weights", Edit: func(p *types.Params) { p.MaxWeightsPerRecord = 0 }},
		{Name: "Failure - max weights above the ceiling", Edit: func(p *types.Params) { p.MaxWeightsPerRecord = types.MaxWeightsCeiling + 1 }},
	}
	keepertest.RequireParamsCases(t, types.DefaultParams, types.ErrInvalidParams, cases)
}
