package system_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"
)

// TestAgentStakeUnbondSlashAndEquivocation stakes a serving node and an
// attestor on the real binary, unbonds part of the node's stake and watches
// it come back after the unbonding period, slashes the node through a
// governance proposal that passes, and finally slashes it again with
// equivocation evidence: two different settlements of one voucher signed by
// its key. Every burn shows in the total supply.
func TestAgentStakeUnbondSlashAndEquivocation(t *testing.T) {
	modelOwner, node, attestor, watcher, user := "dev4", "dev1", "dev2", "dev0", "dev3"
	nodeAddr, attestorAddr, watcherAddr := localnet.address(t, node), localnet.address(t, attestor), localnet.address(t, watcher)
	fee := mustInt(t, datanetTxFee)
	params := agentstakeParams(t)

	modelID := registerBaseModel(t, modelOwner, "stake-test-base")

	// Register: a serving node of that model at the minimum stake, then more.
	moduleTx(t, node, "agentstake", "register-agent", "serving-node", params.MinStakeServingNode.String(),
		"--model-ids", modelID, "--endpoint", "https://node.example/v1")
	moduleTx(t, node, "agentstake", "add-stake", nodeAddr, openAmount(2_000).String())
	moduleTx(t, attestor, "agentstake", "register-agent", "attestor", params.MinStakeAttestor.String())
	bonded := params.MinStakeServingNode.Add(openAmount(2_000))
	a := agentOf(t, nodeAddr)
	require.Equal(t, "AGENT_STATUS_ACTIVE", a.Status)
	require.Equal(t, bonded.String(), a.Bonded)
	require.Equal(t, []string{modelID}, a.ModelIDs)
	require.Equal(t, "AGENT_STATUS_ACTIVE", agentOf(t, attestorAddr).Status)

	// Unbonding more than is bonded is refused before broadcast.
	_, err := localnet.tx(t, "agentstake", "begin-unbonding", nodeAddr, bonded.Add(math.OneInt()).String(),
		"--from", node, "--gas", "auto", "--gas-prices", gasPrice)
	require.ErrorContains(t, err, "unbond")

	// Unbond 1,000 OPEN: it is released to the owner after the period.
	unbond := openAmount(1_000)
	moduleTx(t, node, "agentstake", "begin-unbonding", nodeAddr, unbond.String())
	afterUnbond := mustInt(t, localnet.balance(t, nodeAddr))
	require.Len(t, unbondingEntries(t, nodeAddr), 1)
	waitFor(t, 30*time.Second, "the unbonding entry to mature", func() bool { return len(unbondingEntries(t, nodeAddr)) == 0 })
	require.Equal(t, afterUnbond.Add(unbond).String(), localnet.balance(t, nodeAddr), "the unbonded stake is back")
	bonded = bonded.Sub(unbond)
	require.Equal(t, bonded.String(), agentOf(t, nodeAddr).Bonded)

	// Governance slashes the node: the fraction is burned, the node is jailed.
	supply := totalSupply(t)
	slash, err := json.Marshal(map[string]any{
		"@type": "/openledger.agentstake.v1.MsgSlashAgent", "authority": moduleAddress(t, "gov"),
		"operator": nodeAddr, "reason": "SLASH_REASON_GOVERNANCE", "evidence_ref": "incident/2026-11-22",
	})
	require.NoError(t, err)
	passProposal(t, watcher, "Slash a serving node that served a revoked model", slash)
	govSlash := bonded.MulRaw(int64(params.SlashBpsGovernance)).QuoRaw(10_000)
	bonded = bonded.Sub(govSlash)
	a = agentOf(t, nodeAddr)
	require.Equal(t, "AGENT_STATUS_JAILED", a.Status)
	require.Equal(t, bonded.String(), a.Bonded)
	require.Equal(t, supply.Sub(govSlash).String(), totalSupply(t).String(), "the governance slash is burned")

	// Equivocation: the node's key signed two different settlements of the
	// same voucher. Anyone may submit them; the submitter earns the
	// challenger share and the node is tombstoned.
	dir := t.TempDir()
	userAddr := localnet.address(t, user)
	first := signSettlement(t, node, dir, "first.json", userAddr, "7", openAmount(3).String(), strings.Repeat("11", 32))
	second := signSettlement(t, node, dir, "second.json", userAddr, "7", openAmount(5).String(), strings.Repeat("11", 32))
	supply, watcherBefore := totalSupply(t), mustInt(t, localnet.balance(t, watcherAddr))
	moduleTx(t, watcher, "agentstake", "submit-equivocation", first, second)
	equivocationSlash := bonded.MulRaw(int64(params.SlashBpsEquivocation)).QuoRaw(10_000)
	reward := equivocationSlash.MulRaw(int64(params.ChallengerRewardBps)).QuoRaw(10_000)
	a = agentOf(t, nodeAddr)
	require.Equal(t, "AGENT_STATUS_TOMBSTONED", a.Status)
	require.Equal(t, bonded.Sub(equivocationSlash).String(), a.Bonded)
	require.Equal(t, watcherBefore.Add(reward).Sub(fee).String(), localnet.balance(t, watcherAddr))
	require.Equal(t, supply.Sub(equivocationSlash.Sub(reward)).String(), totalSupply(t).String())

	// The same evidence is accepted once.
	_, err = localnet.tx(t, "agentstake", "submit-equivocation", first, second,
		"--from", watcher, "--gas", "auto", "--gas-prices", gasPrice)
	require.Error(t, err)

	var history struct {
		Records []struct {
			Reason string `json:"reason"`
		} `json:"records"`
	}
	queryJSON(t, &history, "query", "agentstake", "slash-history", nodeAddr)
	require.Len(t, history.Records, 2)
	require.Equal(t, "SLASH_REASON_GOVERNANCE", history.Records[0].Reason)
	require.Equal(t, "SLASH_REASON_EQUIVOCATION", history.Records[1].Reason)
}

type agentstakeParamsView struct {
	MinStakeServingNode, MinStakeAttestor                                                   math.Int
	SlashBpsGovernance, SlashBpsEquivocation, SlashBpsAttributionFraud, ChallengerRewardBps uint32
}

func agentstakeParams(t *testing.T) agentstakeParamsView {
	t.Helper()
	var res struct {
		Params struct {
			MinStakeServingNode  string `json:"min_stake_serving_node"`
			MinStakeAttestor     string `json:"min_stake_attestor"`
			SlashBpsGovernance   uint32 `json:"slash_bps_governance"`
			SlashBpsEquivocation uint32 `json:"slash_bps_equivocation"`
			SlashBpsFraud        uint32 `json:"slash_bps_attribution_fraud"`
			ChallengerRewardBps  uint32 `json:"challenger_reward_bps"`
		} `json:"params"`
	}
	queryJSON(t, &res, "query", "agentstake", "params")
	p := res.Params
	return agentstakeParamsView{
		MinStakeServingNode: mustInt(t, p.MinStakeServingNode), MinStakeAttestor: mustInt(t, p.MinStakeAttestor),
		SlashBpsGovernance: p.SlashBpsGovernance, SlashBpsEquivocation: p.SlashBpsEquivocation,
		SlashBpsAttributionFraud: p.SlashBpsFraud,
		ChallengerRewardBps:      p.ChallengerRewardBps,
	}
}

type agentView struct {
	Status   string   `json:"status"`
	Bonded   string   `json:"bonded"`
	ModelIDs []string `json:"model_ids"`
}

func agentOf(t *testing.T, operator string) agentView {
	t.Helper()
	var res struct {
		Agent agentView `json:"agent"`
	}
	queryJSON(t, &res, "query", "agentstake", "agent", operator)
	return res.Agent
}

func unbondingEntries(t *testing.T, operator string) []json.RawMessage {
	t.Helper()
	var res struct {
		Entries []json.RawMessage `json:"entries"`
	}
	queryJSON(t, &res, "query", "agentstake", "unbonding-entries", operator)
	return res.Entries
}

// signSettlement signs a settlement with a dev key and writes it to dir/name.
func signSettlement(t *testing.T, key, dir, name, user, nonce, amount, batchRootHex string) string {
	t.Helper()
	out := localnet.cli(t, "tx", "agentstake", "sign-settlement", "--user", user, "--nonce", nonce,
		"--amount", amount, "--batch-root", batchRootHex, "--from", key, "--keyring-backend", "test")
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, []byte(out), 0o600))
	return path
}

// registerBaseModel registers a base model from a small weights file and
// returns its id.
func registerBaseModel(t *testing.T, owner, name string) string {
	t.Helper()
	weights := filepath.Join(t.TempDir(), "model.safetensors")
	require.NoError(t, os.WriteFile(weights, []byte("weights of "+name), 0o600))
	modelTx(t, owner, "register", name, "--kind", "base", "--artifact", weights,
		"--uri", "hf://openledger/"+name, "--architecture", "llama", "--license", "apache-2.0")
	return newestModel(t, localnet.address(t, owner))
}

// moduleAddress is the open1... address of a module account.
func moduleAddress(t *testing.T, name string) string {
	t.Helper()
	var res struct {
		Account struct {
			Value struct {
				Address string `json:"address"`
			} `json:"value"`
		} `json:"account"`
	}
	queryJSON(t, &res, "query", "auth", "module-account", name)
	require.NotEmpty(t, res.Account.Value.Address)
	return res.Account.Value.Address
}

// openAmount is n OPEN in aopen.
func openAmount(n int64) math.Int { return math.NewIntWithDecimal(n, 18) }

// waitFor polls cond every half second until it holds or the timeout passes.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}
