package keeper

import (
	"context"
	"slices"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/modulekit"
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

// configuredParams are the params of a bridge whose contract is named.
func (k Keeper) configuredParams(ctx context.Context) (types.Params, types.Domain, error) {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return p, types.Domain{}, err
	}
	if !p.Configured() {
		return p, types.Domain{}, errorsmod.Wrap(types.ErrBridgeNotConfigured, "governance has not named the L1 bridge contract")
	}
	d, err := p.Domain()
	return p, d, err
}

// UpdateParams sets the params; governance only.
func (k msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	return modulekit.UpdateParams[types.MsgUpdateParamsResponse](ctx, k.Env, msg.Authority, msg.Params,
		msg.Params.Validate, k.Params, &types.EventParamsUpdated{Params: msg.Params})
}

// attested reports whether valStr is among validators.
func attested(validators []string, valStr string) bool { return slices.Contains(validators, valStr) }
