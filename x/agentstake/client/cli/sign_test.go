package cli_test

import (
	"bytes"
	"encoding/hex"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	evmcryptocodec "github.com/cosmos/evm/crypto/codec"
	evmkeyring "github.com/cosmos/evm/crypto/keyring"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"

	"github.com/openledger/openledger/x/agentstake/client/cli"
	"github.com/openledger/openledger/x/agentstake/types"
)

const chainID = 6736

func newKeyring(t *testing.T) keyring.Keyring {
	t.Helper()
	registry := codectypes.NewInterfaceRegistry()
	cryptocodec.RegisterInterfaces(registry)
	evmcryptocodec.RegisterInterfaces(registry)
	return keyring.NewInMemory(codec.NewProtoCodec(registry), evmkeyring.Option())
}

func TestSignSettlement(t *testing.T) {
	kr := newKeyring(t)
	priv := bytes.Repeat([]byte{0x42}, 32)
	require.NoError(t, kr.ImportPrivKeyHex("node", hex.EncodeToString(priv), "eth_secp256k1"))
	key, err := crypto.ToECDSA(priv)
	require.NoError(t, err)
	node := crypto.PubkeyToAddress(key.PublicKey).Bytes()

	s := types.Settlement{
		ServingNode: node, User: bytes.Repeat([]byte{0x11}, 20), Nonce: 7,
		CumulativeAmount: math.NewInt(3_000_000), BatchRoot: bytes.Repeat([]byte{0xab}, 32),
	}

	t.Run("Success - the keyring's eth_secp256k1 key signs the digest as is", func(t *testing.T) {
		sig, err := cli.SignSettlement(kr, "node", s, chainID)
		require.NoError(t, err)
		require.Len(t, sig, 65)
		require.Contains(t, []byte{0, 1}, sig[64])
		require.NoError(t, s.VerifySignature(chainID, sig))
		// The same signature go-ethereum makes with the raw key.
		digest, err := s.Digest(chainID)
		require.NoError(t, err)
		want, err := crypto.Sign(digest[:], key)
		require.NoError(t, err)
		require.Equal(t, want, sig)
	})
	t.Run("Failure - the key is not the serving node", func(t *testing.T) {
		other := s
		other.ServingNode = bytes.Repeat([]byte{0x22}, 20)
		_, err := cli.SignSettlement(kr, "node", other, chainID)
		require.ErrorContains(t, err, "not the serving node")
	})
	t.Run("Failure - a plain secp256k1 key", func(t *testing.T) {
		kr2 := keyring.NewInMemory(codec.NewProtoCodec(func() codectypes.InterfaceRegistry {
			r := codectypes.NewInterfaceRegistry()
			cryptocodec.RegisterInterfaces(r)
			return r
		}()))
		require.NoError(t, kr2.ImportPrivKeyHex("cosmos", hex.EncodeToString(priv), string(hd.Secp256k1Type)))
		rec, err := kr2.Key("cosmos")
		require.NoError(t, err)
		addr, err := rec.GetAddress()
		require.NoError(t, err)
		other := s
		other.ServingNode = addr
		_, err = cli.SignSettlement(kr2, "cosmos", other, chainID)
		require.ErrorContains(t, err, "eth_secp256k1")
	})
	t.Run("Failure - unknown key", func(t *testing.T) {
		_, err := cli.SignSettlement(kr, "nobody", s, chainID)
		require.Error(t, err)
	})
	t.Run("Failure - malformed settlement", func(t *testing.T) {
		bad := s
		bad.BatchRoot = nil
		_, err := cli.SignSettlement(kr, "node", bad, chainID)
		require.ErrorContains(t, err, "batch root")
	})
}
