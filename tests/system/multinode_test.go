package system_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/testutil/hostiletx"
	freeports "github.com/openledger/openledger/testutil/ports"
)

// The four-validator network of scripts/localnet-multi.sh: node i listens on
// the single-node ports plus 10*i plus an offset.
const multiValidators = 4

var multiBasePorts = []int{26656, 26657, 9090, 1317, 8545, 8546}

// TestFourValidatorNetwork writes the four homes with the script, starts the
// four nodes on loopback and checks that they connect, that all four
// validators sign the blocks, that the nodes agree on the chain, and that the
// hostile transactions sent to one node stop none of them.
func TestFourValidatorNetwork(t *testing.T) {
	base := t.TempDir()
	offset := freePortOffset(t)

	initialise := exec.Command(filepath.Join(repoRoot(), "scripts", "localnet-multi.sh"), "--init-only", "--reset")
	initialise.Env = append(os.Environ(), "OPENLEDGERD="+localnet.bin, "LOCALNET_MULTI_HOME="+base,
		"PORT_OFFSET="+strconv.Itoa(offset), "BLOCK_TIME=500ms")
	out, err := initialise.CombinedOutput()
	require.NoErrorf(t, err, "localnet-multi.sh --init-only: %s", out)

	for i := range multiValidators {
		home := filepath.Join(base, fmt.Sprintf("node%d", i))
		logFile, err := os.Create(filepath.Join(home, "node.log"))
		require.NoError(t, err)
		node := exec.Command(localnet.bin, "start", "--home", home, "--log_no_color")
		node.Stdout, node.Stderr = logFile, logFile
		require.NoError(t, node.Start())
		t.Cleanup(func() {
			_ = node.Process.Signal(syscall.SIGTERM)
			done := make(chan struct{})
			go func() { _ = node.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				_ = node.Process.Kill()
			}
			logFile.Close()
		})
	}

	rpc := func(i int) string { return fmt.Sprintf("http://127.0.0.1:%d", 26657+10*i+offset) }
	// Every node must be connected and following the chain, and a recent
	// block must carry the commit signatures of all four validators: that
	// proves each node takes part in consensus. A full mesh is not required:
	// under heavy load a node may still be re-dialling one of its peers while
	// votes reach it through the others.
	deadline := time.Now().Add(3 * time.Minute)
	failNow := func(format string, args ...any) {
		for j := range multiValidators {
			printFileTail(filepath.Join(base, fmt.Sprintf("node%d", j), "node.log"), 25)
		}
		t.Fatalf(format, args...)
	}
	for i := range multiValidators {
		for {
			if height, peers := nodeStatus(rpc(i)); height >= 3 && peers >= 1 {
				break
			}
			if time.Now().After(deadline) {
				height, peers := nodeStatus(rpc(i))
				failNow("node %d at height %d with %d peers after 3 minutes", i, height, peers)
			}
			time.Sleep(500 * time.Millisecond)
		}
	}
	for signedByAll(rpc(0)) != multiValidators {
		if time.Now().After(deadline) {
			failNow("no recent block is signed by all %d validators after 3 minutes", multiValidators)
		}
		time.Sleep(500 * time.Millisecond)
	}

	var validators struct {
		Result struct {
			Total string `json:"total"`
		} `json:"result"`
	}
	getJSON(t, rpc(3)+"/validators", &validators)
	require.Equal(t, strconv.Itoa(multiValidators), validators.Result.Total)

	// Every node holds the same block at a height all have passed.
	hashes := map[string]bool{}
	for i := range multiValidators {
		var block struct {
			Result struct {
				BlockID struct {
					Hash string `json:"hash"`
				} `json:"block_id"`
			} `json:"result"`
		}
		getJSON(t, rpc(i)+"/block?height=3", &block)
		hashes[block.Result.BlockID.Hash] = true
	}
	require.Len(t, hashes, 1, "the four nodes disagree on block 3")

	// One node receives every hostile transaction; none of the four stops,
	// and all four still sign the blocks that follow.
	for _, c := range hostiletx.Cases() {
		code, log := broadcastTxSync(t, rpc(0), c.Tx)
		require.Equalf(t, uint32(codeTxDecode), code, "%s: %s", c.Name, log)
	}
	probed, _ := nodeStatus(rpc(0))
	probeDeadline := time.Now().Add(time.Minute)
	for i := range multiValidators {
		for {
			if height, _ := nodeStatus(rpc(i)); height >= probed+3 {
				break
			}
			if time.Now().After(probeDeadline) {
				failNow("node %d stopped following the chain after the hostile transactions", i)
			}
			time.Sleep(500 * time.Millisecond)
		}
	}
	for signedByAll(rpc(0)) != multiValidators {
		if time.Now().After(probeDeadline) {
			failNow("after the hostile transactions no block is signed by all %d validators", multiValidators)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// freePortOffset finds an offset at which every port of the four nodes is free.
func freePortOffset(t *testing.T) int {
	t.Helper()
	var all []int
	for i := range multiValidators {
		for _, p := range multiBasePorts {
			all = append(all, p+10*i)
		}
	}
	offset, err := freeports.FreeOffset(all, 20000, 137, 30000)
	require.NoError(t, err)
	return offset
}

// signedByAll is how many validators signed the commit of the block before
// a node's latest one (0 while the node does not answer).
func signedByAll(rpc string) int {
	height, _ := nodeStatus(rpc)
	if height < 2 {
		return 0
	}
	var commit struct {
		Result struct {
			SignedHeader struct {
				Commit struct {
					Signatures []struct {
						BlockIDFlag json.RawMessage `json:"block_id_flag"`
					} `json:"signatures"`
				} `json:"commit"`
			} `json:"signed_header"`
		} `json:"result"`
	}
	if decodeGet(fmt.Sprintf("%s/commit?height=%d", rpc, height-1), &commit) != nil {
		return 0
	}
	signed := 0
	for _, sig := range commit.Result.SignedHeader.Commit.Signatures {
		// BLOCK_ID_FLAG_COMMIT: the validator voted for this block.
		if flag := string(sig.BlockIDFlag); flag == "2" || flag == `"BLOCK_ID_FLAG_COMMIT"` {
			signed++
		}
	}
	return signed
}

// nodeStatus is a node's latest height and its number of peers (0, 0 while it
// does not answer).
func nodeStatus(rpc string) (height int64, peers int) {
	var status struct {
		Result struct {
			SyncInfo struct {
				LatestBlockHeight string `json:"latest_block_height"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	var netInfo struct {
		Result struct {
			NPeers string `json:"n_peers"`
		} `json:"result"`
	}
	if decodeGet(rpc+"/status", &status) != nil || decodeGet(rpc+"/net_info", &netInfo) != nil {
		return 0, 0
	}
	height, _ = strconv.ParseInt(status.Result.SyncInfo.LatestBlockHeight, 10, 64)
	peers, _ = strconv.Atoi(netInfo.Result.NPeers)
	return height, peers
}

func decodeGet(url string, into any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(into)
}

func getJSON(t *testing.T, url string, into any) {
	t.Helper()
	require.NoError(t, decodeGet(url, into))
}
