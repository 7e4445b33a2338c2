//go:build faults

package faults_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/testutil/ports"
)

// The network of scripts/localnet-multi.sh: node i listens on the
// single-node ports plus 10*i plus an offset.
const validators = 4

var basePorts = []int{26656, 26657, 9090, 1317, 8545, 8546}

// validator is one node of the network, started and perturbed as an
// operator's process supervisor would: the real binary in its own home.
type validator struct {
	index  int
	bin    string
	home   string
	offset int
	cmd    *exec.Cmd
	exited chan struct{}
	log    *os.File
}

func (v *validator) rpc() string {
	return fmt.Sprintf("http://127.0.0.1:%d", 26657+10*v.index+v.offset)
}

func (v *validator) evm() string { return fmt.Sprintf("http://127.0.0.1:%d", 8545+10*v.index+v.offset) }

func (v *validator) p2pPort() int { return 26656 + 10*v.index + v.offset }

func (v *validator) start(t *testing.T) {
	t.Helper()
	log, err := os.OpenFile(filepath.Join(v.home, "node.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	require.NoError(t, err)
	cmd := exec.Command(v.bin, append([]string{"start", "--home", v.home, "--log_no_color"}, snapshotFlags...)...)
	cmd.Stdout, cmd.Stderr = log, log
	require.NoError(t, cmd.Start())
	v.cmd, v.log, v.exited = cmd, log, make(chan struct{})
	go func() { _ = cmd.Wait(); close(v.exited) }()
}

// kill stops the process at once (SIGKILL), as a power cut does.
func (v *validator) kill(t *testing.T) {
	t.Helper()
	require.NoError(t, v.cmd.Process.Signal(syscall.SIGKILL))
	<-v.exited
	v.log.Close()
}

// signal sends sig to the running process.
func (v *validator) signal(t *testing.T, sig syscall.Signal) {
	t.Helper()
	require.NoError(t, v.cmd.Process.Signal(sig))
}

// stop shuts the node down cleanly, or kills it after 20 s.
func (v *validator) stop() {
	if v.cmd == nil {
		return
	}
	_ = v.cmd.Process.Signal(syscall.SIGCONT)
	_ = v.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-v.exited:
	case <-time.After(20 * time.Second):
		_ = v.cmd.Process.Kill()
		<-v.exited
	}
	v.log.Close()
}

// height is the node's latest committed height (0 while it does not answer).
func (v *validator) height() int64 {
	var status struct {
		Result struct {
			SyncInfo struct {
				LatestBlockHeight string `json:"latest_block_height"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if getJSON(v.rpc()+"/status", &status) != nil {
		return 0
	}
	h, _ := strconv.ParseInt(status.Result.SyncInfo.LatestBlockHeight, 10, 64)
	return h
}

// header is what every node must agree on at a height: the block's hash
// and the app hash it carries (the state after the block before).
type header struct {
	BlockHash string
	AppHash   string
}

func (v *validator) header(height int64) (header, error) {
	var block struct {
		Result struct {
			BlockID struct {
				Hash string `json:"hash"`
			} `json:"block_id"`
			Block struct {
				Header struct {
					AppHash string `json:"app_hash"`
				} `json:"header"`
			} `json:"block"`
		} `json:"result"`
	}
	if err := getJSON(fmt.Sprintf("%s/block?height=%d", v.rpc(), height), &block); err != nil {
		return header{}, err
	}
	return header{BlockHash: block.Result.BlockID.Hash, AppHash: block.Result.Block.Header.AppHash}, nil
}

// cli runs the binary against node v with v's home (node 0's holds the
// dev keys the load signs with).
func (v *validator) cli(args ...string) (string, error) {
	args = append(args, "--home", v.home, "--node", "tcp"+strings.TrimPrefix(v.rpc(), "http"))
	out, err := exec.Command(v.bin, args...).CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("openledgerd %s: %w: %s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

var httpClient = &http.Client{Timeout: 5 * time.Second}

func getJSON(url string, into any) error {
	resp, err := httpClient.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(into)
}

// network is four validators whose peer connections all pass through a
// switchboard, so that one of them can be cut off and reconnected.
type network struct {
	nodes  []*validator
	board  *switchboard
	base   string
	binary string
}

// startNetwork writes the four homes with the localnet script, routes every
// peer connection through the switchboard (persistent peers only, no peer
// exchange, so no connection bypasses it) and starts the four nodes.
func startNetwork(t *testing.T, bin string) *network {
	t.Helper()
	base := t.TempDir()
	offset := freePortOffset(t)
	initialise := exec.Command(filepath.Join(repoRoot(t), "scripts", "localnet-multi.sh"), "--init-only", "--reset")
	initialise.Env = append(os.Environ(), "OPENLEDGERD="+bin, "LOCALNET_MULTI_HOME="+base,
		"PORT_OFFSET="+strconv.Itoa(offset), "BLOCK_TIME=500ms")
	out, err := initialise.CombinedOutput()
	require.NoErrorf(t, err, "localnet-multi.sh --init-only: %s", out)

	n := &network{base: base, binary: bin}
	for i := range validators {
		n.nodes = append(n.nodes, &validator{index: i, bin: bin, home: filepath.Join(base, fmt.Sprintf("node%d", i)), offset: offset})
	}
	ids := make([]string, validators)
	for i, v := range n.nodes {
		id, err := exec.Command(bin, "comet", "show-node-id", "--home", v.home).Output()
		require.NoError(t, err)
		ids[i] = strings.TrimSpace(string(id))
	}
	targets := make([]string, validators)
	for i, v := range n.nodes {
		targets[i] = fmt.Sprintf("127.0.0.1:%d", v.p2pPort())
	}
	n.board = newSwitchboard(t, targets)
	for i, v := range n.nodes {
		var peers []string
		for j := range validators {
			if j != i {
				peers = append(peers, fmt.Sprintf("%s@%s", ids[j], n.board.address(i, j)))
			}
		}
		rewriteConfig(t, filepath.Join(v.home, "config", "config.toml"), map[string]string{
			"persistent_peers": `"` + strings.Join(peers, ",") + `"`,
			"pex":              "false",
		})
	}
	for _, v := range n.nodes {
		v.start(t)
	}
	t.Cleanup(func() {
		for _, v := range n.nodes {
			v.stop()
		}
		n.board.close()
		if t.Failed() {
			for _, v := range n.nodes {
				printTail(t, filepath.Join(v.home, "node.log"), 30)
			}
		}
	})
	return n
}

// rewriteConfig sets keys of config.toml (each key appears once in the
// file CometBFT writes).
func rewriteConfig(t *testing.T, path string, values map[string]string) {
	t.Helper()
	bz, err := os.ReadFile(path)
	require.NoError(t, err)
	text := string(bz)
	for key, value := range values {
		re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + ` = .*$`)
		require.Len(t, re.FindAllStringIndex(text, -1), 1, "%s in %s", key, path)
		text = re.ReplaceAllLiteralString(text, key+" = "+value)
	}
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
}

// freePortOffset finds an offset at which every port of the four
// validators and of the fifth node, which joins by state sync, is free.
func freePortOffset(t *testing.T) int {
	t.Helper()
	var all []int
	for i := range validators + 1 {
		for _, p := range basePorts {
			all = append(all, p+10*i)
		}
	}
	offset, err := ports.FreeOffset(all, 1000, 100, 20000)
	require.NoError(t, err)
	return offset
}

func repoRoot(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	require.True(t, ok)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func printTail(t *testing.T, path string, lines int) {
	bz, err := os.ReadFile(path)
	if err != nil {
		return
	}
	all := strings.Split(strings.TrimRight(string(bz), "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	t.Logf("last lines of %s:\n%s", path, strings.Join(all, "\n"))
}
