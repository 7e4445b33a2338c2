package keeper_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

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
	keepertest.FuzzMsgs(f, fx, types.Msg_serviceDesc, seeds)
}
