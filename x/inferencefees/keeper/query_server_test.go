package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestQueries(t *testing.T) {
	f := newFixture(t)
	users := []account{f.alice, f.bob, newAccount(t, f.AddressCodec, "carol")}
	f.bank.Mint(users[2].Addr, coins(startBalance))
	var vouchers []types.SignedVoucher
	for _, u := range users {
		f.deposit(u, math.NewInt(1_000))
		vouchers = append(vouchers, f.voucher(u, f.node, math.NewInt(100), 1))
	}
	keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, f.batch(1, 3, vouchers...))
	keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, &types.MsgSettleBatch{
		ServingNode: f.node2.Str, ReceiptsRoot: f.root,
		Vouchers: []types.SignedVoucher{f.voucher(f.alice, f.node2, math.NewInt(50), 1)},
		Usage:    []types.ModelUsage{{ModelId: 1, Amount: math.NewInt(50), InferenceCount: 1, Tokens: 50}},
	})

	t.Run("Success - params", func(t *testing.T) {
		resp, err := f.Queries.Params(f.Ctx, &types.QueryParamsRequest{})
		require.NoError(t, err)
		require.Equal(t, f.params(), resp.Params)
	})
	t.Run("Success - credit of a user with and without one", func(t *testing.T) {
		resp, err := f.Queries.Credit(f.Ctx, &types.QueryCreditRequest{User: f.alice.Str})
		require.NoError(t, err)
		require.Equal(t, math.NewInt(850), resp.Credit.Balance)
		require.True(t, resp.Locked.IsZero())
		require.Equal(t, math.NewInt(850), resp.Available)
		resp, err = f.Queries.Credit(f.Ctx, &types.QueryCreditRequest{User: f.owner.Str})
		require.NoError(t, err)
		require.True(t, resp.Credit.Balance.IsZero())
		require.Equal(t, f.owner.Str, resp.Credit.User)
	})
	t.Run("Success - channel", func(t *testing.T) {
		resp, err := f.Queries.Channel(f.Ctx, &types.QueryChannelRequest{User: f.alice.Str, ServingNode: f.node2.Str})
		require.NoError(t, err)
		require.Equal(t, math.NewInt(50), resp.Channel.SettledAmount)
		require.Equal(t, f.node2.Str, resp.Channel.ServingNode)
	})
	t.Run("Success - channels of a node, paginated", func(t *testing.T) {
		var got []string
		var key []byte
		for {
			resp, err := f.Queries.ChannelsByNode(f.Ctx, &types.QueryChannelsByNodeRequest{
				ServingNode: f.node.Str,
				Pagination:  &query.PageRequest{Key: key, Limit: 2},
			})
			require.NoError(t, err)
			require.LessOrEqual(t, len(resp.Channels), 2)
			for _, ch := range resp.Channels {
				require.Equal(t, f.node.Str, ch.ServingNode)
				got = append(got, ch.User)
			}
			if key = resp.Pagination.NextKey; key == nil {
				break
			}
		}
		require.Len(t, got, 3)
		require.ElementsMatch(t, []string{users[0].Str, users[1].Str, users[2].Str}, got)
	})
	t.Run("Success - channels of a user", func(t *testing.T) {
		resp, err := f.Queries.ChannelsByUser(f.Ctx, &types.QueryChannelsByUserRequest{User: f.alice.Str})
		require.NoError(t, err)
		require.Len(t, resp.Channels, 2)
		require.Equal(t, uint64(2), resp.Pagination.Total)
	})
	t.Run("Success - totals", func(t *testing.T) {
		resp, err := f.Queries.Totals(f.Ctx, &types.QueryTotalsRequest{})
		require.NoError(t, err)
		require.Equal(t, math.NewInt(350), resp.Totals.Settled)
		require.Equal(t, uint64(4), resp.Totals.VouchersSettled)
		require.Equal(t, uint64(2), resp.Totals.Batches)
	})
	t.Run("Failure - bad requests", func(t *testing.T) {
		_, err := f.Queries.Params(f.Ctx, nil)
		require.ErrorIs(t, err, types.ErrInvalidRequest)
		_, err = f.Queries.Credit(f.Ctx, &types.QueryCreditRequest{User: "nope"})
		require.ErrorIs(t, err, types.ErrInvalidRequest)
		_, err = f.Queries.ChannelsByNode(f.Ctx, &types.QueryChannelsByNodeRequest{})
		require.ErrorIs(t, err, types.ErrInvalidRequest)
		_, err = f.Queries.Channel(f.Ctx, &types.QueryChannelRequest{User: f.bob.Str, ServingNode: f.node2.Str})
		require.ErrorIs(t, err, types.ErrChannelNotFound)
	})
}
