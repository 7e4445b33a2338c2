package keeper_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"

	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/modelreg/types"
)

// FuzzMsgServer delivers arbitrary messages of every type to a state with a
// base model and an adapter of it trained on both stored Datanet versions
// (see keepertest.FuzzMsgs for what each input must do).
func FuzzMsgServer(f *testing.F) {
	fx := withBaseModel(f)
	adapter := fx.register(adapterMsg(fx.owner, baseModelID, fx.ds1, fx.ds2))

	params, err := fx.K.Params.Get(fx.Ctx)
	if err != nil {
		f.Fatal(err)
	}
	params.FeeDestination = types.FEE_DESTINATION_COMMUNITY_POOL
	seeds := []proto.Message{
		adapterMsg(fx.alice, baseModelID, fx.ds1),
		baseMsg(fx.bob),
		updateMsg(fx.owner, baseModelID),
		&types.MsgDeprecateModel{Owner: fx.owner.Str, ModelId: adapter},
		&types.MsgRevokeModel{Signer: fx.owner.Str, ModelId: baseModelID, Reason: "leaked test set"},
		&types.MsgRevokeModel{Signer: fx.Authority, ModelId: adapter},
		&types.MsgTransferModelOwnership{Owner: fx.owner.Str, ModelId: adapter, NewOwner: fx.alice.Str},
		&types.MsgUpdateParams{Authority: fx.Authority, Params: params},
	}
	keepertest.FuzzMsgs(f, fx, types.Msg_serviceDesc, seeds)
}
