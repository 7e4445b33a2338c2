package system_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// upgradeName is the newest upgrade the binary knows (app.Upgrades).
const upgradeName = "v2"

// TestSoftwareUpgrade rehearses a governance software upgrade as validators
// run it. A node runs the release before the upgrade (the binary built
// without it); governance schedules the upgrade a few blocks ahead; the node
// halts at that height with UPGRADE NEEDED and writes upgrade-info.json; the
// node is restarted on the same home with the binary under test, which
// applies the upgrade at that height and goes on making blocks.
func TestSoftwareUpgrade(t *testing.T) {
	previous := previousReleaseBinary(t)
	n, err := startNode(previous, filepath.Join(t.TempDir(), "home"))
	require.NoError(t, err)
	running := true
	defer func() {
		if running {
			n.stop()
		}
	}()

	var gov struct {
		Account struct {
			Value struct {
				Address string `json:"address"`
			} `json:"value"`
		} `json:"account"`
	}
	n.queryJSON(t, &gov, "query", "auth", "module-account", "gov")
	require.NotEmpty(t, gov.Account.Value.Address)

	// The proposal needs its voting period (8 s, about 16 blocks) and two
	// transactions before the height.
	height, err := n.height()
	require.NoError(t, err)
	upgradeHeight := height + 60
	msg, err := json.Marshal(map[string]any{
		"@type":     "/cosmos.upgrade.v1beta1.MsgSoftwareUpgrade",
		"authority": gov.Account.Value.Address,
		"plan":      map[string]any{"name": upgradeName, "height": strconv.FormatInt(upgradeHeight, 10), "info": "rehearsal"},
	})
	require.NoError(t, err)
	n.passProposal(t, "validator", "Upgrade to "+upgradeName, msg)

	var plan struct {
		Plan struct {
			Name   string `json:"name"`
			Height string `json:"height"`
		} `json:"plan"`
	}
	n.queryJSON(t, &plan, "query", "upgrade", "plan")
	require.Equal(t, upgradeName, plan.Plan.Name)
	require.Equal(t, strconv.FormatInt(upgradeHeight, 10), plan.Plan.Height)

	// The previous release halts at the upgrade height: the block before it
	// is the last one the application committed.
	needed := fmt.Sprintf("UPGRADE %q NEEDED at height: %d", upgradeName, upgradeHeight)
	waitFor(t, 3*time.Minute, "the node to halt with "+needed, func() bool {
		return n.logContains(t, needed)
	})
	require.Equal(t, upgradeHeight-1, n.appHeight(t), "last height the halted node's application committed")

	// What cosmovisor reads to switch binaries.
	var info struct {
		Name   string `json:"name"`
		Height int64  `json:"height"`
	}
	infoJSON, err := os.ReadFile(filepath.Join(n.home, "data", "upgrade-info.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(infoJSON, &info), "%s", infoJSON)
	require.Equal(t, upgradeName, info.Name)
	require.Equal(t, upgradeHeight, info.Height)

	n.stop()
	running = false

	// The binary under test knows the upgrade: it applies it at the height
	// and makes blocks after it.
	n.bin = localnet.bin
	require.NoError(t, n.start())
	running = true
	waitFor(t, 2*time.Minute, "blocks after the upgrade height", func() bool {
		h, err := n.height()
		return err == nil && h >= upgradeHeight+3
	})
	require.True(t, n.logContains(t, fmt.Sprintf("applying upgrade %q at height: %d", upgradeName, upgradeHeight)))

	var applied struct {
		Height string `json:"height"`
	}
	n.queryJSON(t, &applied, "query", "upgrade", "applied", upgradeName)
	require.Equal(t, strconv.FormatInt(upgradeHeight, 10), applied.Height)

	var after struct {
		Plan *struct{} `json:"plan"`
	}
	n.queryJSON(t, &after, "query", "upgrade", "plan")
	require.Nil(t, after.Plan, "the plan is cleared once applied")
}

// previousReleaseBinary is openledgerd as the release before upgradeName:
// OPENLEDGERD_PREVIOUS_BIN, or this source built without that upgrade.
func previousReleaseBinary(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("OPENLEDGERD_PREVIOUS_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(t.TempDir(), "openledgerd-previous")
	build := exec.Command("go", "build",
		"-ldflags", "-X github.com/openledger/openledger/app.withheldUpgrade="+upgradeName,
		"-o", bin, "./cmd/openledgerd")
	build.Dir = repoRoot()
	out, err := build.CombinedOutput()
	require.NoErrorf(t, err, "building openledgerd without upgrade %s: %s", upgradeName, out)
	return bin
}

// logContains reports whether the node's log has a line containing s.
func (n *node) logContains(t *testing.T, s string) bool {
	t.Helper()
	data, err := os.ReadFile(n.logPath)
	require.NoError(t, err)
	return strings.Contains(string(data), s)
}

// appHeight is the last height the node's application committed, as
// CometBFT's abci_info reports it.
func (n *node) appHeight(t *testing.T) int64 {
	t.Helper()
	var info struct {
		Result struct {
			Response struct {
				LastBlockHeight string `json:"last_block_height"`
			} `json:"response"`
		} `json:"result"`
	}
	getJSON(t, fmt.Sprintf("http://127.0.0.1:%d/abci_info", n.rpcPort), &info)
	height, err := strconv.ParseInt(info.Result.Response.LastBlockHeight, 10, 64)
	require.NoError(t, err)
	return height
}
