package app_test

import (
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"

	"cosmossdk.io/math"

	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/testutil"
	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// paidInference is an in-process chain set up for paid inference: a Datanet
// version with one accepted contribution, a base model and an adapter trained
// on it, a staked serving node of the adapter and users with prepaid credit.
type paidInference struct {
	chain          *testutil.Chain
	owner, node    testutil.Account
	users          []testutil.Account
	adapterID      uint64
	contributionID uint64
	// gas is the gas limit given to every set-up transaction.
	gas uint64
}

// txFee pays for gas at ten times the genesis floor, so a rising base fee
// never refuses the fixture's transactions.
func txFee(gas uint64) math.Int { return math.NewIntFromUint64(gas).MulRaw(10_000_000_000) }

// deliver puts msgs from one account in a block of their own and requires
// success.
func (p *paidInference) deliver(tb testing.TB, from testutil.Account, gas uint64, msgs ...sdk.Msg) *abci.ExecTxResult {
	tb.Helper()
	res := p.chain.NextBlock(p.chain.SignTx(from, txFee(gas), gas, msgs...))
	require.Len(tb, res, 1)
	require.Zerof(tb, res[0].Code, "%T: %s", msgs[0], res[0].Log)
	return res[0]
}

func hashOf(s string) []byte {
	sum := sha256.Sum256([]byte(s))
	return sum[:]
}

// newPaidInference builds the fixture with the given number of users, each
// depositing creditOPEN.
func newPaidInference(tb testing.TB, users int, creditOPEN int64) *paidInference {
	tb.Helper()
	balances := make([]int64, users+3)
	for i := range balances {
		balances[i] = creditOPEN + 10_000
	}
	balances[0], balances[1] = 1_000_000, 1_000_000 // owner, node
	balances[len(balances)-1] = 0                   // takes the rest of the supply
	// Blocks may use any amount of gas, as on the localnet, so that a batch's
	// size is limited only by what is measured.
	consensus := *simtestutil.DefaultConsensusParams
	block := *consensus.Block
	block.MaxGas = -1
	consensus.Block = &block
	chain := testutil.NewChainWithConsensusParams(tb, &consensus, balances...)
	p := &paidInference{chain: chain, owner: chain.Accounts[0], node: chain.Accounts[1], users: chain.Accounts[2 : 2+users], gas: 2_000_000}
	owner := p.owner.Address.String()

	// A Datanet version with one accepted contribution.
	p.deliver(tb, p.owner, p.gas, &datanettypes.MsgCreateDatanet{
		Owner: owner, Name: "Runbooks", License: "CC0-1.0",
		Visibility: datanettypes.VISIBILITY_PUBLIC, CurationPolicy: datanettypes.CURATION_POLICY_OWNER_REVIEWS,
	})
	text := []byte("Rotate the storage keys every ninety days.")
	p.deliver(tb, p.owner, p.gas, &datanettypes.MsgSubmitContribution{
		Contributor: owner, DatanetId: 1, ContentHash: hashOf(string(text)), SizeBytes: uint64(len(text)),
		MediaType: "text/plain", InlineData: text,
	})
	p.contributionID = 1
	p.deliver(tb, p.owner, p.gas, &datanettypes.MsgReviewContributions{
		Reviewer: owner, DatanetId: 1, Decisions: []datanettypes.ReviewDecision{{ContributionId: 1, Accept: true, Reason: "ok"}},
	})
	version, err := chain.App.DatanetKeeper.GetVersion(chain.Context(), 1, 1)
	require.NoError(tb, err)

	// A base model and an adapter trained on that version.
	base := &modelregtypes.MsgRegisterModel{
		Owner: owner, Name: "base", Kind: modelregtypes.MODEL_KIND_BASE, Architecture: "llama",
		Artifact: modelregtypes.Artifact{Uri: "ipfs://base", Sha256: hashOf("base"), SizeBytes: 1, Format: modelregtypes.ARTIFACT_FORMAT_SAFETENSORS},
		License:  "Apache-2.0", Price: modelregtypes.Price{PerCall: math.NewInt(1), Per_1KTokens: math.ZeroInt()},
	}
	p.deliver(tb, p.owner, p.gas, base)
	adapter := *base
	adapter.Name, adapter.Kind, adapter.BaseModelId = "adapter", modelregtypes.MODEL_KIND_LORA_ADAPTER, 1
	adapter.Artifact = modelregtypes.Artifact{Uri: "ipfs://adapter", Sha256: hashOf("adapter"), SizeBytes: 1, Format: modelregtypes.ARTIFACT_FORMAT_PEFT_ADAPTER}
	// One aopen per token: a usage entry of T tokens costs T, whatever the
	// benchmark pays per voucher.
	adapter.Price = modelregtypes.Price{PerCall: math.ZeroInt(), Per_1KTokens: math.NewInt(1000)}
	adapter.Training = modelregtypes.TrainingRecord{
		Datasets: []modelregtypes.DatasetRef{{DatanetId: 1, Version: 1, Root: version.Root}},
		Method:   "lora", ConfigHash: hashOf("config"), Trainer: "modelfactory",
	}
	p.deliver(tb, p.owner, p.gas, &adapter)
	p.adapterID = 2

	// The serving node stakes the minimum.
	params, err := chain.App.AgentstakeKeeper.Params.Get(chain.Context())
	require.NoError(tb, err)
	p.deliver(tb, p.node, p.gas, &agentstaketypes.MsgRegisterAgent{
		Owner: p.node.Address.String(), Kind: agentstaketypes.AGENT_KIND_SERVING_NODE,
		ModelIds: []uint64{p.adapterID}, Endpoint: "https://node.example", Stake: params.MinStakeServingNode,
	})

	// Users deposit credit, many per block.
	var txs [][]byte
	flush := func() {
		for i, res := range chain.NextBlock(txs...) {
			require.Zerof(tb, res.Code, "deposit %d: %s", i, res.Log)
		}
		txs = txs[:0]
	}
	for _, u := range p.users {
		txs = append(txs, chain.SignTx(u, txFee(200_000), 200_000, &inferencefeestypes.MsgDepositCredit{
			User: u.Address.String(), Amount: config.OPEN(creditOPEN),
		}))
		if len(txs) == 500 {
			flush()
		}
	}
	flush()
	return p
}

// settleBatchTx is a MsgSettleBatch, signed and encoded, in which every user
// pays perVoucher more than in the previous round (round counts from 1) for
// inferencesPerVoucher inferences, attributed to the fixture's contribution.
func (p *paidInference) settleBatchTx(tb testing.TB, round int, perVoucher math.Int, inferencesPerVoucher uint64, gas uint64) []byte {
	tb.Helper()
	chainID := config.DefaultEVMChainID
	root := hashOf(fmt.Sprintf("receipts of round %d", round))
	cumulative := perVoucher.MulRaw(int64(round))
	msg := &inferencefeestypes.MsgSettleBatch{
		ServingNode: p.node.Address.String(), ReceiptsRoot: root,
		Vouchers: make([]inferencefeestypes.SignedVoucher, 0, len(p.users)),
	}
	expiry := uint64(p.chain.Context().BlockTime().Unix() + 3600)
	for _, u := range p.users {
		v := inferencefeestypes.Voucher{User: u.Address, ServingNode: p.node.Address, CumulativeAmount: cumulative, Nonce: uint64(round), Expiry: expiry}
		digest, err := v.Digest(chainID)
		require.NoError(tb, err)
		userSig, err := u.Key.Sign(digest[:])
		require.NoError(tb, err)
		settlement, err := v.Settlement(root).Digest(chainID)
		require.NoError(tb, err)
		nodeSig, err := p.node.Key.Sign(settlement[:])
		require.NoError(tb, err)
		msg.Vouchers = append(msg.Vouchers, inferencefeestypes.SignedVoucher{
			User: u.Address.String(), CumulativeAmount: cumulative, Nonce: uint64(round), Expiry: expiry,
			UserSignature: userSig, NodeSignature: nodeSig,
		})
	}
	amount := perVoucher.MulRaw(int64(len(p.users)))
	msg.Usage = []inferencefeestypes.ModelUsage{{
		ModelId: p.adapterID, Amount: amount, InferenceCount: inferencesPerVoucher * uint64(len(p.users)), Tokens: amount.Uint64(),
	}}
	msg.Attribution = []inferencefeestypes.ModelAttribution{{
		ModelId: p.adapterID, Method: poa.Method,
		Weights: []attributiontypes.ContributionWeight{{ContributionId: p.contributionID, Ppm: 800_000}},
	}}
	return p.chain.SignTx(p.node, txFee(gas), gas, msg)
}
