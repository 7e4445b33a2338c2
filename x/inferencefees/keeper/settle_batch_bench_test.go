package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/inferencefees/types"
)

// inferencesPerVoucher is how many inferences each settled voucher pays for
// in the benchmarks (a voucher covers the inferences since the last one).
const inferencesPerVoucher = 10

// benchUsers creates n users with credit, written straight into the store
// (the module account receives the coins) to keep the set-up linear.
func benchUsers(b *testing.B, f *fixture, n int) []account {
	b.Helper()
	users := make([]account, n)
	credit := math.NewIntWithDecimal(1, 24)
	for i := range users {
		users[i] = newAccount(b, f.AddressCodec, fmt.Sprintf("bench-user-%d", i))
		require.NoError(b, f.K.Credits.Set(f.Ctx, users[i].Addr, types.Credit{User: users[i].Str, Balance: credit, PendingWithdrawal: math.ZeroInt()}))
		f.bank.Mint(types.ModuleAddress, coins(credit))
	}
	return users
}

// benchBatch signs round r's vouchers of every user (cumulative r * 1,000)
// over models: the usage is split evenly across them.
func benchBatch(b *testing.B, f *fixture, users []account, round uint64, models int) *types.MsgSettleBatch {
	b.Helper()
	msg := &types.MsgSettleBatch{ServingNode: f.node.Str, ReceiptsRoot: f.root}
	expiry := f.expiry()
	for _, u := range users {
		msg.Vouchers = append(msg.Vouchers, makeVoucher(b, u, f.node, math.NewIntFromUint64(round*1_000), round, expiry, f.root))
	}
	total := int64(len(users)) * 1_000
	for m := 0; m < models; m++ {
		amount := total / int64(models)
		if m == 0 {
			amount += total % int64(models)
		}
		msg.Usage = append(msg.Usage, types.ModelUsage{ModelId: uint64(m + 1), Amount: math.NewInt(amount), InferenceCount: uint64(len(users)) * inferencesPerVoucher / uint64(models), Tokens: uint64(amount)})
	}
	return msg
}

// BenchmarkSettleBatch settles batches of distinct users' vouchers: every
// voucher costs two signature recoveries (user and node) and a channel and
// credit read and write; the split runs once per model.
func BenchmarkSettleBatch(b *testing.B) {
	for _, tc := range []struct{ vouchers, models int }{{100, 1}, {1_000, 1}, {1_000, 2}, {10_000, 1}, {10_000, 2}} {
		b.Run(fmt.Sprintf("vouchers=%d/models=%d", tc.vouchers, tc.models), func(b *testing.B) {
			f := newFixture(b)
			users := benchUsers(b, f, tc.vouchers)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				msg := benchBatch(b, f, users, uint64(i+1), tc.models)
				ctx := f.Ctx.WithEventManager(sdk.NewEventManager())
				b.StartTimer()
				if _, err := f.Msgs.SettleBatch(ctx, msg); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			perBatch := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(float64(tc.vouchers)/perBatch, "vouchers/s")
			b.ReportMetric(float64(tc.vouchers*inferencesPerVoucher)/perBatch, "inferences/s")
			b.ReportMetric(perBatch*1e6/float64(tc.vouchers), "µs/voucher")
		})
	}
}

// BenchmarkVoucherCost splits one voucher's cost: the two signature
// recoveries, and the store work (channel and credit read and write).
func BenchmarkVoucherCost(b *testing.B) {
	f := newFixture(b)
	users := benchUsers(b, f, 1)
	v := makeVoucher(b, users[0], f.node, math.NewInt(1_000), 1, f.expiry(), f.root)
	raw := types.Voucher{User: users[0].Addr, ServingNode: f.node.Addr, CumulativeAmount: v.CumulativeAmount, Nonce: v.Nonce, Expiry: v.Expiry}

	b.Run("signature-recovery-x2", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := raw.VerifySignature(evmChainID, v.UserSignature); err != nil {
				b.Fatal(err)
			}
			if err := raw.Settlement(f.root).VerifySignature(evmChainID, v.NodeSignature); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("address-parse", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, _, err := types.ParseEthAddress(f.AddressCodec, "user", v.User); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("store-read-write", func(b *testing.B) {
		user := users[0].Addr
		for i := 0; i < b.N; i++ {
			ch, _, err := f.K.GetChannel(f.Ctx, user, f.node.Addr)
			if err != nil {
				b.Fatal(err)
			}
			c, err := f.K.GetCredit(f.Ctx, user)
			if err != nil {
				b.Fatal(err)
			}
			ch.User, ch.ServingNode, ch.SettledAmount, ch.LastNonce = users[0].Str, f.node.Str, math.NewInt(int64(i+1)), uint64(i+1)
			if err := f.K.Channels.Set(f.Ctx, collections.Join(user, f.node.Addr), ch); err != nil {
				b.Fatal(err)
			}
			if err := f.K.Credits.Set(f.Ctx, user, c); err != nil {
				b.Fatal(err)
			}
		}
	})
}
