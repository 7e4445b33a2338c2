package system_test

import (
	"bufio"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/services/openlora"
	"github.com/openledger/openledger/services/openlora/demo"
	"github.com/openledger/openledger/testutil/jsclient"
	attributioncli "github.com/openledger/openledger/x/attribution/client/cli"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
)

// servingNode is a running `openlora serve`; base is its API's URL
// (http://127.0.0.1:PORT/v1).
type servingNode struct {
	*daemon
	base string
}

// startServingNode starts openlora on the chain with the given home and
// waits until it listens.
func startServingNode(t *testing.T, home string, args ...string) *servingNode {
	t.Helper()
	return startOpenlora(t, home, append([]string{
		"--chain-grpc", "127.0.0.1:" + strconv.Itoa(localnet.grpcPort), "--chain-id", chainID,
		"--evm-chain-id", strconv.FormatUint(config.DefaultEVMChainID, 10), "--chain-cache", "500ms",
	}, args...)...)
}

// startOpenlora starts `openlora serve` with the given home and flags and
// waits until it listens.
func startOpenlora(t *testing.T, home string, args ...string) *servingNode {
	t.Helper()
	d := startDaemon(t, openloraBin, "openlora", home, append([]string{"serve", "--home", home, "--listen", "127.0.0.1:0"}, args...)...)
	return &servingNode{daemon: d, base: d.url}
}

func (n *servingNode) get(t *testing.T, path string, into any) int {
	t.Helper()
	res, err := http.Get(strings.TrimSuffix(n.base, "/v1") + path)
	require.NoError(t, err)
	defer res.Body.Close()
	if into != nil {
		require.NoError(t, json.NewDecoder(res.Body).Decode(into))
	}
	return res.StatusCode
}

// settledBatches is the node's batches once none is pending: the chain
// shows a settlement a moment before the node has confirmed it by its
// transaction hash and recorded it.
func (n *servingNode) settledBatches(t *testing.T) []openlora.Batch {
	t.Helper()
	var batches struct {
		Batches []openlora.Batch `json:"batches"`
	}
	waitFor(t, 60*time.Second, "the node to record its batches' outcome", func() bool {
		batches.Batches = nil
		n.get(t, "/v1/batches", &batches)
		for _, b := range batches.Batches {
			if b.Status == openlora.BatchPending {
				return false
			}
		}
		return true
	})
	return batches.Batches
}

// TestServingNodeLoop is the paid-inference loop through the serving node,
// as its users run it: contributions accepted into a Datanet version; the
// demo base model and an adapter fine-tuned on that version registered;
// the node staked; a user deposits credit and chats through npm's openai
// client, streaming and not, paying with vouchers signed by ethers.js;
// the answers come from the Datanet and their receipts credit it; the node
// settles by itself; the fee is split exactly; contributors claim after
// the window; a receipt's Merkle proof verifies against the on-chain
// record; bad vouchers and models get OpenAI-style errors; and a restarted
// node keeps every receipt and the channel's account.
func TestServingNodeLoop(t *testing.T) {
	curator, modelOwner := "dev0", "dev4"
	contributors := []string{"dev1", "dev2", "dev3"}
	addr := func(key string) string { return localnet.address(t, key) }
	models := t.TempDir()
	require.NoError(t, demo.Write(models, nil))
	baseDir, adapterDir := filepath.Join(models, demo.BaseDir), filepath.Join(models, demo.AdapterDir)

	// A Datanet version of the demo contributions, one per contributor.
	datanetTx(t, curator, "create-datanet", "Serving runbooks", "CC-BY-4.0", "public", "owner-reviews")
	var datanets struct {
		Datanets []struct {
			ID string `json:"id"`
		} `json:"datanets"`
	}
	queryJSON(t, &datanets, "query", "datanet", "datanets", "--owner", addr(curator))
	datanetID := datanets.Datanets[len(datanets.Datanets)-1].ID
	for i, who := range contributors {
		file := filepath.Join(t.TempDir(), "runbook.txt")
		require.NoError(t, os.WriteFile(file, []byte(demo.Entries[i].Contribution), 0o600))
		datanetTx(t, who, "contribute-file", datanetID, file)
	}
	contributionOf := map[string]uint64{}
	var decisions []string
	for _, c := range contributions(t, datanetID) {
		for _, who := range contributors {
			if c.Contributor == addr(who) {
				contributionOf[who] = mustUint(t, c.ID)
			}
		}
		decisions = append(decisions, decision(c.ID, true, "accurate"))
	}
	datanetTx(t, curator, append([]string{"review-contributions", datanetID}, decisions...)...)

	// The demo base model and its adapter, priced per call and per 1k tokens.
	modelTx(t, modelOwner, "register", "demo-base", "--kind", "base", "--artifact", filepath.Join(baseDir, "model.safetensors"),
		"--uri", "file://"+filepath.Join(baseDir, "model.safetensors"), "--architecture", "llama", "--license", "apache-2.0")
	baseID := newestModel(t, addr(modelOwner))
	perCall, per1K := math.NewInt(1_000_000_000_000_000), math.NewInt(20_000_000_000_000_000) // 0.001 and 0.02 OPEN
	modelTx(t, modelOwner, "register", "runbooks-lora", "--peft-dir", adapterDir, "--base-model", baseID,
		"--dataset", datanetID+":1", "--uri", "file://"+filepath.Join(adapterDir, "adapter_model.safetensors"),
		"--license", "apache-2.0", "--price-per-call", perCall.String(), "--price-per-1k-tokens", per1K.String())
	adapterID := newestModel(t, addr(modelOwner))

	// The node stakes for the adapter; a user deposits credit.
	node, user := newFundedKey(t, "ol-node", 30_000), newFundedKey(t, "ol-user", 100)
	stake := agentstakeParams(t).MinStakeServingNode.Add(openAmount(1_000))
	moduleTx(t, node, "agentstake", "register-agent", "serving-node", stake.String(), "--model-ids", adapterID,
		"--endpoint", "http://127.0.0.1/v1")
	moduleTx(t, user, "inferencefees", "deposit-credit", openAmount(5).String()+"aopen")
	home := t.TempDir()
	keyFile := filepath.Join(home, "node.key")
	require.NoError(t, os.WriteFile(keyFile, []byte(localnet.cli(t, "keys", "unsafe-export-eth-key", node, "--keyring-backend", "test")), 0o600))
	userKey := strings.TrimSpace(localnet.cli(t, "keys", "unsafe-export-eth-key", user, "--keyring-backend", "test"))

	serving := startServingNode(t, home, "--base-model", baseDir, "--base-model-id", baseID, "--key-file", keyFile,
		// One settlement, once the fourth paid answer is receipted: its
		// voucher pays for the first three.
		"--settle-interval", "1h", "--settle-receipts", "4", "--prefetch", adapterID)
	expiry := uint64(time.Now().Add(time.Hour).Unix())
	voucher := func(nonce uint64, amount string) *jsclient.Voucher {
		return &jsclient.Voucher{
			PrivateKey: userKey, ServingNode: hexAddress(t, addr(node)).Hex(), ChainID: config.DefaultEVMChainID,
			VerifyingContract: hexAddress(t, moduleAddress(t, "inferencefees")).Hex(), Nonce: nonce, Expiry: expiry, Amount: amount,
		}
	}
	ask := func(q int, stream bool, v *jsclient.Voucher) jsclient.Step {
		return jsclient.Step{Op: "chat", BaseURL: serving.base, Model: adapterID, Voucher: v, Params: map[string]any{
			"messages": []map[string]string{{"role": "user", "content": demo.Entries[q].Question}}, "temperature": 0, "max_tokens": 80,
			"stream": stream, "stream_options": map[string]bool{"include_usage": stream},
		}}
	}
	// Balances before the node can settle anything.
	ownerBefore, nodeBefore := mustInt(t, localnet.balance(t, addr(modelOwner))), mustInt(t, localnet.balance(t, addr(node)))
	supply, protocolBefore := totalSupply(t), inferenceTotals(t).ToProtocol
	expired, foreign := voucher(4, "due"), voucher(4, "due")
	expired.Expiry = uint64(time.Now().Add(-time.Minute).Unix())
	foreign.ChainID = 1
	results := jsclient.Run(t, []jsclient.Step{
		ask(0, false, voucher(1, "due")),
		ask(1, true, voucher(2, "due")),
		ask(2, false, voucher(3, "due")),
		ask(0, false, voucher(1, "0")), // replayed
		ask(0, false, expired),         // expired
		ask(0, false, foreign),         // another chain's domain
		ask(0, false, voucher(4, "1")), // underpays
		ask(0, false, nil),             // no voucher
		{Op: "chat", BaseURL: serving.base, Model: "999999", // unknown model
			Voucher: voucher(4, "due"), Params: map[string]any{"messages": []map[string]string{{"role": "user", "content": "hi"}}}},
		{Op: "chat", BaseURL: serving.base, Model: baseID, // staked for the adapter only
			Voucher: voucher(4, "due"), Params: map[string]any{"messages": []map[string]string{{"role": "user", "content": "hi"}}}},
		ask(1, false, voucher(4, "due")), // pays for the first three
	})
	receipts := make([]openlora.SignedReceipt, 0, 4)
	fees := math.ZeroInt()
	for i, r := range []jsclient.Result{results[0], results[1], results[2], results[10]} {
		require.Nil(t, r.Error, "answer %d: %+v", i, r.Error)
		var signed openlora.SignedReceipt
		require.NoError(t, json.Unmarshal(r.Receipt, &signed))
		require.NoError(t, signed.Verify())
		require.Equal(t, hexAddress(t, addr(node)).Hex(), signed.Signer)
		rc := signed.Receipt
		require.Equal(t, addr(user), rc.User)
		require.Equal(t, mustUint(t, adapterID), rc.ModelID)
		want := perCall.Add(per1K.MulRaw(int64(rc.PromptTokens + rc.CompletionTokens)).AddRaw(999).QuoRaw(1000))
		require.Equal(t, want.String(), rc.Fee, "answer %d is priced by the chain's price", i)
		if i < 3 {
			fees = fees.Add(rc.FeeInt())
		}
		receipts = append(receipts, signed)
	}
	// The adapter answers from the Datanet, and the receipts credit the
	// contribution each answer came from.
	for i, q := range []int{0, 1, 2, 1} {
		res := []jsclient.Result{results[0], results[1], results[2], results[10]}[i]
		require.Equal(t, demo.Entries[q].Contribution, res.Text)
		rc := receipts[i].Receipt
		require.NotEmpty(t, rc.Weights, "answer %d is attributed", i)
		require.Equal(t, contributionOf[contributors[q]], rc.Weights[0].ContributionID)
		require.Equal(t, []openlora.ReceiptDataset{{DatanetID: mustUint(t, datanetID), Version: 1, Root: rc.Datasets[0].Root}}, rc.Datasets)
	}
	require.Greater(t, results[1].Chunks, 3, "the second answer was streamed")
	require.Equal(t, fees.String(), receipts[2].Receipt.CumulativeDue)
	for i, code := range map[int]string{3: "voucher_replayed", 4: "voucher_expired", 5: "voucher_signature_invalid", 6: "voucher_insufficient", 7: "voucher_required"} {
		require.NotNil(t, results[i].Error, "step %d", i)
		require.Equal(t, 402, results[i].Error.Status, "step %d", i)
		require.Equal(t, code, results[i].Error.Code, "step %d: %s", i, results[i].Error.Message)
	}
	require.Equal(t, fees.String(), results[6].Error.AmountDue, "the refusal says what is due")
	require.Equal(t, 404, results[8].Error.Status)
	require.Equal(t, "model_not_found", results[8].Error.Code)
	require.Equal(t, "model_not_served", results[9].Error.Code)

	// The node settles by itself: the voucher of nonce 4 pays for the
	// first three answers.
	split := inferenceSplit(t)
	var channel struct {
		Channel struct {
			SettledAmount string `json:"settled_amount"`
			LastNonce     string `json:"last_nonce"`
		} `json:"channel"`
	}
	waitFor(t, 60*time.Second, "the node to settle", func() bool {
		out, err := localnetQuery("inferencefees", "channel", addr(user), addr(node))
		return err == nil && json.Unmarshal([]byte(out), &channel) == nil && channel.Channel.SettledAmount == fees.String()
	})
	require.Equal(t, "4", channel.Channel.LastNonce)
	record := newestRecord(t, adapterID)
	share := func(bps int64) math.Int { return fees.MulRaw(bps).QuoRaw(10_000) }
	require.Equal(t, share(split.Data).String(), record.DataReward.Amount)
	burned := fees.Sub(share(split.ModelOwner)).Sub(share(split.ServingNode)).Sub(share(split.Protocol)).Sub(share(split.Data))
	require.Equal(t, supply.Sub(burned).String(), totalSupply(t).String(), "the burn share leaves the supply")
	require.Equal(t, ownerBefore.Add(share(split.ModelOwner)).String(), localnet.balance(t, addr(modelOwner)))
	require.Equal(t, protocolBefore.Add(share(split.Protocol)).String(), inferenceTotals(t).ToProtocol.String())
	var settledBatches struct {
		Batches []openlora.Batch `json:"batches"`
	}
	serving.get(t, "/v1/batches", &settledBatches)
	require.Len(t, settledBatches.Batches, 1)
	require.Equal(t, nodeBefore.Add(share(split.ServingNode)).Sub(txFee(t, settledBatches.Batches[0].TxHash)).String(),
		localnet.balance(t, addr(node)), "the node earns its share and pays the settlement's gas")

	// A receipt's Merkle proof verifies against the on-chain record.
	var proofAnswer openlora.ReceiptAnswer
	require.Equal(t, 200, serving.get(t, "/v1/receipts/"+receipts[0].Receipt.ID, &proofAnswer))
	require.Equal(t, "settled", proofAnswer.Status)
	var rec struct {
		Record struct {
			ReceiptsRoot string `json:"receipts_root"`
		} `json:"record"`
	}
	queryJSON(t, &rec, "query", "attribution", "record", record.ID)
	root, err := base64.StdEncoding.DecodeString(rec.Record.ReceiptsRoot)
	require.NoError(t, err)
	require.Equal(t, hex.EncodeToString(root), proofAnswer.Batch.Root)
	proof := make([][]byte, len(proofAnswer.Batch.Proof))
	for i, p := range proofAnswer.Batch.Proof {
		proof[i], err = hex.DecodeString(p)
		require.NoError(t, err)
	}
	onChain, err := proofAnswer.Receipt.Receipt.OnChain()
	require.NoError(t, err)
	require.NoError(t, attributiontypes.VerifyReceipt(root, proofAnswer.Batch.LeafCount, onChain, proofAnswer.Batch.LeafIndex, proof))
	require.Equal(t, uint64(3), proofAnswer.Batch.LeafCount)

	// A watcher recomputes every published receipt's weights from the
	// published answers with the PoA engine over the chain's Datanet.
	var published openlora.BatchAnswer
	require.Equal(t, 200, serving.get(t, "/v1/batches/"+proofAnswer.Batch.Root+"/receipts?answers=true", &published))
	indexDir := filepath.Join(t.TempDir(), "index")
	runPoa(t, "index", "--from-chain", "127.0.0.1:"+strconv.Itoa(localnet.grpcPort), "--datanet", datanetID, "--version", "1", "--out", indexDir, "--quiet")
	for _, a := range published.Answers {
		got := poaWeights(t, indexDir, a.Output)
		require.Len(t, got, len(a.Receipt.Receipt.Weights))
		for i, w := range got {
			require.Equal(t, a.Receipt.Receipt.Weights[i], openlora.ReceiptWeight{ContributionID: w.ContributionId, Ppm: w.Ppm})
		}
	}

	// After the window each contributor claims exactly its weight's share
	// of the data reward, less the Datanet owner's curator share.
	waitFor(t, 90*time.Second, "the challenge window to end", func() bool { return recordStatus(t, record.ID) == "RECORD_STATUS_FINAL" })
	var weighted struct {
		Record struct {
			Weights []struct {
				ContributionID string `json:"contribution_id"`
				Ppm            int64  `json:"ppm"`
			} `json:"weights"`
		} `json:"record"`
	}
	queryJSON(t, &weighted, "query", "attribution", "record", record.ID)
	require.Len(t, weighted.Record.Weights, 3, "the batch credits all three contributions")
	curatorBps := attributionParams(t).DatanetOwnerBps
	dataShare := share(split.Data)
	for _, who := range contributors {
		var ppm int64
		for _, w := range weighted.Record.Weights {
			if mustUint(t, w.ContributionID) == contributionOf[who] {
				ppm = w.Ppm
			}
		}
		require.Positive(t, ppm, "%s is credited", who)
		weightShare := dataShare.MulRaw(ppm).QuoRaw(attributiontypes.PPMTotal)
		before := mustInt(t, localnet.balance(t, addr(who)))
		moduleTx(t, who, "attribution", "claim-rewards")
		require.Equal(t, before.Add(weightShare.Sub(weightShare.MulRaw(curatorBps).QuoRaw(10_000))).Sub(mustInt(t, datanetTxFee)).String(),
			localnet.balance(t, addr(who)), "%s earns its weight of %d ppm", who, ppm)
	}

	// A restarted node keeps its receipts and the channel's account: the
	// fourth answer is still owed, and the next voucher must pay for it.
	serving.stop(t)
	serving = startServingNode(t, home, "--base-model", baseDir, "--base-model-id", baseID, "--key-file", keyFile, "--settle-interval", "2s")
	var fourth openlora.ReceiptAnswer
	require.Equal(t, 200, serving.get(t, "/v1/receipts/"+receipts[3].Receipt.ID, &fourth))
	require.Equal(t, receipts[3].Signature, fourth.Receipt.Signature)
	owed := receipts[3].Receipt.CumulativeDue
	byName := ask(2, false, voucher(5, owed))
	byName.Model = "runbooks-lora" // the on-chain name works as the model too
	results = jsclient.Run(t, []jsclient.Step{ask(2, false, voucher(5, fees.String())), byName})
	require.Equal(t, "voucher_insufficient", results[0].Error.Code)
	require.Equal(t, owed, results[0].Error.AmountDue)
	require.Nil(t, results[1].Error)
	waitFor(t, 60*time.Second, "the node to settle the fourth answer", func() bool {
		out, err := localnetQuery("inferencefees", "channel", addr(user), addr(node))
		return err == nil && json.Unmarshal([]byte(out), &channel) == nil && channel.Channel.SettledAmount == owed
	})
	var batches struct {
		Batches []openlora.Batch `json:"batches"`
	}
	batches.Batches = serving.settledBatches(t)
	for _, b := range batches.Batches {
		require.Equal(t, openlora.BatchSettled, b.Status, "batch %s: %s", b.Root, b.Error)
	}
	require.Len(t, batches.Batches, 2, "one batch per voucher: nothing settled twice")

	// A node killed (SIGKILL) right after answering loses nothing: the
	// receipt was written before the answer was sent, and the restarted
	// node settles it once.
	owed = results[1].ReceiptDue(t)
	results = jsclient.Run(t, []jsclient.Step{ask(0, false, voucher(6, owed)), ask(1, false, voucher(7, "due"))})
	require.Nil(t, results[0].Error)
	require.Nil(t, results[1].Error)
	require.NoError(t, serving.cmd.Process.Kill())
	<-serving.done
	owedAtKill := results[1].ReceiptDue(t)
	serving = startServingNode(t, home, "--base-model", baseDir, "--base-model-id", baseID, "--key-file", keyFile, "--settle-interval", "2s")
	waitFor(t, 60*time.Second, "the restarted node to settle", func() bool {
		out, err := localnetQuery("inferencefees", "channel", addr(user), addr(node))
		return err == nil && json.Unmarshal([]byte(out), &channel) == nil && channel.Channel.SettledAmount == results[0].ReceiptDue(t)
	})
	results = jsclient.Run(t, []jsclient.Step{ask(2, false, voucher(8, owedAtKill))})
	require.Nil(t, results[0].Error, "the restarted node knows what the channel owes")
	waitFor(t, 60*time.Second, "the node to settle what the eighth voucher pays", func() bool {
		out, err := localnetQuery("inferencefees", "channel", addr(user), addr(node))
		return err == nil && json.Unmarshal([]byte(out), &channel) == nil && channel.Channel.SettledAmount == owedAtKill
	})
	batches.Batches = serving.settledBatches(t)
	settledNonces := map[uint64]bool{}
	for _, b := range batches.Batches {
		require.Equal(t, openlora.BatchSettled, b.Status, "batch %s: %s", b.Root, b.Error)
		for _, v := range b.Vouchers {
			require.False(t, settledNonces[v.Nonce], "voucher %d is settled once", v.Nonce)
			settledNonces[v.Nonce] = true
		}
	}
	require.True(t, settledNonces[7], "the voucher given just before the kill is settled")
	scanLog(t, filepath.Join(home, "openlora.log"))

	// An operator who tampers with a settlement is caught: with the node's
	// key, it settles the last answer (dev3's runbook) in a batch of its
	// own whose receipt credits dev1 instead. A watcher recomputes the
	// answer the node gave with the PoA engine over the chain's Datanet,
	// challenges the receipt, the attestors uphold, the node is slashed.
	last := results[0]
	var lastReceipt openlora.SignedReceipt
	require.NoError(t, json.Unmarshal(last.Receipt, &lastReceipt))
	serving.stop(t)
	// The attestor bonds three times the attestor stake already active, so
	// its vote alone is above the two-thirds quorum.
	attestorStake := openAmount(60_000).Add(activeAttestorStake(t).MulRaw(3))
	attestor := newFundedKey(t, "ol-attestor", 1_000+attestorStake.Quo(openAmount(1)).Int64())
	watcher := newFundedKey(t, "ol-watcher", 1_000)
	moduleTx(t, attestor, "agentstake", "register-agent", "attestor", attestorStake.String())
	forged, err := lastReceipt.Receipt.OnChain()
	require.NoError(t, err)
	forged.Weights = []attributiontypes.ContributionWeight{{ContributionId: contributionOf["dev1"], Ppm: 900_000}}
	batch := batchFile(t, []attributiontypes.Receipt{forged}, adapterID, forged.Weights,
		forged.PromptTokens+forged.CompletionTokens, []voucherArgs{{user, node, mustInt(t, lastReceipt.Receipt.CumulativeDue), 9}})
	moduleTx(t, node, "inferencefees", "settle-batch", batch)
	forgedRecord := newestRecord(t, adapterID)
	receiptsFile := filepath.Join(t.TempDir(), "receipts.json")
	f, err := os.Create(receiptsFile)
	require.NoError(t, err)
	require.NoError(t, attributioncli.WriteReceipts(f, []attributiontypes.Receipt{forged}))
	require.NoError(t, f.Close())
	answer := filepath.Join(t.TempDir(), "answer.txt")
	require.NoError(t, os.WriteFile(answer, []byte(last.Text), 0o600))
	recomputed := filepath.Join(t.TempDir(), "recomputed.json")
	require.NoError(t, os.WriteFile(recomputed, []byte(runPoa(t, "attribute", "--index", indexDir, "--text-file", answer, "--json")), 0o600))
	bonded := mustInt(t, agentOf(t, addr(node)).Bonded)
	moduleTx(t, watcher, "attribution", "challenge-receipt", forgedRecord.ID, receiptsFile, "0", recomputed)
	moduleTx(t, attestor, "attribution", "vote", newestChallenge(t, forgedRecord.ID), "true")
	require.Equal(t, "RECORD_STATUS_OVERTURNED", recordStatus(t, forgedRecord.ID))
	slashed := bonded.MulRaw(int64(agentstakeParams(t).SlashBpsAttributionFraud)).QuoRaw(10_000)
	require.Equal(t, bonded.Sub(slashed).String(), agentOf(t, addr(node)).Bonded)
	require.Equal(t, "AGENT_STATUS_JAILED", agentOf(t, addr(node)).Status)
}

// TestServingNodeRefusesWhatTheChainDoesNot: models the chain does not let
// this node serve, artifacts that do not match the chain, and credit that
// cannot pay, each refused with an OpenAI-style error.
func TestServingNodeRefusesWhatTheChainDoesNot(t *testing.T) {
	owner := "dev4"
	addr := func(key string) string { return localnet.address(t, key) }
	models := t.TempDir()
	require.NoError(t, demo.Write(models, nil))
	baseDir, adapterDir := filepath.Join(models, demo.BaseDir), filepath.Join(models, demo.AdapterDir)
	register := func(args ...string) string {
		modelTx(t, owner, append([]string{"register"}, append(args, "--license", "apache-2.0")...)...)
		return newestModel(t, addr(owner))
	}
	baseID := register("refusal-base", "--kind", "base", "--artifact", filepath.Join(baseDir, "model.safetensors"),
		"--uri", "file://"+filepath.Join(baseDir, "model.safetensors"), "--architecture", "llama")
	otherWeights := filepath.Join(t.TempDir(), "model.safetensors")
	require.NoError(t, os.WriteFile(otherWeights, []byte("another base model"), 0o600))
	otherBaseID := register("other-base", "--kind", "base", "--artifact", otherWeights, "--uri", "file://"+otherWeights, "--architecture", "llama")
	expensive := register("expensive-lora", "--peft-dir", adapterDir, "--base-model", baseID,
		"--uri", "file://"+filepath.Join(adapterDir, "adapter_model.safetensors"), "--price-per-call", openAmount(5).String())
	// The same registration, but the URI serves other bytes of the same size.
	tampered := filepath.Join(t.TempDir(), "adapter")
	require.NoError(t, os.MkdirAll(tampered, 0o700))
	weights, err := os.ReadFile(filepath.Join(adapterDir, "adapter_model.safetensors"))
	require.NoError(t, err)
	weights[len(weights)-1] ^= 0xff
	require.NoError(t, os.WriteFile(filepath.Join(tampered, "adapter_model.safetensors"), weights, 0o600))
	adapterConfig, err := os.ReadFile(filepath.Join(adapterDir, "adapter_config.json"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(tampered, "adapter_config.json"), adapterConfig, 0o600))
	tamperedID := register("tampered-lora", "--peft-dir", adapterDir, "--base-model", baseID,
		"--uri", "file://"+filepath.Join(tampered, "adapter_model.safetensors"))
	foreignID := register("foreign-lora", "--peft-dir", adapterDir, "--base-model", otherBaseID,
		"--uri", "file://"+filepath.Join(adapterDir, "adapter_model.safetensors"))
	freeID := register("free-lora", "--peft-dir", adapterDir, "--base-model", baseID,
		"--uri", "file://"+filepath.Join(adapterDir, "adapter_model.safetensors"))

	node, user := newFundedKey(t, "ol-refusal-node", 30_000), newFundedKey(t, "ol-refusal-user", 10)
	moduleTx(t, node, "agentstake", "register-agent", "serving-node", agentstakeParams(t).MinStakeServingNode.String(),
		"--model-ids", strings.Join([]string{expensive, tamperedID, foreignID, freeID}, ","), "--endpoint", "http://127.0.0.1/v1")
	moduleTx(t, user, "inferencefees", "deposit-credit", openAmount(1).String()+"aopen")
	home := t.TempDir()
	keyFile := filepath.Join(home, "node.key")
	require.NoError(t, os.WriteFile(keyFile, []byte(localnet.cli(t, "keys", "unsafe-export-eth-key", node, "--keyring-backend", "test")), 0o600))
	userKey := strings.TrimSpace(localnet.cli(t, "keys", "unsafe-export-eth-key", user, "--keyring-backend", "test"))
	serving := startServingNode(t, home, "--base-model", baseDir, "--base-model-id", baseID, "--key-file", keyFile)

	voucher := &jsclient.Voucher{
		PrivateKey: userKey, ServingNode: hexAddress(t, addr(node)).Hex(), ChainID: config.DefaultEVMChainID,
		VerifyingContract: hexAddress(t, moduleAddress(t, "inferencefees")).Hex(), Nonce: 1,
		Expiry: uint64(time.Now().Add(time.Hour).Unix()), Amount: "0",
	}
	ask := func(model string) jsclient.Step {
		return jsclient.Step{
			Op: "chat", BaseURL: serving.base, Model: model, Voucher: voucher,
			Params: map[string]any{"messages": []map[string]string{{"role": "user", "content": demo.Entries[0].Question}}, "max_tokens": 8},
		}
	}
	results := jsclient.Run(t, []jsclient.Step{ask(expensive), ask(tamperedID), ask(foreignID), ask(freeID)})
	for i, want := range []struct {
		status int
		code   string
	}{{402, "insufficient_credit"}, {503, "model_artifact_invalid"}, {400, "model_wrong_base"}} {
		require.NotNil(t, results[i].Error, "step %d", i)
		require.Equal(t, want.status, results[i].Error.Status, "step %d: %s", i, results[i].Error.Message)
		require.Equal(t, want.code, results[i].Error.Code, "step %d: %s", i, results[i].Error.Message)
	}
	require.Contains(t, results[1].Error.Message, "the chain records")
	require.Nil(t, results[3].Error, "a model priced at zero is served")

	// A model deprecated on chain stops being served.
	modelTx(t, owner, "deprecate-model", freeID)
	time.Sleep(time.Second) // the node's chain cache (500 ms) expires
	results = jsclient.Run(t, []jsclient.Step{ask(freeID)})
	require.NotNil(t, results[0].Error)
	require.Equal(t, "model_not_active", results[0].Error.Code, results[0].Error.Message)
}

// scanLog fails on error lines in the serving node's log.
func scanLog(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "level=ERROR") {
			t.Errorf("serving node: %s", sc.Text())
		}
	}
}

// txFee is the fee a committed transaction paid, in aopen.
func txFee(t *testing.T, hash string) math.Int {
	t.Helper()
	var res struct {
		Tx struct {
			AuthInfo struct {
				Fee struct {
					Amount []coinView `json:"amount"`
				} `json:"fee"`
			} `json:"auth_info"`
		} `json:"tx"`
	}
	queryJSON(t, &res, "query", "tx", hash)
	require.Len(t, res.Tx.AuthInfo.Fee.Amount, 1)
	return mustInt(t, res.Tx.AuthInfo.Fee.Amount[0].Amount)
}

// TestServingNodeWithUpstream: a paid node that forwards generation to a
// second openlora process (embedded engine, adapters loaded at run time as
// vLLM loads them) answers as that process does, and still receipts and
// settles.
func TestServingNodeWithUpstream(t *testing.T) {
	d := stakedDemoNode(t, "upstream")
	baseDir, baseID, adapterID, home, keyFile := d.baseDir, d.baseID, d.adapterID, d.home, d.keyFile
	addr := func(key string) string { return localnet.address(t, key) }
	node, user, userKey := d.node, d.user, d.userKey
	upstream := startOpenlora(t, t.TempDir(), "--base-model", baseDir, "--enable-adapter-loading")
	serving := startServingNode(t, home, "--base-model", baseDir, "--base-model-id", baseID, "--key-file", keyFile,
		"--settle-interval", "2s", "--upstream", upstream.base)
	voucher := func(nonce uint64) *jsclient.Voucher {
		return &jsclient.Voucher{
			PrivateKey: userKey, ServingNode: hexAddress(t, addr(node)).Hex(), ChainID: config.DefaultEVMChainID,
			VerifyingContract: hexAddress(t, moduleAddress(t, "inferencefees")).Hex(), Nonce: nonce,
			Expiry: uint64(time.Now().Add(time.Hour).Unix()), Amount: "due",
		}
	}
	ask := func(nonce uint64, stream bool) jsclient.Step {
		return jsclient.Step{Op: "chat", BaseURL: serving.base, Model: adapterID, Voucher: voucher(nonce), Params: map[string]any{
			"messages": []map[string]string{{"role": "user", "content": demo.Entries[2].Question}}, "temperature": 0, "max_tokens": 80, "stream": stream,
		}}
	}
	results := jsclient.Run(t, []jsclient.Step{ask(1, false), ask(2, true), ask(3, false)})
	for i, r := range results {
		require.Nil(t, r.Error, "answer %d", i)
		require.Equal(t, demo.Entries[2].Contribution, r.Text, "answer %d comes from the upstream's adapter", i)
	}
	owed := results[1].ReceiptDue(t)
	var channel struct {
		Channel struct {
			SettledAmount string `json:"settled_amount"`
		} `json:"channel"`
	}
	waitFor(t, 60*time.Second, "the node to settle", func() bool {
		out, err := localnetQuery("inferencefees", "channel", addr(user), addr(node))
		return err == nil && json.Unmarshal([]byte(out), &channel) == nil && channel.Channel.SettledAmount == owed
	})
	scanLog(t, filepath.Join(home, "openlora.log"))
}

// demoNode is a staked serving node of the demo adapter, with a user who
// has credit.
type demoNode struct {
	baseDir, baseID, adapterID string
	node, user, userKey        string
	home, keyFile              string
}

// stakedDemoNode registers the demo base model and adapter (no Datanet,
// 0.01 OPEN a call), stakes a new node key for the adapter and gives a new
// user 1 OPEN of credit.
func stakedDemoNode(t *testing.T, name string) demoNode {
	t.Helper()
	owner := "dev4"
	addr := func(key string) string { return localnet.address(t, key) }
	models := t.TempDir()
	require.NoError(t, demo.Write(models, nil))
	d := demoNode{baseDir: filepath.Join(models, demo.BaseDir), home: t.TempDir()}
	adapterDir := filepath.Join(models, demo.AdapterDir)
	modelTx(t, owner, "register", name+"-base", "--kind", "base", "--artifact", filepath.Join(d.baseDir, "model.safetensors"),
		"--uri", "file://"+filepath.Join(d.baseDir, "model.safetensors"), "--architecture", "llama", "--license", "apache-2.0")
	d.baseID = newestModel(t, addr(owner))
	modelTx(t, owner, "register", name+"-lora", "--peft-dir", adapterDir, "--base-model", d.baseID, "--license", "apache-2.0",
		"--uri", "file://"+filepath.Join(adapterDir, "adapter_model.safetensors"), "--price-per-call", openAmount(1).QuoRaw(100).String())
	d.adapterID = newestModel(t, addr(owner))
	d.node, d.user = newFundedKey(t, "ol-"+name+"-node", 30_000), newFundedKey(t, "ol-"+name+"-user", 10)
	moduleTx(t, d.node, "agentstake", "register-agent", "serving-node", agentstakeParams(t).MinStakeServingNode.String(),
		"--model-ids", d.adapterID, "--endpoint", "http://127.0.0.1/v1")
	moduleTx(t, d.user, "inferencefees", "deposit-credit", openAmount(1).String()+"aopen")
	d.keyFile = filepath.Join(d.home, "node.key")
	require.NoError(t, os.WriteFile(d.keyFile, []byte(localnet.cli(t, "keys", "unsafe-export-eth-key", d.node, "--keyring-backend", "test")), 0o600))
	d.userKey = strings.TrimSpace(localnet.cli(t, "keys", "unsafe-export-eth-key", d.user, "--keyring-backend", "test"))
	return d
}

// TestServingNodeSurvivesKills kills the node with SIGKILL at arbitrary
// moments while it answers and settles (its settlement runs every second,
// so some kills land during a batch's signing, broadcast or confirmation),
// restarts it each time, and checks what must hold whatever the moment:
// every receipt survives, the channel's amount due carries over, no
// voucher is settled twice and the chain ends settled at exactly what the
// receipts cost.
func TestServingNodeSurvivesKills(t *testing.T) {
	d := stakedDemoNode(t, "kills")
	addr := func(key string) string { return localnet.address(t, key) }
	start := func() *servingNode {
		return startServingNode(t, d.home, "--base-model", d.baseDir, "--base-model-id", d.baseID, "--key-file", d.keyFile, "--settle-interval", "1s")
	}
	voucher := func(nonce uint64, amount string) *jsclient.Voucher {
		return &jsclient.Voucher{
			PrivateKey: d.userKey, ServingNode: hexAddress(t, addr(d.node)).Hex(), ChainID: config.DefaultEVMChainID,
			VerifyingContract: hexAddress(t, moduleAddress(t, "inferencefees")).Hex(), Nonce: nonce,
			Expiry: uint64(time.Now().Add(time.Hour).Unix()), Amount: amount,
		}
	}
	var ids []string
	owed := "0"
	nonce := uint64(0)
	for round := range 6 {
		serving := start()
		var steps []jsclient.Step
		for range 2 {
			nonce++
			amount := "due"
			if len(steps) == 0 {
				amount = owed
			}
			steps = append(steps, jsclient.Step{
				Op: "chat", BaseURL: serving.base, Model: d.adapterID, Voucher: voucher(nonce, amount),
				Params: map[string]any{"messages": []map[string]string{{"role": "user", "content": demo.Entries[round%3].Question}}, "max_tokens": 40},
			})
		}
		results := jsclient.Run(t, steps)
		for i, r := range results {
			require.Nil(t, r.Error, "round %d answer %d", round, i)
			ids = append(ids, r.ID)
		}
		owed = results[1].ReceiptDue(t)
		// Kill at a different point of the one-second settlement cycle
		// each round.
		time.Sleep(time.Duration(round) * 190 * time.Millisecond)
		require.NoError(t, serving.cmd.Process.Kill())
		<-serving.done
	}
	serving := start()
	for _, id := range ids {
		var r openlora.ReceiptAnswer
		require.Equal(t, 200, serving.get(t, "/v1/receipts/"+id, &r), "receipt %s survives", id)
	}
	// A last voucher pays for everything; the node settles it.
	nonce++
	results := jsclient.Run(t, []jsclient.Step{{
		Op: "chat", BaseURL: serving.base, Model: d.adapterID, Voucher: voucher(nonce, owed),
		Params: map[string]any{"messages": []map[string]string{{"role": "user", "content": demo.Entries[0].Question}}, "max_tokens": 8},
	}})
	require.Nil(t, results[0].Error, "the restarted node knows what the channel owes")
	var channel struct {
		Channel struct {
			SettledAmount string `json:"settled_amount"`
		} `json:"channel"`
	}
	waitFor(t, 60*time.Second, "the node to settle everything before the last voucher", func() bool {
		out, err := localnetQuery("inferencefees", "channel", addr(d.user), addr(d.node))
		return err == nil && json.Unmarshal([]byte(out), &channel) == nil && channel.Channel.SettledAmount == owed
	})
	var batches struct {
		Batches []openlora.Batch `json:"batches"`
	}
	batches.Batches = serving.settledBatches(t)
	nonces := map[uint64]bool{}
	receipts := map[uint64]bool{}
	for _, b := range batches.Batches {
		require.Equal(t, openlora.BatchSettled, b.Status, "batch %s: %s", b.Root, b.Error)
		for _, v := range b.Vouchers {
			require.False(t, nonces[v.Nonce], "voucher %d is settled once", v.Nonce)
			nonces[v.Nonce] = true
		}
		for _, seq := range b.Receipts {
			require.False(t, receipts[seq], "receipt %d is settled once", seq)
			receipts[seq] = true
		}
	}
	require.Len(t, receipts, len(ids), "every answer before the last voucher is settled")
}

// activeAttestorStake is the bonded stake of every active attestor.
func activeAttestorStake(t *testing.T) math.Int {
	t.Helper()
	var res struct {
		Kinds []struct {
			Kind         string `json:"kind"`
			ActiveBonded string `json:"active_bonded"`
		} `json:"kinds"`
	}
	queryJSON(t, &res, "query", "agentstake", "total-stake")
	for _, k := range res.Kinds {
		if k.Kind == "AGENT_KIND_ATTESTOR" && k.ActiveBonded != "" {
			return mustInt(t, k.ActiveBonded)
		}
	}
	return math.ZeroInt()
}
