package bindings_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"
)

// L1 gas from receipts, for docs/benchmarks.md ("Ethereum bridge
// contracts"): `go test -v -run TestGasFigures ./contracts/bindings/`.
// Each figure has a ceiling, so a change that makes the bridge much dearer
// fails here.
func TestGasFigures(t *testing.T) {
	// A checkpoint signed by the smallest quorum of n equal validators,
	// naming a next set of n (a rotation, as nearly every x/bridge
	// checkpoint is: powers are in the set hash).
	checkpointGas := func(n int) uint64 {
		powers := make([]uint64, n)
		for i := range powers {
			powers[i] = 100
		}
		set, next := newValset(t, powers...), newValset(t, powers...)
		h := newHarness(t, set)
		quorum := n*2/3 + 1
		hdr := h.header(1, make([]byte, 32), set, next, 0)
		receipt, err := h.submit(hdr, set, next, h.sign(hdr, set, set.all()[:quorum]))
		require.NoError(t, err)
		t.Logf("checkpoint, %d validators (%d signatures): %d gas", n, quorum, receipt.GasUsed)
		return receipt.GasUsed
	}
	require.Less(t, checkpointGas(4), uint64(250_000))
	require.Less(t, checkpointGas(100), uint64(2_000_000))

	// Deposits and withdrawals of a 100-leaf checkpoint (proofs of 7 nodes).
	set := newValset(t, 1)
	h := newHarness(t, set)
	var depositGas []uint64
	for i := range 3 {
		receipt, err := h.deposit(h.users[i], cosmosRecipient(byte(i+1)), new(big.Int).Mul(big.NewInt(1000), oneOpen))
		require.NoError(t, err)
		depositGas = append(depositGas, receipt.GasUsed)
	}
	t.Logf("deposit: first %d gas, later %d gas", depositGas[0], depositGas[2])
	require.Less(t, depositGas[2], uint64(80_000))

	ws := make([]withdrawal, 100)
	for i := range ws {
		ws[i] = withdrawal{uint64(i + 1), h.users[i%3].addr, new(big.Int).Mul(big.NewInt(int64(i+1)), big.NewInt(1e16))}
	}
	root, proofs := tree(t, ws)
	cp, err := h.submit(h.header(1, root, set, set, 3), set, set, h.sign(h.header(1, root, set, set, 3), set, []int{0}))
	require.NoError(t, err)
	h.advance(testWindow)
	var total, first, steady uint64
	for i, w := range ws {
		receipt, err := h.finalize(1, w, proofs[i])
		require.NoError(t, err)
		total += receipt.GasUsed
		switch i {
		case 0:
			first = receipt.GasUsed
		case 50:
			steady = receipt.GasUsed
		}
	}
	t.Logf("withdrawal finalisation (proof of %d): first of a bitmap word %d gas, later %d gas; 100 withdrawals %d gas (+ checkpoint %d)",
		len(proofs[50]), first, steady, total, cp.GasUsed)
	require.Less(t, steady, uint64(90_000))
}
