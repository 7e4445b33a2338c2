package keeper_test

import (
	"testing"
	"time"

	"github.com/cosmos/gogoproto/proto"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// FuzzMsgServer delivers arbitrary messages of every type to a state with
// a final record (whose rewards are claimable), a record in its challenge
// window whose batch holds a receipt of a model the batch did not settle,
// and an open challenge (see keepertest.FuzzMsgs for what each input must
// do).
func FuzzMsgServer(f *testing.F) {
	fx := newFixture(f)
	fx.forgeModel()
	fx.record(fx.validInput())
	fx.endBlockAt(startTime.Add(types.DefaultChallengeWindow))
	open := fx.record(fx.validInput())
	_, challenge := fx.challenge()

	params, err := fx.K.Params.Get(fx.Ctx)
	if err != nil {
		f.Fatal(err)
	}
	params.ChallengeWindow = 12 * time.Hour
	seeds := []proto.Message{
		fx.challengeMsg(open, 0),
		fx.usageMsg(open, 2, types.USAGE_CLAIM_MODEL),
		&types.MsgVoteChallenge{Attestor: fx.att1.Str, ChallengeId: challenge, Uphold: true},
		&types.MsgVoteChallenge{Attestor: fx.att2.Str, ChallengeId: challenge},
		&types.MsgClaimRewards{Claimant: fx.alice.Str},
		&types.MsgUpdateParams{Authority: fx.Authority, Params: params},
	}
	keepertest.FuzzMsgs(f, fx, types.Msg_serviceDesc, seeds)
}
