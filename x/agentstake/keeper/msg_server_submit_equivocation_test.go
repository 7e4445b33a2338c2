package keeper_test

import (
	"bytes"
	"crypto/ecdsa"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// signed signs a settlement of the node with key on chainID.
func (f *fixture) signed(key *ecdsa.PrivateKey, chainID uint64, user account, nonce uint64, amount math.Int, root byte) types.SignedSettlement {
	f.T.Helper()
	node := sdkAddrOf(key)
	s := types.Settlement{ServingNode: node, User: user.Addr, Nonce: nonce, CumulativeAmount: amount, BatchRoot: bytes.Repeat([]byte{root}, 32)}
	digest, err := s.Digest(chainID)
	require.NoError(f.T, err)
	sig, err := crypto.Sign(digest[:], key)
	require.NoError(f.T, err)
	return types.SignedSettlement{
		ServingNode: f.str(node), User: user.Str, Nonce: nonce, CumulativeAmount: amount,
		BatchRoot: s.BatchRoot, Signature: sig,
	}
}

// againstFirst is bob's report of the node's settlement with alice (nonce 1,
// 3 OPEN, root 1) against second.
func (f *fixture) againstFirst(second types.SignedSettlement) *types.MsgSubmitEquivocation {
	f.T.Helper()
	return &types.MsgSubmitEquivocation{
		Submitter: f.bob.Str,
		First:     f.signed(f.node.Key, evmChainID, f.alice, 1, open(3), 1), Second: second,
	}
}

func sdkAddrOf(key *ecdsa.PrivateKey) []byte { return crypto.PubkeyToAddress(key.PublicKey).Bytes() }

func TestSubmitEquivocation(t *testing.T) {
	keepertest.Run(t, "Success - conflicting settlements slash, reward and tombstone", newFixture, func(t *testing.T, f *fixture) {
		op := f.register(servingNodeMsg(f.node))
		require.Equal(t, f.node.Addr, op)
		// Stake unbonding before the evidence is slashed too (infraction height 0).
		f.unbond(f.node, op, open(2000))
		f.advance(5, 0)

		first := f.signed(f.node.Key, evmChainID, f.alice, 7, open(3), 0xaa)
		second := f.signed(f.node.Key, evmChainID, f.alice, 7, open(4), 0xaa)
		bobBefore := f.balance(f.bob.Addr)
		supply := f.bank.Supply().AmountOf(denom)
		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.SubmitEquivocation, &types.MsgSubmitEquivocation{Submitter: f.bob.Str, First: first, Second: second})
		// 50% of 8,000 bonded + 50% of 2,000 unbonding.
		require.Equal(t, open(5000), resp.Slashed)
		require.Equal(t, bobBefore.Add(open(500)), f.balance(f.bob.Addr), "10%% challenger reward")
		require.Equal(t, supply.Sub(open(4500)), f.bank.Supply().AmountOf(denom), "the rest is burned")
		a := f.agent(op)
		require.Equal(t, types.AGENT_STATUS_TOMBSTONED, a.Status)
		require.Equal(t, open(4000), a.Bonded)
		entries, err := f.Queries.UnbondingEntries(f.Ctx, &types.QueryUnbondingEntriesRequest{Operator: f.node.Str})
		require.NoError(t, err)
		require.Equal(t, open(1000), entries.Entries[0].Amount)
		require.Equal(t, open(2000), entries.Entries[0].InitialAmount)
		hist, err := f.Queries.SlashHistory(f.Ctx, &types.QuerySlashHistoryRequest{Operator: f.node.Str})
		require.NoError(t, err)
		require.Len(t, hist.Records, 1)
		r := hist.Records[0]
		require.Equal(t, types.SLASH_REASON_EQUIVOCATION, r.Reason)
		require.Equal(t, f.bob.Str, r.Challenger)
		require.Equal(t, open(500), r.ChallengerReward)
		require.Equal(t, open(4500), r.Burned)
		require.Contains(t, r.EvidenceRef, "nonce 7")

		// The tombstoned owner can still unbond what is left.
		f.unbond(f.node, op, open(4000))
	})

	keepertest.Run(t, "Success - different batch roots conflict too", newFixture, func(t *testing.T, f *fixture) {
		f.register(servingNodeMsg(f.node))
		first := f.signed(f.node.Key, evmChainID, f.alice, 1, open(3), 0xaa)
		second := f.signed(f.node.Key, evmChainID, f.alice, 1, open(3), 0xbb)
		keepertest.MustDeliver(f.Chain(), f.Msgs.SubmitEquivocation, &types.MsgSubmitEquivocation{Submitter: f.bob.Str, First: first, Second: second})
	})

	other, err := crypto.ToECDSA(bytes.Repeat([]byte{0x07}, 32))
	require.NoError(t, err)
	failures := []keepertest.Failure[func(f *fixture) *types.MsgSubmitEquivocation]{
		{Name: "Failure - signed for another chain id", Make: func(f *fixture) *types.MsgSubmitEquivocation {
			return f.againstFirst(f.signed(f.node.Key, evmChainID+1, f.alice, 1, open(4), 1))
		}, Want: types.ErrInvalidSettlementSig},
		{Name: "Failure - signed by another key", Make: func(f *fixture) *types.MsgSubmitEquivocation {
			second := f.signed(other, evmChainID, f.alice, 1, open(4), 1)
			second.ServingNode = f.node.Str
			return f.againstFirst(second)
		}, Want: types.ErrInvalidSettlementSig},
		{Name: "Failure - tampered amount", Make: func(f *fixture) *types.MsgSubmitEquivocation {
			second := f.signed(f.node.Key, evmChainID, f.alice, 1, open(4), 1)
			second.CumulativeAmount = open(5)
			return f.againstFirst(second)
		}, Want: types.ErrInvalidSettlementSig},
		{Name: "Failure - identical statements", Make: func(f *fixture) *types.MsgSubmitEquivocation {
			s := f.signed(f.node.Key, evmChainID, f.alice, 1, open(3), 1)
			return &types.MsgSubmitEquivocation{Submitter: f.bob.Str, First: s, Second: s}
		}, Want: types.ErrEvidenceNotConflicting},
		{Name: "Failure - different nonces", Make: func(f *fixture) *types.MsgSubmitEquivocation {
			return f.againstFirst(f.signed(f.node.Key, evmChainID, f.alice, 2, open(4), 1))
		}, Want: types.ErrEvidenceNotConflicting},
		{Name: "Failure - different users", Make: func(f *fixture) *types.MsgSubmitEquivocation {
			return f.againstFirst(f.signed(f.node.Key, evmChainID, f.owner, 1, open(4), 1))
		}, Want: types.ErrEvidenceNotConflicting},
		{Name: "Failure - evidence already used", Make: func(f *fixture) *types.MsgSubmitEquivocation {
			msg := &types.MsgSubmitEquivocation{
				Submitter: f.bob.Str,
				First:     f.signed(f.node.Key, evmChainID, f.alice, 1, open(3), 1),
				Second:    f.signed(f.node.Key, evmChainID, f.alice, 1, open(4), 1),
			}
			_, err := keepertest.Deliver(f.Chain(), f.Msgs.SubmitEquivocation, msg)
			require.NoError(f.T, err)
			return msg
		}, Want: types.ErrEvidenceUsed},
		{Name: "Failure - second evidence against a tombstoned node", Make: func(f *fixture) *types.MsgSubmitEquivocation {
			_, err := keepertest.Deliver(f.Chain(), f.Msgs.SubmitEquivocation, &types.MsgSubmitEquivocation{
				Submitter: f.bob.Str,
				First:     f.signed(f.node.Key, evmChainID, f.alice, 1, open(3), 1),
				Second:    f.signed(f.node.Key, evmChainID, f.alice, 1, open(4), 1),
			})
			require.NoError(f.T, err)
			return &types.MsgSubmitEquivocation{
				Submitter: f.bob.Str,
				First:     f.signed(f.node.Key, evmChainID, f.alice, 2, open(3), 1),
				Second:    f.signed(f.node.Key, evmChainID, f.alice, 2, open(4), 1),
			}
		}, Want: types.ErrAgentTombstoned},
		{Name: "Failure - unregistered signer", Make: func(f *fixture) *types.MsgSubmitEquivocation {
			return &types.MsgSubmitEquivocation{
				Submitter: f.bob.Str,
				First:     f.signed(other, evmChainID, f.alice, 1, open(3), 1),
				Second:    f.signed(other, evmChainID, f.alice, 1, open(4), 1),
			}
		}, Want: types.ErrAgentNotFound},
		{Name: "Failure - short batch root", Make: func(f *fixture) *types.MsgSubmitEquivocation {
			first := f.signed(f.node.Key, evmChainID, f.alice, 1, open(3), 1)
			first.BatchRoot = first.BatchRoot[:31]
			return &types.MsgSubmitEquivocation{
				Submitter: f.bob.Str, First: first,
				Second: f.signed(f.node.Key, evmChainID, f.alice, 1, open(4), 1),
			}
		}, Want: types.ErrInvalidSettlement},
		{Name: "Failure - missing amount", Make: func(f *fixture) *types.MsgSubmitEquivocation {
			first := f.signed(f.node.Key, evmChainID, f.alice, 1, open(3), 1)
			first.CumulativeAmount = math.Int{}
			return &types.MsgSubmitEquivocation{
				Submitter: f.bob.Str, First: first,
				Second: f.signed(f.node.Key, evmChainID, f.alice, 1, open(4), 1),
			}
		}, Want: types.ErrInvalidSettlement},
		{Name: "Failure - invalid submitter", Make: func(f *fixture) *types.MsgSubmitEquivocation {
			return &types.MsgSubmitEquivocation{
				Submitter: "bob",
				First:     f.signed(f.node.Key, evmChainID, f.alice, 1, open(3), 1),
				Second:    f.signed(f.node.Key, evmChainID, f.alice, 1, open(4), 1),
			}
		}, Want: types.ErrInvalidAddress},
	}
	keepertest.RunFailures(t, failures, func(t testing.TB) *fixture {
		f := newFixture(t)
		f.register(servingNodeMsg(f.node))
		return f
	}, types.MsgServer.SubmitEquivocation)
}

// mustKey is a fixed private key.
func mustKey(seed byte) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(bytes.Repeat([]byte{seed}, 32))
	if err != nil {
		panic(err)
	}
	return k
}
