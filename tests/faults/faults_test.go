//go:build faults

package faults_test

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"
)

// fault is one perturbation of one validator: inject starts it, recover
// ends it.
type fault struct {
	name  string
	node  int
	lasts time.Duration
	// isolates says the node cannot take part while the fault lasts: it
	// commits no block of its own (it holds a quarter of the power).
	isolates bool
	inject   func(t *testing.T, n *network, v *validator)
	recover  func(t *testing.T, n *network, v *validator)
}

// outcome is what the table reports of a fault.
type outcome struct {
	fault
	blocksDuring int64
	downtime     time.Duration
	catchUp      time.Duration
}

var faults = []fault{
	{
		name: "kill -9, restart", node: 3, lasts: 5 * time.Second,
		inject:  func(t *testing.T, _ *network, v *validator) { v.kill(t) },
		recover: func(t *testing.T, _ *network, v *validator) { v.start(t) },
	},
	{
		name: "SIGSTOP, SIGCONT", node: 2, lasts: 10 * time.Second,
		inject:  func(t *testing.T, _ *network, v *validator) { v.signal(t, syscall.SIGSTOP) },
		recover: func(t *testing.T, _ *network, v *validator) { v.signal(t, syscall.SIGCONT) },
	},
	{
		name: "cut off from every peer, reconnected", node: 1, lasts: 10 * time.Second, isolates: true,
		inject:  func(_ *testing.T, n *network, v *validator) { n.board.isolate(v.index) },
		recover: func(_ *testing.T, n *network, v *validator) { n.board.reconnect(v.index) },
	},
	{
		// An operator's recovery from a lost disk: everything but the
		// signing state goes, and block sync replays the chain from peers.
		// Keeping priv_validator_state.json is what stops the validator
		// from signing again at a height it already signed.
		name: "data folder wiped, block sync", node: 3, lasts: 3 * time.Second,
		inject: func(t *testing.T, _ *network, v *validator) {
			v.kill(t)
			wipeData(t, v.home)
		},
		recover: func(t *testing.T, _ *network, v *validator) { v.start(t) },
	},
}

// TestFaultsUnderLoad runs four validators under a steady mixed load and
// perturbs one at a time. Throughout, the other three keep committing
// blocks; afterwards the perturbed node catches up. Then a fifth node joins
// by state sync, restores a snapshot and follows the chain. Every validator
// holds the same block and app hash at every height (the fifth node from its
// first block on), every transaction the load saw
// committed is in the same block on every node, and nothing was applied
// twice (each sender's sequence and each sink's balance count exactly the
// transactions seen committed).
func TestFaultsUnderLoad(t *testing.T) {
	bin := os.Getenv("OPENLEDGERD_BIN")
	if bin == "" {
		t.Fatal("OPENLEDGERD_BIN must name the openledgerd binary (make test-faults sets it)")
	}
	n := startNetwork(t, bin)
	entry := n.nodes[0]
	for _, v := range n.nodes {
		waitHeight(t, v, 3, 3*time.Minute)
	}
	l := startLoad(t, entry)
	waitHeight(t, entry, entry.height()+5, time.Minute)

	var outcomes []outcome
	for _, f := range faults {
		v := n.nodes[f.node]
		before, own := entry.height(), v.height()
		start := time.Now()
		f.inject(t, n, v)
		time.Sleep(f.lasts)
		// The three others go on: a round whose proposer is the lost node
		// times out first (3 s), so allow them time for two blocks.
		waitHeight(t, entry, before+2, time.Minute)
		during := entry.height() - before
		if f.isolates {
			require.LessOrEqualf(t, v.height(), own+1, "node %d went on committing while %s", f.node, f.name)
		}
		f.recover(t, n, v)
		downtime := time.Since(start)

		target := entry.height()
		recovered := time.Now()
		waitHeight(t, v, target, 3*time.Minute)
		outcomes = append(outcomes, outcome{fault: f, blocksDuring: during, downtime: downtime, catchUp: time.Since(recovered)})
		// A few blocks with all four before the next fault.
		waitHeight(t, entry, entry.height()+3, time.Minute)
	}

	// A fifth node joins under the same load from a snapshot.
	synced := joinByStateSync(t, n)

	seen := l.finish()
	final := entry.height()
	for _, v := range n.nodes {
		waitHeight(t, v, final, time.Minute)
	}

	t.Logf("four validators, block time 500 ms, load through node 0: %d transactions committed (heights 1-%d)", len(seen), final)
	t.Logf("%-38s %4s %10s %14s %10s", "fault", "node", "lasted", "blocks by 3/4", "catch-up")
	for _, o := range outcomes {
		t.Logf("%-38s %4d %9.1fs %14d %9.1fs", o.name, o.node, o.downtime.Seconds(), o.blocksDuring, o.catchUp.Seconds())
	}
	t.Logf("%-38s %4d %10s %14s %9.1fs", "new node, state sync (non-validator)", synced.node.index, "-", "-", synced.catchUp.Seconds())
	t.Logf("the new node restored the snapshot of height %d (catch-up: from its start to node 0's height)", synced.earliest-1)

	requireSameChain(t, n, final)
	requireStateSyncedFollows(t, n, synced, final)
	requireCommittedEverywhere(t, n, seen)
	requireAppliedOnce(t, n, l, seen)
}

// requireSameChain checks that the four nodes hold the same block hash and
// app hash at every height.
func requireSameChain(t *testing.T, n *network, final int64) {
	t.Helper()
	for h := int64(1); h <= final; h++ {
		want, err := n.nodes[0].header(h)
		require.NoError(t, err)
		for _, v := range n.nodes[1:] {
			got, err := v.header(h)
			require.NoError(t, err)
			require.Equalf(t, want, got, "node %d disagrees with node 0 at height %d", v.index, h)
		}
	}
}

// requireCommittedEverywhere checks that each transaction the load saw
// committed is in the same block on every node.
func requireCommittedEverywhere(t *testing.T, n *network, seen []committed) {
	t.Helper()
	for _, v := range n.nodes {
		client, err := ethclient.Dial(v.evm())
		require.NoError(t, err)
		for _, c := range seen {
			var height int64
			if c.kind == "evm" {
				r, err := client.TransactionReceipt(context.Background(), common.HexToHash(c.hash))
				require.NoErrorf(t, err, "node %d: EVM transaction %s", v.index, c.hash)
				height = r.BlockNumber.Int64()
			} else {
				res, err := lookupTx(v, c.hash)
				require.NoErrorf(t, err, "node %d: %s transaction %s", v.index, c.kind, c.hash)
				height = res.height
			}
			require.Equalf(t, c.height, height, "node %d has %s transaction %s in another block", v.index, c.kind, c.hash)
		}
		client.Close()
	}
}

// requireAppliedOnce checks, on every node, that each sender's sequence
// and each sink's balance count exactly the transactions seen committed.
func requireAppliedOnce(t *testing.T, n *network, l *load, seen []committed) {
	t.Helper()
	count := map[string]int64{}
	for _, c := range seen {
		count[c.kind]++
	}
	for _, v := range n.nodes {
		client, err := ethclient.Dial(v.evm())
		require.NoError(t, err)
		var evmTotal int64
		for i, sender := range l.evmSenders {
			nonce, err := client.NonceAt(context.Background(), sender, nil)
			require.NoError(t, err)
			balance, err := client.BalanceAt(context.Background(), l.evmSinks[i], nil)
			require.NoError(t, err)
			require.Equalf(t, new(big.Int).Mul(evmValue, big.NewInt(int64(nonce))), balance,
				"node %d: the sink of %s holds other than %d transfers", v.index, sender, nonce)
			evmTotal += int64(nonce)
		}
		client.Close()
		require.Equalf(t, count["evm"], evmTotal, "node %d: EVM nonces", v.index)

		require.Equalf(t, count["bank"], sequence(t, v, l.bankFrom), "node %d: bank sender's sequence", v.index)
		require.Equalf(t, strconv.FormatInt(bankAmount*count["bank"], 10), balance(t, v, l.bankSink), "node %d: bank sink", v.index)
		// The Datanet's creation, then one transaction per contribution.
		require.Equalf(t, 1+count["contribution"], sequence(t, v, l.contribFrom), "node %d: contributor's sequence", v.index)
		// The registration, then one transaction per batch, each settling
		// one more inference's price.
		require.Equalf(t, 1+count["settlement"], sequence(t, v, l.settle.nodeAddr), "node %d: serving node's sequence", v.index)
		require.Equalf(t, pricePerCall.MulRaw(count["settlement"]).String(), l.settle.settledAmount(t, v), "node %d: settled on the channel", v.index)
	}
	t.Logf("applied once: %d EVM transfers, %d bank sends, %d contributions, %d settlements",
		count["evm"], count["bank"], count["contribution"], count["settlement"])
}

var sequenceField = regexp.MustCompile(`"sequence":\s*"?(\d+)`)

func sequence(t *testing.T, v *validator, addr string) int64 {
	t.Helper()
	out, err := v.cli("query", "auth", "account", addr, "--output", "json")
	require.NoError(t, err)
	m := sequenceField.FindStringSubmatch(out)
	require.NotNil(t, m, out)
	s, err := strconv.ParseInt(m[1], 10, 64)
	require.NoError(t, err)
	return s
}

func balance(t *testing.T, v *validator, addr string) string {
	t.Helper()
	out, err := v.cli("query", "bank", "balance", addr, "aopen", "--output", "json")
	require.NoError(t, err)
	m := regexp.MustCompile(`"amount":\s*"(\d+)"`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	return m[1]
}

// waitHeight waits until node v has committed height.
func waitHeight(t *testing.T, v *validator, height int64, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for v.height() < height {
		if time.Now().After(deadline) {
			t.Fatalf("node %d at height %d, not %d, after %s", v.index, v.height(), height, within)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// wipeData removes a node's data folder but for its signing state.
func wipeData(t *testing.T, home string) {
	t.Helper()
	data := filepath.Join(home, "data")
	entries, err := os.ReadDir(data)
	require.NoError(t, err)
	for _, e := range entries {
		if e.Name() != "priv_validator_state.json" {
			require.NoError(t, os.RemoveAll(filepath.Join(data, e.Name())))
		}
	}
}

func execOutput(bin string, args ...string) (string, error) {
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("%s %s: %w", bin, strings.Join(args, " "), err)
	}
	return string(out), nil
}
