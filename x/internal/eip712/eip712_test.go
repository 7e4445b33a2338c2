package eip712_test

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/internal/eip712"
)

// testType exercises every field encoding the package offers.
const testType = "Test(address who,uint256 amount,uint64 nonce,bytes32 root)"

func ourDigest(t *testing.T, domain eip712.Domain, who []byte, amount *big.Int, nonce uint64, root []byte) eip712.Word {
	t.Helper()
	whoW, err := eip712.Address(who)
	require.NoError(t, err)
	amountW, err := eip712.Uint256(amount)
	require.NoError(t, err)
	rootW, err := eip712.Bytes32(root)
	require.NoError(t, err)
	d, err := eip712.Digest(domain, eip712.HashStruct(eip712.TypeHash(testType), whoW, amountW, eip712.Uint64(nonce), rootW))
	require.NoError(t, err)
	return d
}

// TestDigestMatchesGoEthereum compares the digest with go-ethereum's
// independent EIP-712 implementation, the one behind eth_signTypedData_v4.
func TestDigestMatchesGoEthereum(t *testing.T) {
	contract := common.HexToAddress("0x1111111111111111111111111111111111111111")
	who := common.HexToAddress("0xAbCdEf0123456789aBcDeF0123456789AbCdEf01")
	amount, _ := new(big.Int).SetString("123456789000000000000000000", 10)
	root := bytes.Repeat([]byte{0x5a}, 32)

	typed := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {
				{Name: "name", Type: "string"},
				{Name: "version", Type: "string"},
				{Name: "chainId", Type: "uint256"},
				{Name: "verifyingContract", Type: "address"},
			},
			"Test": {
				{Name: "who", Type: "address"},
				{Name: "amount", Type: "uint256"},
				{Name: "nonce", Type: "uint64"},
				{Name: "root", Type: "bytes32"},
			},
		},
		PrimaryType: "Test",
		Domain: apitypes.TypedDataDomain{
			Name: eip712.DomainName, Version: eip712.DomainVersion,
			ChainId: math.NewHexOrDecimal256(6736), VerifyingContract: contract.Hex(),
		},
		Message: apitypes.TypedDataMessage{
			"who": who.Hex(), "amount": amount.String(), "nonce": "42", "root": root,
		},
	}
	want, _, err := apitypes.TypedDataAndHash(typed)
	require.NoError(t, err)

	got := ourDigest(t, eip712.Domain{ChainID: 6736, VerifyingContract: contract.Bytes()}, who.Bytes(), amount, 42, root)
	require.Equal(t, want, got[:])

	// Any change in the domain changes the digest.
	other := ourDigest(t, eip712.Domain{ChainID: 6737, VerifyingContract: contract.Bytes()}, who.Bytes(), amount, 42, root)
	require.NotEqual(t, got, other)
}

func TestEncodersRejectBadInput(t *testing.T) {
	_, err := eip712.Address(make([]byte, 19))
	require.Error(t, err)
	_, err = eip712.Bytes32(make([]byte, 31))
	require.Error(t, err)
	_, err = eip712.Uint256(big.NewInt(-1))
	require.Error(t, err)
	_, err = eip712.Uint256(new(big.Int).Lsh(big.NewInt(1), 256))
	require.Error(t, err)
	_, err = eip712.Digest(eip712.Domain{ChainID: 1, VerifyingContract: []byte{1}}, eip712.Word{})
	require.Error(t, err)
}

func TestRecoverAddress(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	signer := crypto.PubkeyToAddress(key.PublicKey).Bytes()
	digest := eip712.Word(crypto.Keccak256Hash([]byte("payload")))

	sig, err := crypto.Sign(digest[:], key)
	require.NoError(t, err)
	got, err := eip712.RecoverAddress(digest, sig)
	require.NoError(t, err)
	require.Equal(t, signer, got)

	// MetaMask's 27/28 recovery byte.
	mm := bytes.Clone(sig)
	mm[64] += 27
	got, err = eip712.RecoverAddress(digest, mm)
	require.NoError(t, err)
	require.Equal(t, signer, got)

	// The malleated twin (s -> n-s, v flipped) is refused.
	n := crypto.S256().Params().N
	s := new(big.Int).SetBytes(sig[32:64])
	twin := bytes.Clone(sig)
	new(big.Int).Sub(n, s).FillBytes(twin[32:64])
	twin[64] ^= 1
	_, err = eip712.RecoverAddress(digest, twin)
	require.ErrorIs(t, err, eip712.ErrBadSignature)

	for _, bad := range []struct {
		name string
		sig  []byte
	}{
		{"short", sig[:64]},
		{"bad v", append(bytes.Clone(sig[:64]), 5)},
		{"zero r and s", make([]byte, 65)},
	} {
		_, err := eip712.RecoverAddress(digest, bad.sig)
		require.ErrorIs(t, err, eip712.ErrBadSignature, bad.name)
	}

	// A different digest recovers to someone else.
	other, err := eip712.RecoverAddress(eip712.Word{1}, sig)
	if err == nil {
		require.NotEqual(t, signer, other)
	}
}
