package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/x/attribution/types"
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
	cases := []struct {
		name   string
		mutate func(p *types.Params)
		ok     bool
	}{
		{"Success - burn destinations", func(p *types.Params) {
			p.UnattributedDestination = types.FUNDS_DESTINATION_BURN
			p.OverturnedDestination = types.FUNDS_DESTINATION_BURN
		}, true},
		{"Success - no curator share", func(p *types.Params) { p.DatanetOwnerBps = 0 }, true},
		{"Success - unanimous quorum", func(p *types.Params) { p.QuorumBps = 10_000 }, true},
		{"Failure - zero window", func(p *types.Params) { p.ChallengeWindow = 0 }, false},
		{"Failure - window above a year", func(p *types.Params) { p.ChallengeWindow = types.MaxPeriod + 1 }, false},
		{"Failure - negative voting period", func(p *types.Params) { p.VotingPeriod = -time.Second }, false},
		{"Failure - zero bond", func(p *types.Params) { p.ChallengeBond.Amount = math.ZeroInt() }, false},
		{"Failure - bond in another denom", func(p *types.Params) { p.ChallengeBond.Denom = "uatom" }, false},
		{"Failure - nil bond amount", func(p *types.Params) { p.ChallengeBond.Amount = math.Int{} }, false},
		{"Failure - quorum of half", func(p *types.Params) { p.QuorumBps = 5000 }, false},
		{"Failure - quorum above the whole", func(p *types.Params) { p.QuorumBps = 10_001 }, false},
		{"Failure - curator share above the whole", func(p *types.Params) { p.DatanetOwnerBps = 10_001 }, false},
		{"Failure - unspecified unattributed destination", func(p *types.Params) { p.UnattributedDestination = 0 }, false},
		{"Failure - unknown overturned destination", func(p *types.Params) { p.OverturnedDestination = 7 }, false},
		{"Failure - zero max weights", func(p *types.Params) { p.MaxWeightsPerRecord = 0 }, false},
		{"Failure - max weights above the ceiling", func(p *types.Params) { p.MaxWeightsPerRecord = types.MaxWeightsCeiling + 1 }, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.mutate(&p)
			err := p.Validate()
			if tc.ok {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, types.ErrInvalidParams)
			}
		})
	}
}
