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

// changeDatanet is how a handler changes a Datanet that the signer owns and
// that is not archived: change checks the message and changes the Datanet,
// which is then stored, stamped with the current height, and the event
// change returns is emitted.
func (k Keeper) changeDatanet(
	ctx context.Context, signer string, id uint64, change func(d *types.Datanet) (proto.Message, error),
) error {
	d, err := k.ownedActiveDatanet(ctx, signer, id)
	if err != nil {
		return err
	}
	ev, err := change(&d)
	if err != nil {
		return err
	}
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

// activeDatanet loads a Datanet that is not archived, for a message that
// brings it what (contributions, reviews): an archived Datanet takes none.
func (k Keeper) activeDatanet(ctx context.Context, id uint64, what string) (types.Datanet, error) {
	d, err := k.GetDatanet(ctx, id)
	if err != nil {
		return d, err
	}
	if d.Status == types.DATANET_STATUS_ARCHIVED {
		return d, errorsmod.Wrapf(types.ErrDatanetArchived, "datanet %d takes no %s", d.Id, what)
	}
	return d, nil
}

// isCurator reports whether addr (canonical) is in the Datanet's curator set.
func isCurator(d types.Datanet, addr string) bool {
	return slices.Contains(d.Curators, addr)
}
