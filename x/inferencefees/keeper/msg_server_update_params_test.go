package keeper_test

import (
	"testing"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestUpdateParams(t *testing.T) {
	keepertest.RequireParamsUpdates(t, newFixture, types.MsgServer.UpdateParams, func(p *types.Params) {
		p.BurnBps, p.DataContributorsBps = 0, 2500
	}, types.ErrInvalidParams,
		keepertest.BrokenParams[types.Params]{Name: "shares do not sum to 10,000", Break: func(p *types.Params) { p.BurnBps++ }},
	)
}
