package keeper_test

import (
	"testing"
	"time"

	"github.com/cosmos/gogoproto/proto"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// FuzzMsgServer delivers arbitrary messages of every type to a state with
// two serving nodes (one of an Ethereum key, which signs settlements) and an
// attestor whose jail time is over (see keepertest.FuzzMsgs for what each
// input must do).
func FuzzMsgServer(f *testing.F) {
	fx := withServingNode(f)
	fx.register(servingNodeMsg(fx.node))
	jailed := fx.register(attestorMsg(fx.alice, open(10_000)))
	if _, err := fx.K.Slash(fx.Ctx, jailed, types.SLASH_REASON_GOVERNANCE, "prop 7", nil, 0); err != nil {
		f.Fatal(err)
	}
	fx.advance(10, types.DefaultJailDuration)

	params, err := fx.K.Params.Get(fx.Ctx)
	if err != nil {
		f.Fatal(err)
	}
	params.UnbondingPeriod = time.Hour
	seeds := []proto.Message{
		attestorMsg(fx.bob, open(10_000)),
		&types.MsgUpdateAgent{Owner: fx.owner.Str, Operator: fx.owner.Str, ModelIds: []uint64{3}, Endpoint: "http://10.0.0.1:8080"},
		&types.MsgAddStake{Owner: fx.owner.Str, Operator: fx.owner.Str, Amount: open(5)},
		&types.MsgBeginUnbonding{Owner: fx.node.Str, Operator: fx.node.Str, Amount: open(2000)},
		&types.MsgUnjail{Owner: fx.alice.Str, Operator: fx.alice.Str},
		&types.MsgSlashAgent{Authority: fx.Authority, Operator: fx.owner.Str, Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "proposal 12"},
		&types.MsgSubmitEquivocation{
			Submitter: fx.bob.Str,
			First:     fx.signed(fx.node.Key, evmChainID, fx.alice, 7, open(3), 0xaa),
			Second:    fx.signed(fx.node.Key, evmChainID, fx.alice, 7, open(4), 0xaa),
		},
		&types.MsgUpdateParams{Authority: fx.Authority, Params: params},
	}
	keepertest.FuzzMsgs(f, fx, types.Msg_serviceDesc, seeds)
}
