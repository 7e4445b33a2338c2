package keeper_test

import (
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestUpdateParams(t *testing.T) {
	keepertest.RequireParamsUpdates(t, newFixture, types.MsgServer.UpdateParams, func(p *types.Params) {
		p.FeeDestination = types.FEE_DESTINATION_COMMUNITY_POOL
		p.RejectedDeposit = types.REJECTED_DEPOSIT_POLICY_RETURN
		p.MaxInlineBytes = 1024
		p.CreationFee = sdk.NewInt64Coin(denom, 0)
	}, types.ErrInvalidParams,
		keepertest.BrokenParams[types.Params]{Name: "unspecified fee destination", Break: func(p *types.Params) { p.FeeDestination = 0 }},
		keepertest.BrokenParams[types.Params]{Name: "unspecified rejected deposit policy", Break: func(p *types.Params) { p.RejectedDeposit = 0 }},
		keepertest.BrokenParams[types.Params]{Name: "max_inline_bytes over the ceiling", Break: func(p *types.Params) { p.MaxInlineBytes = types.MaxInlineBytesCeiling + 1 }},
		keepertest.BrokenParams[types.Params]{Name: "invalid fee denom", Break: func(p *types.Params) { p.FeePerByte.Denom = "?" }},
		keepertest.BrokenParams[types.Params]{Name: "negative deposit", Break: func(p *types.Params) {
			p.ContributionDeposit = sdk.Coin{Denom: denom, Amount: p.ContributionDeposit.Amount.Neg()}
		}},
		keepertest.BrokenParams[types.Params]{Name: "creation fee without amount", Break: func(p *types.Params) { p.CreationFee = sdk.Coin{Denom: denom} }},
	)
}
