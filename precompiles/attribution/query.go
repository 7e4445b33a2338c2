package attribution

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/attribution/types"
)

// datasetVersionABI is IAttribution.sol's DatasetVersion.
type datasetVersionABI struct {
	DatanetId uint64 //nolint:revive // the ABI field is datanetId
	Version   uint64
	Root      [32]byte
}

// payoutABI is IAttribution.sol's Payout.
type payoutABI struct {
	Recipient      common.Address
	ContributionId uint64 //nolint:revive // the ABI field is contributionId
	Amount         *big.Int
}

// recordABI is IAttribution.sol's Record, field for field.
type recordABI struct {
	Id                uint64 //nolint:revive // the ABI field is id
	ServingNode       common.Address
	ModelId           uint64 //nolint:revive // the ABI field is modelId
	Method            string
	Datasets          []datasetVersionABI
	ReceiptsRoot      [32]byte
	InferenceCount    uint64
	Weights           []contributionWeightABI
	DataReward        *big.Int
	Payouts           []payoutABI
	Unattributed      *big.Int
	CreatedHeight     int64
	ChallengeDeadline int64
	Status            uint8
	OpenChallengeId   uint64 //nolint:revive // the ABI field is openChallengeId
	ResolvedHeight    int64
	ReceiptVersion    uint32
	PricePerCall      *big.Int
	PricePer1kTokens  *big.Int
	Tokens            uint64
	BatchModelIds     []uint64 //nolint:revive // the ABI field is batchModelIds
	NodeSignedRoot    bool
}

func (p precompile) getRewards(c *precompilekit.Call) ([]any, error) {
	var a struct {
		Account common.Address
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	account, err := precompilekit.Bech32(p.codec, a.Account)
	if err != nil {
		return nil, err
	}
	res, err := p.queries.Rewards(c.Ctx, &types.QueryRewardsRequest{Address: account})
	if err != nil {
		return nil, err
	}
	return []any{precompilekit.Amount(res.Pending.Amount), precompilekit.Amount(res.Claimable.Amount)}, nil
}

func (p precompile) getRecord(c *precompilekit.Call) ([]any, error) {
	var a struct {
		RecordId uint64 //nolint:revive // the ABI argument is recordId
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	res, err := p.queries.Record(c.Ctx, &types.QueryRecordRequest{RecordId: a.RecordId})
	if err != nil {
		return nil, err
	}
	r := res.Record
	node, err := precompilekit.EVMAddress(p.codec, r.ServingNode)
	if err != nil {
		return nil, err
	}
	datasets := make([]datasetVersionABI, len(r.Datasets))
	for i, d := range r.Datasets {
		datasets[i] = datasetVersionABI{DatanetId: d.DatanetId, Version: d.Version, Root: precompilekit.Hash32(d.Root)}
	}
	payouts := make([]payoutABI, len(r.Payouts))
	for i, po := range r.Payouts {
		recipient, err := precompilekit.EVMAddress(p.codec, po.Recipient)
		if err != nil {
			return nil, err
		}
		payouts[i] = payoutABI{Recipient: recipient, ContributionId: po.ContributionId, Amount: precompilekit.Amount(po.Amount)}
	}
	recordWeights := make([]contributionWeightABI, len(r.Weights))
	for i, w := range r.Weights {
		recordWeights[i] = contributionWeightABI{ContributionId: w.ContributionId, Ppm: w.Ppm}
	}
	batchModels := r.BatchModelIds
	if batchModels == nil {
		batchModels = []uint64{}
	}
	return []any{recordABI{
		Id: r.Id, ServingNode: node, ModelId: r.ModelId, Method: r.Method, Datasets: datasets,
		ReceiptsRoot: precompilekit.Hash32(r.ReceiptsRoot), InferenceCount: r.InferenceCount, Weights: recordWeights,
		DataReward: precompilekit.Amount(r.DataReward.Amount), Payouts: payouts, Unattributed: precompilekit.Amount(r.Unattributed),
		CreatedHeight: r.CreatedHeight, ChallengeDeadline: r.ChallengeDeadline.Unix(), Status: precompilekit.Enum8(r.Status),
		OpenChallengeId: r.OpenChallengeId, ResolvedHeight: r.ResolvedHeight, ReceiptVersion: r.ReceiptVersion,
		PricePerCall: precompilekit.Amount(r.Price.PerCall), PricePer1kTokens: precompilekit.Amount(r.Price.Per_1KTokens),
		Tokens: r.Tokens, BatchModelIds: batchModels, NodeSignedRoot: r.NodeSignedRoot,
	}}, nil
}
