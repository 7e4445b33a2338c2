//go:build ibclive

// Package ibclive_test runs OpenLedger and a second Cosmos chain (ibc-go's
// test application, built as simd) as real nodes on loopback, joined by the
// Go relayer over an ICS-20 channel, and drives them through their CLIs as
// users would. `make test-ibc-live` builds the binaries and runs it.
package ibclive_test

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

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	freeports "github.com/openledger/openledger/testutil/ports"
	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
)

const (
	olChainID   = "openledger-local-1"
	simdChainID = "simd-local-1"
	pathName    = "openledger-simd"
	// OpenLedger transactions pay a fixed fee: gas × the 1 gwei floor.
	olGas = "400000"
	olFee = "400000000000000" // 400,000 gas × 1 gwei, in aopen
	// The channel the relayer opens first on each side.
	olChannel   = "channel-0"
	simdChannel = "channel-0"
)

// chain is one running node and its CLI.
type chain struct {
	name, bin, home, chainID string
	rpcPort, grpcPort        int
	// txFlags pay for a transaction on this chain.
	txFlags []string
	cmd     *exec.Cmd
	logPath string
	exited  chan error
	conn    *grpc.ClientConn
}

var (
	openLedger, simd *chain
	relayer          *relayerProcess
	// The addresses the tests use on each side.
	simdUser string
)

func TestMain(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "live IBC tests:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	work, err := os.MkdirTemp("", "openledger-ibclive-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(work)
	bins, err := binaries(work)
	if err != nil {
		return 0, err
	}
	ports, err := freeports.Free(10)
	if err != nil {
		return 0, err
	}
	openLedger = &chain{
		name: "openledger", bin: bins["openledgerd"], home: filepath.Join(work, "openledger"), chainID: olChainID,
		rpcPort: ports[0], grpcPort: ports[2],
		txFlags: []string{"--gas", olGas, "--fees", olFee + "aopen"},
	}
	simd = &chain{
		name: "simd", bin: bins["simd"], home: filepath.Join(work, "simd"), chainID: simdChainID,
		rpcPort: ports[6], grpcPort: ports[8],
		txFlags: []string{"--gas", "400000"},
	}

	// Both homes are written by the scripts `make localnet-ibc` uses.
	initOL := exec.Command(filepath.Join(repoRoot(), "scripts", "localnet.sh"), "--init-only", "--reset")
	initOL.Env = append(os.Environ(),
		"OPENLEDGERD="+openLedger.bin, "LOCALNET_HOME="+openLedger.home, "BLOCK_TIME=500ms",
		"RPC_PORT="+strconv.Itoa(ports[0]), "P2P_PORT="+strconv.Itoa(ports[1]),
		"GRPC_PORT="+strconv.Itoa(ports[2]), "API_PORT="+strconv.Itoa(ports[3]),
		"JSONRPC_PORT="+strconv.Itoa(ports[4]), "JSONRPC_WS_PORT="+strconv.Itoa(ports[5]))
	if out, err := initOL.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("scripts/localnet.sh --init-only: %w\n%s", err, out)
	}
	if out, err := ibcLib(fmt.Sprintf("init_simd %q %q %d %d %d %d 500ms",
		simd.bin, simd.home, ports[6], ports[7], ports[8], ports[9])); err != nil {
		return 0, fmt.Errorf("init_simd: %w\n%s", err, out)
	}

	for _, c := range []*chain{openLedger, simd} {
		if err := c.start(); err != nil {
			return 0, err
		}
		defer c.stop()
	}

	relayerHome := filepath.Join(work, "relayer")
	if out, err := ibcLib(fmt.Sprintf("init_relayer %q %q %s %d %d",
		bins["rly"], relayerHome, olChainID, openLedger.rpcPort, simd.rpcPort)); err != nil {
		return 0, fmt.Errorf("init_relayer: %w\n%s", err, out)
	}
	relayer = &relayerProcess{bin: bins["rly"], home: relayerHome, logPath: filepath.Join(work, "relayer.log")}
	if err := fundRelayer(); err != nil {
		return 0, err
	}
	if out, err := relayer.cli(5*time.Minute, "tx", "link", pathName, "--src-port", "transfer", "--dst-port", "transfer",
		"--version", transfertypes.V1); err != nil {
		return 0, fmt.Errorf("rly tx link: %w\n%s", err, out)
	}
	if err := relayer.start(); err != nil {
		return 0, err
	}
	defer relayer.stop()
	if simdUser, err = simd.keyAddress("user"); err != nil {
		return 0, err
	}

	code := m.Run()
	if code != 0 {
		for _, path := range []string{openLedger.logPath, simd.logPath, relayer.logPath} {
			printFileTail(path, 40)
		}
	}
	return code, nil
}

// binaries are the three programs, from OPENLEDGERD_BIN, SIMD_BIN and
// RLY_BIN (`make test-ibc-live` sets them), or else built here.
func binaries(work string) (map[string]string, error) {
	bins := map[string]string{}
	for _, b := range []struct{ name, env, pkg string }{
		{"openledgerd", "OPENLEDGERD_BIN", "./cmd/openledgerd"},
		{"simd", "SIMD_BIN", "./tests/ibclive/simd"},
	} {
		if bin := os.Getenv(b.env); bin != "" {
			bins[b.name] = bin
			continue
		}
		bin := filepath.Join(work, b.name)
		build := exec.Command("go", "build", "-o", bin, b.pkg)
		build.Dir = repoRoot()
		if out, err := build.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("building %s: %w\n%s", b.name, err, out)
		}
		bins[b.name] = bin
	}
	if bin := os.Getenv("RLY_BIN"); bin != "" {
		bins["rly"] = bin
		return bins, nil
	}
	tools := filepath.Join(repoRoot(), "build", "tools")
	if out, err := ibcLib(fmt.Sprintf("install_relayer %q", tools)); err != nil {
		return nil, fmt.Errorf("install_relayer: %w\n%s", err, out)
	}
	bins["rly"] = filepath.Join(tools, "rly")
	return bins, nil
}

// ibcLib runs a function of scripts/lib/ibc.sh.
func ibcLib(call string) ([]byte, error) {
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", "source scripts/lib/ibc.sh; "+call)
	cmd.Dir = repoRoot()
	return cmd.CombinedOutput()
}

// fundRelayer sends the relayer's OpenLedger account its fees from the
// treasury (every OPEN exists at genesis, so none is minted for it).
func fundRelayer() error {
	address, err := relayer.cli(time.Minute, "keys", "show", "openledger", "relayer")
	if err != nil {
		return fmt.Errorf("rly keys show: %w\n%s", err, address)
	}
	hash, err := openLedger.sendTx("treasury", "bank", "send", "treasury", strings.TrimSpace(string(address)), openAmount(1_000).String()+"aopen")
	if err != nil {
		return err
	}
	return openLedger.waitTxOK(hash)
}

func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return filepath.Join(wd, "..", "..")
}

// start runs the node and waits until it has made blocks and answers gRPC.
func (c *chain) start() error {
	c.logPath = filepath.Join(c.home, "node.log")
	c.exited = make(chan error, 1)
	logFile, err := os.Create(c.logPath)
	if err != nil {
		return err
	}
	c.cmd = exec.Command(c.bin, "start", "--home", c.home, "--log_no_color")
	c.cmd.Stdout, c.cmd.Stderr = logFile, logFile
	c.cmd.SysProcAttr = diesWithTests()
	if err := c.cmd.Start(); err != nil {
		return err
	}
	go func() { c.exited <- c.cmd.Wait(); logFile.Close() }()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case err := <-c.exited:
			printFileTail(c.logPath, 40)
			return fmt.Errorf("%s exited during start-up: %w", c.name, err)
		case <-time.After(300 * time.Millisecond):
		}
		if h, err := c.height(); err == nil && h >= 2 {
			// The SDK's codec: its messages are gogoproto types.
			gogo := codec.NewProtoCodec(codectypes.NewInterfaceRegistry()).GRPCCodec()
			conn, err := grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", c.grpcPort),
				grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithDefaultCallOptions(grpc.ForceCodec(gogo)))
			if err != nil {
				return err
			}
			c.conn = conn
			return nil
		}
	}
	return fmt.Errorf("%s made no blocks within 2 minutes", c.name)
}

func (c *chain) stop() {
	if c.conn != nil {
		c.conn.Close()
	}
	if c.cmd == nil || c.cmd.Process == nil {
		return
	}
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	var exit error
	select {
	case exit = <-c.exited:
	case <-time.After(20 * time.Second):
		_ = c.cmd.Process.Kill()
		exit = <-c.exited
	}
	if exit != nil {
		fmt.Fprintf(os.Stderr, "%s did not stop cleanly: %v\n", c.name, exit)
	}
}

// status is CometBFT's view of the chain's head.
func (c *chain) status() (height int64, blockTime time.Time, err error) {
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/status", c.rpcPort))
	if err != nil {
		return 0, time.Time{}, err
	}
	defer resp.Body.Close()
	var status struct {
		Result struct {
			SyncInfo struct {
				LatestBlockHeight string    `json:"latest_block_height"`
				LatestBlockTime   time.Time `json:"latest_block_time"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&status); err != nil {
		return 0, time.Time{}, err
	}
	height, err = strconv.ParseInt(status.Result.SyncInfo.LatestBlockHeight, 10, 64)
	return height, status.Result.SyncInfo.LatestBlockTime, err
}

func (c *chain) height() (int64, error) {
	h, _, err := c.status()
	return h, err
}

// run executes the chain's CLI with its home and returns stdout; a failing
// command returns its output in the error.
func (c *chain) run(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	args = append(args, "--home", c.home)
	cmd := exec.CommandContext(ctx, c.bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("%s %s: %w: %s%s", c.name, strings.Join(args, " "), err, stderr.String(), stdout.String())
	}
	return stdout.String(), nil
}

func (c *chain) keyAddress(key string) (string, error) {
	out, err := c.run("keys", "show", key, "-a", "--keyring-backend", "test")
	return strings.TrimSpace(out), err
}

// sendTx signs and broadcasts a transaction from a key of the chain's
// keyring and returns its hash once CheckTx accepted it.
func (c *chain) sendTx(from string, args ...string) (string, error) {
	args = append([]string{"tx"}, args...)
	args = append(args, "--from", from, "--keyring-backend", "test", "--chain-id", c.chainID,
		"--node", fmt.Sprintf("tcp://127.0.0.1:%d", c.rpcPort), "--output", "json", "-y")
	args = append(args, c.txFlags...)
	out, err := c.run(args...)
	if err != nil {
		return "", err
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var res struct {
		TxHash string `json:"txhash"`
		Code   uint32 `json:"code"`
		RawLog string `json:"raw_log"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		return "", fmt.Errorf("decoding broadcast result %q: %w", out, err)
	}
	if res.Code != 0 {
		return "", fmt.Errorf("CheckTx code %d: %s", res.Code, res.RawLog)
	}
	return res.TxHash, nil
}

// waitTxOK waits until a transaction is in a block and succeeded.
func (c *chain) waitTxOK(hash string) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		out, err := c.run("query", "tx", hash, "--output", "json", "--node", fmt.Sprintf("tcp://127.0.0.1:%d", c.rpcPort))
		if err == nil {
			var res struct {
				Code   uint32 `json:"code"`
				RawLog string `json:"raw_log"`
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				return fmt.Errorf("decoding tx %q: %w", out, err)
			}
			if res.Code != 0 {
				return fmt.Errorf("tx %s failed with code %d: %s", hash, res.Code, res.RawLog)
			}
			return nil
		}
		time.Sleep(300 * time.Millisecond)
	}
	return fmt.Errorf("transaction %s was not included within 30s", hash)
}

// tx sends a transaction and waits for its success, failing the test
// otherwise.
func (c *chain) tx(t *testing.T, from string, args ...string) {
	t.Helper()
	hash, err := c.sendTx(from, args...)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.waitTxOK(hash); err != nil {
		t.Fatal(err)
	}
}

// transfer sends coins over the chain's end of the channel.
func (c *chain) transfer(t *testing.T, from, receiver, coins string, extra ...string) {
	t.Helper()
	channel := olChannel
	if c == simd {
		channel = simdChannel
	}
	c.tx(t, from, append([]string{"ibc-transfer", "transfer", "transfer", channel, receiver, coins}, extra...)...)
}

func (c *chain) balance(t *testing.T, address, denom string) math.Int {
	t.Helper()
	res, err := banktypes.NewQueryClient(c.conn).Balance(context.Background(), &banktypes.QueryBalanceRequest{Address: address, Denom: denom})
	if err != nil {
		t.Fatal(err)
	}
	return res.Balance.Amount
}

func (c *chain) supply(t *testing.T, denom string) math.Int {
	t.Helper()
	res, err := banktypes.NewQueryClient(c.conn).SupplyOf(context.Background(), &banktypes.QuerySupplyOfRequest{Denom: denom})
	if err != nil {
		t.Fatal(err)
	}
	return res.Amount.Amount
}

// totalEscrow is what ICS-20 holds in escrow of a native denom, over every
// channel.
func (c *chain) totalEscrow(t *testing.T, denom string) math.Int {
	t.Helper()
	res, err := transfertypes.NewQueryClient(c.conn).TotalEscrowForDenom(context.Background(), &transfertypes.QueryTotalEscrowForDenomRequest{Denom: denom})
	if err != nil {
		t.Fatal(err)
	}
	return res.Amount.Amount
}

// hasCommitment says whether a packet this chain sent is still awaiting
// its acknowledgement or timeout.
func (c *chain) hasCommitment(sequence uint64) (bool, error) {
	channel := olChannel
	if c == simd {
		channel = simdChannel
	}
	_, err := channeltypes.NewQueryClient(c.conn).PacketCommitment(context.Background(), &channeltypes.QueryPacketCommitmentRequest{
		PortId: transfertypes.PortID, ChannelId: channel, Sequence: sequence,
	})
	if err != nil {
		if strings.Contains(err.Error(), "not found") {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

// nextSequence is the sequence the chain's next packet on the channel gets.
func (c *chain) nextSequence(t *testing.T) uint64 {
	t.Helper()
	channel := olChannel
	if c == simd {
		channel = simdChannel
	}
	res, err := channeltypes.NewQueryClient(c.conn).NextSequenceSend(context.Background(), &channeltypes.QueryNextSequenceSendRequest{
		PortId: transfertypes.PortID, ChannelId: channel,
	})
	if err != nil {
		t.Fatal(err)
	}
	return res.NextSequenceSend
}

func credit(t *testing.T, address string) inferencefeestypes.Credit {
	t.Helper()
	res, err := inferencefeestypes.NewQueryClient(openLedger.conn).Credit(context.Background(), &inferencefeestypes.QueryCreditRequest{User: address})
	if err != nil {
		t.Fatal(err)
	}
	return res.Credit
}

// openVoucher is OPEN's denom on simd: aopen behind simd's end of the channel.
func openVoucher() transfertypes.Denom {
	return transfertypes.NewDenom("aopen", transfertypes.NewHop(transfertypes.PortID, simdChannel))
}

func openAmount(n int64) math.Int { return math.NewIntWithDecimal(n, 18) }

// waitFor polls cond until it holds or the limit passes.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("timed out after %s waiting for %s", limit, what)
}

// waitAcked waits until a packet the chain sent has been acknowledged or
// timed out (its commitment is gone).
func (c *chain) waitAcked(t *testing.T, sequence uint64) {
	t.Helper()
	waitFor(t, 2*time.Minute, fmt.Sprintf("%s packet %d to be acknowledged", c.name, sequence), func() bool {
		pending, err := c.hasCommitment(sequence)
		return err == nil && !pending
	})
}

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

// relayerProcess is `rly start` on the path, which can be killed and
// started again.
type relayerProcess struct {
	bin, home, logPath string
	cmd                *exec.Cmd
	exited             chan error
}

func (r *relayerProcess) cli(limit time.Duration, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.bin, append(args, "--home", r.home)...)
	return cmd.CombinedOutput()
}

func (r *relayerProcess) start() error {
	logFile, err := os.OpenFile(r.logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	r.exited = make(chan error, 1)
	r.cmd = exec.Command(r.bin, "start", pathName, "--home", r.home)
	r.cmd.Stdout, r.cmd.Stderr = logFile, logFile
	r.cmd.SysProcAttr = diesWithTests()
	if err := r.cmd.Start(); err != nil {
		return err
	}
	go func() { r.exited <- r.cmd.Wait(); logFile.Close() }()
	return nil
}

// kill stops the relayer at once (SIGKILL), as a crash would.
func (r *relayerProcess) kill() error {
	if r.cmd == nil || r.cmd.Process == nil {
		return errors.New("the relayer is not running")
	}
	_ = r.cmd.Process.Kill()
	exit := <-r.exited
	r.cmd = nil
	var status *exec.ExitError
	if !errors.As(exit, &status) || status.ExitCode() != -1 {
		// Only a process that was still running dies of the signal.
		return fmt.Errorf("the relayer had already exited: %w", exit)
	}
	return nil
}

func (r *relayerProcess) stop() {
	if r.cmd == nil || r.cmd.Process == nil {
		return
	}
	_ = r.cmd.Process.Signal(syscall.SIGTERM)
	var exit error
	select {
	case exit = <-r.exited:
	case <-time.After(20 * time.Second):
		_ = r.cmd.Process.Kill()
		exit = <-r.exited
	}
	var status *exec.ExitError
	if exit != nil && (!errors.As(exit, &status) || status.ExitCode() != -1) {
		// Dying of the SIGTERM sent is how rly stops; anything else is worth a line.
		fmt.Fprintf(os.Stderr, "the relayer did not stop cleanly: %v\n", exit)
	}
	r.cmd = nil
}

// diesWithTests makes a node or the relayer receive SIGKILL if the test
// process dies first (a panic skips TestMain's clean-up), so no chain
// outlives its test run.
func diesWithTests() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
