package system_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// govDeposit is the genesis minimum deposit of a proposal: 1,000 OPEN.
const govDeposit = "1000000000000000000000aopen"

// passProposal submits a governance proposal carrying msgs (JSON objects with
// "@type"), has the validator (all of the voting power) vote yes, and waits
// until the chain has executed it. It returns the proposal id.
func passProposal(t *testing.T, proposer, title string, msgs ...json.RawMessage) string {
	t.Helper()
	proposal, err := json.Marshal(map[string]any{
		"messages": msgs, "deposit": govDeposit, "title": title,
		"summary": title, "metadata": "",
	})
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "proposal.json")
	require.NoError(t, os.WriteFile(path, proposal, 0o600))

	moduleTx(t, proposer, "gov", "submit-proposal", path)
	var proposals struct {
		Proposals []struct {
			ID string `json:"id"`
		} `json:"proposals"`
	}
	queryJSON(t, &proposals, "query", "gov", "proposals")
	require.NotEmpty(t, proposals.Proposals)
	id := proposals.Proposals[len(proposals.Proposals)-1].ID

	moduleTx(t, "validator", "gov", "vote", id, "yes")

	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		var p struct {
			Proposal struct {
				Status       string `json:"status"`
				FailedReason string `json:"failed_reason"`
			} `json:"proposal"`
		}
		queryJSON(t, &p, "query", "gov", "proposal", id)
		switch p.Proposal.Status {
		case "PROPOSAL_STATUS_PASSED":
			return id
		case "PROPOSAL_STATUS_REJECTED", "PROPOSAL_STATUS_FAILED":
			t.Fatalf("proposal %s %s: %s", id, p.Proposal.Status, p.Proposal.FailedReason)
		}
		time.Sleep(time.Second)
	}
	t.Fatalf("proposal %s did not pass within a minute", id)
	return ""
}

// moduleTx sends a transaction of any module from a dev key with a fixed gas
// limit and fee, and fails the test unless it is included and succeeds.
func moduleTx(t *testing.T, from, module string, args ...string) txResult {
	t.Helper()
	args = append([]string{module}, args...)
	args = append(args, "--from", from, "--gas", datanetTxGas, "--fees", datanetTxFee+"aopen")
	res, err := localnet.tx(t, args...)
	require.NoError(t, err)
	included := localnet.waitTx(t, res.TxHash)
	require.Zerof(t, included.Code, "%v: %s", args, included.RawLog)
	return included
}
