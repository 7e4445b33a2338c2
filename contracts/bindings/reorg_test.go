package bindings_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"
)

// relayerConfirmations is how deep a deposit must be before the relayer
// reports it to the validators.
const relayerConfirmations = 3

// confirmedDeposits is what a relayer waiting relayerConfirmations blocks
// sees at the current head: the deposits of blocks at least that deep.
func (h *harness) confirmedDeposits() (head uint64, nonceOf map[uint64]string) {
	h.t.Helper()
	head, err := h.client.BlockNumber(h.t.Context())
	require.NoError(h.t, err)
	nonceOf = map[uint64]string{}
	if head+1 < relayerConfirmations {
		return head, nonceOf
	}
	for _, ev := range h.depositEvents(0, head+1-relayerConfirmations) {
		nonceOf[ev.Nonce] = ev.Sender.Hex()
	}
	return head, nonceOf
}

// A reorg shallower than the relayer's confirmation depth renumbers
// deposits: the deposit that had nonce 1 in the dropped block comes back
// with nonce 2 after another one took nonce 1 on the winning branch. A
// relayer that reported at one confirmation would have attested a claim
// that no longer exists; one waiting three confirmations only ever reports
// the final numbering.
func TestShallowReorgRenumbersDepositsBeforeTheyAreConfirmed(t *testing.T) {
	h := newHarness(t, newValset(t, 1))
	alice, bob := h.users[0], h.users[1]
	forkPoint, err := h.client.HeaderByNumber(t.Context(), nil)
	require.NoError(t, err)
	_, before := h.confirmedDeposits()

	aliceAmount := new(big.Int).Mul(big.NewInt(5), oneOpen)
	receipt, err := h.deposit(alice, cosmosRecipient(0xa1), aliceAmount)
	require.NoError(t, err)
	events := h.depositEvents(receipt.BlockNumber.Uint64(), receipt.BlockNumber.Uint64())
	require.Len(t, events, 1)
	require.Equal(t, uint64(1), events[0].Nonce)
	require.Equal(t, alice.addr, events[0].Sender)
	droppedBlock := receipt.BlockHash
	// One confirmation: the relayer has not reported it.
	_, seen := h.confirmedDeposits()
	require.Equal(t, before, seen)

	// The block is reorged out: the pool takes Alice's transaction back,
	// and on the branch from its parent Bob's deposit, paying a higher tip,
	// is ordered first. The branch wins by being longer.
	require.NoError(t, h.sim.Fork(forkPoint.Hash()))
	bobOpts := *bob.opts
	bobOpts.GasTipCap = big.NewInt(100e9)
	bobOpts.GasFeeCap = big.NewInt(200e9)
	tx, err := bind.Transact(h.bridge, &bobOpts, bridgeABI.PackDeposit(cosmosRecipient(0xb0), oneOpen))
	require.NoError(t, err)
	h.sim.Commit()
	h.sim.Commit()
	h.sim.Commit()
	bobReceipt, err := bind.WaitMined(t.Context(), h.client, tx.Hash())
	require.NoError(t, err)
	require.Equal(t, ethtypes.ReceiptStatusSuccessful, bobReceipt.Status)

	head, err := h.client.BlockNumber(t.Context())
	require.NoError(t, err)
	canonical := h.depositEvents(forkPoint.Number.Uint64()+1, head)
	require.Len(t, canonical, 2)
	require.Equal(t, uint64(1), canonical[0].Nonce)
	require.Equal(t, bob.addr, canonical[0].Sender)
	require.Equal(t, uint64(2), canonical[1].Nonce)
	require.Equal(t, alice.addr, canonical[1].Sender)
	require.Equal(t, aliceAmount, canonical[1].Amount)
	require.NotEqual(t, droppedBlock, canonical[1].Raw.BlockHash)
	dropped, err := h.client.BlockByHash(t.Context(), droppedBlock)
	if err == nil {
		canonicalAt, err := h.client.HeaderByNumber(t.Context(), dropped.Number())
		require.NoError(t, err)
		require.NotEqual(t, droppedBlock, canonicalAt.Hash(), "the dropped block is no longer canonical")
	}

	// The waiting relayer reports only what is three blocks deep, and then
	// the final numbering.
	for {
		head, seen = h.confirmedDeposits()
		if len(seen) == 2 {
			break
		}
		require.NotContains(t, seen, uint64(2))
		if v, ok := seen[1]; ok {
			require.Equal(t, bob.addr.Hex(), v)
		}
		h.sim.Commit()
	}
	require.Equal(t, map[uint64]string{1: bob.addr.Hex(), 2: alice.addr.Hex()}, seen)
	t.Logf("head %d: nonce 1 = Bob, nonce 2 = Alice (Alice's deposit had nonce 1 in the dropped block %s)", head, droppedBlock.Hex())
}
