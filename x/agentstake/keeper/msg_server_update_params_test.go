package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestUpdateParams(t *testing.T) {
	keepertest.RequireParamsUpdates(t, newFixture, types.MsgServer.UpdateParams, func(p *types.Params) {
		p.UnbondingPeriod = time.Hour
		p.MinStakeAttestor = math.NewInt(5)
	}, types.ErrInvalidParams,
		keepertest.BrokenParams[types.Params]{Name: "zero minimum stake", Break: func(p *types.Params) { p.MinStakeServingNode = math.ZeroInt() }},
		keepertest.BrokenParams[types.Params]{Name: "zero unbonding period", Break: func(p *types.Params) { p.UnbondingPeriod = 0 }},
		keepertest.BrokenParams[types.Params]{Name: "slash fraction above 100%", Break: func(p *types.Params) { p.SlashBpsEquivocation = 10_001 }},
		keepertest.BrokenParams[types.Params]{Name: "zero max unbonding entries", Break: func(p *types.Params) { p.MaxUnbondingEntries = 0 }},
	)
}
