package attribution_test

import (
	"crypto/sha256"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/header"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/precompiles/attribution"
	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/testutil"
	agentstakekeeper "github.com/openledger/openledger/x/agentstake/keeper"
	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/attribution/keeper"
	"github.com/openledger/openledger/x/attribution/types"
	datanetkeeper "github.com/openledger/openledger/x/datanet/keeper"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	inferencefeeskeeper "github.com/openledger/openledger/x/inferencefees/keeper"
	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
	modelregkeeper "github.com/openledger/openledger/x/modelreg/keeper"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

type logs []*ethtypes.Log

func (l *logs) AddLog(log *ethtypes.Log) { *l = append(*l, log) }

// Solidity structs as go-ethereum's ABI codec takes and returns them.
type (
	weightABI struct {
		ContributionId uint64 `json:"contributionId"` //nolint:revive // as the ABI names it
		Ppm            uint32 `json:"ppm"`
	}
	receiptABI struct {
		User             common.Address `json:"user"`
		ModelId          uint64         `json:"modelId"` //nolint:revive // as the ABI names it
		OutputHash       [32]byte       `json:"outputHash"`
		Weights          []weightABI    `json:"weights"`
		PromptTokens     uint64         `json:"promptTokens"`
		CompletionTokens uint64         `json:"completionTokens"`
		Fee              *big.Int       `json:"fee"`
		Method           string         `json:"method"`
	}
	recordView = struct {
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

func open(n int64) *big.Int {
	return new(big.Int).Mul(big.NewInt(n), new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))
}

func hash(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

// A Datanet with one accepted contribution, an adapter trained on its first
// version, a staked serving node and an attestor, all made through the
// modules' own messages; direct payments then make attribution records whose
// receipts root the payer names. The precompile claims, challenges and
// votes on them as the contributor, a watcher and the attestor.
func TestAttributionPrecompileRewardsChallengesAndVotes(t *testing.T) {
	chain := testutil.NewChain(t, 100_000, 100_000, 100_000, 100_000, 1_000_000)
	a := chain.App
	codec := a.AccountKeeper.AddressCodec()
	start := chain.Context().BlockTime()
	ctx := chain.Context().WithHeaderInfo(header.Info{Height: 10, Time: start})
	p, err := attribution.NewPrecompile(keeper.NewMsgServerImpl(a.AttributionKeeper), keeper.NewQueryServerImpl(a.AttributionKeeper),
		codec, a.BankKeeper)
	require.NoError(t, err)
	var emitted logs
	call := func(from common.Address, value *big.Int, method string, args ...any) ([]any, error) {
		input, err := p.Pack(method, args...)
		require.NoError(t, err)
		if value == nil {
			value = new(big.Int)
		}
		out, err := p.InvokeWithValue(ctx, from, value, input, &emitted)
		if err != nil {
			return nil, err
		}
		return p.Methods[method].Outputs.Unpack(out)
	}
	contributor := common.BytesToAddress(chain.Accounts[0].Address)
	node := common.BytesToAddress(chain.Accounts[1].Address)
	payer := common.BytesToAddress(chain.Accounts[2].Address)
	watcher := common.BytesToAddress(chain.Accounts[3].Address)
	attestor := common.BytesToAddress(chain.Accounts[4].Address)
	bech := func(addr common.Address) string {
		s, err := precompilekit.Bech32(codec, addr)
		require.NoError(t, err)
		return s
	}
	balance := func(addr common.Address) *big.Int {
		return a.BankKeeper.GetBalance(ctx, addr.Bytes(), types.RewardDenom).Amount.BigInt()
	}

	// The contributor owns the Datanet, so it earns both the contributor's
	// and the curator's share of every weight.
	datanets := datanetkeeper.NewMsgServerImpl(a.DatanetKeeper)
	_, err = datanets.CreateDatanet(ctx, &datanettypes.MsgCreateDatanet{
		Owner: bech(contributor), Name: "Runbooks", License: "CC0-1.0",
		Visibility: datanettypes.VISIBILITY_PUBLIC, CurationPolicy: datanettypes.CURATION_POLICY_OWNER_REVIEWS,
	})
	require.NoError(t, err)
	text := []byte("Rotate the storage keys every ninety days.")
	_, err = datanets.SubmitContribution(ctx, &datanettypes.MsgSubmitContribution{
		Contributor: bech(contributor), DatanetId: 1, ContentHash: hash(string(text)), SizeBytes: uint64(len(text)),
		MediaType: "text/plain", InlineData: text,
	})
	require.NoError(t, err)
	_, err = datanets.ReviewContributions(ctx, &datanettypes.MsgReviewContributions{
		Reviewer: bech(contributor), DatanetId: 1, Decisions: []datanettypes.ReviewDecision{{ContributionId: 1, Accept: true, Reason: "ok"}},
	})
	require.NoError(t, err)
	version, err := a.DatanetKeeper.GetVersion(ctx, 1, 1)
	require.NoError(t, err)

	models := modelregkeeper.NewMsgServerImpl(a.ModelregKeeper)
	base := &modelregtypes.MsgRegisterModel{
		Owner: bech(contributor), Name: "base", Kind: modelregtypes.MODEL_KIND_BASE, Architecture: "llama",
		Artifact: modelregtypes.Artifact{Uri: "ipfs://base", Sha256: hash("base"), SizeBytes: 1, Format: modelregtypes.ARTIFACT_FORMAT_SAFETENSORS},
		License:  "Apache-2.0", Price: modelregtypes.Price{PerCall: math.NewInt(1000), Per_1KTokens: math.ZeroInt()},
	}
	_, err = models.RegisterModel(ctx, base)
	require.NoError(t, err)
	adapter := *base
	adapter.Name, adapter.Kind, adapter.BaseModelId = "adapter", modelregtypes.MODEL_KIND_LORA_ADAPTER, 1
	adapter.Artifact = modelregtypes.Artifact{Uri: "ipfs://adapter", Sha256: hash("adapter"), SizeBytes: 1, Format: modelregtypes.ARTIFACT_FORMAT_PEFT_ADAPTER}
	// 0.01 OPEN a call: a data share large enough to split.
	adapter.Price = modelregtypes.Price{PerCall: math.NewIntFromBigInt(new(big.Int).Div(open(1), big.NewInt(100))), Per_1KTokens: math.ZeroInt()}
	adapter.Training = modelregtypes.TrainingRecord{
		Datasets: []modelregtypes.DatasetRef{{DatanetId: 1, Version: 1, Root: version.Root}},
		Method:   "lora", ConfigHash: hash("config"), Trainer: "modelfactory",
	}
	res, err := models.RegisterModel(ctx, &adapter)
	require.NoError(t, err)
	adapterID := res.ModelId

	agents := agentstakekeeper.NewMsgServerImpl(a.AgentstakeKeeper)
	stakeParams, err := a.AgentstakeKeeper.Params.Get(ctx)
	require.NoError(t, err)
	_, err = agents.RegisterAgent(ctx, &agentstaketypes.MsgRegisterAgent{
		Owner: bech(node), Kind: agentstaketypes.AGENT_KIND_SERVING_NODE, ModelIds: []uint64{adapterID},
		Endpoint: "https://node.example", Stake: stakeParams.MinStakeServingNode,
	})
	require.NoError(t, err)
	_, err = agents.RegisterAgent(ctx, &agentstaketypes.MsgRegisterAgent{
		Owner: bech(attestor), Kind: agentstaketypes.AGENT_KIND_ATTESTOR, Stake: stakeParams.MinStakeAttestor,
	})
	require.NoError(t, err)

	// pay makes a record of one inference whose receipt attributes weight
	// to the contribution, and returns the record id and the receipt.
	fees := inferencefeeskeeper.NewMsgServerImpl(a.InferencefeesKeeper)
	price := adapter.Price.PerCall
	pay := func(output string, weight uint32) (uint64, types.Receipt) {
		receipt := types.Receipt{
			User: bech(payer), ModelID: adapterID, OutputHash: hash(output),
			Weights: []types.ContributionWeight{{ContributionId: 1, Ppm: weight}}, PromptTokens: 10, CompletionTokens: 20, Fee: price, Method: poa.Method,
		}
		root, err := types.ReceiptsRoot([]types.Receipt{receipt})
		require.NoError(t, err)
		paid, err := fees.PayInference(ctx, &inferencefeestypes.MsgPayInference{
			Payer: bech(payer), ServingNode: bech(node), ModelId: adapterID, Amount: sdk.NewCoin(types.RewardDenom, price),
			InferenceCount: 1, ReceiptsRoot: root, Method: poa.Method, Weights: receipt.Weights, Tokens: 30,
		})
		require.NoError(t, err)
		require.NotZero(t, paid.AttributionRecordId)
		return paid.AttributionRecordId, receipt
	}
	abiReceipt := func(r types.Receipt) receiptABI {
		w := make([]weightABI, len(r.Weights))
		for i, x := range r.Weights {
			w[i] = weightABI{x.ContributionId, x.Ppm}
		}
		return receiptABI{
			User: payer, ModelId: r.ModelID, OutputHash: [32]byte(r.OutputHash), Weights: w,
			PromptTokens: r.PromptTokens, CompletionTokens: r.CompletionTokens, Fee: r.Fee.BigInt(), Method: r.Method,
		}
	}
	proofOf := func(r types.Receipt) [][32]byte {
		proof, err := types.ReceiptProof([]types.Receipt{r}, 0)
		require.NoError(t, err)
		out := make([][32]byte, len(proof))
		for i, h := range proof {
			out[i] = [32]byte(h)
		}
		return out
	}

	// getRecord is the module's record, field for field.
	claimedID, _ := pay("keys rotate every ninety days", 600_000)
	out, err := call(payer, nil, "getRecord", claimedID)
	require.NoError(t, err)
	view := out[0].(recordView)
	stored, err := a.AttributionKeeper.GetRecord(ctx, claimedID)
	require.NoError(t, err)
	require.Equal(t, claimedID, view.Id)
	require.Equal(t, node, view.ServingNode)
	require.Equal(t, adapterID, view.ModelId)
	require.Equal(t, poa.Method, view.Method)
	require.Len(t, view.Datasets, 1)
	require.Equal(t, [32]byte(version.Root), view.Datasets[0].Root)
	require.Equal(t, [32]byte(stored.ReceiptsRoot), view.ReceiptsRoot)
	require.Equal(t, stored.DataReward.Amount.BigInt(), view.DataReward)
	require.Positive(t, view.DataReward.Sign())
	require.Len(t, view.Payouts, len(stored.Payouts))
	payoutSum := new(big.Int)
	for i, po := range view.Payouts {
		require.Equal(t, stored.Payouts[i].Amount.BigInt(), po.Amount)
		require.Equal(t, contributor, po.Recipient)
		payoutSum.Add(payoutSum, po.Amount)
	}
	require.Equal(t, view.DataReward, new(big.Int).Add(payoutSum, view.Unattributed), "payouts and the unattributed part are the reward")
	require.Equal(t, uint8(types.RECORD_STATUS_PENDING), view.Status)
	require.Equal(t, stored.ChallengeDeadline.Unix(), view.ChallengeDeadline)
	require.Equal(t, price.BigInt(), view.PricePerCall)
	require.Equal(t, uint64(30), view.Tokens)
	require.Equal(t, []uint64{adapterID}, view.BatchModelIds)
	require.False(t, view.NodeSignedRoot, "a direct payment's root is the payer's")

	// The payouts are pending until the record is final; then claimRewards
	// pays them and emits RewardsClaimed.
	out, err = call(contributor, nil, "getRewards", contributor)
	require.NoError(t, err)
	requireAmounts(t, out, payoutSum, new(big.Int))
	_, err = call(contributor, nil, "claimRewards")
	requireCosmosError(t, p, err, types.ErrNothingToClaim)
	params, err := a.AttributionKeeper.Params.Get(ctx)
	require.NoError(t, err)
	final := start.Add(params.ChallengeWindow + time.Second)
	ctx = ctx.WithHeaderInfo(header.Info{Height: 11, Time: final})
	require.NoError(t, a.AttributionKeeper.EndBlock(ctx))
	out, err = call(contributor, nil, "getRewards", contributor)
	require.NoError(t, err)
	requireAmounts(t, out, new(big.Int), payoutSum)
	before := balance(contributor)
	out, err = call(contributor, nil, "claimRewards")
	require.NoError(t, err)
	require.Equal(t, payoutSum, out[0])
	require.Equal(t, new(big.Int).Add(before, payoutSum), balance(contributor))
	log := emitted[len(emitted)-1]
	require.Equal(t, p.Events["RewardsClaimed"].ID, log.Topics[0])
	require.Equal(t, common.BytesToHash(contributor.Bytes()), log.Topics[1])
	data, err := p.Events["RewardsClaimed"].Inputs.NonIndexed().Unpack(log.Data)
	require.NoError(t, err)
	require.Equal(t, []any{payoutSum}, data)

	// A watcher challenges a receipt of a second record with the weights it
	// recomputed, posting the bond; the one attestor upholds it.
	challengedID, receipt := pay("replicas that lag stop serving reads", 900_000)
	// A third record stays pending, for the refusals below: the upheld
	// challenge jails the node, which then records nothing more.
	pendingID, pending := pay("warm the hot paths first", 500_000)
	recomputed := []weightABI{{ContributionId: 1, Ppm: 100_000}}
	watcherBefore := balance(watcher)
	out, err = call(watcher, nil, "challengeAttribution", challengedID, abiReceipt(receipt), uint64(0), uint64(1), proofOf(receipt), recomputed)
	require.NoError(t, err)
	challengeID := out[0].(uint64)
	require.Equal(t, final.Add(params.VotingPeriod).Unix(), out[1])
	require.Equal(t, new(big.Int).Sub(watcherBefore, params.ChallengeBond.Amount.BigInt()), balance(watcher), "the bond")
	log = emitted[len(emitted)-1]
	require.Equal(t, p.Events["AttributionChallenged"].ID, log.Topics[0])
	require.Equal(t, []common.Hash{
		common.BytesToHash(watcher.Bytes()), common.BigToHash(new(big.Int).SetUint64(challengedID)), common.BigToHash(new(big.Int).SetUint64(challengeID)),
	}, log.Topics[1:])
	out, err = call(payer, nil, "getRecord", challengedID)
	require.NoError(t, err)
	require.Equal(t, uint8(types.RECORD_STATUS_CHALLENGED), out[0].(recordView).Status)
	require.Equal(t, challengeID, out[0].(recordView).OpenChallengeId)

	out, err = call(attestor, nil, "voteChallenge", challengeID, true)
	require.NoError(t, err)
	require.Equal(t, []any{uint8(types.CHALLENGE_STATUS_UPHELD)}, out)
	log = emitted[len(emitted)-1]
	require.Equal(t, p.Events["ChallengeVoted"].ID, log.Topics[0])
	data, err = p.Events["ChallengeVoted"].Inputs.NonIndexed().Unpack(log.Data)
	require.NoError(t, err)
	require.Equal(t, []any{true, uint8(types.CHALLENGE_STATUS_UPHELD)}, data)
	out, err = call(payer, nil, "getRecord", challengedID)
	require.NoError(t, err)
	require.Equal(t, uint8(types.RECORD_STATUS_OVERTURNED), out[0].(recordView).Status)
	require.GreaterOrEqual(t, balance(watcher).Cmp(watcherBefore), 0, "the bond came back")

	// Refusals carry the module's registered errors and emit nothing.
	events := len(emitted)
	_, err = call(payer, nil, "getRecord", uint64(999))
	requireCosmosError(t, p, err, types.ErrRecordNotFound)
	_, err = call(watcher, nil, "claimRewards")
	requireCosmosError(t, p, err, types.ErrNothingToClaim)
	_, err = call(contributor, big.NewInt(1), "claimRewards")
	requireCosmosError(t, p, err, precompilekit.ErrNotPayable)
	_, err = call(watcher, nil, "voteChallenge", challengeID, true)
	requireCosmosError(t, p, err, types.ErrChallengeNotOpen)
	_, err = call(watcher, nil, "voteChallenge", uint64(999), true)
	requireCosmosError(t, p, err, types.ErrChallengeNotFound)
	_, err = call(watcher, nil, "challengeAttribution", pendingID, abiReceipt(pending), uint64(0), uint64(1), proofOf(pending),
		[]weightABI{{ContributionId: 1, Ppm: 500_000}})
	requireCosmosError(t, p, err, types.ErrSameWeights)
	wrongProof := proofOf(pending)
	wrongProof[0][0] ^= 1
	_, err = call(watcher, nil, "challengeAttribution", pendingID, abiReceipt(pending), uint64(0), uint64(1), wrongProof, recomputed)
	requireCosmosError(t, p, err, types.ErrInvalidProof)
	_, err = call(watcher, nil, "challengeAttribution", challengedID, abiReceipt(receipt), uint64(0), uint64(1), proofOf(receipt), recomputed)
	requireCosmosError(t, p, err, types.ErrRecordNotPending)
	_, err = call(watcher, nil, "challengeUsage", pendingID, abiReceipt(pending), uint64(0), uint64(1), proofOf(pending),
		uint8(types.USAGE_CLAIM_TOKENS), uint64(1), uint64(2))
	requireCosmosError(t, p, err, types.ErrUsageNotChallengeable)
	require.Len(t, emitted, events, "a refused call emits nothing")
	out, err = call(payer, nil, "getRecord", pendingID)
	require.NoError(t, err)
	require.Equal(t, uint8(types.RECORD_STATUS_PENDING), out[0].(recordView).Status)
}

// The flat charge before a call is the SDK's store write cost for a writing
// method and its read cost for a view, plus the input's bytes; no method is
// payable.
func TestAttributionPrecompileGas(t *testing.T) {
	chain := testutil.NewChain(t, 1)
	a := chain.App
	p, err := attribution.NewPrecompile(keeper.NewMsgServerImpl(a.AttributionKeeper), keeper.NewQueryServerImpl(a.AttributionKeeper),
		a.AccountKeeper.AddressCodec(), a.BankKeeper)
	require.NoError(t, err)
	receipt := receiptABI{User: common.Address{1}, ModelId: 2, Weights: []weightABI{{1, 2}}, Fee: big.NewInt(3), Method: "m"}
	gas := storetypes.KVGasConfig()
	for _, tc := range []struct {
		method string
		args   []any
		write  bool
	}{
		{"claimRewards", nil, true},
		{"challengeAttribution", []any{uint64(1), receipt, uint64(0), uint64(1), make([][32]byte, 32), []weightABI{{1, 3}}}, true},
		{"challengeUsage", []any{uint64(1), receipt, uint64(0), uint64(1), make([][32]byte, 32), uint8(3), uint64(4), uint64(5)}, true},
		{"voteChallenge", []any{uint64(1), true}, true},
		{"getRewards", []any{common.Address{1}}, false},
		{"getRecord", []any{uint64(1)}, false},
	} {
		input, err := p.Pack(tc.method, tc.args...)
		require.NoError(t, err)
		want := gas.ReadCostFlat + gas.ReadCostPerByte*uint64(len(input))
		if tc.write {
			want = gas.WriteCostFlat + gas.WriteCostPerByte*uint64(len(input))
		}
		require.Equal(t, want, p.RequiredGas(input), tc.method)
		require.Equal(t, !tc.write, p.Methods[tc.method].IsConstant(), tc.method)
		require.False(t, p.Methods[tc.method].IsPayable(), tc.method)
		// The input decodes back to the arguments it was packed from.
		args, err := p.Methods[tc.method].Inputs.Unpack(input[4:])
		require.NoError(t, err)
		require.Len(t, args, len(tc.args), tc.method)
	}
}

// requireAmounts checks uint256 outputs by value.
func requireAmounts(t *testing.T, got []any, want ...*big.Int) {
	t.Helper()
	require.Len(t, got, len(want))
	for i, w := range want {
		require.Zerof(t, w.Cmp(got[i].(*big.Int)), "output %d: %s, want %s", i, got[i], w)
	}
}

// requireCosmosError checks that err reverts as want's CosmosError.
func requireCosmosError(t *testing.T, p *precompilekit.Precompile, err error, want *errorsmod.Error) {
	t.Helper()
	require.ErrorIs(t, err, want)
	data, packErr := precompilekit.RevertData(p.ABI, err)
	require.NoError(t, packErr)
	values, unpackErr := p.Errors[precompilekit.RevertErrorName].Inputs.Unpack(data[4:])
	require.NoError(t, unpackErr)
	require.Equal(t, []any{want.Codespace(), want.ABCICode()}, values[:2], "%v", err)
}
