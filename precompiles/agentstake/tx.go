package agentstake

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/agentstake/types"
)

func (p precompile) registerAgent(c *precompilekit.Call) ([]any, error) {
	var a struct {
		Operator    common.Address
		Kind        uint8
		ModelIds    []uint64 //nolint:revive // the ABI argument is modelIds
		Endpoint    string
		MetadataUri string //nolint:revive // the ABI argument is metadataUri
		Stake       *big.Int
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, operator, err := p.ownerAndOperator(c, a.Operator)
	if err != nil {
		return nil, err
	}
	res, err := p.msgs.RegisterAgent(c.Ctx, &types.MsgRegisterAgent{
		Owner: owner, Operator: operator, Kind: types.AgentKind(a.Kind), ModelIds: a.ModelIds,
		Endpoint: a.Endpoint, MetadataUri: a.MetadataUri, Stake: math.NewIntFromBigInt(a.Stake),
	})
	if err != nil {
		return nil, err
	}
	agent, err := precompilekit.EVMAddress(p.codec, res.Operator)
	if err != nil {
		return nil, err
	}
	if err := c.Emit("AgentRegistered", agent, c.Caller, a.Kind, a.Stake); err != nil {
		return nil, err
	}
	return []any{agent}, nil
}

func (p precompile) addStake(c *precompilekit.Call) ([]any, error) {
	var a struct {
		Operator common.Address
		Amount   *big.Int
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, operator, err := p.ownerAndOperator(c, a.Operator)
	if err != nil {
		return nil, err
	}
	if _, err := p.msgs.AddStake(c.Ctx, &types.MsgAddStake{Owner: owner, Operator: operator, Amount: math.NewIntFromBigInt(a.Amount)}); err != nil {
		return nil, err
	}
	if err := c.Emit("StakeAdded", agentOf(c, a.Operator), c.Caller, a.Amount); err != nil {
		return nil, err
	}
	return []any{true}, nil
}

func (p precompile) updateAgent(c *precompilekit.Call) ([]any, error) {
	var a struct {
		Operator    common.Address
		ModelIds    []uint64 //nolint:revive // the ABI argument is modelIds
		Endpoint    string
		MetadataUri string //nolint:revive // the ABI argument is metadataUri
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, operator, err := p.ownerAndOperator(c, a.Operator)
	if err != nil {
		return nil, err
	}
	if _, err := p.msgs.UpdateAgent(c.Ctx, &types.MsgUpdateAgent{
		Owner: owner, Operator: operator, ModelIds: a.ModelIds, Endpoint: a.Endpoint, MetadataUri: a.MetadataUri,
	}); err != nil {
		return nil, err
	}
	if err := c.Emit("AgentUpdated", agentOf(c, a.Operator)); err != nil {
		return nil, err
	}
	return []any{true}, nil
}

func (p precompile) beginUnbonding(c *precompilekit.Call) ([]any, error) {
	var a struct {
		Operator common.Address
		Amount   *big.Int
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, operator, err := p.ownerAndOperator(c, a.Operator)
	if err != nil {
		return nil, err
	}
	res, err := p.msgs.BeginUnbonding(c.Ctx, &types.MsgBeginUnbonding{Owner: owner, Operator: operator, Amount: math.NewIntFromBigInt(a.Amount)})
	if err != nil {
		return nil, err
	}
	completion := res.Entry.CompletionTime.Unix()
	if err := c.Emit("UnbondingStarted", agentOf(c, a.Operator), c.Caller, res.Entry.Id, a.Amount, completion); err != nil {
		return nil, err
	}
	return []any{res.Entry.Id, completion}, nil
}

func (p precompile) unjail(c *precompilekit.Call) ([]any, error) {
	var a struct {
		Operator common.Address
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, operator, err := p.ownerAndOperator(c, a.Operator)
	if err != nil {
		return nil, err
	}
	if _, err := p.msgs.Unjail(c.Ctx, &types.MsgUnjail{Owner: owner, Operator: operator}); err != nil {
		return nil, err
	}
	if err := c.Emit("AgentUnjailed", agentOf(c, a.Operator)); err != nil {
		return nil, err
	}
	return []any{true}, nil
}

// ownerAndOperator are the message's owner (msg.sender) and operator (the
// owner's own agent for the zero address).
func (p precompile) ownerAndOperator(c *precompilekit.Call, operator common.Address) (owner, op string, err error) {
	if owner, err = precompilekit.Bech32(p.codec, c.Caller); err != nil {
		return "", "", err
	}
	if op, err = precompilekit.Bech32(p.codec, agentOf(c, operator)); err != nil {
		return "", "", err
	}
	return owner, op, nil
}

// agentOf is the agent an operator argument names: the zero address is the
// owner's own agent.
func agentOf(c *precompilekit.Call, operator common.Address) common.Address {
	if operator == (common.Address{}) {
		return c.Caller
	}
	return operator
}
