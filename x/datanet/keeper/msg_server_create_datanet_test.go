package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestCreateDatanet(t *testing.T) {
	t.Run("Success - fee burned, Datanet stored and indexed", func(t *testing.T) {
		f := newFixture(t)
		fee := f.params().CreationFee.Amount
		supply := f.bank.Supply().AmountOf(denom)

		resp, err := keepertest.Deliver(f.chain, f.msgs.CreateDatanet, f.createMsg(f.owner))
		require.NoError(t, err)
		require.Equal(t, uint64(1), resp.DatanetId)

		d := f.datanet(1)
		require.Equal(t, f.owner.str, d.Owner)
		require.Equal(t, "Medical Q&A", d.Name)
		require.Equal(t, []string{"medical", "qa"}, d.Tags)
		require.Equal(t, types.DATANET_STATUS_ACTIVE, d.Status)
		require.Equal(t, uint64(0), d.CurrentVersion)
		require.Equal(t, int64(startHeight), d.CreatedHeight)

		require.Equal(t, startBalance.AmountOf(denom).Sub(fee), f.balance(f.owner.addr))
		require.Equal(t, supply.Sub(fee), f.bank.Supply().AmountOf(denom), "the fee is burned")
		require.True(t, f.moduleBalance().IsZero())

		for _, tag := range d.Tags {
			has, err := f.k.Datanets.Indexes.Tag.Has(f.ctx, tag, 1)
			require.NoError(t, err)
			require.True(t, has, tag)
		}
		require.Len(t, keepertest.EventsOfType(f.ctx, "openledger.datanet.v1.EventDatanetCreated"), 1)

		resp, err = keepertest.Deliver(f.chain, f.msgs.CreateDatanet, f.createMsg(f.alice))
		require.NoError(t, err)
		require.Equal(t, uint64(2), resp.DatanetId, "ids count up")
	})

	t.Run("Success - fee to the community pool", func(t *testing.T) {
		f := newFixture(t)
		f.setParams(func(p *types.Params) { p.FeeDestination = types.FEE_DESTINATION_COMMUNITY_POOL })
		supply := f.bank.Supply()
		f.createDatanet(nil)
		require.Equal(t, f.params().CreationFee.Amount, f.communityPoolBalance())
		require.Equal(t, supply, f.bank.Supply(), "nothing burned")
	})

	t.Run("Success - zero fee, private, curator-set policy, owner given in upper case", func(t *testing.T) {
		f := newFixture(t)
		f.setParams(func(p *types.Params) { p.CreationFee = sdk.NewInt64Coin(denom, 0) })
		id := f.createDatanet(func(m *types.MsgCreateDatanet) {
			m.Visibility = types.VISIBILITY_PRIVATE
			m.CurationPolicy = types.CURATION_POLICY_CURATOR_SET_REVIEWS
			m.Owner = strings.ToUpper(m.Owner) // bech32 in upper case is the same address
			m.Tags = nil
			m.Summary = ""
			m.Description = ""
		})
		d := f.datanet(id)
		require.Equal(t, f.owner.str, d.Owner, "owner stored in canonical form")
		require.Equal(t, types.VISIBILITY_PRIVATE, d.Visibility)
		require.Equal(t, startBalance.AmountOf(denom), f.balance(f.owner.addr))
	})

	t.Run("Success - limits are inclusive", func(t *testing.T) {
		f := newFixture(t)
		f.createDatanet(func(m *types.MsgCreateDatanet) {
			m.Name = strings.Repeat("n", types.MaxNameLength)
			m.Summary = strings.Repeat("s", types.MaxSummaryLength)
			m.Description = strings.Repeat("d", types.MaxDescriptionLength)
			m.Tags = []string{strings.Repeat("t", types.MaxTagLength), "a", "b", "c", "d", "e", "f", "g", "h", "0-9"}
			m.License = "(MIT OR Apache-2.0) AND " + strings.Repeat("X", types.MaxLicenseLength-24)
		})
	})

	cases := []struct {
		name   string
		mutate func(*types.MsgCreateDatanet)
		want   *errorsmod.Error
	}{
		{"Failure - empty name", func(m *types.MsgCreateDatanet) { m.Name = "" }, types.ErrInvalidName},
		{"Failure - name too long", func(m *types.MsgCreateDatanet) { m.Name = strings.Repeat("n", types.MaxNameLength+1) }, types.ErrInvalidName},
		{"Failure - name with a newline", func(m *types.MsgCreateDatanet) { m.Name = "a\nb" }, types.ErrInvalidName},
		{"Failure - name with trailing space", func(m *types.MsgCreateDatanet) { m.Name = "name " }, types.ErrInvalidName},
		{"Failure - name not UTF-8", func(m *types.MsgCreateDatanet) { m.Name = "\xff" }, types.ErrInvalidName},
		{"Failure - summary too long", func(m *types.MsgCreateDatanet) { m.Summary = strings.Repeat("s", types.MaxSummaryLength+1) }, types.ErrInvalidSummary},
		{"Failure - summary with a tab", func(m *types.MsgCreateDatanet) { m.Summary = "a\tb" }, types.ErrInvalidSummary},
		{"Failure - description too long", func(m *types.MsgCreateDatanet) {
			m.Description = strings.Repeat("d", types.MaxDescriptionLength+1)
		}, types.ErrInvalidDescription},
		{"Failure - description with a NUL", func(m *types.MsgCreateDatanet) { m.Description = "a\x00b" }, types.ErrInvalidDescription},
		{"Failure - too many tags", func(m *types.MsgCreateDatanet) {
			m.Tags = []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}
		}, types.ErrInvalidTags},
		{"Failure - upper-case tag", func(m *types.MsgCreateDatanet) { m.Tags = []string{"Medical"} }, types.ErrInvalidTags},
		{"Failure - empty tag", func(m *types.MsgCreateDatanet) { m.Tags = []string{""} }, types.ErrInvalidTags},
		{"Failure - tag too long", func(m *types.MsgCreateDatanet) { m.Tags = []string{strings.Repeat("t", types.MaxTagLength+1)} }, types.ErrInvalidTags},
		{"Failure - duplicate tag", func(m *types.MsgCreateDatanet) { m.Tags = []string{"qa", "qa"} }, types.ErrInvalidTags},
		{"Failure - empty license", func(m *types.MsgCreateDatanet) { m.License = "" }, types.ErrInvalidLicense},
		{"Failure - license too long", func(m *types.MsgCreateDatanet) { m.License = strings.Repeat("L", types.MaxLicenseLength+1) }, types.ErrInvalidLicense},
		{"Failure - license with a slash", func(m *types.MsgCreateDatanet) { m.License = "GPL/2" }, types.ErrInvalidLicense},
		{"Failure - license with double space", func(m *types.MsgCreateDatanet) { m.License = "MIT  OR BSD" }, types.ErrInvalidLicense},
		{"Failure - unspecified visibility", func(m *types.MsgCreateDatanet) { m.Visibility = types.VISIBILITY_UNSPECIFIED }, types.ErrInvalidVisibility},
		{"Failure - unknown visibility", func(m *types.MsgCreateDatanet) { m.Visibility = 9 }, types.ErrInvalidVisibility},
		{"Failure - unspecified curation policy", func(m *types.MsgCreateDatanet) {
			m.CurationPolicy = types.CURATION_POLICY_UNSPECIFIED
		}, types.ErrInvalidCurationPolicy},
		{"Failure - invalid owner address", func(m *types.MsgCreateDatanet) { m.Owner = "open1notanaddress" }, types.ErrInvalidAddress},
		{"Failure - empty owner", func(m *types.MsgCreateDatanet) { m.Owner = "" }, types.ErrInvalidAddress},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			msg := f.createMsg(f.owner)
			tc.mutate(msg)
			keepertest.RequireFailsUnchanged(f.chain, f.msgs.CreateDatanet, msg, tc.want)
		})
	}

	t.Run("Failure - cannot pay the creation fee", func(t *testing.T) {
		f := newFixture(t)
		f.setParams(func(p *types.Params) {
			p.CreationFee = sdk.NewCoin(denom, startBalance.AmountOf(denom).Add(math.OneInt()))
		})
		keepertest.RequireFailsUnchanged(f.chain, f.msgs.CreateDatanet, f.createMsg(f.owner), sdkerrors.ErrInsufficientFunds)
	})
}
