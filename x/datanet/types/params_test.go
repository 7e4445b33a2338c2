package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/x/datanet/types"
)

func TestDefaultDenomIsTheChainsBaseDenom(t *testing.T) {
	require.Equal(t, config.BaseDenom, types.DefaultDenom)
	require.Equal(t, config.OPEN(10), types.DefaultParams().CreationFee)
	require.Equal(t, config.OPEN(1), types.DefaultParams().ContributionDeposit)
}

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	require.Equal(t, uint64(4096), types.DefaultParams().MaxInlineBytes)

	cases := []struct {
		name   string
		mutate func(p *types.Params)
		ok     bool
	}{
		{"Success - everything free", func(p *types.Params) {
			p.CreationFee, p.FeePerByte, p.ContributionDeposit = sdk.NewInt64Coin("aopen", 0), sdk.NewInt64Coin("aopen", 0), sdk.NewInt64Coin("aopen", 0)
		}, true},
		{"Success - inline content switched off", func(p *types.Params) { p.MaxInlineBytes = 0 }, true},
		{"Success - inline at the ceiling", func(p *types.Params) { p.MaxInlineBytes = types.MaxInlineBytesCeiling }, true},
		{"Success - another denom", func(p *types.Params) { p.FeePerByte = sdk.NewInt64Coin("ibc/ABC", 5) }, true},
		{"Failure - inline over the ceiling", func(p *types.Params) { p.MaxInlineBytes = types.MaxInlineBytesCeiling + 1 }, false},
		{"Failure - empty denom", func(p *types.Params) { p.CreationFee.Denom = "" }, false},
		{"Failure - nil amount", func(p *types.Params) { p.FeePerByte.Amount = math.Int{} }, false},
		{"Failure - negative amount", func(p *types.Params) { p.ContributionDeposit.Amount = math.NewInt(-1) }, false},
		{"Failure - unknown fee destination", func(p *types.Params) { p.FeeDestination = 3 }, false},
		{"Failure - unknown rejected deposit policy", func(p *types.Params) { p.RejectedDeposit = 3 }, false},
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

func TestContributionFee(t *testing.T) {
	p := types.DefaultParams()
	require.Equal(t, sdk.NewCoin("aopen", math.NewInt(4096*1_000_000_000)), p.ContributionFee(4096))
	// No overflow at the largest size: math.Int has 256 bits.
	huge := p.ContributionFee(^uint64(0))
	require.Equal(t, math.NewIntFromUint64(^uint64(0)).MulRaw(1_000_000_000), huge.Amount)
}
