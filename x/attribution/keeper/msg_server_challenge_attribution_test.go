package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// challengeMsg disputes receipt leaf of the fixture's batch in a record.
func (f *fixture) challengeMsg(recordID, leaf uint64) *types.MsgChallengeAttribution {
	proof, err := types.ReceiptProof(f.receipts, leaf)
	require.NoError(f.T, err)
	return &types.MsgChallengeAttribution{
		Challenger:        f.challenger.Str,
		RecordId:          recordID,
		Receipt:           f.receipts[leaf],
		LeafIndex:         leaf,
		LeafCount:         uint64(len(f.receipts)),
		Proof:             proof,
		RecomputedWeights: []types.ContributionWeight{{ContributionId: 1, Ppm: 100_000}, {ContributionId: 3, Ppm: 800_000}},
	}
}

// challenge records a record and challenges it; it returns both ids.
func (f *fixture) challenge() (uint64, uint64) {
	f.T.Helper()
	rid := f.record(f.validInput())
	resp, err := keepertest.Deliver(f.Chain(), f.Msgs.ChallengeAttribution, f.challengeMsg(rid, 1))
	require.NoError(f.T, err)
	return rid, resp.ChallengeId
}

func TestChallengeAttribution(t *testing.T) {
	keepertest.Run(t, "Success - bond taken, record challenged and out of the queue", newFixture, func(t *testing.T, f *fixture) {
		rid := f.record(f.validInput())
		f.setTime(startTime.Add(time.Hour))
		before := f.balance(f.challenger.Addr)
		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.ChallengeAttribution, f.challengeMsg(rid, 2))
		require.Equal(t, uint64(1), resp.ChallengeId)
		require.Equal(t, startTime.Add(time.Hour+types.DefaultVotingPeriod), resp.VotingDeadline)

		bond := types.DefaultChallengeBond.Amount
		require.Equal(t, before.Sub(bond), f.balance(f.challenger.Addr))
		r := f.getRecord(rid)
		require.Equal(t, types.RECORD_STATUS_CHALLENGED, r.Status)
		require.Equal(t, resp.ChallengeId, r.OpenChallengeId)
		c := f.getChallenge(resp.ChallengeId)
		require.Equal(t, types.CHALLENGE_STATUS_OPEN, c.Status)
		require.Equal(t, f.receipts[2], c.Receipt)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.attribution.v1.EventAttributionChallenged"), 1)

		// The record does not finalize at its deadline while challenged.
		f.endBlockAt(r.ChallengeDeadline)
		require.Equal(t, types.RECORD_STATUS_CHALLENGED, f.getRecord(rid).Status)
		pending, _ := f.rewards(f.alice)
		require.Equal(t, math.NewInt(540_001), pending)
	})

	keepertest.Run(t, "Success - a batch of one receipt", newFixture, func(t *testing.T, f *fixture) {
		f.receipts = f.receipts[:1]
		rid := f.record(f.validInput())
		keepertest.MustDeliver(f.Chain(), f.Msgs.ChallengeAttribution, f.challengeMsg(rid, 0))
	})

	failures := []keepertest.Failure[func(f *fixture, m *types.MsgChallengeAttribution)]{
		{Name: "Failure - invalid challenger", Make: func(_ *fixture, m *types.MsgChallengeAttribution) { m.Challenger = "x" }, Want: types.ErrInvalidAddress},
		{Name: "Failure - unknown record", Make: func(_ *fixture, m *types.MsgChallengeAttribution) { m.RecordId = 42 }, Want: types.ErrRecordNotFound},
		{Name: "Failure - record already final", Make: func(f *fixture, m *types.MsgChallengeAttribution) {
			f.endBlockAt(f.getRecord(m.RecordId).ChallengeDeadline)
		}, Want: types.ErrRecordNotPending},
		{Name: "Failure - record already challenged", Make: func(f *fixture, m *types.MsgChallengeAttribution) {
			_, err := keepertest.Deliver(f.Chain(), f.Msgs.ChallengeAttribution, f.challengeMsg(m.RecordId, 0))
			require.NoError(f.T, err)
		}, Want: types.ErrChallengeAlreadyOpen},
		{Name: "Failure - window closed (deadline reached, end blocker not run yet)", Make: func(f *fixture, m *types.MsgChallengeAttribution) {
			f.setTime(f.getRecord(m.RecordId).ChallengeDeadline)
		}, Want: types.ErrChallengeWindowClosed},
		{Name: "Failure - record without receipts", Make: func(f *fixture, m *types.MsgChallengeAttribution) {
			in := f.validInput()
			in.ReceiptsRoot = make([]byte, 32)
			m.RecordId = f.record(in)
		}, Want: types.ErrRecordNotChallengeable},
		{Name: "Failure - receipt user not canonical", Make: func(_ *fixture, m *types.MsgChallengeAttribution) {
			m.Receipt.User = "OPEN1" + m.Receipt.User[5:]
		}, Want: types.ErrInvalidReceipt},
		{Name: "Failure - receipt output hash not 32 bytes", Make: func(_ *fixture, m *types.MsgChallengeAttribution) {
			m.Receipt.OutputHash = m.Receipt.OutputHash[:16]
		}, Want: types.ErrInvalidReceipt},
		{Name: "Failure - receipt model id 0", Make: func(_ *fixture, m *types.MsgChallengeAttribution) { m.Receipt.ModelID = 0 }, Want: types.ErrInvalidReceipt},
		{Name: "Failure - receipt of another model", Make: func(f *fixture, m *types.MsgChallengeAttribution) {
			f.receipts[1].ModelID = 8
			*m = *f.challengeMsg(m.RecordId, 1)
		}, Want: types.ErrReceiptModelMismatch},
		{Name: "Failure - receipt of the same answer by another method", Make: func(f *fixture, m *types.MsgChallengeAttribution) {
			// The batch's root holds it (a receipt per answer and method),
			// but the record is of the exact-span method.
			f.receipts[1].Method = "tracin-1.lora.sparse-sign"
			root, err := types.ReceiptsRoot(f.receipts)
			require.NoError(f.T, err)
			rec := f.getRecord(m.RecordId)
			rec.ReceiptsRoot = root
			require.NoError(f.T, f.K.Records.Set(f.Ctx, m.RecordId, rec))
			*m = *f.challengeMsg(m.RecordId, 1)
		}, Want: types.ErrReceiptMethodMismatch},
		{Name: "Failure - a version 3 receipt without a method", Make: func(_ *fixture, m *types.MsgChallengeAttribution) {
			m.Receipt.Method = ""
		}, Want: types.ErrInvalidReceipt},
		{Name: "Failure - altered receipt", Make: func(_ *fixture, m *types.MsgChallengeAttribution) {
			m.Receipt.Weights = []types.ContributionWeight{{ContributionId: 1, Ppm: 5}}
		}, Want: types.ErrInvalidProof},
		{Name: "Failure - wrong leaf index", Make: func(_ *fixture, m *types.MsgChallengeAttribution) { m.LeafIndex = 0 }, Want: types.ErrInvalidProof},
		{Name: "Failure - leaf index past the count", Make: func(_ *fixture, m *types.MsgChallengeAttribution) { m.LeafIndex = 3 }, Want: types.ErrInvalidProof},
		{Name: "Failure - wrong leaf count", Make: func(_ *fixture, m *types.MsgChallengeAttribution) { m.LeafCount = 4 }, Want: types.ErrInvalidProof},
		{Name: "Failure - short proof", Make: func(_ *fixture, m *types.MsgChallengeAttribution) { m.Proof = m.Proof[:31] }, Want: types.ErrInvalidProof},
		{Name: "Failure - sibling of 31 bytes", Make: func(_ *fixture, m *types.MsgChallengeAttribution) { m.Proof[3] = m.Proof[3][:31] }, Want: types.ErrInvalidProof},
		{Name: "Failure - tampered sibling", Make: func(_ *fixture, m *types.MsgChallengeAttribution) { m.Proof[0] = hash("forged") }, Want: types.ErrInvalidProof},
		{Name: "Failure - recomputed weights not ascending", Make: func(_ *fixture, m *types.MsgChallengeAttribution) {
			m.RecomputedWeights = []types.ContributionWeight{{ContributionId: 3, Ppm: 1}, {ContributionId: 1, Ppm: 1}}
		}, Want: types.ErrWeightsNotAscending},
		{Name: "Failure - recomputed weights above a million", Make: func(_ *fixture, m *types.MsgChallengeAttribution) {
			m.RecomputedWeights = []types.ContributionWeight{{ContributionId: 1, Ppm: 600_000}, {ContributionId: 3, Ppm: 400_001}}
		}, Want: types.ErrWeightsSumTooLarge},
		{Name: "Failure - recomputed zero weight", Make: func(_ *fixture, m *types.MsgChallengeAttribution) {
			m.RecomputedWeights = []types.ContributionWeight{{ContributionId: 1, Ppm: 0}}
		}, Want: types.ErrZeroWeight},
		{Name: "Failure - recomputed weights equal the receipt's", Make: func(_ *fixture, m *types.MsgChallengeAttribution) {
			m.RecomputedWeights = append([]types.ContributionWeight(nil), m.Receipt.Weights...)
		}, Want: types.ErrSameWeights},
		{Name: "Failure - challenger cannot pay the bond", Make: func(f *fixture, m *types.MsgChallengeAttribution) {
			keepertest.SetParams(f, func(p *types.Params) { p.ChallengeBond = sdk.NewCoin(denom, oneOPEN().MulRaw(10_000)) })
		}, Want: sdkerrors.ErrInsufficientFunds},
	}
	keepertest.RunBroken(t, failures, func(t testing.TB) (*fixture, *types.MsgChallengeAttribution) {
		f := newFixture(t)
		return f, f.challengeMsg(f.record(f.validInput()), 1)
	}, types.MsgServer.ChallengeAttribution)
}
