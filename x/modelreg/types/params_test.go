package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/modelreg/types"
)

func TestDefaultParams(t *testing.T) {
	require.Equal(t, config.BaseDenom, types.DefaultDenom)
	require.Equal(t, config.OPEN(1), types.DefaultParams().RegistrationFee)
	require.Equal(t, config.OPEN(1000).Amount, types.DefaultParams().MaxPrice)
	require.NoError(t, types.DefaultParams().Validate())
}

func TestParamsValidate(t *testing.T) {
	cases := []keepertest.ParamsCase[types.Params]{
		{Name: "Success - zero fee", Edit: func(p *types.Params) { p.RegistrationFee.Amount = math.ZeroInt() }, Valid: true},
		{Name: "Success - community pool", Edit: func(p *types.Params) { p.FeeDestination = types.FEE_DESTINATION_COMMUNITY_POOL }, Valid: true},
		{Name: "Failure - bad denom", Edit: func(p *types.Params) { p.RegistrationFee.Denom = "1x" }},
		{Name: "Failure - negative fee", Edit: func(p *types.Params) { p.RegistrationFee.Amount = math.NewInt(-1) }},
		{Name: "Failure - unspecified destination", Edit: func(p *types.Params) { p.FeeDestination = types.FEE_DESTINATION_UNSPECIFIED }},
		{Name: "Failure - zero max price", Edit: func(p *types.Params) { p.MaxPrice = math.ZeroInt() }},
		{Name: "Failure - max price above the supply", Edit: func(p *types.Params) { p.MaxPrice = types.MaxPriceCeiling.AddRaw(1) }},
	}
	keepertest.RequireParamsCases(t, types.DefaultParams, types.ErrInvalidParams, cases)
}
