package keeper_test

import (
	"testing"
	"time"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestUpdateParams(t *testing.T) {
	keepertest.RequireParamsUpdates(t, newFixture, types.MsgServer.UpdateParams, func(p *types.Params) {
		p.ChallengeWindow = time.Hour
		p.UnattributedDestination = types.FUNDS_DESTINATION_BURN
	}, types.ErrInvalidParams,
		keepertest.BrokenParams[types.Params]{Name: "zero window", Break: func(p *types.Params) { p.ChallengeWindow = 0 }},
		keepertest.BrokenParams[types.Params]{Name: "quorum of half", Break: func(p *types.Params) { p.QuorumBps = 5000 }},
		keepertest.BrokenParams[types.Params]{Name: "unspecified destination", Break: func(p *types.Params) { p.OverturnedDestination = types.FUNDS_DESTINATION_UNSPECIFIED }},
	)
}
