package attribution

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/attribution/types"
)

// contributionWeightABI is IAttribution.sol's ContributionWeight.
type contributionWeightABI struct {
	ContributionId uint64 //nolint:revive // the ABI field is contributionId
	Ppm            uint32
}

// receiptABI is IAttribution.sol's Receipt, field for field.
type receiptABI struct {
	User             common.Address
	ModelId          uint64 //nolint:revive // the ABI field is modelId
	OutputHash       [32]byte
	Weights          []contributionWeightABI
	PromptTokens     uint64
	CompletionTokens uint64
	Fee              *big.Int
	Method           string
}

func (p precompile) claimRewards(c *precompilekit.Call) ([]any, error) {
	claimant, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	res, err := p.msgs.ClaimRewards(c.Ctx, &types.MsgClaimRewards{Claimant: claimant})
	if err != nil {
		return nil, err
	}
	amount := precompilekit.Amount(res.Amount.Amount)
	if err := c.Emit("RewardsClaimed", c.Caller, amount); err != nil {
		return nil, err
	}
	return []any{amount}, nil
}

func (p precompile) challengeAttribution(c *precompilekit.Call) ([]any, error) {
	var a struct {
		RecordId          uint64 //nolint:revive // the ABI argument is recordId
		Receipt           receiptABI
		LeafIndex         uint64
		LeafCount         uint64
		Proof             [][32]byte
		RecomputedWeights []contributionWeightABI
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	challenger, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	receipt, err := p.receipt(a.Receipt)
	if err != nil {
		return nil, err
	}
	res, err := p.msgs.ChallengeAttribution(c.Ctx, &types.MsgChallengeAttribution{
		Challenger: challenger, RecordId: a.RecordId, Receipt: receipt, LeafIndex: a.LeafIndex, LeafCount: a.LeafCount,
		Proof: proof(a.Proof), RecomputedWeights: weights(a.RecomputedWeights),
	})
	if err != nil {
		return nil, err
	}
	deadline := res.VotingDeadline.Unix()
	if err := c.Emit("AttributionChallenged", c.Caller, a.RecordId, res.ChallengeId, deadline); err != nil {
		return nil, err
	}
	return []any{res.ChallengeId, deadline}, nil
}

func (p precompile) challengeUsage(c *precompilekit.Call) ([]any, error) {
	var a struct {
		RecordId                uint64 //nolint:revive // the ABI argument is recordId
		Receipt                 receiptABI
		LeafIndex               uint64
		LeafCount               uint64
		Proof                   [][32]byte
		Claim                   uint8
		ClaimedPromptTokens     uint64
		ClaimedCompletionTokens uint64
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	challenger, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	receipt, err := p.receipt(a.Receipt)
	if err != nil {
		return nil, err
	}
	// The module refuses a claim outside its enum with its own error.
	res, err := p.msgs.ChallengeUsage(c.Ctx, &types.MsgChallengeUsage{
		Challenger: challenger, RecordId: a.RecordId, Receipt: receipt, LeafIndex: a.LeafIndex, LeafCount: a.LeafCount,
		Proof: proof(a.Proof), Claim: types.UsageClaim(a.Claim),
		ClaimedPromptTokens: a.ClaimedPromptTokens, ClaimedCompletionTokens: a.ClaimedCompletionTokens,
	})
	if err != nil {
		return nil, err
	}
	deadline, status := res.VotingDeadline.Unix(), precompilekit.Enum8(res.Status)
	if err := c.Emit("UsageChallenged", c.Caller, a.RecordId, res.ChallengeId, a.Claim, status, deadline); err != nil {
		return nil, err
	}
	return []any{res.ChallengeId, status, deadline}, nil
}

func (p precompile) voteChallenge(c *precompilekit.Call) ([]any, error) {
	var a struct {
		ChallengeId uint64 //nolint:revive // the ABI argument is challengeId
		Uphold      bool
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	attestor, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	res, err := p.msgs.VoteChallenge(c.Ctx, &types.MsgVoteChallenge{Attestor: attestor, ChallengeId: a.ChallengeId, Uphold: a.Uphold})
	if err != nil {
		return nil, err
	}
	status := precompilekit.Enum8(res.Status)
	if err := c.Emit("ChallengeVoted", c.Caller, a.ChallengeId, a.Uphold, status); err != nil {
		return nil, err
	}
	return []any{status}, nil
}

// receipt is the module's Receipt of an ABI one: the user as the chain's
// account address and the fee as an integer; the module validates the rest.
func (p precompile) receipt(r receiptABI) (types.Receipt, error) {
	user, err := precompilekit.Bech32(p.codec, r.User)
	if err != nil {
		return types.Receipt{}, err
	}
	return types.Receipt{
		User: user, ModelID: r.ModelId, OutputHash: r.OutputHash[:], Weights: weights(r.Weights),
		PromptTokens: r.PromptTokens, CompletionTokens: r.CompletionTokens, Fee: math.NewIntFromBigInt(r.Fee), Method: r.Method,
	}, nil
}

func weights(in []contributionWeightABI) []types.ContributionWeight {
	out := make([]types.ContributionWeight, len(in))
	for i, w := range in {
		out[i] = types.ContributionWeight{ContributionId: w.ContributionId, Ppm: w.Ppm}
	}
	return out
}

// proof is the sibling hashes as the module takes them, 32 bytes each.
func proof(in [][32]byte) [][]byte {
	out := make([][]byte, len(in))
	for i := range in {
		out[i] = in[i][:]
	}
	return out
}
