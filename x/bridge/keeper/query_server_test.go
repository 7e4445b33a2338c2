package keeper_test

import (
	"bytes"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// verify is OpenZeppelin's MerkleProof.processProof with commutative
// keccak256, written apart from the module's tree.
func verify(proof [][]byte, root, leaf []byte) bool {
	h := leaf
	for _, s := range proof {
		if bytes.Compare(h, s) < 0 {
			h = crypto.Keccak256(h, s)
		} else {
			h = crypto.Keccak256(s, h)
		}
	}
	return bytes.Equal(h, root)
}

func TestWithdrawalProof(t *testing.T) {
	f := newFixture(t)
	f.register(f.val1, f.val2, f.val3)
	for i := range 5 {
		f.withdraw(f.alice, recipient, open(int64(i+1)))
	}
	_, err := f.Queries.WithdrawalProof(f.Ctx, &types.QueryWithdrawalProofRequest{Nonce: 3})
	require.ErrorIs(t, err, types.ErrWithdrawalNotCheckpointed)

	f.endBlock()
	for nonce := uint64(1); nonce <= 5; nonce++ {
		resp, err := f.Queries.WithdrawalProof(f.Ctx, &types.QueryWithdrawalProofRequest{Nonce: nonce})
		require.NoError(t, err)
		require.Equal(t, f.checkpoint(1).Header.WithdrawalRoot, resp.Root)
		require.True(t, verify(resp.Proof, resp.Root, resp.Leaf), "withdrawal %d", nonce)
		require.False(t, verify(resp.Proof, resp.Root, crypto.Keccak256(resp.Leaf)))
	}

	keepertest.RunQueryFailures(t, []keepertest.QueryFailure{
		{Name: "Failure - nil request", Call: func() error { return keepertest.ErrOf(f.Queries.WithdrawalProof(f.Ctx, nil)) }, Want: types.ErrInvalidRequest},
		{Name: "Failure - nonce 0", Call: func() error {
			return keepertest.ErrOf(f.Queries.WithdrawalProof(f.Ctx, &types.QueryWithdrawalProofRequest{}))
		}, Want: types.ErrInvalidRequest},
		{Name: "Failure - unknown withdrawal", Call: func() error {
			return keepertest.ErrOf(f.Queries.WithdrawalProof(f.Ctx, &types.QueryWithdrawalProofRequest{Nonce: 9}))
		}, Want: types.ErrWithdrawalNotFound},
		{Name: "Failure - unknown checkpoint", Call: func() error {
			return keepertest.ErrOf(f.Queries.Checkpoint(f.Ctx, &types.QueryCheckpointRequest{Nonce: 9}))
		}, Want: types.ErrCheckpointNotFound},
		{Name: "Failure - unregistered signer", Call: func() error {
			return keepertest.ErrOf(f.Queries.EthSigner(f.Ctx, &types.QueryEthSignerRequest{Validator: "openvaloper1bad"}))
		}, Want: types.ErrInvalidRequest},
		{Name: "Failure - deposit nonce 0", Call: func() error {
			return keepertest.ErrOf(f.Queries.DepositAttestations(f.Ctx, &types.QueryDepositAttestationsRequest{}))
		}, Want: types.ErrInvalidRequest},
	})
}

func TestLatestCheckpoint(t *testing.T) {
	f := newFixture(t)
	_, err := f.Queries.LatestCheckpoint(f.Ctx, &types.QueryLatestCheckpointRequest{})
	require.ErrorIs(t, err, types.ErrCheckpointNotFound)
	f.register(f.val1)
	f.endBlock()
	resp, err := f.Queries.LatestCheckpoint(f.Ctx, &types.QueryLatestCheckpointRequest{})
	require.NoError(t, err)
	digest, err := f.domain().CheckpointDigest(resp.Latest.Checkpoint.Header)
	require.NoError(t, err)
	require.Equal(t, digest[:], resp.Latest.Digest)
	signers, err := f.Queries.EthSigners(f.Ctx, &types.QueryEthSignersRequest{})
	require.NoError(t, err)
	require.Len(t, signers.Signers, 1)
}
