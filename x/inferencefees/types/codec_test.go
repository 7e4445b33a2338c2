package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/eip712"
)

func TestCodecRegistersEveryMessage(t *testing.T) {
	registry := codectypes.NewInterfaceRegistry()
	types.RegisterInterfaces(registry)
	for _, msg := range []sdk.Msg{
		&types.MsgDepositCredit{}, &types.MsgRequestWithdrawal{}, &types.MsgSettleBatch{},
		&types.MsgPayInference{}, &types.MsgUpdateParams{},
	} {
		_, err := registry.Resolve(sdk.MsgTypeURL(msg))
		require.NoError(t, err, sdk.MsgTypeURL(msg))
	}
	amino := codec.NewLegacyAmino()
	require.NotPanics(t, func() { types.RegisterLegacyAminoCodec(amino) })
}

func TestValidationHelpers(t *testing.T) {
	for _, m := range []string{"suffix-array-v1", "none", "a.b-c"} {
		require.NoError(t, types.ValidateMethod(m), m)
	}
	for _, m := range []string{"", "Upper", "under_score", "with space", "123456789012345678901234567890123"} {
		require.ErrorIs(t, types.ValidateMethod(m), types.ErrInvalidAttribution, m)
	}
	method, err := types.ValidateMethodAndWeights("", nil)
	require.NoError(t, err)
	require.Equal(t, types.MethodNone, method)
	require.ErrorIs(t, types.ValidateSignatureSize("s", make([]byte, eip712.SignatureSize-1)), types.ErrMalformedSignature)
	require.ErrorIs(t, types.ValidateReceiptsRoot(make([]byte, 33)), types.ErrInvalidReceiptsRoot)
}
