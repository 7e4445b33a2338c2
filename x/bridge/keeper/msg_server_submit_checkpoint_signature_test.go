package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestSubmitCheckpointSignature(t *testing.T) {
	keepertest.Run(t, "Success - stores the signature, the query counts its power", withCheckpoint, func(t *testing.T, f *fixture) {
		f.submitSignature(f.val1, 1)
		f.submitSignature(f.val2, 1)
		resp, err := f.Queries.Checkpoint(f.Ctx, &types.QueryCheckpointRequest{Nonce: 1})
		require.NoError(t, err)
		require.Len(t, resp.Signatures, 2)
		require.Equal(t, uint64(70), resp.SignedPower)
		require.Equal(t, uint64(100), resp.SignerPower)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.bridge.v1.EventCheckpointSigned"), 2)
	})

	sigMsg := func(f *fixture, o operator) *types.MsgSubmitCheckpointSignature {
		return &types.MsgSubmitCheckpointSignature{Operator: o.Str, Nonce: 1, Signature: f.signCheckpoint(o, f.checkpoint(1).Header)}
	}
	failures := []keepertest.Failure[func(*fixture, *types.MsgSubmitCheckpointSignature)]{
		{Name: "Failure - invalid operator", Make: func(_ *fixture, m *types.MsgSubmitCheckpointSignature) { m.Operator = "x" }, Want: types.ErrInvalidAddress},
		{Name: "Failure - unknown checkpoint", Make: func(_ *fixture, m *types.MsgSubmitCheckpointSignature) { m.Nonce = 9 }, Want: types.ErrCheckpointNotFound},
		{Name: "Failure - not in the signer set", Make: func(f *fixture, m *types.MsgSubmitCheckpointSignature) { m.Operator = f.alice.Str }, Want: types.ErrNotInSignerSet},
		{Name: "Failure - signed twice", Make: func(f *fixture, _ *types.MsgSubmitCheckpointSignature) { f.submitSignature(f.val1, 1) }, Want: types.ErrAlreadySigned},
		{Name: "Failure - another validator's key", Make: func(f *fixture, m *types.MsgSubmitCheckpointSignature) {
			m.Signature = sigMsg(f, f.val2).Signature
		}, Want: types.ErrInvalidSignature},
		{Name: "Failure - a different checkpoint", Make: func(f *fixture, m *types.MsgSubmitCheckpointSignature) {
			h := f.checkpoint(1).Header
			h.LastDepositNonce = 7
			m.Signature = f.signCheckpoint(f.val1, h)
		}, Want: types.ErrInvalidSignature},
		{Name: "Failure - high s", Make: func(_ *fixture, m *types.MsgSubmitCheckpointSignature) { m.Signature = highS(m.Signature) }, Want: types.ErrInvalidSignature},
		{Name: "Failure - bad recovery byte", Make: func(_ *fixture, m *types.MsgSubmitCheckpointSignature) { m.Signature[64] = 5 }, Want: types.ErrInvalidSignature},
		{Name: "Failure - accepted on L1 already", Make: func(f *fixture, _ *types.MsgSubmitCheckpointSignature) {
			f.attestAccepted(1, f.val1, f.val2)
		}, Want: types.ErrCheckpointAccepted},
		{Name: "Failure - a key registered after the checkpoint", Make: func(f *fixture, m *types.MsgSubmitCheckpointSignature) {
			// A validator that rotated its key signs the pending checkpoint
			// with the key its signer set names, not with the new one.
			rotated := f.val1
			rotated.eth = key(f.T, 0x55)
			f.register(rotated)
			m.Signature = f.signCheckpoint(rotated, f.checkpoint(1).Header)
		}, Want: types.ErrInvalidSignature},
	}
	keepertest.RunBroken(t, failures, func(t testing.TB) (*fixture, *types.MsgSubmitCheckpointSignature) {
		f := withCheckpoint(t)
		return f, sigMsg(f, f.val1)
	}, types.MsgServer.SubmitCheckpointSignature)
}
