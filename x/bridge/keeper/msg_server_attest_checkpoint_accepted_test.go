package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func (f *fixture) attestAccepted(nonce uint64, ops ...operator) {
	for _, o := range ops {
		keepertest.MustDeliver(f.Chain(), f.Msgs.AttestCheckpointAccepted, &types.MsgAttestCheckpointAccepted{Operator: o.Str, Nonce: nonce})
	}
}

func TestAttestCheckpointAccepted(t *testing.T) {
	keepertest.Run(t, "Success - more than 2/3 accept: released, signatures dropped", withCheckpoint, func(t *testing.T, f *fixture) {
		f.submitSignature(f.val1, 1)
		f.attestAccepted(1, f.val1, f.val2) // 70 of 100: a quorum
		status, err := f.Queries.Status(f.Ctx, &types.QueryStatusRequest{})
		require.NoError(t, err)
		require.Equal(t, uint64(1), status.L1AcceptedNonce)
		require.True(t, status.PendingWithdrawals.IsZero())
		require.Equal(t, l1Genesis.Add(open(10)), status.L1Circulating)
		resp, err := f.Queries.Checkpoint(f.Ctx, &types.QueryCheckpointRequest{Nonce: 1})
		require.NoError(t, err)
		require.Empty(t, resp.Signatures)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.bridge.v1.EventCheckpointAccepted"), 1)
	})
	keepertest.Run(t, "Success - exactly 2/3 is not a quorum", withCheckpoint, func(t *testing.T, f *fixture) {
		f.staking.vals[0].power = 30
		f.staking.vals[1].power = 30
		f.staking.vals[2].power = 30
		f.attestAccepted(1, f.val1, f.val2)
		accepted, err := f.K.L1AcceptedNonce.Get(f.Ctx)
		require.NoError(t, err)
		require.Zero(t, accepted)
	})
	keepertest.Run(t, "Success - accepting a later nonce accepts the ones before", withCheckpoint, func(t *testing.T, f *fixture) {
		f.withdraw(f.bob, recipient, open(3))
		f.advance(10)
		f.endBlock()
		f.attestAccepted(2, f.val1, f.val2)
		status, err := f.Queries.Status(f.Ctx, &types.QueryStatusRequest{})
		require.NoError(t, err)
		require.Equal(t, uint64(2), status.L1AcceptedNonce)
		require.Equal(t, l1Genesis.Add(open(13)), status.L1Circulating)
	})

	failures := []keepertest.Failure[func(*fixture) *types.MsgAttestCheckpointAccepted]{
		{Name: "Failure - invalid operator", Make: func(*fixture) *types.MsgAttestCheckpointAccepted {
			return &types.MsgAttestCheckpointAccepted{Operator: "x", Nonce: 1}
		}, Want: types.ErrInvalidAddress},
		{Name: "Failure - unknown checkpoint", Make: func(f *fixture) *types.MsgAttestCheckpointAccepted {
			return &types.MsgAttestCheckpointAccepted{Operator: f.val1.Str, Nonce: 2}
		}, Want: types.ErrCheckpointNotFound},
		{Name: "Failure - not a bonded validator", Make: func(f *fixture) *types.MsgAttestCheckpointAccepted {
			return &types.MsgAttestCheckpointAccepted{Operator: f.alice.Str, Nonce: 1}
		}, Want: types.ErrNotBondedValidator},
		{Name: "Failure - attested twice", Make: func(f *fixture) *types.MsgAttestCheckpointAccepted {
			f.attestAccepted(1, f.val1)
			return &types.MsgAttestCheckpointAccepted{Operator: f.val1.Str, Nonce: 1}
		}, Want: types.ErrAlreadyAttested},
		{Name: "Failure - accepted already", Make: func(f *fixture) *types.MsgAttestCheckpointAccepted {
			f.attestAccepted(1, f.val1, f.val2)
			return &types.MsgAttestCheckpointAccepted{Operator: f.val3.Str, Nonce: 1}
		}, Want: types.ErrCheckpointAccepted},
	}
	keepertest.RunFailures(t, failures, withCheckpoint, types.MsgServer.AttestCheckpointAccepted)
}
