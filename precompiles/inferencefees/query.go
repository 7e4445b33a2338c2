package inferencefees

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/inferencefees/types"
)

// withdrawalABI is IInferencefees.sol's Withdrawal, field for field.
type withdrawalABI struct {
	Id              uint64 //nolint:revive // the ABI field is id
	Amount          *big.Int
	RequestedHeight int64
	ReleaseTime     int64
}

// creditABI is IInferencefees.sol's Credit, field for field.
type creditABI struct {
	Balance           *big.Int
	PendingWithdrawal *big.Int
	Locked            *big.Int
	Available         *big.Int
	Withdrawals       []withdrawalABI
}

// channelABI is IInferencefees.sol's Channel, field for field.
type channelABI struct {
	User              common.Address
	ServingNode       common.Address
	SettledAmount     *big.Int
	LastNonce         uint64
	LastSettledHeight int64
}

func (p precompile) getCredit(c *precompilekit.Call) ([]any, error) {
	var a struct {
		User common.Address
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	user, err := precompilekit.Bech32(p.codec, a.User)
	if err != nil {
		return nil, err
	}
	res, err := p.queries.Credit(c.Ctx, &types.QueryCreditRequest{User: user})
	if err != nil {
		return nil, err
	}
	withdrawals := make([]withdrawalABI, len(res.Withdrawals))
	for i, w := range res.Withdrawals {
		withdrawals[i] = withdrawalABI{
			Id: w.Id, Amount: precompilekit.Amount(w.Amount), RequestedHeight: w.RequestedHeight, ReleaseTime: w.ReleaseTime.Unix(),
		}
	}
	return []any{creditABI{
		Balance: precompilekit.Amount(res.Credit.Balance), PendingWithdrawal: precompilekit.Amount(res.Credit.PendingWithdrawal),
		Locked: precompilekit.Amount(res.Locked), Available: precompilekit.Amount(res.Available), Withdrawals: withdrawals,
	}}, nil
}

func (p precompile) getChannel(c *precompilekit.Call) ([]any, error) {
	var a struct {
		User        common.Address
		ServingNode common.Address
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	user, err := precompilekit.Bech32(p.codec, a.User)
	if err != nil {
		return nil, err
	}
	node, err := precompilekit.Bech32(p.codec, a.ServingNode)
	if err != nil {
		return nil, err
	}
	res, err := p.queries.Channel(c.Ctx, &types.QueryChannelRequest{User: user, ServingNode: node})
	if err != nil {
		return nil, err
	}
	ch := res.Channel
	return []any{channelABI{
		User: a.User, ServingNode: a.ServingNode, SettledAmount: precompilekit.Amount(ch.SettledAmount),
		LastNonce: ch.LastNonce, LastSettledHeight: ch.LastSettledHeight,
	}}, nil
}
