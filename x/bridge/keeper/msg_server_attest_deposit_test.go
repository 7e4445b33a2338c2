package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

const ethSender = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"

func (f *fixture) depositMsg(o operator, nonce uint64, amt math.Int) *types.MsgAttestDeposit {
	return &types.MsgAttestDeposit{Operator: o.Str, DepositNonce: nonce, EthSender: ethSender, Recipient: f.bob.Str, Amount: amt, L1Block: 1000 + nonce}
}

func (f *fixture) attestDeposit(nonce uint64, amt math.Int, ops ...operator) uint64 {
	var last uint64
	for _, o := range ops {
		last = keepertest.MustDeliver(f.Chain(), f.Msgs.AttestDeposit, f.depositMsg(o, nonce, amt)).LastDepositNonce
	}
	return last
}

func TestAttestDeposit(t *testing.T) {
	keepertest.Run(t, "Success - credited from escrow at more than 2/3", newFixture, func(t *testing.T, f *fixture) {
		before := f.balance(f.bob.Addr)
		require.Zero(t, f.attestDeposit(1, open(7), f.val1)) // 40 of 100
		require.Equal(t, before, f.balance(f.bob.Addr))
		require.Equal(t, uint64(1), f.attestDeposit(1, open(7), f.val2)) // 70 of 100
		require.Equal(t, before.Add(open(7)), f.balance(f.bob.Addr))
		require.Equal(t, l1Genesis.Sub(open(7)), f.escrow())
		claims, err := f.Queries.DepositAttestations(f.Ctx, &types.QueryDepositAttestationsRequest{DepositNonce: 1})
		require.NoError(t, err)
		require.Empty(t, claims.Attestations, "a credited nonce's attestations are dropped")
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.bridge.v1.EventDepositCredited"), 1)
	})
	keepertest.Run(t, "Success - strictly in nonce order: a later quorum waits", newFixture, func(t *testing.T, f *fixture) {
		before := f.balance(f.bob.Addr)
		require.Zero(t, f.attestDeposit(2, open(5), f.val1, f.val2))
		require.Equal(t, before, f.balance(f.bob.Addr))
		require.Equal(t, uint64(2), f.attestDeposit(1, open(3), f.val1, f.val2), "nonce 1 credits, then the waiting nonce 2")
		require.Equal(t, before.Add(open(8)), f.balance(f.bob.Addr))
	})
	keepertest.Run(t, "Success - conflicting claims are tallied apart", newFixture, func(t *testing.T, f *fixture) {
		f.attestDeposit(1, open(7), f.val1)
		f.attestDeposit(1, open(8), f.val2) // 40 and 30: neither has a quorum
		claims, err := f.Queries.DepositAttestations(f.Ctx, &types.QueryDepositAttestationsRequest{DepositNonce: 1})
		require.NoError(t, err)
		require.Len(t, claims.Attestations, 2)
		require.Equal(t, uint64(1), f.attestDeposit(1, open(7), f.val3))
	})

	failures := []keepertest.Failure[func(*fixture) *types.MsgAttestDeposit]{
		{Name: "Failure - invalid operator", Make: func(f *fixture) *types.MsgAttestDeposit {
			m := f.depositMsg(f.val1, 1, open(1))
			m.Operator = "x"
			return m
		}, Want: types.ErrInvalidAddress},
		{Name: "Failure - zero nonce", Make: func(f *fixture) *types.MsgAttestDeposit { return f.depositMsg(f.val1, 0, open(1)) }, Want: types.ErrInvalidNonce},
		{Name: "Failure - bad eth sender", Make: func(f *fixture) *types.MsgAttestDeposit {
			m := f.depositMsg(f.val1, 1, open(1))
			m.EthSender = "0xzz"
			return m
		}, Want: types.ErrInvalidEthAddress},
		{Name: "Failure - bad recipient", Make: func(f *fixture) *types.MsgAttestDeposit {
			m := f.depositMsg(f.val1, 1, open(1))
			m.Recipient = "cosmos1xyz"
			return m
		}, Want: types.ErrInvalidAddress},
		{Name: "Failure - zero amount", Make: func(f *fixture) *types.MsgAttestDeposit { return f.depositMsg(f.val1, 1, math.ZeroInt()) }, Want: types.ErrInvalidAmount},
		{Name: "Failure - not bonded", Make: func(f *fixture) *types.MsgAttestDeposit { return f.depositMsg(operator{account: f.alice}, 1, open(1)) }, Want: types.ErrNotBondedValidator},
		{Name: "Failure - credited already", Make: func(f *fixture) *types.MsgAttestDeposit {
			f.attestDeposit(1, open(1), f.val1, f.val2)
			return f.depositMsg(f.val3, 1, open(1))
		}, Want: types.ErrDepositCredited},
		{Name: "Failure - too far ahead", Make: func(f *fixture) *types.MsgAttestDeposit {
			return f.depositMsg(f.val1, types.DefaultMaxDepositLookahead+1, open(1))
		}, Want: types.ErrDepositTooFarAhead},
		{Name: "Failure - attested twice, even another claim", Make: func(f *fixture) *types.MsgAttestDeposit {
			f.attestDeposit(1, open(1), f.val1)
			return f.depositMsg(f.val1, 1, open(2))
		}, Want: types.ErrAlreadyAttested},
		{Name: "Failure - blocked recipient", Make: func(f *fixture) *types.MsgAttestDeposit {
			m := f.depositMsg(f.val1, 1, open(1))
			m.Recipient = f.str(authtypes.NewModuleAddress("distribution"))
			return m
		}, Want: types.ErrBlockedRecipient},
		{Name: "Failure - more than was ever released on L1", Make: func(f *fixture) *types.MsgAttestDeposit {
			f.attestDeposit(1, l1Genesis.Add(open(1)), f.val1)
			return f.depositMsg(f.val2, 1, l1Genesis.Add(open(1)))
		}, Want: types.ErrDepositExceedsBacking},
	}
	keepertest.RunFailures(t, failures, newFixture, types.MsgServer.AttestDeposit)
}
