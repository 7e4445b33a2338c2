package types_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/eip712"
)

const chainID = 6736

func testVoucher(t testing.TB) (types.Voucher, []byte) {
	t.Helper()
	key, err := crypto.ToECDSA(bytes.Repeat([]byte{0x42}, 32))
	require.NoError(t, err)
	amount, ok := math.NewIntFromString("123456789000000000000000000")
	require.True(t, ok)
	v := types.Voucher{
		User:             crypto.PubkeyToAddress(key.PublicKey).Bytes(),
		ServingNode:      common.HexToAddress("0xAbCdEf0123456789aBcDeF0123456789AbCdEf01").Bytes(),
		CumulativeAmount: amount, Nonce: 42, Expiry: 1_900_000_000,
	}
	digest, err := v.Digest(chainID)
	require.NoError(t, err)
	sig, err := crypto.Sign(digest[:], key)
	require.NoError(t, err)
	return v, sig
}

// TestVoucherDigestMatchesGoEthereum builds go-ethereum's TypedData from the
// very JSON a wallet gets (TypedDataJSON), hashes it with TypedDataAndHash
// (what eth_signTypedData_v4 signs) and compares with Voucher.Digest; a
// go-ethereum signature of that hash verifies.
func TestVoucherDigestMatchesGoEthereum(t *testing.T) {
	v, sig := testVoucher(t)
	bz, err := v.TypedDataJSON(chainID)
	require.NoError(t, err)

	var typed apitypes.TypedData
	require.NoError(t, json.Unmarshal(bz, &typed))
	require.Equal(t, "Voucher", typed.PrimaryType)
	require.Equal(t, common.BytesToAddress(authtypes.NewModuleAddress(types.ModuleName)).Hex(), typed.Domain.VerifyingContract)
	want, _, err := apitypes.TypedDataAndHash(typed)
	require.NoError(t, err)

	got, err := v.Digest(chainID)
	require.NoError(t, err)
	require.Equal(t, want, got[:])

	// The type string go-ethereum derives is ours.
	require.Equal(t, types.VoucherType, string(typed.EncodeType("Voucher")))

	require.NoError(t, v.VerifySignature(chainID, sig))
	// MetaMask's 27/28 recovery byte.
	mm := bytes.Clone(sig)
	mm[64] += 27
	require.NoError(t, v.VerifySignature(chainID, mm))
}

func TestVoucherSignatureBindsEveryField(t *testing.T) {
	v, sig := testVoucher(t)
	mutations := []struct {
		name   string
		mutate func(*types.Voucher)
	}{
		{"user", func(v *types.Voucher) { v.User = bytes.Repeat([]byte{1}, 20) }},
		{"serving node", func(v *types.Voucher) { v.ServingNode = bytes.Repeat([]byte{2}, 20) }},
		{"amount", func(v *types.Voucher) { v.CumulativeAmount = v.CumulativeAmount.AddRaw(1) }},
		{"nonce", func(v *types.Voucher) { v.Nonce++ }},
		{"expiry", func(v *types.Voucher) { v.Expiry++ }},
	}
	for _, m := range mutations {
		t.Run("Failure - "+m.name+" changed", func(t *testing.T) {
			w := v
			m.mutate(&w)
			require.Error(t, w.VerifySignature(chainID, sig))
		})
	}
	t.Run("Failure - another chain", func(t *testing.T) {
		require.Error(t, v.VerifySignature(chainID+1, sig))
	})
	t.Run("Failure - malformed signature", func(t *testing.T) {
		require.ErrorIs(t, v.VerifySignature(chainID, sig[:64]), eip712.ErrBadSignature)
	})
	t.Run("Failure - bad addresses or amount", func(t *testing.T) {
		w := v
		w.User = w.User[:19]
		_, err := w.Digest(chainID)
		require.Error(t, err)
		_, err = w.TypedData(chainID)
		require.Error(t, err)
		w = v
		w.CumulativeAmount = math.Int{}
		_, err = w.Digest(chainID)
		require.Error(t, err)
	})
}

// TestVoucherSettlement: the node signs x/agentstake's Settlement of the
// voucher, the statement equivocation evidence is made of.
func TestVoucherSettlement(t *testing.T) {
	v, _ := testVoucher(t)
	root := bytes.Repeat([]byte{0xab}, 32)
	s := v.Settlement(root)
	require.Equal(t, v.ServingNode, s.ServingNode)
	require.Equal(t, v.User, s.User)
	require.Equal(t, v.Nonce, s.Nonce)
	require.True(t, v.CumulativeAmount.Equal(s.CumulativeAmount))
	require.Equal(t, root, s.BatchRoot)
}

func TestTypedDataJSONShape(t *testing.T) {
	v, _ := testVoucher(t)
	bz, err := v.TypedDataJSON(chainID)
	require.NoError(t, err)
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(bz, &m))
	require.JSONEq(t, `{"name":"OpenLedger","version":"1","chainId":6736,"verifyingContract":"`+
		common.BytesToAddress(types.ModuleAddress).Hex()+`"}`, string(m["domain"]))
	require.JSONEq(t, `{"user":"`+common.BytesToAddress(v.User).Hex()+`","servingNode":"`+common.BytesToAddress(v.ServingNode).Hex()+`",`+
		`"cumulativeAmount":"123456789000000000000000000","nonce":"42","expiry":"1900000000"}`, string(m["message"]))
	require.JSONEq(t, `"Voucher"`, string(m["primaryType"]))
}

// TestVerifyingContractIsTheDocumentedAddress keeps the README's address,
// which wallets display as the voucher's verifying contract, true.
func TestVerifyingContractIsTheDocumentedAddress(t *testing.T) {
	require.Equal(t, "0xae0596c18F2Fa195091e5e094D0220BB81258EB2", common.BytesToAddress(types.ModuleAddress).Hex())
}
