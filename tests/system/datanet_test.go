package system_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"
)

// datanetTexts are the contents the test contributes, by name.
var datanetTexts = map[string]string{
	"alpha": "Q: What is the usual adult dose of paracetamol? A: 500 mg to 1 g every four to six hours, at most 4 g a day.",
	"beta":  "Q: When should a fever in an infant be checked by a doctor? A: Any fever in a baby under three months.",
	"gamma": "Q: Is the moon made of cheese? A: No.",
}

// Datanet transactions pay a fixed fee so that balances can be checked to the aopen.
const (
	datanetTxGas = "600000"
	datanetTxFee = "600000000000000" // 600,000 gas x 1 gwei
)

// TestDatanetContributeReviewExport is the Datanet flow as users run it:
// an owner creates a Datanet, three accounts contribute files, the owner
// accepts a batch (one submission is a duplicate and is rejected by rule, one
// is rejected by the owner), the version root is queried, and `export` writes
// the accepted contributions verified against that root. Every balance moves
// exactly as the module parameters say.
func TestDatanetContributeReviewExport(t *testing.T) {
	owner, alice, bob, carol := "dev0", "dev1", "dev2", "dev3"
	addr := map[string]string{}
	before := map[string]math.Int{}
	for _, key := range []string{owner, alice, bob, carol} {
		addr[key] = localnet.address(t, key)
		before[key] = mustInt(t, localnet.balance(t, addr[key]))
	}
	supplyBefore := totalSupply(t)
	params := datanetParams(t)
	txFee := mustInt(t, datanetTxFee)

	datanetTx(t, owner, "create-datanet", "Clinical QA", "CC-BY-4.0", "public", "owner-reviews",
		"--summary", "Question and answer pairs written by clinicians", "--tags", "medical,qa")
	var datanets struct {
		Datanets []struct {
			ID string `json:"id"`
		} `json:"datanets"`
	}
	queryJSON(t, &datanets, "query", "datanet", "datanets", "--owner", addr[owner])
	require.NotEmpty(t, datanets.Datanets)
	datanetID := datanets.Datanets[len(datanets.Datanets)-1].ID

	files := t.TempDir()
	texts := datanetTexts
	contribute := func(key, name string) {
		path := filepath.Join(files, name+".txt")
		require.NoError(t, os.WriteFile(path, []byte(texts[name]), 0o600))
		datanetTx(t, key, "contribute-file", datanetID, path)
	}
	contribute(alice, "alpha")
	contribute(bob, "beta")
	contribute(carol, "gamma")
	contribute(carol, "alpha") // the same content as alice's, submitted later

	ids := contributionIDs(t, datanetID)
	alphaByAlice, beta := ids[addr[alice]+"/alpha"], ids[addr[bob]+"/beta"]
	gamma, alphaByCarol := ids[addr[carol]+"/gamma"], ids[addr[carol]+"/alpha"]
	require.NotEmpty(t, alphaByAlice)
	require.NotEmpty(t, alphaByCarol)

	datanetTx(t, owner, "review-contributions", datanetID,
		decision(alphaByAlice, true, "clear and sourced"),
		decision(beta, true, "clear"),
		decision(gamma, false, "off topic"),
		decision(alphaByCarol, true, "also fine"))

	status := contributionStatuses(t, datanetID)
	require.Equal(t, "CONTRIBUTION_STATUS_ACCEPTED", status[alphaByAlice].Status)
	require.Equal(t, "CONTRIBUTION_STATUS_ACCEPTED", status[beta].Status)
	require.Equal(t, "CONTRIBUTION_STATUS_REJECTED", status[gamma].Status)
	require.Equal(t, "CONTRIBUTION_STATUS_REJECTED", status[alphaByCarol].Status)
	require.Equal(t, "duplicate content", status[alphaByCarol].Reason)

	// Content already accepted cannot be submitted again: simulating the
	// transaction (--gas auto) reports it before anything is broadcast.
	path := filepath.Join(files, "again.txt")
	require.NoError(t, os.WriteFile(path, []byte(texts["alpha"]), 0o600))
	bobBeforeDuplicate := localnet.balance(t, addr[bob])
	_, err := localnet.tx(t, "datanet", "contribute-file", datanetID, path, "--from", bob,
		"--gas", "auto", "--gas-prices", gasPrice)
	require.ErrorContains(t, err, "content already accepted in this datanet")
	require.Equal(t, bobBeforeDuplicate, localnet.balance(t, addr[bob]))

	var version struct {
		Version struct {
			Version   string `json:"version"`
			Root      []byte `json:"root"`
			LeafCount string `json:"leaf_count"`
		} `json:"version"`
	}
	queryJSON(t, &version, "query", "datanet", "version", datanetID)
	require.Equal(t, "1", version.Version.Version)
	require.Equal(t, "2", version.Version.LeafCount)
	require.Len(t, version.Version.Root, 32)

	var proof struct {
		LeafIndex string   `json:"leaf_index"`
		Siblings  [][]byte `json:"siblings"`
	}
	queryJSON(t, &proof, "query", "datanet", "membership-proof", beta, "1")
	require.Equal(t, "1", proof.LeafIndex)
	require.Len(t, proof.Siblings, 32)

	exportDir := t.TempDir()
	out := localnet.cli(t, "query", "datanet", "export", datanetID, "1", "--out", exportDir)
	require.Contains(t, out, "verified")
	lines := readJSONL(t, filepath.Join(exportDir, "datanet-"+datanetID+"-v1.jsonl"))
	require.Len(t, lines, 2)
	for i, want := range []struct{ id, contributor, text string }{
		{alphaByAlice, addr[alice], texts["alpha"]},
		{beta, addr[bob], texts["beta"]},
	} {
		sum := sha256.Sum256([]byte(want.text))
		require.Equal(t, want.id, lines[i]["id"])
		require.Equal(t, want.contributor, lines[i]["contributor"])
		require.Equal(t, want.text, lines[i]["text"])
		require.Equal(t, hex.EncodeToString(sum[:]), lines[i]["sha256"])
		require.Equal(t, float64(1), lines[i]["version"])
	}

	// The attribution engine indexes the same version straight from the node
	// and attributes an output to the contribution it came from.
	indexDir := filepath.Join(t.TempDir(), "index")
	runPoa(t, "index", "--from-chain", "127.0.0.1:"+strconv.Itoa(localnet.grpcPort),
		"--datanet", datanetID, "--version", "1", "--out", indexDir, "--quiet")
	output := filepath.Join(t.TempDir(), "output.txt")
	require.NoError(t, os.WriteFile(output, []byte("For adults the usual dose is 500 mg to 1 g every four to six hours, at most 4 g a day."), 0o600))
	var attribution struct {
		Attributions []struct {
			ID string `json:"id"`
		} `json:"attributions"`
	}
	require.NoError(t, json.Unmarshal([]byte(runPoa(t, "attribute", "--index", indexDir, "--text-file", output, "--json")), &attribution))
	require.NotEmpty(t, attribution.Attributions)
	require.Equal(t, alphaByAlice, attribution.Attributions[0].ID)

	// Balances: the creation fee and per-byte fees are burned, deposits come
	// back on acceptance and on a duplicate, and the owner's rejection burns one.
	perByte := func(name string) math.Int { return params.FeePerByte.MulRaw(int64(len(texts[name]))) }
	require.Equal(t, before[owner].Sub(params.CreationFee).Sub(txFee.MulRaw(2)).String(), localnet.balance(t, addr[owner]))
	require.Equal(t, before[alice].Sub(perByte("alpha")).Sub(txFee).String(), localnet.balance(t, addr[alice]))
	require.Equal(t, before[bob].Sub(perByte("beta")).Sub(txFee).String(), localnet.balance(t, addr[bob]))
	require.Equal(t, before[carol].Sub(perByte("gamma")).Sub(perByte("alpha")).Sub(params.Deposit).Sub(txFee.MulRaw(2)).String(),
		localnet.balance(t, addr[carol]))
	burned := params.CreationFee.Add(perByte("alpha").MulRaw(2)).Add(perByte("beta")).Add(perByte("gamma")).Add(params.Deposit)
	require.Equal(t, supplyBefore.Sub(burned).String(), totalSupply(t).String())
}

func runPoa(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr strings.Builder
	cmd := exec.Command(poaBin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoErrorf(t, cmd.Run(), "poa %v: %s", args, stderr.String())
	return stdout.String()
}

func datanetTx(t *testing.T, from string, args ...string) {
	t.Helper()
	moduleTx(t, from, "datanet", args...)
}

func decision(id string, accept bool, reason string) string {
	bz, _ := json.Marshal(map[string]any{"contribution_id": id, "accept": accept, "reason": reason})
	return string(bz)
}

type datanetParamsView struct {
	CreationFee, FeePerByte, Deposit math.Int
}

func datanetParams(t *testing.T) datanetParamsView {
	t.Helper()
	type coin struct {
		Denom  string `json:"denom"`
		Amount string `json:"amount"`
	}
	var res struct {
		Params struct {
			CreationFee     coin   `json:"creation_fee"`
			FeePerByte      coin   `json:"fee_per_byte"`
			Deposit         coin   `json:"contribution_deposit"`
			FeeDestination  string `json:"fee_destination"`
			RejectedDeposit string `json:"rejected_deposit"`
		} `json:"params"`
	}
	queryJSON(t, &res, "query", "datanet", "params")
	// The balance checks above are written for the default destinations.
	require.Equal(t, "FEE_DESTINATION_BURN", res.Params.FeeDestination)
	require.Equal(t, "REJECTED_DEPOSIT_POLICY_BURN", res.Params.RejectedDeposit)
	return datanetParamsView{
		CreationFee: mustInt(t, res.Params.CreationFee.Amount),
		FeePerByte:  mustInt(t, res.Params.FeePerByte.Amount),
		Deposit:     mustInt(t, res.Params.Deposit.Amount),
	}
}

type contributionView struct {
	ID          string `json:"id"`
	Contributor string `json:"contributor"`
	ContentHash []byte `json:"content_hash"`
	Status      string `json:"status"`
	Reason      string `json:"reason"`
}

func contributions(t *testing.T, datanetID string) []contributionView {
	t.Helper()
	var res struct {
		Contributions []contributionView `json:"contributions"`
	}
	queryJSON(t, &res, "query", "datanet", "contributions", datanetID)
	return res.Contributions
}

// contributionIDs maps "contributor/name" to contribution ids, naming each
// content by the test text it hashes to.
func contributionIDs(t *testing.T, datanetID string) map[string]string {
	t.Helper()
	names := map[string]string{}
	for name, text := range datanetTexts {
		sum := sha256.Sum256([]byte(text))
		names[string(sum[:])] = name
	}
	ids := map[string]string{}
	for _, c := range contributions(t, datanetID) {
		ids[c.Contributor+"/"+names[string(c.ContentHash)]] = c.ID
	}
	return ids
}

func contributionStatuses(t *testing.T, datanetID string) map[string]contributionView {
	t.Helper()
	byID := map[string]contributionView{}
	for _, c := range contributions(t, datanetID) {
		byID[c.ID] = c
	}
	return byID
}

func queryJSON(t *testing.T, into any, args ...string) {
	t.Helper()
	localnet.queryJSON(t, into, args...)
}

// queryJSON runs a query on node n and decodes its JSON answer into into.
func (n *node) queryJSON(t *testing.T, into any, args ...string) {
	t.Helper()
	out := n.cli(t, append(args, "--output", "json")...)
	require.NoErrorf(t, json.Unmarshal([]byte(out), into), "decoding %q", out)
}

func totalSupply(t *testing.T) math.Int {
	t.Helper()
	supply, err := localnet.supplyOf("aopen")
	require.NoError(t, err)
	return mustInt(t, supply)
}

func readJSONL(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var lines []map[string]any
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		var line map[string]any
		require.NoError(t, json.Unmarshal(scanner.Bytes(), &line))
		lines = append(lines, line)
	}
	require.NoError(t, scanner.Err())
	return lines
}
