package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestRegisterEthKey(t *testing.T) {
	keepertest.Run(t, "Success - registers the key and its owner", newFixture, func(t *testing.T, f *fixture) {
		f.register(f.val1)
		s, err := f.Queries.EthSigner(f.Ctx, &types.QueryEthSignerRequest{Validator: f.val1.valStr})
		require.NoError(t, err)
		require.Equal(t, f.val1.ethHex(), s.Signer.EthAddress)
		require.Equal(t, int64(startHeight), s.Signer.RegisteredHeight)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.bridge.v1.EventEthKeyRegistered"), 1)
	})
	keepertest.Run(t, "Success - rotates to a new key, the old one stays the validator's", newFixture, func(t *testing.T, f *fixture) {
		f.register(f.val1)
		old := f.val1.ethHex()
		rotated := f.val1
		rotated.eth = key(t, 0x99)
		f.register(rotated)
		s, err := f.K.Signers.Get(f.Ctx, f.val1.Addr.Bytes())
		require.NoError(t, err)
		require.Equal(t, rotated.ethHex(), s.EthAddress)
		owner, err := f.K.KeyOwners.Get(f.Ctx, keyBytes(old))
		require.NoError(t, err)
		require.Equal(t, f.val1.valStr, owner.Validator)
	})

	failures := []keepertest.Failure[func(f *fixture, m *types.MsgRegisterEthKey)]{
		{Name: "Failure - bridge not configured", Make: func(f *fixture, _ *types.MsgRegisterEthKey) {
			keepertest.SetParams(f, func(p *types.Params) { p.BridgeContract = "0x0000000000000000000000000000000000000000" })
		}, Want: types.ErrBridgeNotConfigured},
		{Name: "Failure - invalid operator", Make: func(_ *fixture, m *types.MsgRegisterEthKey) { m.Operator = "open1bad" }, Want: types.ErrInvalidAddress},
		{Name: "Failure - not a validator", Make: func(f *fixture, m *types.MsgRegisterEthKey) { m.Operator = f.alice.Str }, Want: types.ErrNotValidator},
		{Name: "Failure - malformed key address", Make: func(_ *fixture, m *types.MsgRegisterEthKey) { m.EthAddress = "0x1234" }, Want: types.ErrInvalidEthAddress},
		{Name: "Failure - zero key address", Make: func(_ *fixture, m *types.MsgRegisterEthKey) {
			m.EthAddress = "0x0000000000000000000000000000000000000000"
		}, Want: types.ErrInvalidEthAddress},
		{Name: "Failure - wrong checksum", Make: func(_ *fixture, m *types.MsgRegisterEthKey) {
			m.EthAddress = "0x" + flipCase(m.EthAddress[2:])
		}, Want: types.ErrInvalidEthAddress},
		{Name: "Failure - signed by another key", Make: func(f *fixture, m *types.MsgRegisterEthKey) {
			other := f.val1
			other.eth = key(f.T, 0x77)
			m.Signature = f.registerMsg(other).Signature
		}, Want: types.ErrInvalidSignature},
		{Name: "Failure - signed for another validator", Make: func(f *fixture, m *types.MsgRegisterEthKey) {
			other := f.val2
			other.eth = f.val1.eth
			m.Signature = f.registerMsg(other).Signature
		}, Want: types.ErrInvalidSignature},
		{Name: "Failure - signed for another chain", Make: func(f *fixture, m *types.MsgRegisterEthKey) {
			digest, err := f.domain().RegistrationDigest(f.val1.Addr, "other-chain")
			require.NoError(f.T, err)
			m.Signature = sign(f.T, f.val1.eth, digest)
		}, Want: types.ErrInvalidSignature},
		{Name: "Failure - high-s signature", Make: func(_ *fixture, m *types.MsgRegisterEthKey) { m.Signature = highS(m.Signature) }, Want: types.ErrInvalidSignature},
		{Name: "Failure - short signature", Make: func(_ *fixture, m *types.MsgRegisterEthKey) { m.Signature = m.Signature[:64] }, Want: types.ErrInvalidSignature},
		{Name: "Failure - key of another validator", Make: func(f *fixture, m *types.MsgRegisterEthKey) {
			thief := f.val2
			thief.eth = f.val1.eth
			f.register(f.val1)
			*m = *f.registerMsg(thief)
		}, Want: types.ErrEthKeyInUse},
		{Name: "Failure - the same key again", Make: func(f *fixture, _ *types.MsgRegisterEthKey) { f.register(f.val1) }, Want: types.ErrEthKeyUnchanged},
	}
	keepertest.RunBroken(t, failures, func(t testing.TB) (*fixture, *types.MsgRegisterEthKey) {
		f := newFixture(t)
		return f, f.registerMsg(f.val1)
	}, types.MsgServer.RegisterEthKey)
}

func TestUpdateParams(t *testing.T) {
	keepertest.RequireParamsUpdates(t, newFixture, types.MsgServer.UpdateParams,
		func(p *types.Params) { p.CheckpointInterval = 50 }, types.ErrInvalidParams,
		keepertest.BrokenParams[types.Params]{Name: "zero interval", Break: func(p *types.Params) { p.CheckpointInterval = 0 }},
		keepertest.BrokenParams[types.Params]{Name: "bad contract", Break: func(p *types.Params) { p.BridgeContract = "x" }},
	)
}
