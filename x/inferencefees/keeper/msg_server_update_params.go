package keeper

import (
	"context"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// UpdateParams sets the module parameters; only the authority may.
func (k msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	return modulekit.UpdateParams[types.MsgUpdateParamsResponse](ctx, k.Env, msg.Authority, msg.Params, msg.Params.Validate, k.Params, &types.EventParamsUpdated{Params: msg.Params})
}
