package keeper

import (
	"context"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// UpdateParams sets the module parameters; only the authority may. New
// params apply to what happens next: existing deadlines are kept.
func (k msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	return modulekit.UpdateParams[types.MsgUpdateParamsResponse](ctx, k.Env, msg.Authority, msg.Params, msg.Params.Validate, k.Params, &types.EventParamsUpdated{Params: msg.Params})
}
