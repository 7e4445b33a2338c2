package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/x/modelreg/types"
)

func TestDefaultParams(t *testing.T) {
	require.Equal(t, config.BaseDenom, types.DefaultDenom)
	require.Equal(t, config.OPEN(1), types.DefaultParams().RegistrationFee)
	require.Equal(t, config.OPEN(1000).Amount, types.DefaultParams().MaxPrice)
	require.NoError(t, types.DefaultParams().Validate())
}

func TestParamsValidate(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(p *types.Params)
		ok     bool
	}{
		{"Success - zero fee", func(p *types.Params) { p.RegistrationFee.Amount = math.ZeroInt() }, true},
		{"Success - community pool", func(p *types.Params) { p.FeeDestination = types.FEE_DESTINATION_COMMUNITY_POOL }, true},
		{"Failure - bad denom", func(p *types.Params) { p.RegistrationFee.Denom = "1x" }, false},
		{"Failure - negative fee", func(p *types.Params) { p.RegistrationFee.Amount = math.NewInt(-1) }, false},
		{"Failure - unspecified destination", func(p *types.Params) { p.FeeDestination = types.FEE_DESTINATION_UNSPECIFIED }, false},
		{"Failure - zero max price", func(p *types.Params) { p.MaxPrice = math.ZeroInt() }, false},
		{"Failure - max price above the supply", func(p *types.Params) { p.MaxPrice = types.MaxPriceCeiling.AddRaw(1) }, false},
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
