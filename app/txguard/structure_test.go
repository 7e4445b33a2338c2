package txguard_test

import (
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/evm/crypto/ethsecp256k1"
	evmencoding "github.com/cosmos/evm/encoding"
	evmtypes "github.com/cosmos/evm/x/vm/types"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	signingtypes "github.com/cosmos/cosmos-sdk/types/tx/signing"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/openledger/openledger/app/txguard"
	"github.com/openledger/openledger/testutil/hostiletx"
)

func txConfig(t *testing.T) client.TxConfig {
	t.Helper()
	encoding := evmencoding.MakeConfig(hostiletx.EVMChainID)
	banktypes.RegisterInterfaces(encoding.InterfaceRegistry)
	evmtypes.RegisterInterfaces(encoding.InterfaceRegistry)
	return encoding.TxConfig
}

func TestEveryHostileTxIsAParseError(t *testing.T) {
	decode := txguard.NewDecoder(txConfig(t).TxDecoder())
	require.Len(t, hostiletx.Minimal(), 143, "the reported crash was 143 bytes")
	for _, c := range hostiletx.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			tx, err := decode(c.Tx)
			require.Nil(t, tx)
			require.ErrorIs(t, err, sdkerrors.ErrTxDecode)
			_, code, _ := errorsmod.ABCIInfo(err, false)
			require.Equal(t, sdkerrors.ErrTxDecode.ABCICode(), code)
			t.Log(err)
		})
	}
}

func TestStructureErrorsNameTheDefect(t *testing.T) {
	decode := txguard.NewDecoder(txConfig(t).TxDecoder())
	want := map[string]string{
		"no-auth-info":                     "no auth info",
		"auth-info-without-fee":            "no fee",
		"signer-info-without-signature":    "1 signer infos but 0 signatures",
		"no-messages":                      "no messages",
		"too-many-messages":                "1025 messages",
		"too-many-signatures":              "65 signatures",
		"ethereum-msg-without-transaction": "carries no Ethereum transaction",
		"ethereum-msg-beside-another-msg":  "must be the only message",
		"signer-info-without-public-key":   "no public key",
	}
	for _, c := range hostiletx.Cases() {
		if substring, ok := want[c.Name]; ok {
			_, err := decode(c.Tx)
			require.ErrorContains(t, err, substring, c.Name)
		}
	}
}

func TestWellFormedTxsDecode(t *testing.T) {
	config := txConfig(t)
	decode := txguard.NewDecoder(config.TxDecoder())
	encode := config.TxEncoder()

	// A Cosmos transaction as the CLI builds it (the signature is not
	// verified here, only its presence).
	key := secp256k1Key(t)
	builder := config.NewTxBuilder()
	from := sdk.AccAddress(crypto.PubkeyToAddress(key.PublicKey).Bytes())
	require.NoError(t, builder.SetMsgs(banktypes.NewMsgSend(from, from, sdk.NewCoins(sdk.NewCoin("aopen", math.NewInt(1))))))
	builder.SetGasLimit(200_000)
	builder.SetFeeAmount(sdk.NewCoins(sdk.NewCoin("aopen", math.NewInt(200_000_000_000_000))))
	pubKey := &ethsecp256k1.PubKey{Key: crypto.CompressPubkey(&key.PublicKey)}
	require.NoError(t, builder.SetSignatures(signingtypes.SignatureV2{
		PubKey: pubKey,
		Data:   &signingtypes.SingleSignatureData{SignMode: signingtypes.SignMode_SIGN_MODE_DIRECT, Signature: make([]byte, 65)},
	}))
	cosmosTx, err := encode(builder.GetTx())
	require.NoError(t, err)
	_, err = decode(cosmosTx)
	require.NoError(t, err)

	// What `--gas auto` simulates: no gas limit yet and an empty signature.
	// The ante handler, not the decoder, refuses such a transaction if it is
	// ever broadcast.
	builder.SetGasLimit(0)
	require.NoError(t, builder.SetSignatures(signingtypes.SignatureV2{
		PubKey: pubKey,
		Data:   &signingtypes.SingleSignatureData{SignMode: signingtypes.SignMode_SIGN_MODE_DIRECT},
	}))
	simulation, err := encode(builder.GetTx())
	require.NoError(t, err)
	_, err = decode(simulation)
	require.NoError(t, err)

	// An Ethereum transaction in the envelope cosmos/evm builds for it.
	to := crypto.PubkeyToAddress(key.PublicKey)
	ethTx, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(hostiletx.EVMChainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(hostiletx.EVMChainID), GasFeeCap: big.NewInt(1_000_000_000), Gas: 21_000, To: &to, Value: big.NewInt(1),
	})
	require.NoError(t, err)
	msg := &evmtypes.MsgEthereumTx{}
	msg.FromEthereumTx(ethTx)
	envelope, err := msg.BuildTxWithEvmParams(config.NewTxBuilder(), evmtypes.Params{
		EvmDenom: "aopen", ExtendedDenomOptions: &evmtypes.ExtendedDenomOptions{ExtendedDenom: "aopen"},
	})
	require.NoError(t, err)
	evmTx, err := encode(envelope)
	require.NoError(t, err)
	_, err = decode(evmTx)
	require.NoError(t, err)
}

func secp256k1Key(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	key, err := crypto.ToECDSA(append(make([]byte, 31), 7))
	require.NoError(t, err)
	return key
}
