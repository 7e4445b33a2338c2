package system_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestZeroHeightExportAndRestart relaunches a chain at height 0 as validators
// do: the node is stopped, its state exported with --for-zero-height, and a
// new home (initialised afresh, with the exported genesis and the old home's
// validator key) starts a new chain from it. The new chain makes blocks with
// the old chain's balances, supply and Datanet; a contribution submitted on
// the old chain is accepted on the new one; and the new chain's own export
// is a valid genesis again.
func TestZeroHeightExportAndRestart(t *testing.T) {
	old, err := startNode(localnet.bin, filepath.Join(t.TempDir(), "old"))
	require.NoError(t, err)
	oldRunning := true
	defer func() {
		if oldRunning {
			old.stop()
		}
	}()

	owner, contributor := "dev0", "dev1"
	old.moduleTx(t, owner, "datanet", "create-datanet", "Zero height", "CC-BY-4.0", "public", "owner-reviews")
	var datanets struct {
		Datanets []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"datanets"`
	}
	old.queryJSON(t, &datanets, "query", "datanet", "datanets", "--owner", old.address(t, owner))
	require.Len(t, datanets.Datanets, 1)
	datanetID := datanets.Datanets[0].ID

	// The contribution is submitted well after the heights the new chain
	// will have reached when it is reviewed there.
	old.waitBlocks(t, 30)
	text := filepath.Join(t.TempDir(), "runbook.txt")
	require.NoError(t, os.WriteFile(text, []byte("Q: How is a node restarted at height 0? A: From an export."), 0o600))
	old.moduleTx(t, contributor, "datanet", "contribute-file", datanetID, text)
	pending := nodeContributions(t, old, datanetID)
	require.Len(t, pending, 1)
	require.Equal(t, "CONTRIBUTION_STATUS_PENDING", pending[0].Status)

	accounts := map[string]string{}
	for _, key := range []string{"validator", owner, contributor} {
		accounts[key] = old.address(t, key)
	}
	balances := map[string]string{}
	for key, addr := range accounts {
		balances[key] = old.balance(t, addr)
	}
	supply, err := old.supplyOf("aopen")
	require.NoError(t, err)

	old.stop()
	oldRunning = false
	genesis := exportGenesis(t, old, "--for-zero-height")
	var doc struct {
		InitialHeight int64 `json:"initial_height"`
	}
	require.NoError(t, json.Unmarshal(genesis, &doc))
	require.LessOrEqual(t, doc.InitialHeight, int64(1), "a zero-height export starts the new chain at its first block")

	// The new home: initialised afresh (same dev keys, other ports), with the
	// exported genesis and the old validator's consensus key.
	fresh, err := initNode(localnet.bin, filepath.Join(t.TempDir(), "new"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(fresh.home, "config", "genesis.json"), genesis, 0o600))
	key, err := os.ReadFile(filepath.Join(old.home, "config", "priv_validator_key.json"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(fresh.home, "config", "priv_validator_key.json"), key, 0o600))
	fresh.cli(t, "genesis", "validate")

	require.NoError(t, fresh.start())
	freshRunning := true
	defer func() {
		if freshRunning {
			fresh.stop()
		}
	}()
	fresh.waitBlocks(t, 2)

	got, err := fresh.supplyOf("aopen")
	require.NoError(t, err)
	require.Equal(t, supply, got, "total supply across the restart")
	require.Equal(t, balances[owner], fresh.balance(t, accounts[owner]))
	require.Equal(t, balances[contributor], fresh.balance(t, accounts[contributor]))
	// The validator's rewards and commission were paid out by the export.
	require.True(t, mustInt(t, fresh.balance(t, accounts["validator"])).GTE(mustInt(t, balances["validator"])))

	fresh.queryJSON(t, &datanets, "query", "datanet", "datanets", "--owner", accounts[owner])
	require.Len(t, datanets.Datanets, 1)
	require.Equal(t, datanetID, datanets.Datanets[0].ID)
	require.Equal(t, "Zero height", datanets.Datanets[0].Name)
	carried := nodeContributions(t, fresh, datanetID)
	require.Len(t, carried, 1)
	require.Equal(t, pending[0].ID, carried[0].ID)
	require.Equal(t, "CONTRIBUTION_STATUS_PENDING", carried[0].Status)

	fresh.moduleTx(t, owner, "datanet", "review-contributions", datanetID, decision(carried[0].ID, true, "after the restart"))
	require.Equal(t, "CONTRIBUTION_STATUS_ACCEPTED", nodeContributions(t, fresh, datanetID)[0].Status)

	// The new chain's state, exported at its height, is a valid genesis.
	fresh.stop()
	freshRunning = false
	again := filepath.Join(t.TempDir(), "genesis.json")
	require.NoError(t, os.WriteFile(again, exportGenesis(t, fresh), 0o600))
	fresh.cli(t, "genesis", "validate", again)
}

// TestExportBeforeFirstBlockIsRefused exports a home that was initialised but
// never started: export says there is no state yet instead of panicking.
func TestExportBeforeFirstBlockIsRefused(t *testing.T) {
	n, err := initNode(localnet.bin, filepath.Join(t.TempDir(), "home"))
	require.NoError(t, err)
	var stdout, stderr bytes.Buffer
	export := exec.Command(n.bin, "export", "--home", n.home)
	export.Stdout, export.Stderr = &stdout, &stderr
	require.Error(t, export.Run(), "export of a home without a block")
	require.NotContains(t, stderr.String(), "panic")
	require.Contains(t, stderr.String(), "has not committed any block")
	require.Empty(t, strings.TrimSpace(stdout.String()))
}

// exportGenesis runs `openledgerd export` on a stopped node's home and
// returns the genesis document it writes to standard output.
func exportGenesis(t *testing.T, n *node, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	export := exec.Command(n.bin, append([]string{"export", "--home", n.home}, args...)...)
	export.Stdout, export.Stderr = &stdout, &stderr
	require.NoErrorf(t, export.Run(), "export %v: %s", args, stderr.String())
	return stdout.Bytes()
}

// nodeContributions lists a Datanet's contributions on node n.
func nodeContributions(t *testing.T, n *node, datanetID string) []contributionView {
	t.Helper()
	var res struct {
		Contributions []contributionView `json:"contributions"`
	}
	n.queryJSON(t, &res, "query", "datanet", "contributions", datanetID)
	return res.Contributions
}
