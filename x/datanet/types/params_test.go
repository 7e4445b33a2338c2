package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestDefaultDenomIsTheChainsBaseDenom(t *testing.T) {
	require.Equal(t, config.BaseDenom, types.DefaultDenom)
	require.Equal(t, config.OPEN(10), types.DefaultParams().CreationFee)
	require.Equal(t, config.OPEN(1), types.DefaultParams().ContributionDeposit)
}

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	require.Equal(t, uint64(4096), types.DefaultParams().MaxInlineBytes)

	cases := []keepertest.ParamsCase[types.Params]{
		{Name: "Success - everything free", Edit: func(p *types.Params) {
			p.CreationFee, p.FeePerByte, p.ContributionDeposit = sdk.NewInt64Coin("aopen", 0), sdk.NewInt64Coin("aopen", 0), sdk.NewInt64Coin("aopen", 0)
		}, Valid: true},
		{Name: "Success - inline content switched off", Edit: func(p *types.Params) { p.MaxInlineBytes = 0 }, Valid: true},
		{Name: "Success - inline at the ceiling", Edit: func(p *types.Params) { p.MaxInlineBytes = types.MaxInlineBytesCeiling }, Valid: true},
		{Name: "Success - another denom", Edit: func(p *types.Params) { p.FeePerByte = sdk.NewInt64Coin("ibc/ABC", 5) }, Valid: true},
		{Name: "Failure - inline over the ceiling", Edit: func(p *types.Params) { p.MaxInlineBytes = types.MaxInlineBytesCeiling + 1 }},
		{Name: "Failure - empty denom", Edit: func(p *types.Params) { p.CreationFee.Denom = "" }},
		{Name: "Failure - nil amount", Edit: func(p *types.Params) { p.FeePerByte.Amount = math.Int{} }},
		{Name: "Failure - negative amount", Edit: func(p *types.Params) { p.ContributionDeposit.Amount = math.NewInt(-1) }},
		{Name: "Failure - unknown fee destination", Edit: func(p *types.Params) { p.FeeDestination = 3 }},
		{Name: "Failure - unknown rejected deposit policy", Edit: func(p *types.Params) { p.RejectedDeposit = 3 }},
	}
	keepertest.RequireParamsCases(t, types.DefaultParams, types.ErrInvalidParams, cases)
}

func TestContributionFee(t *testing.T) {
	p := types.DefaultParams()
	require.Equal(t, sdk.NewCoin("aopen", math.NewInt(4096*1_000_000_000)), p.ContributionFee(4096))
	// No overflow at the largest size: math.Int has 256 bits.
	huge := p.ContributionFee(^uint64(0))
	require.Equal(t, math.NewIntFromUint64(^uint64(0)).MulRaw(1_000_000_000), huge.Amount)
}
