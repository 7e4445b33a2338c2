//go:build faults

package faults_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Every node of the network takes a snapshot of its state every
// snapshotInterval blocks and keeps the last snapshotKeepRecent: at 500 ms
// blocks a snapshot lives about 20 s, long enough for a joining node to
// discover it (5 s) and fetch its chunks.
const (
	snapshotInterval   = 20
	snapshotKeepRecent = 2
)

// snapshotFlags are the flags that make a node serve snapshots, as an
// operator would set them (`[state-sync]` in app.toml does the same).
var snapshotFlags = []string{
	"--state-sync.snapshot-interval=" + strconv.Itoa(snapshotInterval),
	"--state-sync.snapshot-keep-recent=" + strconv.Itoa(snapshotKeepRecent),
}

// stateSynced is what the table reports of the node that joined by state sync.
type stateSynced struct {
	node     *validator
	earliest int64 // the first block in its block store: the snapshot height + 1
	catchUp  time.Duration
}

// joinByStateSync starts a fifth, non-validator node with a fresh home
// that state-syncs from the running network: trust height and hash taken
// from node 0, light-client verification against two validators' RPC
// servers, and peers the four validators (directly: its connections are
// not part of any fault). It returns once the node has restored a snapshot
// and caught up with node 0.
func joinByStateSync(t *testing.T, n *network) stateSynced {
	t.Helper()
	entry := n.nodes[0]
	template := n.nodes[validators-1]
	v := &validator{index: validators, bin: n.binary, home: filepath.Join(n.base, fmt.Sprintf("node%d", validators)), offset: template.offset}
	_, err := execOutput(n.binary, "init", "statesync", "--chain-id", chainID, "--default-denom", "aopen", "--home", v.home)
	require.NoError(t, err)

	// The last validator's configuration, moved to the fifth node's ports:
	// every port of node i is its base port + 10*i + offset.
	for _, name := range []string{"genesis.json", "app.toml", "config.toml", "client.toml"} {
		bz, err := os.ReadFile(filepath.Join(template.home, "config", name))
		require.NoError(t, err)
		text := string(bz)
		for _, p := range basePorts {
			text = strings.ReplaceAll(text, fmt.Sprintf("127.0.0.1:%d", p+10*template.index+template.offset),
				fmt.Sprintf("127.0.0.1:%d", p+10*v.index+v.offset))
		}
		require.NoError(t, os.WriteFile(filepath.Join(v.home, "config", name), []byte(text), 0o644))
	}

	trustHeight := entry.height() - 1
	trusted, err := entry.header(trustHeight)
	require.NoError(t, err)
	var peers []string
	for _, p := range n.nodes {
		id, err := execOutput(n.binary, "comet", "show-node-id", "--home", p.home)
		require.NoError(t, err)
		peers = append(peers, fmt.Sprintf("%s@127.0.0.1:%d", strings.TrimSpace(id), p.p2pPort()))
	}
	rewriteConfig(t, filepath.Join(v.home, "config", "config.toml"), map[string]string{
		"persistent_peers": `"` + strings.Join(peers, ",") + `"`,
		"pex":              "false",
		"enable":           "true",
		"rpc_servers":      `"` + n.nodes[1].rpc() + "," + n.nodes[2].rpc() + `"`,
		"trust_height":     strconv.FormatInt(trustHeight, 10),
		"trust_hash":       `"` + trusted.BlockHash + `"`,
		"discovery_time":   `"5s"`,
	})

	start := time.Now()
	v.start(t)
	t.Cleanup(func() {
		v.stop()
		if t.Failed() {
			printTail(t, filepath.Join(v.home, "node.log"), 40)
		}
	})
	deadline := time.Now().Add(2 * time.Minute)
	for v.height() == 0 || v.height() < entry.height() {
		if time.Now().After(deadline) {
			t.Fatalf("the state-synced node is at height %d, node 0 at %d, after 2 minutes", v.height(), entry.height())
		}
		time.Sleep(250 * time.Millisecond)
	}
	s := stateSynced{node: v, earliest: v.earliestHeight(), catchUp: time.Since(start)}

	// A node that block-synced would hold every block from 1; one that
	// restored a snapshot holds the blocks after the snapshot's height, and
	// said so in its log.
	require.Greaterf(t, s.earliest, int64(1), "the fifth node holds block 1: it block-synced instead of restoring a snapshot")
	log, err := os.ReadFile(filepath.Join(v.home, "node.log"))
	require.NoError(t, err)
	restored := regexp.MustCompile(`Snapshot restored.*?\bheight=(\d+)`).FindSubmatch(log)
	require.NotNilf(t, restored, "no restored snapshot in the fifth node's log")
	require.Equal(t, strconv.FormatInt(s.earliest-1, 10), string(restored[1]), "restored snapshot height")
	require.Zero(t, (s.earliest-1)%snapshotInterval, "the restored height is not a snapshot height")
	return s
}

// requireStateSyncedFollows checks that the state-synced node holds the same
// blocks and app hashes as node 0 from its first block to final, and that
// its application reports the app hash the validators' next block carries.
func requireStateSyncedFollows(t *testing.T, n *network, s stateSynced, final int64) {
	t.Helper()
	waitHeight(t, s.node, final, time.Minute)
	for h := s.earliest; h <= final; h++ {
		want, err := n.nodes[0].header(h)
		require.NoError(t, err)
		got, err := s.node.header(h)
		require.NoError(t, err)
		require.Equalf(t, want, got, "the state-synced node disagrees with node 0 at height %d", h)
	}
	height, appHash := s.node.appInfo(t)
	require.Greater(t, height, final-1)
	waitHeight(t, n.nodes[0], height+1, time.Minute)
	next, err := n.nodes[0].header(height + 1)
	require.NoError(t, err)
	require.Equalf(t, next.AppHash, appHash, "the state-synced node's app hash at height %d", height)
}

// earliestHeight is the first block the node's block store holds.
func (v *validator) earliestHeight() int64 {
	var status struct {
		Result struct {
			SyncInfo struct {
				EarliestBlockHeight string `json:"earliest_block_height"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if getJSON(v.rpc()+"/status", &status) != nil {
		return 0
	}
	h, _ := strconv.ParseInt(status.Result.SyncInfo.EarliestBlockHeight, 10, 64)
	return h
}

// appInfo is the application's last committed height and app hash (hex,
// upper case, as block headers print it).
func (v *validator) appInfo(t *testing.T) (int64, string) {
	t.Helper()
	var info struct {
		Result struct {
			Response struct {
				LastBlockHeight  string `json:"last_block_height"`
				LastBlockAppHash []byte `json:"last_block_app_hash"`
			} `json:"response"`
		} `json:"result"`
	}
	require.NoError(t, getJSON(v.rpc()+"/abci_info", &info))
	h, err := strconv.ParseInt(info.Result.Response.LastBlockHeight, 10, 64)
	require.NoError(t, err)
	return h, strings.ToUpper(fmt.Sprintf("%x", info.Result.Response.LastBlockAppHash))
}
