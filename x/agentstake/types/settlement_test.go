package types_test

import (
	"bytes"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/agentstake/types"
)

const chainID = 6736

// signedSettlement signs a settlement with a go-ethereum key, as a serving
// node's eth_secp256k1 account key does.
func signedSettlement(t *testing.T, seed byte, user []byte, nonce uint64, amount int64, root byte, chain uint64) (types.Settlement, []byte) {
	t.Helper()
	key, err := crypto.ToECDSA(bytes.Repeat([]byte{seed}, 32))
	require.NoError(t, err)
	s := types.Settlement{
		ServingNode:      crypto.PubkeyToAddress(key.PublicKey).Bytes(),
		User:             user,
		Nonce:            nonce,
		CumulativeAmount: math.NewInt(amount),
		BatchRoot:        bytes.Repeat([]byte{root}, 32),
	}
	digest, err := s.Digest(chain)
	require.NoError(t, err)
	sig, err := crypto.Sign(digest[:], key)
	require.NoError(t, err)
	return s, sig
}

func TestSettlementSignature(t *testing.T) {
	user := bytes.Repeat([]byte{0x11}, 20)
	s, sig := signedSettlement(t, 0x42, user, 3, 1000, 0xaa, chainID)

	t.Run("Success - the serving node's signature verifies", func(t *testing.T) {
		require.NoError(t, s.VerifySignature(chainID, sig))
	})
	t.Run("Success - v as 27/28 verifies too", func(t *testing.T) {
		legacy := bytes.Clone(sig)
		legacy[64] += 27
		require.NoError(t, s.VerifySignature(chainID, legacy))
	})
	t.Run("Failure - wrong chain id", func(t *testing.T) {
		require.Error(t, s.VerifySignature(chainID+1, sig))
	})
	t.Run("Failure - another statement", func(t *testing.T) {
		other := s
		other.CumulativeAmount = math.NewInt(1001)
		require.Error(t, other.VerifySignature(chainID, sig))
	})
	t.Run("Failure - signed by another key", func(t *testing.T) {
		o, osig := signedSettlement(t, 0x43, user, 3, 1000, 0xaa, chainID)
		require.NoError(t, o.VerifySignature(chainID, osig))
		require.ErrorContains(t, s.VerifySignature(chainID, osig), "not by the serving node")
	})
	t.Run("Failure - truncated signature", func(t *testing.T) {
		require.Error(t, s.VerifySignature(chainID, sig[:64]))
	})
	t.Run("Failure - malformed statement", func(t *testing.T) {
		bad := s
		bad.BatchRoot = bad.BatchRoot[:31]
		require.Error(t, bad.VerifySignature(chainID, sig))
		bad = s
		bad.User = user[:19]
		require.Error(t, bad.VerifySignature(chainID, sig))
		bad = s
		bad.CumulativeAmount = math.Int{}
		require.Error(t, bad.VerifySignature(chainID, sig))
	})
}

func TestSameVoucherAndConflicts(t *testing.T) {
	user := bytes.Repeat([]byte{0x11}, 20)
	a, _ := signedSettlement(t, 0x42, user, 3, 1000, 0xaa, chainID)
	sameAmountOtherRoot, _ := signedSettlement(t, 0x42, user, 3, 1000, 0xbb, chainID)
	otherAmount, _ := signedSettlement(t, 0x42, user, 3, 2000, 0xaa, chainID)
	otherNonce, _ := signedSettlement(t, 0x42, user, 4, 2000, 0xaa, chainID)
	otherUser, _ := signedSettlement(t, 0x42, bytes.Repeat([]byte{0x12}, 20), 3, 2000, 0xaa, chainID)
	otherNode, _ := signedSettlement(t, 0x43, user, 3, 2000, 0xaa, chainID)

	require.True(t, a.SameVoucher(a))
	require.False(t, a.Conflicts(a), "a statement does not conflict with itself")
	require.True(t, a.SameVoucher(otherAmount))
	require.True(t, a.Conflicts(otherAmount))
	require.True(t, a.Conflicts(sameAmountOtherRoot))
	for _, o := range []types.Settlement{otherNonce, otherUser, otherNode} {
		require.False(t, a.SameVoucher(o))
		require.False(t, a.Conflicts(o), "different vouchers never conflict")
	}
}
