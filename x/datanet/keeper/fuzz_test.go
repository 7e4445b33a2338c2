package keeper_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// fuzzMsgs are the module's Msg types in the order a fuzz input's first
// byte picks them; the committed corpus depends on the order, so new types
// go at the end.
var fuzzMsgs = []keepertest.FuzzMsg[types.MsgServer]{
	keepertest.FuzzHandler(types.MsgServer.CreateDatanet),
	keepertest.FuzzHandler(types.MsgServer.UpdateDatanet),
	keepertest.FuzzHandler(types.MsgServer.SetCurators),
	keepertest.FuzzHandler(types.MsgServer.ArchiveDatanet),
	keepertest.FuzzHandler(types.MsgServer.TransferDatanetOwnership),
	keepertest.FuzzHandler(types.MsgServer.SubmitContribution),
	keepertest.FuzzHandler(types.MsgServer.WithdrawContribution),
	keepertest.FuzzHandler(types.MsgServer.ReviewContributions),
	keepertest.FuzzHandler(types.MsgServer.UpdateParams),
}

// FuzzMsgServer delivers arbitrary messages of every type to a state with a
// Datanet that has curators and pending contributions (see
// keepertest.FuzzMsgs for what each input must do).
func FuzzMsgServer(f *testing.F) {
	fx := newFixture(f)
	id := fx.createDatanet(func(m *types.MsgCreateDatanet) { m.CurationPolicy = types.CURATION_POLICY_CURATOR_SET_REVIEWS })
	keepertest.MustDeliver(fx.Chain(), fx.Msgs.SetCurators, &types.MsgSetCurators{Owner: fx.owner.Str, DatanetId: id, Curators: []string{fx.carol.Str}})
	first := fx.submit(fx.alice, id, "first contribution")
	second := fx.submit(fx.alice, id, "second contribution")

	params := fx.params()
	params.MaxInlineBytes = 1024
	seeds := []proto.Message{
		fx.createMsg(fx.bob),
		updateMsg(fx.owner, id),
		&types.MsgSetCurators{Owner: fx.owner.Str, DatanetId: id, Curators: []string{fx.bob.Str, fx.carol.Str}},
		&types.MsgArchiveDatanet{Owner: fx.owner.Str, DatanetId: id},
		&types.MsgTransferDatanetOwnership{Owner: fx.owner.Str, DatanetId: id, NewOwner: fx.carol.Str},
		submitMsg(fx.bob, id, "third contribution"),
		&types.MsgWithdrawContribution{Contributor: fx.alice.Str, ContributionId: second},
		&types.MsgReviewContributions{Reviewer: fx.carol.Str, DatanetId: id, Decisions: []types.ReviewDecision{accept(first), reject(second, "off topic")}},
		&types.MsgUpdateParams{Authority: fx.Authority, Params: params},
	}
	keepertest.FuzzMsgs(f, fx, fuzzMsgs, seeds)
}
