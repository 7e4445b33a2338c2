// Package system_test drives the real openledgerd binary as a user would: it
// initialises a node home with scripts/localnet.sh, starts the node on free
// loopback ports, and talks to it through the CLI and the EVM JSON-RPC.
package system_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	freeports "github.com/openledger/openledger/testutil/ports"
)

const (
	chainID    = "openledger-local-1"
	evmChainID = 6736
	// gasPrice is the genesis floor of the base fee: 1 gwei in aopen.
	gasPrice = "1000000000aopen"
)

// node is one running openledgerd.
type node struct {
	bin      string
	home     string
	rpcPort  int
	grpcPort int
	evmPort  int
	wsPort   int
	restURL  string
	cmd      *exec.Cmd
	logPath  string
	exited   chan error
}

// localnet is the node shared by every test in this package.
var localnet *node

// genesisSupply is the total aopen the node reported before any test ran.
var genesisSupply string

// poaBin is the attribution engine's binary, for tests that index chain data.
var poaBin string

// openloraBin is the serving node's binary.
var openloraBin string

// modelfactoryBin is the fine-tuning service's binary.
var modelfactoryBin string

func TestMain(m *testing.M) {
	code, err := runWithNode(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "system tests:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func runWithNode(m *testing.M) (int, error) {
	workDir, err := os.MkdirTemp("", "openledger-system-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(workDir)

	bin, err := buildBinary(workDir, "OPENLEDGERD_BIN", "openledgerd")
	if err != nil {
		return 0, err
	}
	if poaBin, err = buildBinary(workDir, "POA_BIN", "poa"); err != nil {
		return 0, err
	}
	if openloraBin, err = buildBinary(workDir, "OPENLORA_BIN", "openlora"); err != nil {
		return 0, err
	}
	if modelfactoryBin, err = buildBinary(workDir, "MODELFACTORY_BIN", "modelfactory"); err != nil {
		return 0, err
	}
	localnet, err = startNode(bin, filepath.Join(workDir, "home"))
	if err != nil {
		return 0, err
	}
	if genesisSupply, err = localnet.supplyOf("aopen"); err != nil {
		localnet.stop()
		return 0, err
	}
	code := m.Run()
	if code != 0 {
		localnet.printLogTail(60)
	}
	localnet.stop()
	return code, nil
}

// buildBinary is the binary named by an environment variable (`make test`
// sets OPENLEDGERD_BIN) or a fresh build of ./cmd/<name>.
func buildBinary(workDir, envVar, name string) (string, error) {
	if bin := os.Getenv(envVar); bin != "" {
		return bin, nil
	}
	bin := filepath.Join(workDir, name)
	build := exec.Command("go", "build", "-o", bin, "./cmd/"+name)
	build.Dir = repoRoot()
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building %s: %w\n%s", name, err, out)
	}
	return bin, nil
}

func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return filepath.Join(wd, "..", "..")
}

// startNode writes a home with the localnet script on free ports, starts the
// node and waits until it has produced blocks and JSON-RPC answers.
func startNode(bin, home string) (*node, error) {
	n, err := initNode(bin, home)
	if err != nil {
		return nil, err
	}
	if err := n.start(); err != nil {
		return nil, err
	}
	return n, nil
}

// initNode writes a home with the localnet script on free ports, with the
// test's short genesis periods, and does not start the node.
func initNode(bin, home string) (*node, error) {
	ports, err := freeports.Free(6)
	if err != nil {
		return nil, err
	}
	n := &node{
		bin: bin, home: home,
		rpcPort: ports[0], grpcPort: ports[2], evmPort: ports[4], wsPort: ports[5],
		restURL: fmt.Sprintf("http://127.0.0.1:%d", ports[3]),
		logPath: filepath.Join(home, "node.log"),
	}

	initialise := exec.Command(filepath.Join(repoRoot(), "scripts", "localnet.sh"), "--init-only", "--reset")
	initialise.Env = append(os.Environ(),
		"OPENLEDGERD="+bin, "LOCALNET_HOME="+home, "BLOCK_TIME=500ms",
		"RPC_PORT="+strconv.Itoa(ports[0]), "P2P_PORT="+strconv.Itoa(ports[1]),
		"GRPC_PORT="+strconv.Itoa(ports[2]), "API_PORT="+strconv.Itoa(ports[3]),
		"JSONRPC_PORT="+strconv.Itoa(ports[4]), "JSONRPC_WS_PORT="+strconv.Itoa(ports[5]),
	)
	if out, err := initialise.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("scripts/localnet.sh --init-only: %w\n%s", err, out)
	}
	if err := shortenPeriods(home); err != nil {
		return nil, fmt.Errorf("shortening genesis periods: %w", err)
	}
	return n, nil
}

// start runs n.bin on the node's home (appending to its log) and waits until
// the node has produced a block at height 2 or more and JSON-RPC answers. A
// stopped node can be started again, with the same or another binary.
func (n *node) start() error {
	logFile, err := os.OpenFile(n.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	n.exited = make(chan error, 1)
	n.cmd = exec.Command(n.bin, "start", "--home", n.home, "--log_no_color")
	n.cmd.Stdout, n.cmd.Stderr = logFile, logFile
	if err := n.cmd.Start(); err != nil {
		logFile.Close()
		return err
	}
	cmd, exited := n.cmd, n.exited
	go func() { exited <- cmd.Wait(); logFile.Close() }()

	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case err := <-n.exited:
			n.printLogTail(40)
			return fmt.Errorf("node exited during start-up: %w", err)
		case <-time.After(300 * time.Millisecond):
		}
		if height, err := n.height(); err == nil && height >= 2 && n.evmReady() {
			return nil
		}
	}
	n.printLogTail(40)
	n.stop()
	return errors.New("node did not produce blocks within 2 minutes")
}

func (n *node) stop() {
	if n.cmd == nil || n.cmd.Process == nil {
		return
	}
	// A node asked to stop exits cleanly; anything else is worth a line.
	_ = n.cmd.Process.Signal(syscall.SIGTERM)
	var exit error
	select {
	case exit = <-n.exited:
	case <-time.After(20 * time.Second):
		_ = n.cmd.Process.Kill()
		exit = <-n.exited
	}
	if exit != nil {
		fmt.Fprintf(os.Stderr, "node %s did not stop cleanly: %v\n", n.home, exit)
	}
}

func (n *node) printLogTail(lines int) { printFileTail(n.logPath, lines) }

// printFileTail prints the last lines of a node's log to stderr.
func printFileTail(path string, lines int) {
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	all := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	fmt.Fprintf(os.Stderr, "--- last %d lines of %s ---\n%s\n", len(all), path, strings.Join(all, "\n"))
}

// height is the latest block height, read from CometBFT's RPC.
func (n *node) height() (int64, error) {
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/status", n.rpcPort))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var status struct {
		Result struct {
			SyncInfo struct {
				LatestBlockHeight string `json:"latest_block_height"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&status); err != nil {
		return 0, err
	}
	return strconv.ParseInt(status.Result.SyncInfo.LatestBlockHeight, 10, 64)
}

func (n *node) evmReady() bool {
	body := strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}`)
	resp, err := http.Post(n.evmURL(), "application/json", body)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func (n *node) evmURL() string { return fmt.Sprintf("http://127.0.0.1:%d", n.evmPort) }

// supplyOf reads a denom's total supply through the CLI.
func (n *node) supplyOf(denom string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := n.run(ctx, "query", "bank", "total-supply-of", denom, "--output", "json")
	if err != nil {
		return "", err
	}
	var res struct {
		Amount struct {
			Amount string `json:"amount"`
		} `json:"amount"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		return "", fmt.Errorf("decoding %q: %w", out, err)
	}
	return res.Amount.Amount, nil
}

// waitBlocks waits until the chain is count blocks past its current height.
func (n *node) waitBlocks(t *testing.T, count int64) {
	t.Helper()
	start, err := n.height()
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Duration(count)*5*time.Second + 10*time.Second)
	for time.Now().Before(deadline) {
		if h, err := n.height(); err == nil && h >= start+count {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("chain did not advance %d blocks from %d", count, start)
}

// run executes openledgerd with the node's home and returns its stdout; a
// failing command returns its stderr in the error.
func (n *node) run(ctx context.Context, args ...string) (string, error) {
	args = append(args, "--home", n.home)
	cmd := exec.CommandContext(ctx, n.bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil {
		return stdout.String(), fmt.Errorf("openledgerd %s: %w: %s%s", strings.Join(args, " "), err, stderr.String(), stdout.String())
	}
	return stdout.String(), nil
}

// cli runs a query or key command and fails the test on error.
func (n *node) cli(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := n.run(ctx, args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// address is the open1... address of a dev key.
func (n *node) address(t *testing.T, key string) string {
	t.Helper()
	return strings.TrimSpace(n.cli(t, "keys", "show", key, "-a", "--keyring-backend", "test"))
}

// balance is an address's aopen balance as the bank module reports it.
func (n *node) balance(t *testing.T, address string) string {
	t.Helper()
	var res struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	out := n.cli(t, "query", "bank", "balance", address, "aopen", "--output", "json")
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("decoding %q: %v", out, err)
	}
	if res.Balance.Amount == "" {
		return "0"
	}
	return res.Balance.Amount
}

// txResult is what CheckTx (broadcast) or block execution (query tx) says.
type txResult struct {
	Height  string `json:"height"`
	TxHash  string `json:"txhash"`
	Code    uint32 `json:"code"`
	RawLog  string `json:"raw_log"`
	GasUsed string `json:"gas_used"`
}

// tx signs and broadcasts a transaction with the dev keyring and returns the
// broadcast result; err is set when the CLI refuses or CheckTx rejects it.
func (n *node) tx(t *testing.T, args ...string) (txResult, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	args = append([]string{"tx"}, args...)
	args = append(args, "--keyring-backend", "test", "--chain-id", chainID, "--output", "json", "-y")
	out, err := n.run(ctx, args...)
	if err != nil {
		return txResult{}, err
	}
	var res txResult
	if err := json.Unmarshal([]byte(lastJSONLine(out)), &res); err != nil {
		t.Fatalf("decoding broadcast result %q: %v", out, err)
	}
	if res.Code != 0 {
		return res, fmt.Errorf("CheckTx code %d: %s", res.Code, res.RawLog)
	}
	return res, nil
}

// waitTx waits until a transaction is in a block and returns its result.
func (n *node) waitTx(t *testing.T, hash string) txResult {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		out, err := n.run(ctx, "query", "tx", hash, "--output", "json")
		cancel()
		if err == nil {
			var res txResult
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("decoding tx %q: %v", out, err)
			}
			return res
		}
		time.Sleep(300 * time.Millisecond)
	}
	t.Fatalf("transaction %s was not included within 30s", hash)
	return txResult{}
}

// lastJSONLine skips anything the CLI prints before its JSON result (such as
// a gas estimate).
func lastJSONLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}
