package keeper_test

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestSubmitContribution(t *testing.T) {
	keepertest.Run(t, "Success - inline: fee burned, deposit held", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		p := f.params()
		supply := f.bank.Supply().AmountOf(denom)
		before := f.balance(f.alice.Addr)
		msg := submitMsg(f.alice, id, "What is the normal resting heart rate? 60-100 bpm.")

		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.SubmitContribution, msg)
		require.Equal(t, uint64(1), resp.ContributionId)

		fee := p.FeePerByte.Amount.MulRaw(int64(len(msg.InlineData)))
		require.Equal(t, sdk.NewCoin(denom, fee), resp.FeePaid)
		require.Equal(t, p.ContributionDeposit, resp.Deposit)
		require.Equal(t, before.Sub(fee).Sub(p.ContributionDeposit.Amount), f.balance(f.alice.Addr))
		require.Equal(t, p.ContributionDeposit.Amount, f.moduleBalance())
		require.Equal(t, supply.Sub(fee), f.bank.Supply().AmountOf(denom))

		c := f.contribution(1)
		require.Equal(t, types.CONTRIBUTION_STATUS_PENDING, c.Status)
		require.Equal(t, f.alice.Str, c.Contributor)
		require.Equal(t, msg.ContentHash, c.ContentHash)
		require.Equal(t, msg.InlineData, c.InlineData)
		require.Equal(t, uint64(len(msg.InlineData)), c.SizeBytes)
		require.Equal(t, int64(startHeight), c.SubmittedHeight)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.datanet.v1.EventContributionSubmitted"), 1)
	})

	keepertest.Run(t, "Success - off-chain URI, fee to the community pool", newFixture, func(t *testing.T, f *fixture) {
		keepertest.SetParams(f, func(p *types.Params) { p.FeeDestination = types.FEE_DESTINATION_COMMUNITY_POOL })
		id := f.createDatanet(nil)
		pool := f.communityPoolBalance()
		hash := sha256.Sum256([]byte("a large file"))
		msg := &types.MsgSubmitContribution{
			Contributor: f.bob.Str, DatanetId: id, ContentHash: hash[:], SizeBytes: 1 << 30,
			MediaType: "application/jsonl; charset=utf-8", Uri: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
		}
		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.SubmitContribution, msg)
		fee := f.params().FeePerByte.Amount.MulRaw(1 << 30)
		require.Equal(t, fee, resp.FeePaid.Amount)
		require.Equal(t, pool.Add(fee), f.communityPoolBalance())
		require.Equal(t, f.params().ContributionDeposit.Amount, f.moduleBalance())
		c := f.contribution(resp.ContributionId)
		require.Empty(t, c.InlineData)
		require.Equal(t, msg.Uri, c.Uri)
	})

	keepertest.Run(t, "Success - free: no fee, no deposit", newFixture, func(t *testing.T, f *fixture) {
		keepertest.SetParams(f, func(p *types.Params) {
			p.FeePerByte = sdk.NewInt64Coin(denom, 0)
			p.ContributionDeposit = sdk.NewInt64Coin(denom, 0)
		})
		id := f.createDatanet(nil)
		before := f.balance(f.alice.Addr)
		f.submit(f.alice, id, "free row")
		require.Equal(t, before, f.balance(f.alice.Addr))
	})

	keepertest.Run(t, "Success - deposit only, zero fee", newFixture, func(t *testing.T, f *fixture) {
		keepertest.SetParams(f, func(p *types.Params) { p.FeePerByte = sdk.NewInt64Coin(denom, 0) })
		id := f.createDatanet(nil)
		f.submit(f.alice, id, "row")
		require.Equal(t, f.params().ContributionDeposit.Amount, f.moduleBalance())
	})

	keepertest.Run(t, "Success - inline at exactly max_inline_bytes", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		f.submit(f.alice, id, strings.Repeat("x", int(f.params().MaxInlineBytes)))
	})

	keepertest.Run(t, "Success - private Datanet takes its owner and curators", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(func(m *types.MsgCreateDatanet) { m.Visibility = types.VISIBILITY_PRIVATE })
		keepertest.MustDeliver(f.Chain(), f.Msgs.SetCurators, &types.MsgSetCurators{Owner: f.owner.Str, DatanetId: id, Curators: []string{f.carol.Str}})
		f.submit(f.owner, id, "owner row")
		f.submit(f.carol, id, "curator row")
	})

	keepertest.Run(t, "Success - a hash that is only pending elsewhere or in another Datanet is fine", newFixture, func(t *testing.T, f *fixture) {
		a := f.createDatanet(nil)
		b := f.createDatanet(nil)
		first := f.submit(f.alice, a, "shared row")
		f.review(f.owner, a, accept(first))
		f.submit(f.bob, b, "shared row")  // accepted in a, not in b
		f.submit(f.bob, b, "pending row") // pending twice in b
		f.submit(f.carol, b, "pending row")
	})

	data, hash := content("row")
	cases := []keepertest.Failure[func(f *fixture, m *types.MsgSubmitContribution)]{
		{Name: "Failure - hash does not match inline data", Make: func(_ *fixture, m *types.MsgSubmitContribution) {
			other := sha256.Sum256([]byte("other"))
			m.ContentHash = other[:]
		}, Want: types.ErrContentHashMismatch},
		{Name: "Failure - size does not match inline data", Make: func(_ *fixture, m *types.MsgSubmitContribution) { m.SizeBytes++ }, Want: types.ErrInvalidSize},
		{Name: "Failure - hash of 31 bytes", Make: func(_ *fixture, m *types.MsgSubmitContribution) { m.ContentHash = hash[:31] }, Want: types.ErrInvalidContentHash},
		{Name: "Failure - no hash", Make: func(_ *fixture, m *types.MsgSubmitContribution) { m.ContentHash = nil }, Want: types.ErrInvalidContentHash},
		{Name: "Failure - both inline data and URI", Make: func(_ *fixture, m *types.MsgSubmitContribution) { m.Uri = "https://example.org/row" }, Want: types.ErrInvalidContentLocation},
		{Name: "Failure - neither inline data nor URI", Make: func(_ *fixture, m *types.MsgSubmitContribution) { m.InlineData = nil }, Want: types.ErrInvalidContentLocation},
		{Name: "Failure - inline data over max_inline_bytes", Make: func(f *fixture, m *types.MsgSubmitContribution) {
			big := bytes.Repeat([]byte("x"), int(f.params().MaxInlineBytes)+1)
			sum := sha256.Sum256(big)
			m.InlineData, m.ContentHash, m.SizeBytes = big, sum[:], uint64(len(big))
		}, Want: types.ErrInlineTooLarge},
		{Name: "Failure - URI with zero size", Make: func(_ *fixture, m *types.MsgSubmitContribution) {
			m.InlineData, m.Uri, m.SizeBytes = nil, "ar://abc", 0
		}, Want: types.ErrInvalidSize},
		{Name: "Failure - URI without scheme", Make: func(_ *fixture, m *types.MsgSubmitContribution) {
			m.InlineData, m.Uri = nil, "example.org/row"
		}, Want: types.ErrInvalidURI},
		{Name: "Failure - URI with a space", Make: func(_ *fixture, m *types.MsgSubmitContribution) {
			m.InlineData, m.Uri = nil, "https://example.org/a row"
		}, Want: types.ErrInvalidURI},
		{Name: "Failure - URI too long", Make: func(_ *fixture, m *types.MsgSubmitContribution) {
			m.InlineData, m.Uri = nil, "https://example.org/"+strings.Repeat("a", types.MaxURILength)
		}, Want: types.ErrInvalidURI},
		{Name: "Failure - media type without subtype", Make: func(_ *fixture, m *types.MsgSubmitContribution) { m.MediaType = "text" }, Want: types.ErrInvalidMediaType},
		{Name: "Failure - empty media type", Make: func(_ *fixture, m *types.MsgSubmitContribution) { m.MediaType = "" }, Want: types.ErrInvalidMediaType},
		{Name: "Failure - media type too long", Make: func(_ *fixture, m *types.MsgSubmitContribution) {
			m.MediaType = "text/" + strings.Repeat("p", types.MaxMediaTypeLength)
		}, Want: types.ErrInvalidMediaType},
		{Name: "Failure - unknown Datanet", Make: func(_ *fixture, m *types.MsgSubmitContribution) { m.DatanetId = 42 }, Want: types.ErrDatanetNotFound},
		{Name: "Failure - archived Datanet", Make: func(f *fixture, m *types.MsgSubmitContribution) {
			_, err := keepertest.Deliver(f.Chain(), f.Msgs.ArchiveDatanet, &types.MsgArchiveDatanet{Owner: f.owner.Str, DatanetId: m.DatanetId})
			require.NoError(f.T, err)
		}, Want: types.ErrDatanetArchived},
		{Name: "Failure - stranger to a private Datanet", Make: func(f *fixture, m *types.MsgSubmitContribution) {
			msg := updateMsg(f.owner, m.DatanetId)
			msg.Visibility = types.VISIBILITY_PRIVATE
			_, err := keepertest.Deliver(f.Chain(), f.Msgs.UpdateDatanet, msg)
			require.NoError(f.T, err)
		}, Want: types.ErrNotAllowedToContribute},
		{Name: "Failure - content already accepted in the Datanet", Make: func(f *fixture, m *types.MsgSubmitContribution) {
			first := f.submit(f.bob, m.DatanetId, string(data))
			f.review(f.owner, m.DatanetId, accept(first))
		}, Want: types.ErrDuplicateContent},
		{Name: "Failure - invalid contributor", Make: func(_ *fixture, m *types.MsgSubmitContribution) { m.Contributor = "cosmos1xyz" }, Want: types.ErrInvalidAddress},
		{Name: "Failure - cannot pay fee and deposit", Make: func(f *fixture, m *types.MsgSubmitContribution) {
			keepertest.SetParams(f, func(p *types.Params) {
				p.ContributionDeposit = sdk.NewCoin(denom, startBalance.AmountOf(denom).Sub(math.NewInt(1)))
			})
		}, Want: sdkerrors.ErrInsufficientFunds},
	}
	keepertest.RunBroken(t, cases, func(t testing.TB) (*fixture, *types.MsgSubmitContribution) {
		f := newFixture(t)
		id := f.createDatanet(nil)
		return f, submitMsg(f.alice, id, string(data))
	}, types.MsgServer.SubmitContribution)
}
