package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/agentstake/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// modelActive is the status a served model must have.
const modelActive = modelregtypes.MODEL_STATUS_ACTIVE

// RegisterAgent registers an agent owned by the signer and bonds its stake.
// The operator defaults to the owner; one operator registers once.
func (k msgServer) RegisterAgent(ctx context.Context, msg *types.MsgRegisterAgent) (*types.MsgRegisterAgentResponse, error) {
	ownerAddr, owner, err := types.ParseAddress(k.AddressCodec(), "owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	opAddr, operator := ownerAddr, owner
	if msg.Operator != "" {
		if opAddr, operator, err = types.ParseAddress(k.AddressCodec(), "operator", msg.Operator); err != nil {
			return nil, err
		}
	}
	if err := types.ValidateKind(msg.Kind); err != nil {
		return nil, err
	}
	if msg.Kind == types.AGENT_KIND_SERVING_NODE && len(opAddr) != types.EVMAddressLength {
		return nil, errorsmod.Wrapf(types.ErrInvalidAddress, "a serving node's operator signs settlements: it must be a %d-byte address", types.EVMAddressLength)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateAmount("stake", msg.Stake); err != nil {
		return nil, err
	}
	minStake, err := params.MinStake(msg.Kind)
	if err != nil {
		return nil, err
	}
	if msg.Stake.LT(minStake) {
		return nil, errorsmod.Wrapf(types.ErrBelowMinStake, "stake %s is below the %s minimum %s", msg.Stake, msg.Kind, minStake)
	}
	if k.bankKeeper.BlockedAddr(ownerAddr) {
		return nil, errorsmod.Wrapf(types.ErrBlockedOwner, "%s could not be paid its unbonded stake", owner)
	}
	has, err := k.Agents.Has(ctx, opAddr)
	if err != nil {
		return nil, err
	}
	if has {
		return nil, errorsmod.Wrapf(types.ErrAgentExists, "operator %s", operator)
	}
	if err := k.checkProfile(ctx, params, msg.Kind, msg.ModelIds, msg.Endpoint, msg.MetadataUri); err != nil {
		return nil, err
	}

	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, ownerAddr, types.ModuleName, coins(msg.Stake)); err != nil {
		return nil, errorsmod.Wrapf(err, "bonding %s", msg.Stake)
	}
	agent := types.Agent{
		Operator: operator, Owner: owner, Kind: msg.Kind, ModelIds: msg.ModelIds,
		Endpoint: msg.Endpoint, MetadataUri: msg.MetadataUri, Bonded: msg.Stake,
		Status: types.AGENT_STATUS_ACTIVE,
	}
	if err := k.saveAgent(ctx, opAddr, nil, agent); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventAgentRegistered{Operator: operator, Owner: owner, Kind: msg.Kind, Stake: msg.Stake}); err != nil {
		return nil, err
	}
	return &types.MsgRegisterAgentResponse{Operator: operator}, nil
}
