package keeper_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// FuzzMsgServer delivers arbitrary messages of every type to a state with a
// checkpoint signed by nobody yet, a deposit one attestation short of its
// quorum, and one validator without a key (see keepertest.FuzzMsgs for what
// each input must do).
func FuzzMsgServer(f *testing.F) {
	fx := newFixture(f)
	fx.register(fx.val1, fx.val2)
	fx.withdraw(fx.alice, recipient, open(10))
	fx.endBlock()
	fx.attestDeposit(1, open(5), fx.val1)

	params := fx.params()
	params.CheckpointInterval = 99
	seeds := []proto.Message{
		fx.registerMsg(fx.val3),
		&types.MsgWithdraw{Sender: fx.bob.Str, EthRecipient: recipient, Amount: open(3)},
		&types.MsgSubmitCheckpointSignature{Operator: fx.val1.Str, Nonce: 1, Signature: fx.signCheckpoint(fx.val1, fx.checkpoint(1).Header)},
		fx.depositMsg(fx.val2, 1, open(5)),
		&types.MsgAttestCheckpointAccepted{Operator: fx.val1.Str, Nonce: 1},
		fx.equivocationMsg(fx.val1),
		&types.MsgUpdateParams{Authority: fx.Authority, Params: params},
	}
	keepertest.FuzzMsgs(f, fx, types.Msg_serviceDesc, seeds)
}
