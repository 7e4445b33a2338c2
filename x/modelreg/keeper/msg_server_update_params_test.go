package keeper_test

import (
	"testing"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/modelreg/types"
)

func TestUpdateParams(t *testing.T) {
	keepertest.RequireParamsUpdates(t, newFixture, types.MsgServer.UpdateParams, func(p *types.Params) {
		p.FeeDestination = types.FEE_DESTINATION_COMMUNITY_POOL
		p.MaxPrice = math.NewInt(5)
	}, types.ErrInvalidParams,
		keepertest.BrokenParams[types.Params]{Name: "unspecified fee destination", Break: func(p *types.Params) { p.FeeDestination = types.FEE_DESTINATION_UNSPECIFIED }},
		keepertest.BrokenParams[types.Params]{Name: "zero max price", Break: func(p *types.Params) { p.MaxPrice = math.ZeroInt() }},
		keepertest.BrokenParams[types.Params]{Name: "negative fee", Break: func(p *types.Params) { p.RegistrationFee.Amount = math.NewInt(-1) }},
	)
}
