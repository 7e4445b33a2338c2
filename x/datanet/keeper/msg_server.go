package keeper

import (
	"context"
	"slices"

	"github.com/cosmos/gogoproto/proto"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/datanet/types"
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

// saveDatanet stores a Datanet a handler changed, stamped with the current
// height, and emits ev.
func (k Keeper) saveDatanet(ctx context.Context, d types.Datanet, ev proto.Message) error {
	d.UpdatedHeight = k.Height(ctx)
	return modulekit.SetAndEmit(ctx, k.Env, k.Datanets.Set, d.Id, d, ev)
}

// ownedActiveDatanet loads a Datanet that the signer owns and that is not
// archived.
func (k Keeper) ownedActiveDatanet(ctx context.Context, signer string, id uint64) (types.Datanet, error) {
	_, owner, err := types.ParseAddress(k.AddressCodec(), "owner", signer)
	if err != nil {
		return types.Datanet{}, err
	}
	d, err := k.GetDatanet(ctx, id)
	if err != nil {
		return d, err
	}
	if d.Owner != owner {
		return d, errorsmod.Wrapf(types.ErrNotDatanetOwner, "%s does not own datanet %d (owner %s)", owner, id, d.Owner)
	}
	if d.Status == types.DATANET_STATUS_ARCHIVED {
		return d, errorsmod.Wrapf(types.ErrDatanetArchived, "datanet %d", id)
	}
	return d, nil
}

// isCurator reports whether addr (canonical) is in the Datanet's curator set.
func isCurator(d types.Datanet, addr string) bool {
	return slices.Contains(d.Curators, addr)
}
