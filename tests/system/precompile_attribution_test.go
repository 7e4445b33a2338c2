package system_test

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/precompiles/attribution"
	attributioncli "github.com/openledger/openledger/x/attribution/client/cli"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// Solidity structs of IAttribution.sol as go-ethereum's ABI codec takes and
// returns them.
type (
	precompileReceipt struct {
		User             common.Address     `json:"user"`
		ModelId          uint64             `json:"modelId"` //nolint:revive // as the ABI names it
		OutputHash       [32]byte           `json:"outputHash"`
		Weights          []precompileWeight `json:"weights"`
		PromptTokens     uint64             `json:"promptTokens"`
		CompletionTokens uint64             `json:"completionTokens"`
		Fee              *big.Int           `json:"fee"`
		Method           string             `json:"method"`
	}
	precompileRecord = struct {
		Id          uint64         `json:"id"` //nolint:revive // as the ABI decoder names it
		ServingNode common.Address `json:"servingNode"`
		ModelId     uint64         `json:"modelId"` //nolint:revive // as the ABI decoder names it
		Method      string         `json:"method"`
		Datasets    []struct {
			DatanetId uint64   `json:"datanetId"` //nolint:revive // as the ABI decoder names it
			Version   uint64   `json:"version"`
			Root      [32]byte `json:"root"`
		} `json:"datasets"`
		ReceiptsRoot   [32]byte `json:"receiptsRoot"`
		InferenceCount uint64   `json:"inferenceCount"`
		Weights        []struct {
			ContributionId uint64 `json:"contributionId"` //nolint:revive // as the ABI decoder names it
			Ppm            uint32 `json:"ppm"`
		} `json:"weights"`
		DataReward *big.Int `json:"dataReward"`
		Payouts    []struct {
			Recipient      common.Address `json:"recipient"`
			ContributionId uint64         `json:"contributionId"` //nolint:revive // as the ABI decoder names it
			Amount         *big.Int       `json:"amount"`
		} `json:"payouts"`
		Unattributed      *big.Int `json:"unattributed"`
		CreatedHeight     int64    `json:"createdHeight"`
		ChallengeDeadline int64    `json:"challengeDeadline"`
		Status            uint8    `json:"status"`
		OpenChallengeId   uint64   `json:"openChallengeId"` //nolint:revive // as the ABI decoder names it
		ResolvedHeight    int64    `json:"resolvedHeight"`
		ReceiptVersion    uint32   `json:"receiptVersion"`
		PricePerCall      *big.Int `json:"pricePerCall"`
		PricePer1kTokens  *big.Int `json:"pricePer1kTokens"`
		Tokens            uint64   `json:"tokens"`
		BatchModelIds     []uint64 `json:"batchModelIds"` //nolint:revive // as the ABI decoder names it
		NodeSignedRoot    bool     `json:"nodeSignedRoot"`
	}
)

// Two contributors to a Datanet earn equal weights in settled batches; one
// claims through the attribution precompile from its wallet, the other with
// the CLI, and both receive the same reward, to the aopen. A watcher
// challenges a receipt of a second batch from its wallet and an attestor
// rejects it through the precompile, as the same steps do from the CLI on a
// third batch. Refused calls revert with the module's error, decodable with
// the ABI, and change nothing.
func TestAttributionPrecompileFromAWallet(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	started := time.Now()
	defer cancel()
	s := newPrecompileEVM(t, ctx, attribution.ABIJSON, attribution.Address)
	addr := func(key string) string { return localnet.address(t, key) }
	fee := mustInt(t, datanetTxFee)
	evmBalance := func(a common.Address) *big.Int {
		b, err := s.client.BalanceAt(ctx, a, nil)
		require.NoError(t, err)
		return b
	}
	curator, cliContributor, walletContributor := newFundedKey(t, "attr-curator", 1_000), newFundedKey(t, "attr-cli", 1_000), newFundedKey(t, "attr-wallet", 1_000)
	node, watcher, user := newFundedKey(t, "attr-node", 30_000), newFundedKey(t, "attr-watcher", 1_000), newFundedKey(t, "attr-user", 100)

	// An attestor whose stake alone reaches the quorum, whatever other
	// attestors the chain already has.
	var quorum struct {
		Params struct {
			QuorumBps int64 `json:"quorum_bps"`
		} `json:"params"`
	}
	queryJSON(t, &quorum, "query", "attribution", "params")
	others := activeAttestorStake(t)
	needed := others.MulRaw(quorum.Params.QuorumBps).QuoRaw(10_000 - quorum.Params.QuorumBps).Add(openAmount(1))
	attestorStake := math.MaxInt(needed, agentstakeParams(t).MinStakeAttestor)
	attestor := newFundedKey(t, "attr-attestor", attestorStake.Quo(openAmount(1)).Int64()*2+100)
	moduleTx(t, attestor, "agentstake", "register-agent", "attestor", attestorStake.String())

	// A Datanet version with one accepted contribution of each contributor.
	datanetTx(t, curator, "create-datanet", "Attribution runbooks", "CC-BY-4.0", "public", "owner-reviews")
	var datanets struct {
		Datanets []struct {
			ID string `json:"id"`
		} `json:"datanets"`
	}
	queryJSON(t, &datanets, "query", "datanet", "datanets", "--owner", addr(curator))
	datanetID := datanets.Datanets[len(datanets.Datanets)-1].ID
	for i, who := range []string{cliContributor, walletContributor} {
		file := filepath.Join(t.TempDir(), "runbook.txt")
		require.NoError(t, os.WriteFile(file, []byte(loopTexts[i]), 0o600))
		datanetTx(t, who, "contribute-file", datanetID, file)
	}
	contributionOf := map[string]uint64{}
	var decisions []string
	for _, c := range contributions(t, datanetID) {
		contributionOf[c.Contributor] = mustUint(t, c.ID)
		decisions = append(decisions, decision(c.ID, true, "accurate"))
	}
	datanetTx(t, curator, append([]string{"review-contributions", datanetID}, decisions...)...)
	cliContribution, walletContribution := contributionOf[addr(cliContributor)], contributionOf[addr(walletContributor)]
	require.NotZero(t, cliContribution)
	require.NotZero(t, walletContribution)

	// An adapter trained on it, priced per call, and a staked serving node.
	adapterID := modelFromPEFT(t, "dev4", registerBaseModel(t, "dev4", "attribution-base"), datanetID, "8", "")
	price := modelregtypes.Price{PerCall: math.NewInt(1_000_000_000_000_000), Per_1KTokens: math.ZeroInt()}
	moduleTx(t, node, "agentstake", "register-agent", "serving-node", agentstakeParams(t).MinStakeServingNode.String(),
		"--model-ids", adapterID, "--endpoint", "https://attribution-node.example/v1")
	moduleTx(t, user, "inferencefees", "deposit-credit", openAmount(10).String()+"aopen")

	// Three batches of two inferences, each attributed half to each
	// contribution; the node settles them with the CLI.
	even := []attributiontypes.ContributionWeight{{ContributionId: cliContribution, Ppm: 500_000}, {ContributionId: walletContribution, Ppm: 500_000}}
	slices.SortFunc(even, func(a, b attributiontypes.ContributionWeight) int {
		return int(a.ContributionId) - int(b.ContributionId)
	})
	inferenceFee := modelregtypes.InferenceFee(price, 30)
	batches := make([][]attributiontypes.Receipt, 3)
	records := make([]string, 3)
	for b := range batches {
		for i := range 2 {
			batches[b] = append(batches[b], attributiontypes.Receipt{
				User: addr(user), ModelID: mustUint(t, adapterID), OutputHash: sha256Of(strconv.Itoa(b) + "/" + loopTexts[i]),
				Weights: even, PromptTokens: 10, CompletionTokens: 20, Fee: inferenceFee, Method: poa.Method,
			})
		}
		fees := []math.Int{inferenceFee, inferenceFee}
		file := batchFile(t, batches[b], adapterID, aggregateWeights(t, batches[b], fees), receiptTokens(batches[b]),
			[]voucherArgs{{user, node, inferenceFee.MulRaw(int64(2 * (b + 1))), b + 1}})
		moduleTx(t, node, "inferencefees", "settle-batch", file)
		records[b] = newestRecord(t, adapterID).ID
	}
	claimed, evmChallenged, cliChallenged := records[0], records[1], records[2]
	t.Logf("three batches settled after %s", time.Since(started).Round(time.Second))

	// The watcher's wallet challenges the second batch's first receipt: the
	// PoA engine gives it all to one contribution.
	watcherKey := exportEthKey(t, watcher)
	watcherAddr := crypto.PubkeyToAddress(watcherKey.PublicKey)
	userAddr := hexAddress(t, addr(user))
	asABI := func(r attributiontypes.Receipt) precompileReceipt {
		w := make([]precompileWeight, len(r.Weights))
		for i, x := range r.Weights {
			w[i] = precompileWeight{ContributionId: x.ContributionId, Ppm: x.Ppm}
		}
		return precompileReceipt{
			User: userAddr, ModelId: r.ModelID, OutputHash: [32]byte(r.OutputHash), Weights: w,
			PromptTokens: r.PromptTokens, CompletionTokens: r.CompletionTokens, Fee: r.Fee.BigInt(), Method: r.Method,
		}
	}
	proofOf := func(receipts []attributiontypes.Receipt, index uint64) [][32]byte {
		proof, err := attributiontypes.ReceiptProof(receipts, index)
		require.NoError(t, err)
		out := make([][32]byte, len(proof))
		for i, h := range proof {
			out[i] = [32]byte(h)
		}
		return out
	}
	recomputed := []precompileWeight{{ContributionId: cliContribution, Ppm: 1_000_000}}
	recordID := mustUint(t, evmChallenged)

	// Bad input first: a proof for the wrong leaf and a usage claim the
	// receipt does not support revert with the module's error, and a sent
	// transaction of them changes nothing but the wallet's gas.
	badProof := s.pack("challengeAttribution", recordID, asABI(batches[1][0]), uint64(1), uint64(2), proofOf(batches[1], 0), recomputed)
	codespace, code, message := s.revert(watcherAddr, s.address, badProof)
	require.Equal(t, []any{"attribution", uint32(25)}, []any{codespace, code}, message)
	agreeingUsage := s.pack("challengeUsage", recordID, asABI(batches[1][0]), uint64(0), uint64(2), proofOf(batches[1], 0),
		uint8(attributiontypes.USAGE_CLAIM_FEE), uint64(0), uint64(0))
	codespace, code, message = s.revert(watcherAddr, s.address, agreeingUsage)
	require.Equal(t, []any{"attribution", uint32(40)}, []any{codespace, code}, message)
	for _, data := range [][]byte{badProof, agreeingUsage} {
		before := evmBalance(watcherAddr)
		receipt := sendEVMTxWithGas(ctx, t, s.client, watcherKey, &s.address, nil, data, 400_000)
		require.Equal(t, types.ReceiptStatusFailed, receipt.Status)
		require.Equal(t, new(big.Int).Sub(before, gasCost(receipt)), evmBalance(watcherAddr), "only the gas")
		require.Empty(t, receipt.Logs)
		require.Equal(t, "RECORD_STATUS_PENDING", recordStatus(t, evmChallenged))
	}

	bond := attributionBond(t)
	watcherBefore := evmBalance(watcherAddr)
	receipt := s.send(watcherKey, "challengeAttribution", recordID, asABI(batches[1][0]), uint64(0), uint64(2), proofOf(batches[1], 0), recomputed)
	evmChallengeGas := receipt.GasUsed
	challenged := s.event(receipt, "AttributionChallenged")
	require.Equal(t, common.BytesToHash(watcherAddr.Bytes()), challenged.Topics[1])
	require.Equal(t, common.BigToHash(new(big.Int).SetUint64(recordID)), challenged.Topics[2])
	challengeID := new(big.Int).SetBytes(challenged.Topics[3].Bytes()).Uint64()
	require.Equal(t, strconv.FormatUint(challengeID, 10), newestChallenge(t, evmChallenged))
	require.Equal(t, new(big.Int).Sub(watcherBefore, new(big.Int).Add(bond, gasCost(receipt))), evmBalance(watcherAddr), "the bond and the gas")
	require.Equal(t, "RECORD_STATUS_CHALLENGED", recordStatus(t, evmChallenged))

	// The same challenge of the third batch from the CLI.
	published := filepath.Join(t.TempDir(), "receipts.json")
	f, err := os.Create(published)
	require.NoError(t, err)
	require.NoError(t, attributioncli.WriteReceipts(f, batches[2]))
	require.NoError(t, f.Close())
	recomputedFile := filepath.Join(t.TempDir(), "recomputed.json")
	require.NoError(t, os.WriteFile(recomputedFile,
		[]byte(`{"attributions":[{"id":"`+strconv.FormatUint(cliContribution, 10)+`","weight_ppm":1000000}]}`), 0o600))
	cliChallenge := moduleTx(t, watcher, "attribution", "challenge-receipt", cliChallenged, published, "0", recomputedFile)
	require.Equal(t, "RECORD_STATUS_CHALLENGED", recordStatus(t, cliChallenged))

	t.Logf("both challenged after %s", time.Since(started).Round(time.Second))

	// The attestor rejects the wallet's challenge from its own wallet, and
	// the CLI's challenge with the CLI: the bonds are burned and the records
	// resume.
	attestorKey := exportEthKey(t, attestor)
	codespace, code, message = s.revert(watcherAddr, s.address, s.pack("voteChallenge", challengeID, false))
	require.Equal(t, []any{"attribution", uint32(30)}, []any{codespace, code}, message)
	watcherBefore = evmBalance(watcherAddr)
	receipt = s.send(attestorKey, "voteChallenge", challengeID, false)
	evmVoteGas := receipt.GasUsed
	voted := s.event(receipt, "ChallengeVoted")
	require.Equal(t, common.BytesToHash(crypto.PubkeyToAddress(attestorKey.PublicKey).Bytes()), voted.Topics[1])
	data, err := s.abi.Events["ChallengeVoted"].Inputs.NonIndexed().Unpack(voted.Data)
	require.NoError(t, err)
	require.Equal(t, []any{false, uint8(attributiontypes.CHALLENGE_STATUS_REJECTED)}, data)
	require.NotEqual(t, "RECORD_STATUS_CHALLENGED", recordStatus(t, evmChallenged))
	require.Equal(t, watcherBefore, evmBalance(watcherAddr), "the bond is burned, not returned")
	cliVote := moduleTx(t, attestor, "attribution", "vote", newestChallenge(t, cliChallenged), "false")
	require.NotEqual(t, "RECORD_STATUS_CHALLENGED", recordStatus(t, cliChallenged))

	// The first batch's record, read through the precompile, is the
	// module's record.
	var onChain struct {
		Record struct {
			ServingNode string `json:"serving_node"`
			DataReward  coinView
			Payouts     []struct {
				Recipient      string `json:"recipient"`
				ContributionID string `json:"contribution_id"`
				Amount         string `json:"amount"`
			} `json:"payouts"`
		} `json:"record"`
	}
	queryJSON(t, &onChain, "query", "attribution", "record", claimed)
	record := s.view("getRecord", mustUint(t, claimed))[0].(precompileRecord)
	require.Equal(t, hexAddress(t, addr(node)), record.ServingNode)
	require.Equal(t, mustUint(t, adapterID), record.ModelId)
	require.Equal(t, poa.Method, record.Method)
	require.True(t, record.NodeSignedRoot)
	require.Len(t, record.Payouts, len(onChain.Record.Payouts))
	for i, p := range onChain.Record.Payouts {
		require.Equal(t, hexAddress(t, p.Recipient), record.Payouts[i].Recipient)
		require.Equal(t, p.Amount, record.Payouts[i].Amount.String())
	}

	// The records become final; each contributor's claimable reward is the
	// same, and the wallet claims through the precompile what the CLI
	// claims for the other.
	waitFor(t, 90*time.Second, "the challenge windows to end", func() bool {
		for _, id := range records {
			if recordStatus(t, id) != "RECORD_STATUS_FINAL" {
				return false
			}
		}
		return true
	})
	walletKey := exportEthKey(t, walletContributor)
	walletAddr := crypto.PubkeyToAddress(walletKey.PublicKey)
	reward := mustInt(t, rewards(t, addr(walletContributor)).Claimable.Amount).BigInt()
	require.Positive(t, reward.Sign())
	require.Equal(t, reward.String(), rewards(t, addr(cliContributor)).Claimable.Amount, "equal weights, equal rewards")
	views := s.view("getRewards", walletAddr)
	require.Equal(t, reward.String(), views[1].(*big.Int).String(), "claimable")

	walletBefore := evmBalance(walletAddr)
	receipt = s.send(walletKey, "claimRewards")
	evmClaimGas := receipt.GasUsed
	claimedEvent := s.event(receipt, "RewardsClaimed")
	require.Equal(t, common.BytesToHash(walletAddr.Bytes()), claimedEvent.Topics[1])
	data, err = s.abi.Events["RewardsClaimed"].Inputs.NonIndexed().Unpack(claimedEvent.Data)
	require.NoError(t, err)
	require.Equal(t, reward.String(), data[0].(*big.Int).String())
	require.Equal(t, new(big.Int).Sub(new(big.Int).Add(walletBefore, reward), gasCost(receipt)), evmBalance(walletAddr))
	require.Equal(t, evmBalance(walletAddr).String(), localnet.balance(t, addr(walletContributor)), "bank and EVM agree")

	cliBefore := mustInt(t, localnet.balance(t, addr(cliContributor)))
	cliClaim := moduleTx(t, cliContributor, "attribution", "claim-rewards")
	require.Equal(t, cliBefore.Add(math.NewIntFromBigInt(reward)).Sub(fee).String(), localnet.balance(t, addr(cliContributor)))
	for _, who := range []string{walletContributor, cliContributor} {
		require.Equal(t, "0", rewards(t, addr(who)).Claimable.Amount, "%s claimed everything", who)
	}

	// Claiming again, or with msg.value, reverts and pays nothing.
	codespace, code, message = s.revert(walletAddr, s.address, s.pack("claimRewards"))
	require.Equal(t, []any{"attribution", uint32(32)}, []any{codespace, code}, message)
	codespace, code, message = s.revertWithValue(walletAddr, big.NewInt(1), s.pack("claimRewards"))
	require.Equal(t, []any{"precompile", uint32(2)}, []any{codespace, code}, message)

	t.Logf("gas: claimRewards %s (CLI) / %d (EVM); challengeAttribution %s / %d; voteChallenge %s / %d",
		cliClaim.GasUsed, evmClaimGas, cliChallenge.GasUsed, evmChallengeGas, cliVote.GasUsed, evmVoteGas)
}

// attributionBond is the challenge bond in aopen.
func attributionBond(t *testing.T) *big.Int {
	t.Helper()
	var res struct {
		Params struct {
			ChallengeBond coinView `json:"challenge_bond"`
		} `json:"params"`
	}
	queryJSON(t, &res, "query", "attribution", "params")
	return mustInt(t, res.Params.ChallengeBond.Amount).BigInt()
}
