package cli_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	evmcryptocodec "github.com/cosmos/evm/crypto/codec"
	evmkeyring "github.com/cosmos/evm/crypto/keyring"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"

	"github.com/openledger/openledger/ai/poa"
	agentstakecli "github.com/openledger/openledger/x/agentstake/client/cli"
	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/inferencefees/client/cli"
	"github.com/openledger/openledger/x/inferencefees/types"
)

const chainID = cli.DefaultEVMChainID

func newKeyring(t *testing.T) keyring.Keyring {
	t.Helper()
	registry := codectypes.NewInterfaceRegistry()
	cryptocodec.RegisterInterfaces(registry)
	evmcryptocodec.RegisterInterfaces(registry)
	return keyring.NewInMemory(codec.NewProtoCodec(registry), evmkeyring.Option())
}

// importKey imports a raw private key as an eth_secp256k1 keyring key and
// returns its address.
func importKey(t *testing.T, kr keyring.Keyring, name string, seed byte) []byte {
	t.Helper()
	priv := bytes.Repeat([]byte{seed}, 32)
	require.NoError(t, kr.ImportPrivKeyHex(name, hex.EncodeToString(priv), "eth_secp256k1"))
	key, err := crypto.ToECDSA(priv)
	require.NoError(t, err)
	return crypto.PubkeyToAddress(key.PublicKey).Bytes()
}

func TestSignVoucherWithKeyring(t *testing.T) {
	kr := newKeyring(t)
	user := importKey(t, kr, "alice", 0x42)
	node := bytes.Repeat([]byte{0x99}, 20)
	v := types.Voucher{User: user, ServingNode: node, CumulativeAmount: math.NewInt(5_000), Nonce: 3, Expiry: 1_900_000_000}

	t.Run("Success - the eth_secp256k1 key signs the digest as is, as go-ethereum does", func(t *testing.T) {
		sig, err := cli.SignVoucher(kr, "alice", v, chainID)
		require.NoError(t, err)
		require.Len(t, sig, 65)
		require.Contains(t, []byte{0, 1}, sig[64])
		require.NoError(t, v.VerifySignature(chainID, sig))
		digest, err := v.Digest(chainID)
		require.NoError(t, err)
		key, err := crypto.ToECDSA(bytes.Repeat([]byte{0x42}, 32))
		require.NoError(t, err)
		want, err := crypto.Sign(digest[:], key)
		require.NoError(t, err)
		require.Equal(t, want, sig)
	})
	t.Run("Success - printed JSON with typed data", func(t *testing.T) {
		out, err := cli.SignedVoucherOutput(addresscodec.NewBech32Codec("open"), kr, "alice", v, chainID, true)
		require.NoError(t, err)
		var doc struct {
			Voucher   cli.VoucherJSON `json:"voucher"`
			TypedData types.TypedData `json:"typed_data"`
		}
		require.NoError(t, json.Unmarshal(out, &doc))
		require.Equal(t, "5000", doc.Voucher.CumulativeAmount)
		require.Equal(t, chainID, doc.TypedData.Domain.ChainID)
		require.Equal(t, "Voucher", doc.TypedData.PrimaryType)
	})
	t.Run("Failure - the key is not the voucher's user", func(t *testing.T) {
		other := v
		other.User = node
		_, err := cli.SignVoucher(kr, "alice", other, chainID)
		require.ErrorContains(t, err, "not the voucher's user")
	})
	t.Run("Failure - unknown key", func(t *testing.T) {
		_, err := cli.SignVoucher(kr, "nobody", v, chainID)
		require.Error(t, err)
	})
}

func TestBuildSettleBatch(t *testing.T) {
	ac := addresscodec.NewBech32Codec("open")
	kr := newKeyring(t)
	user := importKey(t, kr, "alice", 0x42)
	node := importKey(t, kr, "node", 0x43)
	userStr, err := ac.BytesToString(user)
	require.NoError(t, err)
	nodeStr, err := ac.BytesToString(node)
	require.NoError(t, err)
	root := bytes.Repeat([]byte{0xab}, 32)

	v := types.Voucher{User: user, ServingNode: node, CumulativeAmount: math.NewInt(5_000), Nonce: 3, Expiry: 1_900_000_000}
	out, err := cli.SignedVoucherOutput(addresscodec.NewBech32Codec("open"), kr, "alice", v, chainID, false)
	require.NoError(t, err)
	var vj cli.VoucherJSON
	require.NoError(t, json.Unmarshal(out, &vj))

	batch := map[string]any{
		"receipts_root": "0x" + hex.EncodeToString(root),
		"vouchers":      []cli.VoucherJSON{vj},
		"usage":         []map[string]any{{"model_id": 1, "amount": "5000", "inference_count": 12, "tokens": 4800}},
		"attribution":   []map[string]any{{"model_id": 1, "method": poa.Method, "weights": []map[string]any{{"contribution_id": 4, "ppm": 600000}}}},
	}
	path := filepath.Join(t.TempDir(), "batch.json")
	bz, err := json.Marshal(batch)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, bz, 0o600))
	file, err := cli.ReadBatchFile(path)
	require.NoError(t, err)

	sign := func(s agentstaketypes.Settlement) ([]byte, error) {
		return agentstakecli.SignSettlement(kr, "node", s, chainID)
	}
	t.Run("Success - node signatures added and valid", func(t *testing.T) {
		msg, err := cli.BuildSettleBatch(ac, file, node, sign, chainID)
		require.NoError(t, err)
		require.Equal(t, nodeStr, msg.ServingNode)
		require.Len(t, msg.Vouchers, 1)
		require.Equal(t, userStr, msg.Vouchers[0].User)
		require.NoError(t, v.Settlement(root).VerifySignature(chainID, msg.Vouchers[0].NodeSignature))
		require.NoError(t, v.VerifySignature(chainID, msg.Vouchers[0].UserSignature))
		require.Equal(t, []types.ModelUsage{{ModelId: 1, Amount: math.NewInt(5_000), InferenceCount: 12, Tokens: 4_800}}, msg.Usage)
		require.Equal(t, uint32(600000), msg.Attribution[0].Weights[0].Ppm)
	})
	t.Run("Failure - a voucher for another chain is caught before broadcasting", func(t *testing.T) {
		_, err := cli.BuildSettleBatch(ac, file, node, sign, chainID+1)
		require.ErrorContains(t, err, "user signature")
	})
	t.Run("Failure - a voucher made out to another node", func(t *testing.T) {
		other := importKey(t, kr, "node2", 0x44)
		_, err := cli.BuildSettleBatch(ac, file, other, func(s agentstaketypes.Settlement) ([]byte, error) {
			return agentstakecli.SignSettlement(kr, "node2", s, chainID)
		}, chainID)
		require.ErrorContains(t, err, "made out to")
	})
	t.Run("Failure - unknown field in the batch file", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.json")
		require.NoError(t, os.WriteFile(bad, []byte(`{"receipts_root":"00","vouchrs":[]}`), 0o600))
		_, err := cli.ReadBatchFile(bad)
		require.ErrorContains(t, err, "unknown field")
	})
	t.Run("Failure - receipts root not 32 bytes", func(t *testing.T) {
		f := file
		f.ReceiptsRoot = "abcd"
		_, err := cli.BuildSettleBatch(ac, f, node, sign, chainID)
		require.ErrorContains(t, err, "receipts_root")
	})
}

func TestParseExpiry(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	got, err := cli.ParseExpiry("1900000000", now)
	require.NoError(t, err)
	require.Equal(t, uint64(1_900_000_000), got)
	got, err = cli.ParseExpiry("1h", now)
	require.NoError(t, err)
	require.Equal(t, uint64(1_800_003_600), got)
	_, err = cli.ParseExpiry("-1h", now)
	require.Error(t, err)
	_, err = cli.ParseExpiry("soon", now)
	require.Error(t, err)
}
