//go:build ibclive

package ibclive_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestRelayFigures measures the relayed channel for docs/benchmarks.md:
// the latency from sending a transfer to its acknowledgement on the sending
// chain, and how many transfers per second the relayer carries when one
// transaction sends many. It asserts only that every packet arrives; the
// figures are printed. `make bench-ibc` runs it (IBCLIVE_FIGURES=1;
// IBCLIVE_BURST sets the transfers per transaction, 40 by default).
func TestRelayFigures(t *testing.T) {
	if os.Getenv("IBCLIVE_FIGURES") == "" {
		t.Skip("figures are measured by `make bench-ibc` (IBCLIVE_FIGURES=1)")
	}
	const rounds = 10
	burst := uint64(40)
	if n, err := strconv.ParseUint(os.Getenv("IBCLIVE_BURST"), 10, 64); err == nil && n > 0 {
		burst = n
	}

	// Latency: one transfer at a time, from the moment CheckTx accepted it
	// until the acknowledgement has cleared its commitment on OpenLedger.
	latencies := make([]time.Duration, 0, rounds)
	for range rounds {
		sequence := openLedger.nextSequence(t)
		hash, err := openLedger.sendTx("dev0", "ibc-transfer", "transfer", "transfer", olChannel, simdUser, "1000aopen")
		require.NoError(t, err)
		sent := time.Now()
		// The commitment exists once the transaction is in a block.
		require.NoError(t, openLedger.waitTxOK(hash))
		openLedger.waitAcked(t, sequence)
		latencies = append(latencies, time.Since(sent))
	}
	slices.Sort(latencies)

	// Throughput: one transaction carrying burst transfers.
	first := openLedger.nextSequence(t)
	signed := burstTx(t, int(burst))
	out, err := openLedger.run("tx", "broadcast", signed, "--output", "json",
		"--node", fmt.Sprintf("tcp://127.0.0.1:%d", openLedger.rpcPort))
	require.NoError(t, err, out)
	var res struct {
		TxHash string `json:"txhash"`
		Code   uint32 `json:"code"`
		RawLog string `json:"raw_log"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res), out)
	require.Zero(t, res.Code, res.RawLog)
	require.NoError(t, openLedger.waitTxOK(res.TxHash))
	included := time.Now()
	for s := first; s < first+burst; s++ {
		openLedger.waitAcked(t, s)
	}
	elapsed := time.Since(included)

	fmt.Printf("IBC figures: packet latency send->ack over %d transfers: median %s, min %s, max %s\n",
		rounds, latencies[rounds/2].Round(10*time.Millisecond), latencies[0].Round(10*time.Millisecond),
		latencies[rounds-1].Round(10*time.Millisecond))
	fmt.Printf("IBC figures: %d transfers in one transaction relayed and acknowledged in %s after inclusion: %.1f transfers/s\n",
		burst, elapsed.Round(10*time.Millisecond), float64(burst)/elapsed.Seconds())
}

// burstTx writes a transaction from dev0 with count ICS-20 transfers to
// the simd user, signed, and returns its file.
func burstTx(t *testing.T, count int) string {
	t.Helper()
	dir := t.TempDir()
	gas := 120_000 * count
	unsigned, err := openLedger.run("tx", "ibc-transfer", "transfer", "transfer", olChannel, simdUser, "1000aopen",
		"--from", "dev0", "--keyring-backend", "test", "--chain-id", olChainID, "--generate-only",
		"--gas", strconv.Itoa(gas), "--fees", strconv.Itoa(gas)+"000000000aopen")
	require.NoError(t, err)
	var tx map[string]any
	require.NoError(t, json.Unmarshal([]byte(unsigned), &tx))
	body := tx["body"].(map[string]any)
	message := body["messages"].([]any)[0]
	messages := make([]any, count)
	for i := range messages {
		messages[i] = message
	}
	body["messages"] = messages
	raw, err := json.Marshal(tx)
	require.NoError(t, err)
	unsignedFile := filepath.Join(dir, "unsigned.json")
	require.NoError(t, os.WriteFile(unsignedFile, raw, 0o600))
	signedJSON, err := openLedger.run("tx", "sign", unsignedFile, "--from", "dev0", "--keyring-backend", "test",
		"--chain-id", olChainID, "--node", fmt.Sprintf("tcp://127.0.0.1:%d", openLedger.rpcPort))
	require.NoError(t, err)
	signedFile := filepath.Join(dir, "signed.json")
	require.NoError(t, os.WriteFile(signedFile, []byte(signedJSON), 0o600))
	return signedFile
}
