package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
)

// msgServer implements types.MsgServer; each handler lives in
// msg_server_<action>.go. Every handler checks everything it can before it
// writes anything, so a failed message changes no state even outside a
// transaction's cache.
type msgServer struct {
	Keeper
}

// NewMsgServerImpl returns the Msg service of the keeper.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{Keeper: k}
}

// ownedAgent loads the agent of operator, which the signer must own.
func (k Keeper) ownedAgent(ctx context.Context, signer, operator string) (sdk.AccAddress, types.Agent, error) {
	_, owner, err := types.ParseAddress(k.AddressCodec(), "owner", signer)
	if err != nil {
		return nil, types.Agent{}, err
	}
	op, _, err := types.ParseAddress(k.AddressCodec(), "operator", operator)
	if err != nil {
		return nil, types.Agent{}, err
	}
	a, err := k.GetAgent(ctx, op)
	if err != nil {
		return nil, a, err
	}
	if a.Owner != owner {
		return nil, a, errorsmod.Wrapf(types.ErrNotOwner, "%s does not own agent %s (owner %s)", owner, a.Operator, a.Owner)
	}
	return op, a, nil
}

// minStake returns the params and the minimum stake of an agent kind.
func (k Keeper) minStake(ctx context.Context, kind types.AgentKind) (types.Params, math.Int, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return params, math.Int{}, err
	}
	minStake, err := params.MinStake(kind)
	return params, minStake, err
}

// checkModels checks that every model exists in x/modelreg and is active.
func (k Keeper) checkModels(ctx context.Context, ids []uint64) error {
	for _, id := range ids {
		m, err := k.modelregKeeper.GetModel(ctx, id)
		if err != nil {
			return errorsmod.Wrapf(types.ErrUnknownModel, "model %d: %v", id, err)
		}
		if m.Status != modelActive {
			return errorsmod.Wrapf(types.ErrModelNotActive, "model %d is %s", id, m.Status)
		}
	}
	return nil
}

// checkProfile checks the editable fields of an agent, models included.
func (k Keeper) checkProfile(ctx context.Context, p types.Params, kind types.AgentKind, modelIDs []uint64, endpoint, metadataURI string) error {
	if err := types.ValidateModelIDs(kind, modelIDs, p.MaxModelsPerAgent); err != nil {
		return err
	}
	if err := types.ValidateEndpoint(kind, endpoint); err != nil {
		return err
	}
	if err := types.ValidateMetadataURI(metadataURI); err != nil {
		return err
	}
	return k.checkModels(ctx, modelIDs)
}
