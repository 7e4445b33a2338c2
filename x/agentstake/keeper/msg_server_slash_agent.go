package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
)

// SlashAgent slashes an agent by governance decision: the reason's fraction
// of its bond and of its unbonding entries created at or after
// infraction_height; everything is burned (there is no challenger).
func (k msgServer) SlashAgent(ctx context.Context, msg *types.MsgSlashAgent) (*types.MsgSlashAgentResponse, error) {
	if err := sdk.ValidateAuthority(sdk.UnwrapSDKContext(ctx), k.GetAuthority(), msg.Authority); err != nil {
		return nil, err
	}
	op, _, err := types.ParseAddress(k.AddressCodec(), "operator", msg.Operator)
	if err != nil {
		return nil, err
	}
	slashed, err := k.Slash(ctx, op, msg.Reason, msg.EvidenceRef, nil, msg.InfractionHeight)
	if err != nil {
		return nil, err
	}
	return &types.MsgSlashAgentResponse{Slashed: slashed}, nil
}
