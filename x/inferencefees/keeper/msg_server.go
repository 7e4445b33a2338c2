package keeper

import (
	"github.com/openledger/openledger/x/inferencefees/types"
)

// msgServer implements types.MsgServer; each handler lives in
// msg_server_<action>.go. Every handler checks everything it can before it
// writes anything, so a failed message changes no state even outside a
// transaction's cache. The one exception is a refusal by x/attribution or
// x/bank after the split has begun (a record x/attribution rejects, a
// recipient x/bank blocks): the transaction's cache reverts those.
type msgServer struct {
	Keeper
}

// NewMsgServerImpl returns the Msg service of the keeper.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{Keeper: k}
}
