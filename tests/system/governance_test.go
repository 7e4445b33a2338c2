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

// passProposal submits a governance proposal on the shared node carrying msgs
// (JSON objects with "@type"), has the validator (all of the voting power)
// vote yes, and waits until the chain has executed it. It returns the
// proposal id.
func passProposal(t *testing.T, proposer, title string, msgs ...json.RawMessage) string {
	t.Helper()
	return localnet.passProposal(t, proposer, title, msgs...)
}

// passProposal is passProposal on node n.
func (n *node) passProposal(t *testing.T, proposer, title string, msgs ...json.RawMessage) string {
	t.Helper()
	id := n.submitProposal(t, proposer, title, msgs...)
	n.moduleTx(t, "validator", "gov", "vote", id, "yes")
	n.waitProposalPassed(t, id)
	return id
}

// submitProposal submits a governance proposal carrying msgs with the
// minimum deposit and returns its id.
func (n *node) submitProposal(t *testing.T, proposer, title string, msgs ...json.RawMessage) string {
	t.Helper()
	proposal, err := json.Marshal(map[string]any{
		"messages": msgs, "deposit": govDeposit, "title": title,
		"summary": title, "metadata": "",
	})
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "proposal.json")
	require.NoError(t, os.WriteFile(path, proposal, 0o600))

	n.moduleTx(t, proposer, "gov", "submit-proposal", path)
	var proposals struct {
		Proposals []struct {
			ID string `json:"id"`
		} `json:"proposals"`
	}
	n.queryJSON(t, &proposals, "query", "gov", "proposals")
	require.NotEmpty(t, proposals.Proposals)
	return proposals.Proposals[len(proposals.Proposals)-1].ID
}

// waitProposalPassed waits until proposal id has passed and fails the test
// if it is rejected or fails, or is still open after a minute.
func (n *node) waitProposalPassed(t *testing.T, id string) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		var p struct {
			Proposal struct {
				Status       string `json:"status"`
				FailedReason string `json:"failed_reason"`
			} `json:"proposal"`
		}
		n.queryJSON(t, &p, "query", "gov", "proposal", id)
		switch p.Proposal.Status {
		case "PROPOSAL_STATUS_PASSED":
			return
		case "PROPOSAL_STATUS_REJECTED", "PROPOSAL_STATUS_FAILED":
			t.Fatalf("proposal %s %s: %s", id, p.Proposal.Status, p.Proposal.FailedReason)
		}
		time.Sleep(time.Second)
	}
	t.Fatalf("proposal %s did not pass within a minute", id)
}

// moduleTx sends a transaction of any module on the shared node from a dev
// key with a fixed gas limit and fee, and fails the test unless it is
// included and succeeds.
func moduleTx(t *testing.T, from, module string, args ...string) txResult {
	t.Helper()
	return localnet.moduleTx(t, from, module, args...)
}

// moduleTx is moduleTx on node n.
func (n *node) moduleTx(t *testing.T, from, module string, args ...string) txResult {
	t.Helper()
	args = append([]string{module}, args...)
	args = append(args, "--from", from, "--gas", datanetTxGas, "--fees", datanetTxFee+"aopen")
	res, err := n.tx(t, args...)
	require.NoError(t, err)
	included := n.waitTx(t, res.TxHash)
	require.Zerof(t, included.Code, "%v: %s", args, included.RawLog)
	return included
}
