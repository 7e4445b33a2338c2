package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestCreateDatanet(t *testing.T) {
	keepertest.Run(t, "Success - fee burned, Datanet stored and indexed", newFixture, func(t *testing.T, f *fixture) {
		fee := f.params().CreationFee.Amount
		supply := f.bank.Supply().AmountOf(denom)

		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.CreateDatanet, f.createMsg(f.owner))
		require.Equal(t, uint64(1), resp.DatanetId)

		d := f.datanet(1)
		require.Equal(t, f.owner.Str, d.Owner)
		require.Equal(t, "Medical Q&A", d.Name)
		require.Equal(t, []string{"medical", "qa"}, d.Tags)
		require.Equal(t, types.DATANET_STATUS_ACTIVE, d.Status)
		require.Equal(t, uint64(0), d.CurrentVersion)
		require.Equal(t, int64(startHeight), d.CreatedHeight)

		require.Equal(t, startBalance.AmountOf(denom).Sub(fee), f.balance(f.owner.Addr))
		require.Equal(t, supply.Sub(fee), f.bank.Supply().AmountOf(denom), "the fee is burned")
		require.True(t, f.moduleBalance().IsZero())

		for _, tag := range d.Tags {
			has, err := f.K.Datanets.Indexes.Tag.Has(f.Ctx, tag, 1)
			require.NoError(t, err)
			require.True(t, has, tag)
		}
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.datanet.v1.EventDatanetCreated"), 1)

		resp = keepertest.MustDeliver(f.Chain(), f.Msgs.CreateDatanet, f.createMsg(f.alice))
		require.Equal(t, uint64(2), resp.DatanetId, "ids count up")
	})

	keepertest.Run(t, "Success - fee to the community pool", newFixture, func(t *testing.T, f *fixture) {
		keepertest.SetParams(f, func(p *types.Params) { p.FeeDestination = types.FEE_DESTINATION_COMMUNITY_POOL })
		supply := f.bank.Supply()
		f.createDatanet(nil)
		require.Equal(t, f.params().CreationFee.Amount, f.communityPoolBalance())
		require.Equal(t, supply, f.bank.Supply(), "nothing burned")
	})

	keepertest.Run(t, "Success - zero fee, private, curator-set policy, owner given in upper case", newFixture, func(t *testing.T, f *fixture) {
		keepertest.SetParams(f, func(p *types.Params) { p.CreationFee = sdk.NewInt64Coin(denom, 0) })
		id := f.createDatanet(func(m *types.MsgCreateDatanet) {
			m.Visibility = types.VISIBILITY_PRIVATE
			m.CurationPolicy = types.CURATION_POLICY_CURATOR_SET_REVIEWS
			m.Owner = strings.ToUpper(m.Owner) // bech32 in upper case is the same address
			m.Tags = nil
			m.Summary = ""
			m.Description = ""
		})
		d := f.datanet(id)
		require.Equal(t, f.owner.Str, d.Owner, "owner stored in canonical form")
		require.Equal(t, types.VISIBILITY_PRIVATE, d.Visibility)
		require.Equal(t, startBalance.AmountOf(denom), f.balance(f.owner.Addr))
	})

	keepertest.Run(t, "Success - limits are inclusive", newFixture, func(t *testing.T, f *fixture) {
		f.createDatanet(func(m *types.MsgCreateDatanet) {
			m.Name = strings.Repeat("n", types.MaxNameLength)
			m.Summary = strings.Repeat("s", types.MaxSummaryLength)
			m.Description = strings.Repeat("d", types.MaxDescriptionLength)
			m.Tags = []string{strings.Repeat("t", types.MaxTagLength), "a", "b", "c", "d", "e", "f", "g", "h", "0-9"}
			m.License = "(MIT OR Apache-2.0) AND " + strings.Repeat("X", types.MaxLicenseLength-24)
		})
	})

	cases := []keepertest.Failure[func(*fixture, *types.MsgCreateDatanet)]{
		{Name: "Failure - empty name", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Name = "" }, Want: types.ErrInvalidName},
		{Name: "Failure - name too long", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Name = strings.Repeat("n", types.MaxNameLength+1) }, Want: types.ErrInvalidName},
		{Name: "Failure - name with a newline", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Name = "a\nb" }, Want: types.ErrInvalidName},
		{Name: "Failure - name with trailing space", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Name = "name " }, Want: types.ErrInvalidName},
		{Name: "Failure - name not UTF-8", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Name = "\xff" }, Want: types.ErrInvalidName},
		{Name: "Failure - summary too long", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Summary = strings.Repeat("s", types.MaxSummaryLength+1) }, Want: types.ErrInvalidSummary},
		{Name: "Failure - summary with a tab", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Summary = "a\tb" }, Want: types.ErrInvalidSummary},
		{Name: "Failure - description too long", Make: func(_ *fixture, m *types.MsgCreateDatanet) {
			m.Description = strings.Repeat("d", types.MaxDescriptionLength+1)
		}, Want: types.ErrInvalidDescription},
		{Name: "Failure - description with a NUL", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Description = "a\x00b" }, Want: types.ErrInvalidDescription},
		{Name: "Failure - too many tags", Make: func(_ *fixture, m *types.MsgCreateDatanet) {
			m.Tags = []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}
		}, Want: types.ErrInvalidTags},
		{Name: "Failure - upper-case tag", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Tags = []string{"Medical"} }, Want: types.ErrInvalidTags},
		{Name: "Failure - empty tag", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Tags = []string{""} }, Want: types.ErrInvalidTags},
		{Name: "Failure - tag too long", Make: func(_ *fixture, m *types.MsgCreateDatanet) {
			m.Tags = []string{strings.Repeat("t", types.MaxTagLength+1)}
		}, Want: types.ErrInvalidTags},
		{Name: "Failure - duplicate tag", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Tags = []string{"qa", "qa"} }, Want: types.ErrInvalidTags},
		{Name: "Failure - empty license", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.License = "" }, Want: types.ErrInvalidLicense},
		{Name: "Failure - license too long", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.License = strings.Repeat("L", types.MaxLicenseLength+1) }, Want: types.ErrInvalidLicense},
		{Name: "Failure - license with a slash", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.License = "GPL/2" }, Want: types.ErrInvalidLicense},
		{Name: "Failure - license with double space", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.License = "MIT  OR BSD" }, Want: types.ErrInvalidLicense},
		{Name: "Failure - unspecified visibility", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Visibility = types.VISIBILITY_UNSPECIFIED }, Want: types.ErrInvalidVisibility},
		{Name: "Failure - unknown visibility", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Visibility = 9 }, Want: types.ErrInvalidVisibility},
		{Name: "Failure - unspecified curation policy", Make: func(_ *fixture, m *types.MsgCreateDatanet) {
			m.CurationPolicy = types.CURATION_POLICY_UNSPECIFIED
		}, Want: types.ErrInvalidCurationPolicy},
		{Name: "Failure - invalid owner address", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Owner = "open1notanaddress" }, Want: types.ErrInvalidAddress},
		{Name: "Failure - empty owner", Make: func(_ *fixture, m *types.MsgCreateDatanet) { m.Owner = "" }, Want: types.ErrInvalidAddress},
	}
	keepertest.RunBroken(t, cases, func(t testing.TB) (*fixture, *types.MsgCreateDatanet) {
		f := newFixture(t)
		return f, f.createMsg(f.owner)
	}, types.MsgServer.CreateDatanet)

	keepertest.Run(t, "Failure - cannot pay the creation fee", newFixture, func(t *testing.T, f *fixture) {
		keepertest.SetParams(f, func(p *types.Params) {
			p.CreationFee = sdk.NewCoin(denom, startBalance.AmountOf(denom).Add(math.OneInt()))
		})
		keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.CreateDatanet, f.createMsg(f.owner), sdkerrors.ErrInsufficientFunds)
	})
}
