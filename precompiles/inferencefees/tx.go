package inferencefees

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/precompiles/precompilekit"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/inferencefees/types"
)

// contributionWeightABI is IInferencefees.sol's ContributionWeight.
type contributionWeightABI struct {
	ContributionId uint64 //nolint:revive // the ABI field is contributionId
	Ppm            uint32
}

// depositCredit deposits msg.value. By the time the handler runs the value
// is back in msg.sender's bank balance (precompilekit's Run), so the
// module's own deposit moves it from there into the module account: the
// value the EVM took from msg.sender becomes its credit, to the aopen.
func (p precompile) depositCredit(c *precompilekit.Call) ([]any, error) {
	user, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	res, err := p.msgs.DepositCredit(c.Ctx, &types.MsgDepositCredit{User: user, Amount: coin(c.Value)})
	if err != nil {
		return nil, err
	}
	balance := precompilekit.Amount(res.Balance)
	if err := c.Emit("CreditDeposited", c.Caller, c.Value, balance); err != nil {
		return nil, err
	}
	return []any{balance}, nil
}

func (p precompile) requestWithdrawal(c *precompilekit.Call) ([]any, error) {
	var a struct {
		Amount *big.Int
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	user, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	res, err := p.msgs.RequestWithdrawal(c.Ctx, &types.MsgRequestWithdrawal{User: user, Amount: coin(a.Amount)})
	if err != nil {
		return nil, err
	}
	release := res.ReleaseTime.Unix()
	if err := c.Emit("WithdrawalRequested", c.Caller, res.WithdrawalId, a.Amount, release); err != nil {
		return nil, err
	}
	return []any{res.WithdrawalId, release}, nil
}

func (p precompile) payInference(c *precompilekit.Call) ([]any, error) {
	var a struct {
		ServingNode    common.Address
		ModelId        uint64 //nolint:revive // the ABI argument is modelId
		Amount         *big.Int
		InferenceCount uint64
		ReceiptsRoot   [32]byte
		Method         string
		Weights        []contributionWeightABI
		Tokens         uint64
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	payer, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	node, err := precompilekit.Bech32(p.codec, a.ServingNode)
	if err != nil {
		return nil, err
	}
	weights := make([]attributiontypes.ContributionWeight, len(a.Weights))
	for i, w := range a.Weights {
		weights[i] = attributiontypes.ContributionWeight{ContributionId: w.ContributionId, Ppm: w.Ppm}
	}
	res, err := p.msgs.PayInference(c.Ctx, &types.MsgPayInference{
		Payer: payer, ServingNode: node, ModelId: a.ModelId, Amount: coin(a.Amount), InferenceCount: a.InferenceCount,
		ReceiptsRoot: precompilekit.OptionalHash(a.ReceiptsRoot), Method: a.Method, Weights: weights, Tokens: a.Tokens,
	})
	if err != nil {
		return nil, err
	}
	if err := c.Emit("InferencePaid", c.Caller, a.ServingNode, a.ModelId, a.Amount, res.AttributionRecordId); err != nil {
		return nil, err
	}
	return []any{res.AttributionRecordId}, nil
}

// coin is an ABI amount as aopen; the module's checks refuse a zero amount
// with its own error.
func coin(amount *big.Int) sdk.Coin {
	return sdk.Coin{Denom: types.Denom, Amount: math.NewIntFromBigInt(amount)}
}
