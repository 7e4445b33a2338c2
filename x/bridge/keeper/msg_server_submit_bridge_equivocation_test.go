package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// forged is checkpoint 1 with another withdrawal root, as a validator
// colluding against L1 would sign it.
func (f *fixture) forged() types.CheckpointHeader {
	h := f.checkpoint(1).Header
	h.WithdrawalRoot = make([]byte, 32)
	h.WithdrawalRoot[0] = 0xee
	return h
}

func (f *fixture) equivocationMsg(o operator) *types.MsgSubmitBridgeEquivocation {
	real, fake := f.checkpoint(1).Header, f.forged()
	return &types.MsgSubmitBridgeEquivocation{
		Submitter: f.alice.Str,
		First:     types.SignedCheckpoint{Header: real, Signature: f.signCheckpoint(o, real)},
		Second:    types.SignedCheckpoint{Header: fake, Signature: f.signCheckpoint(o, fake)},
	}
}

func TestSubmitBridgeEquivocation(t *testing.T) {
	keepertest.Run(t, "Success - recorded, slashed at the checkpoint's height and jailed", withCheckpoint, func(t *testing.T, f *fixture) {
		f.advance(3)
		keepertest.MustDeliver(f.Chain(), f.Msgs.SubmitBridgeEquivocation, f.equivocationMsg(f.val2))
		require.Len(t, f.staking.slashes, 1)
		s := f.staking.slashes[0]
		require.Equal(t, types.DefaultEquivocationSlashFraction, s.fraction)
		require.Equal(t, int64(30), s.power)
		require.Equal(t, int64(startHeight), s.height)
		require.True(t, f.staking.vals[1].jailed)
		es, err := f.Queries.Equivocations(f.Ctx, &types.QueryEquivocationsRequest{})
		require.NoError(t, err)
		require.Len(t, es.Equivocations, 1)
		require.Equal(t, f.val2.valStr, es.Equivocations[0].Validator)
		require.True(t, es.Equivocations[0].Slashed)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.bridge.v1.EventBridgeEquivocation"), 1)
	})
	keepertest.Run(t, "Success - a tombstoned validator is recorded, not slashed again", withCheckpoint, func(t *testing.T, f *fixture) {
		cons, err := f.staking.vals[1].val.GetConsAddr()
		require.NoError(t, err)
		f.staking.tombstoned[string(cons)] = true
		keepertest.MustDeliver(f.Chain(), f.Msgs.SubmitBridgeEquivocation, f.equivocationMsg(f.val2))
		require.Empty(t, f.staking.slashes)
	})

	failures := []keepertest.Failure[func(*fixture, *types.MsgSubmitBridgeEquivocation)]{
		{Name: "Failure - invalid submitter", Make: func(_ *fixture, m *types.MsgSubmitBridgeEquivocation) { m.Submitter = "x" }, Want: types.ErrInvalidAddress},
		{Name: "Failure - zero nonce", Make: func(_ *fixture, m *types.MsgSubmitBridgeEquivocation) {
			m.First.Header.Nonce, m.Second.Header.Nonce = 0, 0
		}, Want: types.ErrInvalidNonce},
		{Name: "Failure - different nonces", Make: func(f *fixture, m *types.MsgSubmitBridgeEquivocation) {
			m.Second.Header.Nonce = 2
			m.Second.Signature = f.signCheckpoint(f.val2, m.Second.Header)
		}, Want: types.ErrEvidenceNotConflicting},
		{Name: "Failure - the same checkpoint twice", Make: func(_ *fixture, m *types.MsgSubmitBridgeEquivocation) { m.Second = m.First }, Want: types.ErrEvidenceNotConflicting},
		{Name: "Failure - two signers", Make: func(f *fixture, m *types.MsgSubmitBridgeEquivocation) {
			m.Second.Signature = f.signCheckpoint(f.val3, m.Second.Header)
		}, Want: types.ErrEvidenceNotConflicting},
		{Name: "Failure - malformed root", Make: func(_ *fixture, m *types.MsgSubmitBridgeEquivocation) { m.Second.Header.WithdrawalRoot = []byte{1} }, Want: types.ErrInvalidCheckpoint},
		{Name: "Failure - bad signature", Make: func(_ *fixture, m *types.MsgSubmitBridgeEquivocation) { m.Second.Signature = highS(m.Second.Signature) }, Want: types.ErrInvalidSignature},
		{Name: "Failure - unregistered key", Make: func(f *fixture, m *types.MsgSubmitBridgeEquivocation) {
			*m = *f.equivocationMsg(operator{eth: key(f.T, 0x66)})
		}, Want: types.ErrUnknownEthKey},
		{Name: "Failure - recorded already", Make: func(f *fixture, m *types.MsgSubmitBridgeEquivocation) {
			keepertest.MustDeliver(f.Chain(), f.Msgs.SubmitBridgeEquivocation, f.equivocationMsg(f.val2))
		}, Want: types.ErrEvidenceUsed},
	}
	keepertest.RunBroken(t, failures, func(t testing.TB) (*fixture, *types.MsgSubmitBridgeEquivocation) {
		f := withCheckpoint(t)
		return f, f.equivocationMsg(f.val2)
	}, types.MsgServer.SubmitBridgeEquivocation)
}
