//go:build faults

package faults_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"
)

const (
	chainID = "openledger-local-1"
	// txGas and txFee are what every CLI transaction of the load offers:
	// enough for a 1 KiB contribution at the 1 gwei gas floor.
	txGas = "600000"
	txFee = "600000000000000aopen"
)

// committed is a transaction the load saw in a block, as the node it was
// sent to reported it.
type committed struct {
	kind   string
	hash   string // CometBFT hash (hex, upper case), or the EVM hash (0x...)
	height int64
}

// load is a steady mixed load on one node: EVM transfers from two wallets,
// bank sends and Datanet contributions from the CLI, and a serving node's
// settlement every few blocks. Each sender sends its next transaction once
// the previous one is in a block, so each account's sequence (nonce)
// equals the number of its transactions in blocks, and every transaction
// it saw committed is listed.
type load struct {
	entry *validator
	t     *testing.T

	mu        sync.Mutex
	committed []committed
	errs      []error

	stop chan struct{}
	wg   sync.WaitGroup

	evmSinks    []common.Address
	evmSenders  []common.Address
	bankSink    string
	bankFrom    string
	datanetID   string
	contribFrom string
	settle      *settlements
}

// evmValue and bankAmount are what each transfer moves, so that each sink's
// balance counts the transfers applied.
var evmValue = big.NewInt(1_000_000_000_000)

const bankAmount = 7

func startLoad(t *testing.T, entry *validator) *load {
	t.Helper()
	l := &load{entry: entry, t: t, stop: make(chan struct{})}
	client, err := ethclient.Dial(entry.evm())
	require.NoError(t, err)
	for _, name := range []string{"dev0", "dev1"} {
		key := ethKey(t, entry, name)
		sink := common.BytesToAddress(crypto.Keccak256([]byte("fault load sink " + name))[:20])
		l.evmSenders = append(l.evmSenders, crypto.PubkeyToAddress(key.PublicKey))
		l.evmSinks = append(l.evmSinks, sink)
		l.wg.Add(1)
		go l.evmTransfers(client, key, sink)
	}

	l.bankFrom = strings.TrimSpace(mustCLI(t, entry, "keys", "show", "dev2", "-a", "--keyring-backend", "test"))
	l.bankSink = newKey(t, entry, "fault-sink")

	l.contribFrom = strings.TrimSpace(mustCLI(t, entry, "keys", "show", "dev3", "-a", "--keyring-backend", "test"))
	created, err := l.cliTx("datanet", "create-datanet", "Fault load", "CC-BY-4.0", "public", "owner-reviews", "--from", "dev3")
	require.NoError(t, err)
	l.datanetID = created.attribute("openledger.datanet.v1.EventDatanetCreated", "datanet_id")
	require.NotEmpty(t, l.datanetID)

	l.settle = l.setUpSettlements(t)

	l.wg.Add(3)
	go l.cliLoop("bank", func(int) ([]string, error) {
		return []string{"bank", "send", "dev2", l.bankSink, fmt.Sprintf("%daopen", bankAmount)}, nil
	})
	dir := t.TempDir()
	go l.cliLoop("contribution", func(i int) ([]string, error) {
		path := filepath.Join(dir, fmt.Sprintf("c%d.txt", i))
		text := fmt.Sprintf("Contribution %d to the fault-tolerance Datanet, sent while validators fail.", i)
		return []string{"datanet", "contribute-file", l.datanetID, path, "--from", "dev3", "--media-type", "text/plain"},
			os.WriteFile(path, []byte(text), 0o600)
	})
	go l.cliLoop("settlement", func(i int) ([]string, error) {
		// Every third block or so, as a serving node batches its vouchers.
		waitBlocks(l.entry, 3)
		path, err := l.settle.batch(l, dir, i+1)
		return []string{"inferencefees", "settle-batch", path, "--from", l.settle.node}, err
	})
	return l
}

// waitBlocks waits until v has committed count more blocks, or gives up
// after a minute (the next transaction then reports what is wrong).
func waitBlocks(v *validator, count int64) {
	target := v.height() + count
	deadline := time.Now().Add(time.Minute)
	for v.height() < target && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
	}
}

func (l *load) record(c committed) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.committed = append(l.committed, c)
}

func (l *load) fail(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.errs = append(l.errs, err)
}

func (l *load) stopped() bool {
	select {
	case <-l.stop:
		return true
	default:
		return false
	}
}

// finish stops the senders, waits for their last transactions and returns
// what was committed.
func (l *load) finish() []committed {
	close(l.stop)
	l.wg.Wait()
	require.Empty(l.t, l.errs, "load errors")
	return l.committed
}

// evmTransfers sends value transfers from key to sink, one at a time, with
// fee caps well above the 1 gwei floor.
func (l *load) evmTransfers(client *ethclient.Client, key *ecdsa.PrivateKey, sink common.Address) {
	defer l.wg.Done()
	ctx := context.Background()
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := client.PendingNonceAt(ctx, from)
	if err != nil {
		l.fail(err)
		return
	}
	signer := types.LatestSignerForChainID(big.NewInt(6736))
	for !l.stopped() {
		tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{
			ChainID: big.NewInt(6736), Nonce: nonce, GasTipCap: big.NewInt(1_000_000_000), GasFeeCap: big.NewInt(100_000_000_000),
			Gas: 21_000, To: &sink, Value: evmValue,
		}), signer, key)
		if err != nil {
			l.fail(err)
			return
		}
		if err := client.SendTransaction(ctx, tx); err != nil {
			l.fail(fmt.Errorf("EVM transfer %d from %s: %w", nonce, from, err))
			return
		}
		receipt, err := waitReceipt(ctx, client, tx.Hash(), 60*time.Second)
		if err != nil {
			l.fail(fmt.Errorf("EVM transfer %d from %s: %w", nonce, from, err))
			return
		}
		if receipt.Status != types.ReceiptStatusSuccessful {
			l.fail(fmt.Errorf("EVM transfer %s failed in block %d", tx.Hash(), receipt.BlockNumber))
			return
		}
		l.record(committed{kind: "evm", hash: tx.Hash().Hex(), height: receipt.BlockNumber.Int64()})
		nonce++
	}
}

func waitReceipt(ctx context.Context, client *ethclient.Client, hash common.Hash, within time.Duration) (*types.Receipt, error) {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		r, err := client.TransactionReceipt(ctx, hash)
		if err == nil {
			return r, nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	return nil, fmt.Errorf("%s not in a block within %s", hash, within)
}

// cliLoop sends the transactions args(0), args(1), ... from the CLI, each
// once the previous one is in a block.
func (l *load) cliLoop(kind string, args func(i int) ([]string, error)) {
	defer l.wg.Done()
	for i := 0; !l.stopped(); i++ {
		tx, err := args(i)
		if err != nil {
			l.fail(fmt.Errorf("%s %d: %w", kind, i, err))
			return
		}
		res, err := l.cliTx(tx...)
		if err != nil {
			l.fail(fmt.Errorf("%s %d: %w", kind, i, err))
			return
		}
		l.record(committed{kind: kind, hash: res.hash, height: res.height})
	}
}

// txResult is a transaction's result in its block, as CometBFT's /tx
// returns it.
type txResult struct {
	hash   string
	height int64
	events []struct {
		Type       string `json:"type"`
		Attributes []struct {
			Key   string `json:"key"`
			Value string `json:"value"`
		} `json:"attributes"`
	}
}

func (r txResult) attribute(typ, key string) string {
	for _, e := range r.events {
		if e.Type != typ {
			continue
		}
		for _, a := range e.Attributes {
			if a.Key == key {
				return strings.Trim(a.Value, `"`)
			}
		}
	}
	return ""
}

// cliTx broadcasts a transaction with the CLI and waits until it is in a
// block with code 0.
func (l *load) cliTx(args ...string) (txResult, error) {
	args = append([]string{"tx"}, args...)
	args = append(args, "--keyring-backend", "test", "--chain-id", chainID, "--output", "json", "-y", "--gas", txGas, "--fees", txFee)
	out, err := l.entry.cli(args...)
	if err != nil {
		return txResult{}, err
	}
	var broadcast struct {
		TxHash string `json:"txhash"`
		Code   uint32 `json:"code"`
		RawLog string `json:"raw_log"`
	}
	if err := json.Unmarshal([]byte(lastJSONLine(out)), &broadcast); err != nil {
		return txResult{}, fmt.Errorf("decoding %q: %w", out, err)
	}
	if broadcast.Code != 0 {
		return txResult{}, fmt.Errorf("CheckTx code %d: %s", broadcast.Code, broadcast.RawLog)
	}
	return waitTx(l.entry, broadcast.TxHash, 60*time.Second)
}

// waitTx waits until node v has the transaction in a block.
func waitTx(v *validator, hash string, within time.Duration) (txResult, error) {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		res, err := lookupTx(v, hash)
		if err == nil {
			return res, nil
		}
		time.Sleep(250 * time.Millisecond)
	}
	return txResult{}, fmt.Errorf("transaction %s not in a block within %s", hash, within)
}

var errNotFound = errors.New("not found")

func lookupTx(v *validator, hash string) (txResult, error) {
	var resp struct {
		Result *struct {
			Hash     string `json:"hash"`
			Height   string `json:"height"`
			TxResult struct {
				Code   uint32          `json:"code"`
				Log    string          `json:"log"`
				Events json.RawMessage `json:"events"`
			} `json:"tx_result"`
		} `json:"result"`
	}
	if err := getJSON(fmt.Sprintf("%s/tx?hash=0x%s", v.rpc(), hash), &resp); err != nil || resp.Result == nil {
		return txResult{}, errNotFound
	}
	if resp.Result.TxResult.Code != 0 {
		return txResult{}, fmt.Errorf("transaction %s failed in its block: code %d: %s", hash, resp.Result.TxResult.Code, resp.Result.TxResult.Log)
	}
	height, err := strconv.ParseInt(resp.Result.Height, 10, 64)
	if err != nil {
		return txResult{}, fmt.Errorf("transaction %s height %q: %w", hash, resp.Result.Height, err)
	}
	res := txResult{hash: resp.Result.Hash, height: height}
	if err := json.Unmarshal(resp.Result.TxResult.Events, &res.events); err != nil {
		return txResult{}, err
	}
	return res, nil
}

func ethKey(t *testing.T, v *validator, name string) *ecdsa.PrivateKey {
	t.Helper()
	hex := strings.TrimSpace(mustCLI(t, v, "keys", "unsafe-export-eth-key", name, "--keyring-backend", "test"))
	key, err := crypto.HexToECDSA(hex)
	require.NoError(t, err)
	return key
}

// mustCLI runs a command that needs no node (keys) against v's home.
func mustCLI(t *testing.T, v *validator, args ...string) string {
	t.Helper()
	args = append(args, "--home", v.home)
	out, err := execOutput(v.bin, args...)
	require.NoError(t, err, out)
	return out
}

// lastJSONLine skips anything the CLI prints before its JSON result.
func lastJSONLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}
