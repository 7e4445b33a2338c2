package system_test

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/ai/poa"
	attributioncli "github.com/openledger/openledger/x/attribution/client/cli"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// loopTexts are the three contributions of the loop's Datanet, one per
// contributor.
var loopTexts = []string{
	"Rotate the storage keys every ninety days and keep the previous key readable for one extra week so that delayed jobs can still decrypt their inputs.",
	"When a replica lags more than thirty seconds behind the primary, stop routing reads to it until the replication stream has caught up again.",
	"Cold caches make the first request after a deploy slow, so warm the hot paths with a scripted replay of yesterday's busiest hundred queries.",
}

// TestPaidInferenceLoop is the whole paid-inference loop as its users run it
// on the real binary: three contributors' data is accepted into a Datanet
// version; a base model and a LoRA adapter are registered on that version; a
// serving node stakes; two users deposit credit and sign EIP-712 vouchers;
// the node attributes its outputs with the PoA engine (indexed from the
// chain) and settles a batch; the fee is split to the burn, the model owner,
// the node and the community pool, and the data share waits out the
// challenge window before the contributors claim it in proportion to their
// weights. A batch whose usage is not the adapter's price is refused. A
// second batch with a falsified receipt is challenged, the attestors uphold
// the challenge, the record is overturned and the node is slashed; a third
// batch with an overcharged receipt is challenged for its usage and
// overturned the same way.
func TestPaidInferenceLoop(t *testing.T) {
	curator, modelOwner := "dev0", "dev4"
	contributors := []string{"dev1", "dev2", "dev3"}
	fee := mustInt(t, datanetTxFee)
	node, attestor, watcher := newFundedKey(t, "loop-node", 30_000), newFundedKey(t, "loop-attestor", 30_000), newFundedKey(t, "loop-watcher", 1_000)
	users := []string{newFundedKey(t, "loop-user-a", 100), newFundedKey(t, "loop-user-b", 100)}
	addr := func(key string) string { return localnet.address(t, key) }

	// 1. A Datanet version with one accepted contribution per contributor.
	datanetTx(t, curator, "create-datanet", "Operations runbooks", "CC-BY-4.0", "public", "owner-reviews")
	var datanets struct {
		Datanets []struct {
			ID string `json:"id"`
		} `json:"datanets"`
	}
	queryJSON(t, &datanets, "query", "datanet", "datanets", "--owner", addr(curator))
	datanetID := datanets.Datanets[len(datanets.Datanets)-1].ID
	for i, who := range contributors {
		file := filepath.Join(t.TempDir(), "runbook.txt")
		require.NoError(t, os.WriteFile(file, []byte(loopTexts[i]), 0o600))
		datanetTx(t, who, "contribute-file", datanetID, file)
	}
	contributionOf := map[string]string{} // contributor key -> contribution id
	var decisions []string
	for _, c := range contributions(t, datanetID) {
		for _, who := range contributors {
			if c.Contributor == addr(who) {
				contributionOf[who] = c.ID
			}
		}
		decisions = append(decisions, decision(c.ID, true, "accurate"))
	}
	require.Len(t, contributionOf, 3)
	datanetTx(t, curator, append([]string{"review-contributions", datanetID}, decisions...)...)

	// 2. A base model and an adapter trained on version 1, whose owner
	// prices it at 0.25 OPEN per call and 0.5 OPEN per 1,000 tokens.
	baseID := registerBaseModel(t, modelOwner, "runbook-base")
	adapterID := modelFromPEFT(t, modelOwner, baseID, datanetID, "4", "")
	price := modelregtypes.Price{PerCall: openAmount(1).QuoRaw(4), Per_1KTokens: openAmount(1).QuoRaw(2)}
	setModelPrice(t, modelOwner, adapterID, price)

	// 3. A staked serving node of the adapter, and an attestor.
	stake := agentstakeParams(t).MinStakeServingNode.Add(openAmount(5_000))
	moduleTx(t, node, "agentstake", "register-agent", "serving-node", stake.String(), "--model-ids", adapterID,
		"--endpoint", "https://loop-node.example/v1")
	moduleTx(t, attestor, "agentstake", "register-agent", "attestor", openAmount(25_000).String())

	// 4. Users deposit credit.
	for _, u := range users {
		moduleTx(t, u, "inferencefees", "deposit-credit", openAmount(10).String()+"aopen")
	}

	// 5. The node serves three inferences and attributes each output with
	// the PoA engine over the Datanet version, indexed from the chain.
	indexDir := filepath.Join(t.TempDir(), "index")
	runPoa(t, "index", "--from-chain", "127.0.0.1:"+strconv.Itoa(localnet.grpcPort),
		"--datanet", datanetID, "--version", "1", "--out", indexDir, "--quiet")
	// The three inferences use 500, 2,500 and 1,500 tokens, so the price
	// charges them 0.5, 1.5 and 1 OPEN, and the batch's attribution weights
	// each receipt by what it paid.
	one := openAmount(1)
	served := []struct {
		user               string
		output             string
		prompt, completion uint64
		fee                math.Int
	}{
		{users[0], "Operators should rotate the storage keys every ninety days and keep the previous key readable for one extra week.", 120, 380, one.QuoRaw(2)},
		{users[0], "If a replica lags more than thirty seconds behind the primary, stop routing reads to it until replication has caught up.", 2_000, 500, one.MulRaw(3).QuoRaw(2)},
		{users[1], "To avoid slow first requests, warm the hot paths with a scripted replay of yesterday's busiest hundred queries.", 900, 600, one},
	}
	receipts := make([]attributiontypes.Receipt, len(served))
	fees := make([]math.Int, len(served))
	for i, s := range served {
		fee := modelregtypes.InferenceFee(price, s.prompt+s.completion)
		require.Equal(t, s.fee.String(), fee.String(), "inference %d is charged its price", i)
		receipts[i] = attributiontypes.Receipt{
			User: addr(s.user), ModelID: mustUint(t, adapterID), OutputHash: sha256Of(s.output),
			Weights: poaWeights(t, indexDir, s.output), PromptTokens: s.prompt, CompletionTokens: s.completion, Fee: fee, Method: poa.Method,
		}
		fees[i] = fee
		require.NotEmpty(t, receipts[i].Weights, "output %d is attributed", i)
	}
	require.Equal(t, contributionOf["dev1"], strconv.FormatUint(receipts[0].Weights[0].ContributionId, 10))
	weights := aggregateWeights(t, receipts, fees)

	// 6. Vouchers: user A has paid 0.5 + 1.5 = 2 OPEN in total, user B 1
	// OPEN; the usage books the 4,500 tokens of the three inferences.
	batch := batchFile(t, receipts, adapterID, weights, receiptTokens(receipts), []voucherArgs{
		{users[0], node, one.MulRaw(2), 1}, {users[1], node, one, 1},
	})

	// 7. Settlement, and the split of 3 OPEN.
	split := inferenceSplit(t)
	total := one.MulRaw(3)
	before := map[string]math.Int{}
	for _, k := range []string{modelOwner, node} {
		before[k] = mustInt(t, localnet.balance(t, addr(k)))
	}
	supply, pool, protocolBefore := totalSupply(t), communityPool(t), inferenceTotals(t).ToProtocol
	moduleTx(t, node, "inferencefees", "settle-batch", batch)
	share := func(bps int64) math.Int { return total.MulRaw(bps).QuoRaw(10_000) }
	dataShare := share(split.Data)
	burned := total.Sub(share(split.ModelOwner)).Sub(share(split.ServingNode)).Sub(share(split.Protocol)).Sub(dataShare)
	require.Equal(t, supply.Sub(burned).String(), totalSupply(t).String(), "the burn share leaves the supply")
	require.Equal(t, before[modelOwner].Add(share(split.ModelOwner)).String(), localnet.balance(t, addr(modelOwner)))
	require.Equal(t, before[node].Add(share(split.ServingNode)).Sub(fee).String(), localnet.balance(t, addr(node)))
	// The community pool also receives distribution's tax on transaction
	// fees, so the module's own account of what it sent is compared exactly.
	require.Equal(t, protocolBefore.Add(share(split.Protocol)).String(), inferenceTotals(t).ToProtocol.String())
	require.True(t, communityPool(t).GTE(pool.Add(share(split.Protocol))))
	var credit struct {
		Credit struct {
			Balance string `json:"balance"`
		} `json:"credit"`
	}
	queryJSON(t, &credit, "query", "inferencefees", "credit", addr(users[0]))
	require.Equal(t, openAmount(8).String(), credit.Credit.Balance)

	// 8. The record waits out the challenge window; then each contributor
	// claims its weight's share, less the Datanet owner's curator share.
	record := newestRecord(t, adapterID)
	require.Equal(t, "RECORD_STATUS_PENDING", record.Status)
	require.Equal(t, dataShare.String(), record.DataReward.Amount)
	waitFor(t, 90*time.Second, "the challenge window to end", func() bool {
		return recordStatus(t, record.ID) == "RECORD_STATUS_FINAL"
	})
	curatorBps := attributionParams(t).DatanetOwnerBps
	curatorTotal := math.ZeroInt()
	for _, who := range contributors {
		w := weightOf(weights, contributionOf[who])
		weightShare := dataShare.MulRaw(int64(w)).QuoRaw(attributiontypes.PPMTotal)
		cut := weightShare.MulRaw(curatorBps).QuoRaw(10_000)
		curatorTotal = curatorTotal.Add(cut)
		before := mustInt(t, localnet.balance(t, addr(who)))
		moduleTx(t, who, "attribution", "claim-rewards")
		require.Equal(t, before.Add(weightShare.Sub(cut)).Sub(fee).String(), localnet.balance(t, addr(who)),
			"%s earns its weight of %d ppm", who, w)
	}
	require.Equal(t, curatorTotal.String(), rewards(t, addr(curator)).Claimable.Amount)

	// 9. A batch whose usage is not the model's price: the node books the
	// users' 3 OPEN against 3,000 tokens, which the price charges 2.25 OPEN.
	// The chain refuses it and nothing is settled.
	secondVouchers := []voucherArgs{{users[0], node, one.MulRaw(4), 2}, {users[1], node, one.MulRaw(2), 2}}
	offPrice := batchFile(t, receipts, adapterID, weights, 3_000, secondVouchers)
	refused := failingTx(t, node, "inferencefees", "settle-batch", offPrice)
	require.Contains(t, refused.RawLog, "usage amount is not the model's price")
	require.Contains(t, refused.RawLog, fmt.Sprintf("model %s: amount %s for 3 inferences of 3000 tokens", adapterID, total))
	require.Equal(t, one.MulRaw(2).String(), channelSettled(t, users[0], node).String(), "nothing was settled")

	// 10. A second batch whose receipt credits the wrong contribution: user
	// B's output came from dev3's text, the node says dev1's.
	forged := slices.Clone(receipts)
	forged[2].Weights = []attributiontypes.ContributionWeight{{ContributionId: mustUint(t, contributionOf["dev1"]), Ppm: 900_000}}
	batch = batchFile(t, forged, adapterID, aggregateWeights(t, forged, fees), receiptTokens(forged), secondVouchers)
	moduleTx(t, node, "inferencefees", "settle-batch", batch)
	forgedRecord := newestRecord(t, adapterID)
	require.NotEqual(t, record.ID, forgedRecord.ID)

	// 11. A third batch in which the node overcharged user B: its receipt
	// of 1,500 tokens says 1.5 OPEN where the price says 1 OPEN, and the
	// node books 1,000 tokens more in the usage, so the batch passes the
	// chain's price check. Its receipts show the overcharge.
	overcharged := []attributiontypes.Receipt{receipts[0], receipts[2]}
	overcharged[1].Fee = one.MulRaw(3).QuoRaw(2)
	overchargedFees := []math.Int{overcharged[0].Fee, overcharged[1].Fee}
	batch = batchFile(t, overcharged, adapterID, aggregateWeights(t, overcharged, overchargedFees),
		receiptTokens(overcharged)+1_000, []voucherArgs{{users[0], node, one.MulRaw(9).QuoRaw(2), 3}, {users[1], node, one.MulRaw(7).QuoRaw(2), 3}})
	moduleTx(t, node, "inferencefees", "settle-batch", batch)
	overchargedRecord := newestRecord(t, adapterID)
	require.NotEqual(t, forgedRecord.ID, overchargedRecord.ID)

	// The node publishes the batch's receipts; the watcher recomputes the
	// third with the PoA engine and challenges it: challenge-receipt proves
	// the receipt against the record's root and posts the bond. The attestor
	// checks and upholds.
	bonded := mustInt(t, agentOf(t, addr(node)).Bonded)
	watcherBefore := mustInt(t, localnet.balance(t, addr(watcher)))
	published := filepath.Join(t.TempDir(), "receipts.json")
	f, err := os.Create(published)
	require.NoError(t, err)
	require.NoError(t, attributioncli.WriteReceipts(f, forged))
	require.NoError(t, f.Close())
	outputFile := filepath.Join(t.TempDir(), "output.txt")
	require.NoError(t, os.WriteFile(outputFile, []byte(served[2].output), 0o600))
	recomputed := filepath.Join(t.TempDir(), "recomputed.json")
	require.NoError(t, os.WriteFile(recomputed,
		[]byte(runPoa(t, "attribute", "--index", indexDir, "--text-file", outputFile, "--json")), 0o600))
	moduleTx(t, watcher, "attribution", "challenge-receipt", forgedRecord.ID, published, "2", recomputed)
	challengeID := newestChallenge(t, forgedRecord.ID)
	moduleTx(t, attestor, "attribution", "vote", challengeID, "true")

	require.Equal(t, "RECORD_STATUS_OVERTURNED", recordStatus(t, forgedRecord.ID))
	slashed := bonded.MulRaw(int64(agentstakeParams(t).SlashBpsAttributionFraud)).QuoRaw(10_000)
	reward := slashed.MulRaw(int64(agentstakeParams(t).ChallengerRewardBps)).QuoRaw(10_000)
	a := agentOf(t, addr(node))
	require.Equal(t, "AGENT_STATUS_JAILED", a.Status)
	require.Equal(t, bonded.Sub(slashed).String(), a.Bonded)
	require.Equal(t, watcherBefore.Sub(fee.MulRaw(1)).Add(reward).String(), localnet.balance(t, addr(watcher)),
		"the bond comes back with the challenger's share of the slash")

	// 12. The node publishes the third batch's receipts; the watcher
	// challenges the overcharged receipt's usage: challenge-usage sees that
	// its fee is not the record's price for its tokens and makes the fee
	// claim, and the attestor checks and upholds. The record is overturned
	// and the node slashed again.
	bonded = mustInt(t, a.Bonded)
	watcherBefore = mustInt(t, localnet.balance(t, addr(watcher)))
	published = filepath.Join(t.TempDir(), "overcharged.json")
	f, err = os.Create(published)
	require.NoError(t, err)
	require.NoError(t, attributioncli.WriteReceipts(f, overcharged))
	require.NoError(t, f.Close())
	moduleTx(t, watcher, "attribution", "challenge-usage", overchargedRecord.ID, published, "1")
	challengeID = newestChallenge(t, overchargedRecord.ID)
	var ch struct {
		Challenge struct {
			UsageClaim string `json:"usage_claim"`
			Status     string `json:"status"`
		} `json:"challenge"`
	}
	queryJSON(t, &ch, "query", "attribution", "challenge", challengeID)
	require.Equal(t, "USAGE_CLAIM_FEE", ch.Challenge.UsageClaim)
	require.Equal(t, "CHALLENGE_STATUS_OPEN", ch.Challenge.Status)
	moduleTx(t, attestor, "attribution", "vote", challengeID, "true")

	require.Equal(t, "RECORD_STATUS_OVERTURNED", recordStatus(t, overchargedRecord.ID))
	slashed = bonded.MulRaw(int64(agentstakeParams(t).SlashBpsAttributionFraud)).QuoRaw(10_000)
	reward = slashed.MulRaw(int64(agentstakeParams(t).ChallengerRewardBps)).QuoRaw(10_000)
	require.Equal(t, bonded.Sub(slashed).String(), agentOf(t, addr(node)).Bonded)
	require.Equal(t, watcherBefore.Sub(fee).Add(reward).String(), localnet.balance(t, addr(watcher)),
		"the bond comes back with the challenger's share of the slash")
}

// setModelPrice sets a model's price with update-model, keeping its name,
// architecture, licence and metrics.
func setModelPrice(t *testing.T, owner, modelID string, price modelregtypes.Price) {
	t.Helper()
	var res struct {
		Model struct {
			Name         string            `json:"name"`
			Architecture string            `json:"architecture"`
			License      string            `json:"license"`
			EvalMetrics  []json.RawMessage `json:"eval_metrics"`
		} `json:"model"`
	}
	queryJSON(t, &res, "query", "modelreg", "model", modelID)
	m := res.Model
	priceJSON := fmt.Sprintf(`{"per_call":%q,"per_1k_tokens":%q}`, price.PerCall, price.Per_1KTokens)
	args := []string{"update-model", modelID, m.Name, m.Architecture, m.License, priceJSON}
	for _, metric := range m.EvalMetrics {
		args = append(args, "--eval-metrics", string(metric))
	}
	moduleTx(t, owner, "modelreg", args...)
	var after struct {
		Model struct {
			Price struct {
				PerCall string `json:"per_call"`
				Per1K   string `json:"per_1k_tokens"`
			} `json:"price"`
		} `json:"model"`
	}
	queryJSON(t, &after, "query", "modelreg", "model", modelID)
	require.Equal(t, [2]string{price.PerCall.String(), price.Per_1KTokens.String()}, [2]string{after.Model.Price.PerCall, after.Model.Price.Per1K})
}

// failingTx broadcasts a transaction that passes CheckTx and fails in its
// block, and returns the included result.
func failingTx(t *testing.T, from, module string, args ...string) txResult {
	t.Helper()
	args = append([]string{module}, args...)
	args = append(args, "--from", from, "--gas", datanetTxGas, "--fees", datanetTxFee+"aopen")
	res, err := localnet.tx(t, args...)
	require.NoError(t, err)
	included := localnet.waitTx(t, res.TxHash)
	require.NotZerof(t, included.Code, "%v was expected to fail", args)
	return included
}

// channelSettled is what a (user, node) channel has settled so far.
func channelSettled(t *testing.T, user, node string) math.Int {
	t.Helper()
	var res struct {
		Channel struct {
			SettledAmount string `json:"settled_amount"`
		} `json:"channel"`
	}
	queryJSON(t, &res, "query", "inferencefees", "channel", localnet.address(t, user), localnet.address(t, node))
	return mustInt(t, res.Channel.SettledAmount)
}

// receiptTokens is the prompt and completion tokens of a batch's receipts.
func receiptTokens(receipts []attributiontypes.Receipt) uint64 {
	var n uint64
	for _, r := range receipts {
		n += r.PromptTokens + r.CompletionTokens
	}
	return n
}

// newFundedKey adds a key to the test keyring and funds it from the treasury.
func newFundedKey(t *testing.T, name string, open int64) string {
	t.Helper()
	localnet.cli(t, "keys", "add", name, "--keyring-backend", "test")
	_, err := localnet.tx(t, "bank", "send", "treasury", localnet.address(t, name), openAmount(open).String()+"aopen",
		"--gas", datanetTxGas, "--fees", datanetTxFee+"aopen")
	require.NoError(t, err)
	waitFor(t, 30*time.Second, name+" to be funded", func() bool { return localnet.balance(t, localnet.address(t, name)) != "0" })
	return name
}

type voucherArgs struct {
	user, node string
	cumulative math.Int
	nonce      int
}

// batchFile signs each user's voucher with the CLI and writes the node's
// batch file for settle-batch: one usage entry of the model for everything
// the vouchers release, with tokens tokens.
func batchFile(
	t *testing.T, receipts []attributiontypes.Receipt, modelID string, weights []attributiontypes.ContributionWeight,
	tokens uint64, vouchers []voucherArgs,
) string {
	t.Helper()
	return methodBatchFile(t, poa.Method, receipts, modelID, weights, tokens, vouchers)
}

// methodBatchFile is batchFile with the attribution of another method.
func methodBatchFile(
	t *testing.T, method string, receipts []attributiontypes.Receipt, modelID string, weights []attributiontypes.ContributionWeight,
	tokens uint64, vouchers []voucherArgs,
) string {
	t.Helper()
	root, err := attributiontypes.ReceiptsRoot(receipts)
	require.NoError(t, err)
	released := math.ZeroInt()
	var signed []json.RawMessage
	for _, v := range vouchers {
		out := localnet.cli(t, "tx", "inferencefees", "sign-voucher", "--serving-node", localnet.address(t, v.node),
			"--amount", v.cumulative.String(), "--nonce", strconv.Itoa(v.nonce), "--expiry", "1h",
			"--from", v.user, "--keyring-backend", "test")
		signed = append(signed, json.RawMessage(out))
		var ch struct {
			Channel struct {
				SettledAmount string `json:"settled_amount"`
			} `json:"channel"`
		}
		settled := math.ZeroInt()
		if out, err := localnetQuery("inferencefees", "channel", localnet.address(t, v.user), localnet.address(t, v.node)); err == nil &&
			json.Unmarshal([]byte(out), &ch) == nil && ch.Channel.SettledAmount != "" {
			settled = mustInt(t, ch.Channel.SettledAmount)
		}
		released = released.Add(v.cumulative.Sub(settled))
	}
	batch, err := json.MarshalIndent(map[string]any{
		"receipts_root": hex.EncodeToString(root),
		"vouchers":      signed,
		"usage": []map[string]any{{
			"model_id": mustUint(t, modelID), "amount": released.String(), "inference_count": len(receipts), "tokens": tokens,
		}},
		"attribution": []map[string]any{{
			"model_id": mustUint(t, modelID), "method": method, "weights": weightsJSON(weights),
		}},
	}, "", "  ")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "batch.json")
	require.NoError(t, os.WriteFile(path, batch, 0o600))
	return path
}

func localnetQuery(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return localnet.run(ctx, append([]string{"query"}, append(args, "--output", "json")...)...)
}

// poaWeights are the PoA engine's weights for an output, in ascending
// contribution id, as a receipt carries them.
func poaWeights(t *testing.T, indexDir, output string) []attributiontypes.ContributionWeight {
	t.Helper()
	file := filepath.Join(t.TempDir(), "output.txt")
	require.NoError(t, os.WriteFile(file, []byte(output), 0o600))
	var res struct {
		Attributions []struct {
			ID        string `json:"id"`
			WeightPPM uint32 `json:"weight_ppm"`
		} `json:"attributions"`
	}
	require.NoError(t, json.Unmarshal([]byte(runPoa(t, "attribute", "--index", indexDir, "--text-file", file, "--json")), &res))
	weights := make([]attributiontypes.ContributionWeight, 0, len(res.Attributions))
	for _, a := range res.Attributions {
		weights = append(weights, attributiontypes.ContributionWeight{ContributionId: mustUint(t, a.ID), Ppm: a.WeightPPM})
	}
	slices.SortFunc(weights, func(a, b attributiontypes.ContributionWeight) int {
		return cmp.Compare(a.ContributionId, b.ContributionId)
	})
	return weights
}

// aggregateWeights is the batch's attribution for the model, by the rule
// a serving node uses: x/attribution's fee-weighted AggregateReceiptWeights.
func aggregateWeights(t *testing.T, receipts []attributiontypes.Receipt, fees []math.Int) []attributiontypes.ContributionWeight {
	t.Helper()
	priced := make([]attributiontypes.PricedReceipt, len(receipts))
	for i, r := range receipts {
		priced[i] = attributiontypes.PricedReceipt{Receipt: r, Fee: fees[i]}
	}
	weights, err := attributiontypes.AggregateReceiptWeights(priced, attributiontypes.DefaultMaxWeightsPerRecord)
	require.NoError(t, err)
	return weights
}

func weightOf(weights []attributiontypes.ContributionWeight, contributionID string) uint32 {
	for _, w := range weights {
		if strconv.FormatUint(w.ContributionId, 10) == contributionID {
			return w.Ppm
		}
	}
	return 0
}

func weightsJSON(weights []attributiontypes.ContributionWeight) []map[string]any {
	out := make([]map[string]any, 0, len(weights))
	for _, w := range weights {
		out = append(out, map[string]any{"contribution_id": w.ContributionId, "ppm": w.Ppm})
	}
	return out
}

type splitView struct{ ModelOwner, ServingNode, Protocol, Data int64 }

func inferenceSplit(t *testing.T) splitView {
	t.Helper()
	var res struct {
		Params struct {
			ModelOwner  int64 `json:"model_owner_bps"`
			ServingNode int64 `json:"serving_node_bps"`
			Protocol    int64 `json:"protocol_bps"`
			Data        int64 `json:"data_contributors_bps"`
		} `json:"params"`
	}
	queryJSON(t, &res, "query", "inferencefees", "params")
	p := res.Params
	return splitView{ModelOwner: p.ModelOwner, ServingNode: p.ServingNode, Protocol: p.Protocol, Data: p.Data}
}

type attributionParamsView struct{ DatanetOwnerBps int64 }

func attributionParams(t *testing.T) attributionParamsView {
	t.Helper()
	var res struct {
		Params struct {
			DatanetOwnerBps int64 `json:"datanet_owner_bps"`
		} `json:"params"`
	}
	queryJSON(t, &res, "query", "attribution", "params")
	return attributionParamsView{DatanetOwnerBps: res.Params.DatanetOwnerBps}
}

type coinView struct {
	Denom  string `json:"denom"`
	Amount string `json:"amount"`
}

type recordView struct {
	ID         string   `json:"id"`
	Method     string   `json:"method"`
	Status     string   `json:"status"`
	DataReward coinView `json:"data_reward"`
}

func newestRecord(t *testing.T, modelID string) recordView {
	t.Helper()
	var res struct {
		Records []recordView `json:"records"`
	}
	queryJSON(t, &res, "query", "attribution", "records-by-model", modelID)
	require.NotEmpty(t, res.Records)
	return res.Records[len(res.Records)-1]
}

func recordStatus(t *testing.T, id string) string {
	t.Helper()
	var res struct {
		Record recordView `json:"record"`
	}
	queryJSON(t, &res, "query", "attribution", "record", id)
	return res.Record.Status
}

func newestChallenge(t *testing.T, recordID string) string {
	t.Helper()
	var res struct {
		Challenges []struct {
			ID string `json:"id"`
		} `json:"challenges"`
	}
	queryJSON(t, &res, "query", "attribution", "challenges-by-record", recordID)
	require.NotEmpty(t, res.Challenges)
	return res.Challenges[len(res.Challenges)-1].ID
}

type rewardsView struct {
	Pending   coinView `json:"pending"`
	Claimable coinView `json:"claimable"`
}

func rewards(t *testing.T, address string) rewardsView {
	t.Helper()
	var res rewardsView
	queryJSON(t, &res, "query", "attribution", "rewards", address)
	if res.Claimable.Amount == "" {
		res.Claimable.Amount = "0"
	}
	return res
}

type totalsView struct{ ToProtocol math.Int }

func inferenceTotals(t *testing.T) totalsView {
	t.Helper()
	var res struct {
		Totals struct {
			ToProtocol string `json:"to_protocol"`
		} `json:"totals"`
	}
	queryJSON(t, &res, "query", "inferencefees", "totals")
	if res.Totals.ToProtocol == "" {
		res.Totals.ToProtocol = "0"
	}
	return totalsView{ToProtocol: mustInt(t, res.Totals.ToProtocol)}
}

// communityPool is the aopen in the community pool (x/protocolpool).
func communityPool(t *testing.T) math.Int {
	t.Helper()
	var res struct {
		Pool []coinView `json:"pool"`
	}
	queryJSON(t, &res, "query", "protocolpool", "community-pool")
	for _, c := range res.Pool {
		if c.Denom == "aopen" {
			return mustInt(t, strings.Split(c.Amount, ".")[0])
		}
	}
	return math.ZeroInt()
}

func sha256Of(s string) []byte {
	sum := sha256.Sum256([]byte(s))
	return sum[:]
}

func mustUint(t *testing.T, s string) uint64 {
	t.Helper()
	v, err := strconv.ParseUint(s, 10, 64)
	require.NoError(t, err, fmt.Sprintf("parsing %q", s))
	return v
}
