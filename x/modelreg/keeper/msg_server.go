package keeper

import (
	"context"

	"github.com/cosmos/gogoproto/proto"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/internal/modulekit"
	"github.com/openledger/openledger/x/modelreg/types"
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

// saveModel stores a model a handler changed, stamped with the current
// height, and emits ev.
func (k Keeper) saveModel(ctx context.Context, m types.Model, ev proto.Message) error {
	m.UpdatedHeight = k.Height(ctx)
	return modulekit.SetAndEmit(ctx, k.Env, k.Models.Set, m.Id, m, ev)
}

// changeModel is how a handler changes a model that the signer owns and
// that is not revoked: change checks the message and changes the model,
// which is then stored with saveModel.
func (k Keeper) changeModel(
	ctx context.Context, signer string, id uint64, change func(m *types.Model) (proto.Message, error),
) error {
	m, err := k.ownedModel(ctx, signer, id)
	if err != nil {
		return err
	}
	ev, err := change(&m)
	if err != nil {
		return err
	}
	return k.saveModel(ctx, m, ev)
}

// ownedModel loads a model that the signer owns and that is not revoked.
func (k Keeper) ownedModel(ctx context.Context, signer string, id uint64) (types.Model, error) {
	_, owner, err := types.ParseAddress(k.AddressCodec(), "owner", signer)
	if err != nil {
		return types.Model{}, err
	}
	m, err := k.GetModel(ctx, id)
	if err != nil {
		return m, err
	}
	if m.Owner != owner {
		return m, errorsmod.Wrapf(types.ErrNotModelOwner, "%s does not own model %d (owner %s)", owner, id, m.Owner)
	}
	if m.Status == types.MODEL_STATUS_REVOKED {
		return m, errorsmod.Wrapf(types.ErrModelRevoked, "model %d", id)
	}
	return m, nil
}
