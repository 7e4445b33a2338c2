package keeper_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// FuzzMsgServer delivers arbitrary messages of every type to a state where
// alice and bob hold credit, alice has a pending withdrawal and one of her
// vouchers to the node is settled (see keepertest.FuzzMsgs for what each
// input must do).
func FuzzMsgServer(f *testing.F) {
	fx := newFixture(f)
	fx.deposit(fx.alice, math.NewInt(1_000))
	fx.deposit(fx.bob, math.NewInt(1_000))
	keepertest.MustDeliver(fx.Chain(), fx.Msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: fx.alice.Str, Amount: coin(100)})
	keepertest.MustDeliver(fx.Chain(), fx.Msgs.SettleBatch, fx.batch(1, 1, fx.voucher(fx.alice, fx.node, math.NewInt(300), 1)))

	params := fx.params()
	params.BurnBps, params.DataContributorsBps = 0, params.DataContributorsBps+params.BurnBps
	seeds := []proto.Message{
		&types.MsgDepositCredit{User: fx.alice.Str, Amount: coin(700)},
		&types.MsgRequestWithdrawal{User: fx.bob.Str, Amount: coin(200)},
		&types.MsgPayInference{Payer: fx.bob.Str, ServingNode: fx.node.Str, ModelId: 1, Amount: coin(10), InferenceCount: 1, Tokens: 10},
		fx.batch(1, 5, fx.voucher(fx.alice, fx.node, math.NewInt(400), 2), fx.voucher(fx.bob, fx.node, math.NewInt(250), 1)),
		fx.batch(2, 1, fx.voucher(fx.bob, fx.node, math.NewInt(50), 1)),
		&types.MsgUpdateParams{Authority: fx.Authority, Params: params},
	}
	keepertest.FuzzMsgs(f, fx, types.Msg_serviceDesc, seeds)
}
