package system_test

import (
	"context"
	"crypto/sha256"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/precompiles/datanet"
)

// The same Datanet work done once as Cosmos transactions from the CLI and
// once through the precompile from a wallet leaves the same state, but for
// who owns it. The gas of each step is logged side by side.
func TestDatanetPrecompileAndCLIProduceTheSameState(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	d := newPrecompileEVM(t, ctx, datanet.ABIJSON, datanet.Address)
	text := []byte("The quality of mercy is not strained; it droppeth as the gentle rain from heaven upon the place beneath. " +
		"It is twice blest: it blesseth him that gives and him that takes. 'Tis mightiest in the mightiest.")
	path := filepath.Join(t.TempDir(), "mercy.txt")
	require.NoError(t, os.WriteFile(path, text, 0o600))

	// The CLI path, as dev0.
	created := moduleTx(t, "dev0", "datanet", "create-datanet", "Speeches", "CC-BY-4.0", "public", "owner-reviews",
		"--summary", "famous speeches", "--tags", "drama")
	var listed struct {
		Datanets []struct {
			ID string `json:"id"`
		} `json:"datanets"`
	}
	queryJSON(t, &listed, "query", "datanet", "datanets", "--owner", localnet.address(t, "dev0"))
	cliDatanet := listed.Datanets[len(listed.Datanets)-1].ID
	contributed := moduleTx(t, "dev1", "datanet", "contribute-file", cliDatanet, path, "--media-type", "text/plain")
	listedContributions := contributions(t, cliDatanet)
	require.Len(t, listedContributions, 1)
	cliContribution := listedContributions[0].ID
	reviewed := moduleTx(t, "dev0", "datanet", "review-contributions", cliDatanet, decision(cliContribution, true, "fits"))

	// The precompile path, as dev2 and dev3.
	owner, contributor := exportEthKey(t, "dev2"), exportEthKey(t, "dev3")
	receipt := d.send(owner, "createDatanet", "Speeches", "famous speeches", "", []string{"drama"}, "CC-BY-4.0", uint8(1), uint8(1))
	evmCreateGas := receipt.GasUsed
	evmDatanet := new(big.Int).SetBytes(d.event(receipt, "DatanetCreated").Topics[1].Bytes()).Uint64()
	receipt = d.send(contributor, "submitContribution", evmDatanet, sha256.Sum256(text), uint64(len(text)), "text/plain", text, "")
	evmContributeGas := receipt.GasUsed
	evmContribution := new(big.Int).SetBytes(d.event(receipt, "ContributionSubmitted").Topics[2].Bytes()).Uint64()
	decisions := []struct {
		ContributionId uint64 //nolint:revive // as the ABI names it
		Accept         bool
		Reason         string
	}{{ContributionId: evmContribution, Accept: true, Reason: "fits"}}
	receipt = d.send(owner, "reviewContributions", evmDatanet, decisions)
	evmReviewGas := receipt.GasUsed

	// The same records, field for field, but for ids, owners and heights.
	type record = map[string]any
	strip := func(r record, keys ...string) record {
		for _, k := range keys {
			delete(r, k)
		}
		return r
	}
	var cliD, evmD, cliC, evmC struct {
		Datanet      record `json:"datanet"`
		Contribution record `json:"contribution"`
	}
	queryJSON(t, &cliD, "query", "datanet", "datanet", cliDatanet)
	queryJSON(t, &evmD, "query", "datanet", "datanet", strconv.FormatUint(evmDatanet, 10))
	datanetKeys := []string{"id", "owner", "created_height", "updated_height"}
	require.Equal(t, strip(cliD.Datanet, datanetKeys...), strip(evmD.Datanet, datanetKeys...))
	queryJSON(t, &cliC, "query", "datanet", "contribution", cliContribution)
	queryJSON(t, &evmC, "query", "datanet", "contribution", strconv.FormatUint(evmContribution, 10))
	contributionKeys := []string{"id", "datanet_id", "contributor", "reviewer", "submitted_height", "resolved_height"}
	require.Equal(t, strip(cliC.Contribution, contributionKeys...), strip(evmC.Contribution, contributionKeys...))
	require.Equal(t, "CONTRIBUTION_STATUS_ACCEPTED", evmC.Contribution["status"])

	t.Logf("gas: create Datanet %s (CLI) / %d (EVM); contribute %d B inline %s / %d; review one %s / %d",
		created.GasUsed, evmCreateGas, len(text), contributed.GasUsed, evmContributeGas, reviewed.GasUsed, evmReviewGas)
}
