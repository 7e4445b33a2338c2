package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// usageMsg disputes the usage of receipt leaf of the fixture's batch.
func (f *fixture) usageMsg(recordID, leaf uint64, claim types.UsageClaim) *types.MsgChallengeUsage {
	proof, err := types.ReceiptProof(f.receipts, leaf)
	require.NoError(f.T, err)
	return &types.MsgChallengeUsage{
		Challenger: f.challenger.Str, RecordId: recordID, Receipt: f.receipts[leaf],
		LeafIndex: leaf, LeafCount: uint64(len(f.receipts)), Proof: proof, Claim: claim,
	}
}

// forgeModel makes receipt 2 of the batch a receipt of model 9, which the
// batch (models 3 and 7) did not settle: the node booked its fee elsewhere.
func (f *fixture) forgeModel() { f.receipts[2].ModelID = 9 }

// forgeFee makes receipt 1 charge one aopen more than the price.
func (f *fixture) forgeFee() { f.receipts[1].Fee = f.receipts[1].Fee.AddRaw(1) }

func TestChallengeUsageModelIsUpheldAtOnce(t *testing.T) {
	f := newFixture(t)
	f.forgeModel()
	rid := f.record(f.validInput())
	f.setTime(startTime.Add(time.Hour))
	challengerBefore, pool := f.balance(f.challenger.Addr), f.communityPool()

	resp := keepertest.MustDeliver(f.Chain(), f.Msgs.ChallengeUsage, f.usageMsg(rid, 2, types.USAGE_CLAIM_MODEL))
	require.Equal(t, types.CHALLENGE_STATUS_UPHELD, resp.Status)

	// No vote: the record is overturned, the bond came straight back, the
	// node is slashed and the challenger paid through x/agentstake.
	r := f.getRecord(rid)
	require.Equal(t, types.RECORD_STATUS_OVERTURNED, r.Status)
	require.Zero(t, r.OpenChallengeId)
	c := f.getChallenge(resp.ChallengeId)
	require.Equal(t, types.CHALLENGE_STATUS_UPHELD, c.Status)
	require.Equal(t, types.USAGE_CLAIM_MODEL, c.UsageClaim)
	require.True(t, c.UpholdStake.IsZero() && c.RejectStake.IsZero())
	require.Equal(t, oneOPEN().MulRaw(50), c.Slashed)
	require.Equal(t, challengerBefore, f.balance(f.challenger.Addr))
	require.Equal(t, pool.AddRaw(1_000_003), f.communityPool())
	require.True(t, f.moduleBalance().IsZero())
	require.Equal(t, []slashCall{{
		operator: f.node.Addr, challenger: f.challenger.Addr, evidenceRef: "attribution/challenge/1", infractionHeight: startHeight,
	}}, f.agentstake.slashes)
	for _, e := range []string{"EventUsageChallenged", "EventRecordOverturned", "EventChallengeResolved"} {
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.attribution.v1."+e), 1, e)
	}
	proven, err := f.K.ProvenReceipts.Has(f.Ctx, collections.Join(r.ReceiptsRoot, uint64(2)))
	require.NoError(t, err)
	require.True(t, proven)

	// The batch's other record (model 3, same receipts root) cannot be made
	// to pay for the same wrong receipt again; another wrong receipt would.
	in := f.validInput()
	in.ModelID = 3
	other := f.record(in)
	keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.ChallengeUsage, f.usageMsg(other, 2, types.USAGE_CLAIM_MODEL), types.ErrReceiptAlreadyProven)
	f.receipts[0].ModelID = 11
	in = f.validInput()
	in.ModelID = 3
	third := f.record(in)
	keepertest.MustDeliver(f.Chain(), f.Msgs.ChallengeUsage, f.usageMsg(third, 0, types.USAGE_CLAIM_MODEL))
	require.Len(t, f.agentstake.slashes, 2)
}

func TestChallengeUsageVoted(t *testing.T) {
	bond := types.DefaultChallengeBond.Amount
	for _, tc := range []struct {
		name   string
		forge  func(*fixture)
		mutate func(*types.MsgChallengeUsage)
	}{
		{"fee claim", (*fixture).forgeFee, func(m *types.MsgChallengeUsage) { m.Claim = types.USAGE_CLAIM_FEE }},
		{"token claim", func(*fixture) {}, func(m *types.MsgChallengeUsage) {
			m.Claim, m.ClaimedPromptTokens, m.ClaimedCompletionTokens = types.USAGE_CLAIM_TOKENS, 101, 12
		}},
	} {
		open := func(t *testing.T) (*fixture, uint64, uint64) {
			f := newFixture(t)
			tc.forge(f)
			rid := f.record(f.validInput())
			msg := f.usageMsg(rid, 1, types.USAGE_CLAIM_UNSPECIFIED)
			tc.mutate(msg)
			before := f.balance(f.challenger.Addr)
			resp := keepertest.MustDeliver(f.Chain(), f.Msgs.ChallengeUsage, msg)
			require.Equal(t, types.CHALLENGE_STATUS_OPEN, resp.Status)
			require.Equal(t, startTime.Add(types.DefaultVotingPeriod), resp.VotingDeadline)
			require.Equal(t, before.Sub(bond), f.balance(f.challenger.Addr), "the bond is posted")
			require.Equal(t, types.RECORD_STATUS_CHALLENGED, f.getRecord(rid).Status)
			c := f.getChallenge(resp.ChallengeId)
			require.Equal(t, msg.Claim, c.UsageClaim)
			require.Equal(t, msg.ClaimedPromptTokens, c.ClaimedPromptTokens)
			require.Equal(t, msg.ClaimedCompletionTokens, c.ClaimedCompletionTokens)
			require.Empty(t, f.agentstake.slashes, "nothing is decided before the vote")
			return f, rid, resp.ChallengeId
		}
		t.Run("Success - "+tc.name+" upheld by vote: record overturned, bond back, node slashed", func(t *testing.T) {
			f, rid, cid := open(t)
			before, pool := f.balance(f.challenger.Addr), f.communityPool()
			f.vote(f.att1, cid, true)
			require.Equal(t, types.CHALLENGE_STATUS_UPHELD, f.vote(f.att2, cid, true))
			require.Equal(t, types.RECORD_STATUS_OVERTURNED, f.getRecord(rid).Status)
			require.Equal(t, before.Add(bond), f.balance(f.challenger.Addr))
			require.Equal(t, pool.AddRaw(1_000_003), f.communityPool())
			require.Len(t, f.agentstake.slashes, 1)
			require.True(t, f.moduleBalance().IsZero())
		})
		t.Run("Success - "+tc.name+" rejected by vote: bond burned, record resumes", func(t *testing.T) {
			f, rid, cid := open(t)
			supply := f.bank.Supply().AmountOf(denom)
			f.vote(f.att1, cid, false)
			require.Equal(t, types.CHALLENGE_STATUS_REJECTED, f.vote(f.att3, cid, false))
			require.Equal(t, types.RECORD_STATUS_PENDING, f.getRecord(rid).Status)
			require.Equal(t, supply.Sub(bond), f.bank.Supply().AmountOf(denom))
			require.Empty(t, f.agentstake.slashes)
			require.Equal(t, math.NewInt(1_000_003), f.moduleBalance())
			has, err := f.K.ProvenReceipts.Has(f.Ctx, collections.Join(f.getRecord(rid).ReceiptsRoot, uint64(1)))
			require.NoError(t, err)
			require.False(t, has)
		})
		t.Run("Success - "+tc.name+" without a quorum expires: bond back, record final", func(t *testing.T) {
			f, rid, cid := open(t)
			before := f.balance(f.challenger.Addr)
			f.vote(f.att3, cid, true)
			f.endBlockAt(f.getChallenge(cid).VotingDeadline)
			require.Equal(t, types.CHALLENGE_STATUS_EXPIRED, f.getChallenge(cid).Status)
			require.Equal(t, types.RECORD_STATUS_FINAL, f.getRecord(rid).Status)
			require.Equal(t, before.Add(bond), f.balance(f.challenger.Addr))
		})
	}
}

func TestChallengeUsageFailures(t *testing.T) {
	cases := []struct {
		name   string
		setup  func(f *fixture) // before the record is made
		mutate func(f *fixture, rid uint64, m *types.MsgChallengeUsage)
		want   *errorsmod.Error
	}{
		{"invalid challenger", nil, func(_ *fixture, _ uint64, m *types.MsgChallengeUsage) { m.Challenger = "x" }, types.ErrInvalidAddress},
		{"unknown record", nil, func(_ *fixture, _ uint64, m *types.MsgChallengeUsage) { m.RecordId = 42 }, types.ErrRecordNotFound},
		{"record already final", nil, func(f *fixture, rid uint64, _ *types.MsgChallengeUsage) {
			f.endBlockAt(f.getRecord(rid).ChallengeDeadline)
		}, types.ErrRecordNotPending},
		{"record already challenged", nil, func(f *fixture, rid uint64, _ *types.MsgChallengeUsage) {
			_, err := keepertest.Deliver(f.Chain(), f.Msgs.ChallengeAttribution, f.challengeMsg(rid, 0))
			require.NoError(f.T, err)
		}, types.ErrChallengeAlreadyOpen},
		{"window closed", nil, func(f *fixture, rid uint64, _ *types.MsgChallengeUsage) {
			f.setTime(f.getRecord(rid).ChallengeDeadline)
		}, types.ErrChallengeWindowClosed},
		{"record without receipts", nil, func(f *fixture, _ uint64, m *types.MsgChallengeUsage) {
			in := f.validInput()
			in.ReceiptsRoot = make([]byte, 32)
			m.RecordId = f.record(in)
		}, types.ErrRecordNotChallengeable},
		{"receipts root named by a payer, not signed by the node", nil, func(f *fixture, _ uint64, m *types.MsgChallengeUsage) {
			in := f.validInput()
			in.NodeSignedRoot = false
			m.RecordId = f.record(in)
		}, types.ErrUsageNotChallengeable},
		{"version 1 record", nil, func(f *fixture, rid uint64, _ *types.MsgChallengeUsage) {
			r := f.getRecord(rid)
			r.ReceiptVersion = types.ReceiptVersion1
			require.NoError(f.T, f.K.Records.Set(f.Ctx, rid, r))
		}, types.ErrUsageNotChallengeable},
		{"model claim: the model was settled by the batch", nil, func(f *fixture, rid uint64, m *types.MsgChallengeUsage) {
			*m = *f.usageMsg(rid, 1, types.USAGE_CLAIM_MODEL)
		}, types.ErrUsageAgrees},
		{"model claim: a model of the batch other than the record's", func(f *fixture) { f.receipts[2].ModelID = 3 }, nil, types.ErrUsageAgrees},
		{"fee claim: the fee is the price's", nil, func(f *fixture, rid uint64, m *types.MsgChallengeUsage) {
			*m = *f.usageMsg(rid, 1, types.USAGE_CLAIM_FEE)
		}, types.ErrUsageAgrees},
		{"fee claim: receipt of another model", nil, func(_ *fixture, _ uint64, m *types.MsgChallengeUsage) { m.Claim = types.USAGE_CLAIM_FEE }, types.ErrReceiptModelMismatch},
		{"token claim: the receipt's own counts", nil, func(f *fixture, rid uint64, m *types.MsgChallengeUsage) {
			*m = *f.usageMsg(rid, 1, types.USAGE_CLAIM_TOKENS)
			m.ClaimedPromptTokens, m.ClaimedCompletionTokens = m.Receipt.PromptTokens, m.Receipt.CompletionTokens
		}, types.ErrUsageAgrees},
		{"no claim", nil, func(_ *fixture, _ uint64, m *types.MsgChallengeUsage) { m.Claim = types.USAGE_CLAIM_UNSPECIFIED }, types.ErrInvalidUsageClaim},
		{"unknown claim", nil, func(_ *fixture, _ uint64, m *types.MsgChallengeUsage) { m.Claim = 9 }, types.ErrInvalidUsageClaim},
		{"token counts stated for a model claim", nil, func(_ *fixture, _ uint64, m *types.MsgChallengeUsage) { m.ClaimedPromptTokens = 1 }, types.ErrInvalidUsageClaim},
		{"negative fee in the receipt", nil, func(_ *fixture, _ uint64, m *types.MsgChallengeUsage) { m.Receipt.Fee = math.NewInt(-1) }, types.ErrInvalidReceipt},
		{"altered model", nil, func(_ *fixture, _ uint64, m *types.MsgChallengeUsage) { m.Receipt.ModelID = 12 }, types.ErrInvalidProof},
		{"altered fee", nil, func(_ *fixture, _ uint64, m *types.MsgChallengeUsage) { m.Receipt.Fee = m.Receipt.Fee.AddRaw(1) }, types.ErrInvalidProof},
		{"altered tokens", nil, func(_ *fixture, _ uint64, m *types.MsgChallengeUsage) { m.Receipt.PromptTokens++ }, types.ErrInvalidProof},
		{"wrong leaf count", nil, func(_ *fixture, _ uint64, m *types.MsgChallengeUsage) { m.LeafCount = 4 }, types.ErrInvalidProof},
		{"short proof", nil, func(_ *fixture, _ uint64, m *types.MsgChallengeUsage) { m.Proof = m.Proof[:31] }, types.ErrInvalidProof},
		{"challenger cannot pay the bond", nil, func(f *fixture, _ uint64, _ *types.MsgChallengeUsage) {
			keepertest.SetParams(f, func(p *types.Params) { p.ChallengeBond = sdk.NewCoin(denom, oneOPEN().MulRaw(10_000)) })
		}, sdkerrors.ErrInsufficientFunds},
	}
	for _, tc := range cases {
		t.Run("Failure - "+tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.forgeModel()
			if tc.setup != nil {
				tc.setup(f)
			}
			rid := f.record(f.validInput())
			msg := f.usageMsg(rid, 2, types.USAGE_CLAIM_MODEL)
			if tc.mutate != nil {
				tc.mutate(f, rid, msg)
			}
			keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.ChallengeUsage, msg, tc.want)
		})
	}
}

// TestChallengeUsageJudgesByTheRecordsPrice: a fee claim is judged against
// the price the usage was settled at, which the record keeps.
func TestChallengeUsageJudgesByTheRecordsPrice(t *testing.T) {
	f := newFixture(t)
	rid := f.record(f.validInput())
	require.Equal(t, testPrice, f.getRecord(rid).Price)

	// Receipt 1 is priced at testPrice: nothing to dispute, whatever the
	// model costs now.
	keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.ChallengeUsage, f.usageMsg(rid, 1, types.USAGE_CLAIM_FEE), types.ErrUsageAgrees)

	// A record settled at another price makes the same receipt's fee wrong.
	in := f.validInput()
	in.Price = modelregtypes.Price{PerCall: math.NewInt(3), Per_1KTokens: math.NewInt(3)}
	other := f.record(in)
	keepertest.MustDeliver(f.Chain(), f.Msgs.ChallengeUsage, f.usageMsg(other, 1, types.USAGE_CLAIM_FEE))

	// Token counts whose sum overflows 64 bits have no right fee.
	f2 := newFixture(t)
	f2.receipts[0].PromptTokens, f2.receipts[0].CompletionTokens = ^uint64(0), 2
	rid2 := f2.record(f2.validInput())
	keepertest.MustDeliver(f2.Chain(), f2.Msgs.ChallengeUsage, f2.usageMsg(rid2, 0, types.USAGE_CLAIM_FEE))
}

// TestChallengeAttributionOfVersion1Records: a record made before receipts
// carried tokens and fees is still challenged with its version 1 leaves.
func TestChallengeAttributionOfVersion1Records(t *testing.T) {
	f := newFixture(t)
	for i := range f.receipts {
		f.receipts[i].PromptTokens, f.receipts[i].CompletionTokens, f.receipts[i].Fee, f.receipts[i].Method = 0, 0, math.Int{}, ""
	}
	root, err := types.ReceiptsRootVersion(types.ReceiptVersion1, f.receipts)
	require.NoError(t, err)
	in := f.validInput()
	in.ReceiptsRoot = root
	rid := f.record(in)
	r := f.getRecord(rid)
	r.ReceiptVersion = types.ReceiptVersion1
	require.NoError(t, f.K.Records.Set(f.Ctx, rid, r))

	// A version 2 proof does not verify against a version 1 root.
	keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.ChallengeAttribution, f.challengeMsg(rid, 1), types.ErrInvalidProof)
	msg := f.challengeMsg(rid, 1)
	msg.Proof, err = types.ReceiptProofVersion(types.ReceiptVersion1, f.receipts, 1)
	require.NoError(t, err)
	keepertest.MustDeliver(f.Chain(), f.Msgs.ChallengeAttribution, msg)
}
