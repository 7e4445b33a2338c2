package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/modelreg/types"
)

// RevokeModel revokes a model for good. The owner or the governance
// authority may; a revoked model cannot be revoked again.
func (k msgServer) RevokeModel(ctx context.Context, msg *types.MsgRevokeModel) (*types.MsgRevokeModelResponse, error) {
	_, signer, err := types.ParseAddress(k.AddressCodec(), "signer", msg.Signer)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateReason(msg.Reason); err != nil {
		return nil, err
	}
	m, err := k.GetModel(ctx, msg.ModelId)
	if err != nil {
		return nil, err
	}
	if signer != m.Owner && signer != k.GetAuthority() {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "%s may not revoke model %d (owner %s)", signer, m.Id, m.Owner)
	}
	if m.Status == types.MODEL_STATUS_REVOKED {
		return nil, errorsmod.Wrapf(types.ErrModelRevoked, "model %d", m.Id)
	}
	m.Status = types.MODEL_STATUS_REVOKED
	if err := k.saveModel(ctx, m, &types.EventModelRevoked{ModelId: m.Id, By: signer, Reason: msg.Reason}); err != nil {
		return nil, err
	}
	return &types.MsgRevokeModelResponse{}, nil
}
