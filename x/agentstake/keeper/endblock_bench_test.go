package keeper_test

import (
	"encoding/binary"
	"testing"

	"cosmossdk.io/math"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// benchAccount is the i-th benchmark account, funded.
func benchAccount(f *fixture, i int) account {
	addr := make(sdk.AccAddress, 20)
	copy(addr, "bench")
	binary.BigEndian.PutUint64(addr[12:], uint64(i))
	f.bank.Mint(addr, coinsOf(open(100_000)))
	return account{Addr: addr, Str: f.str(addr)}
}

// BenchmarkEndBlockMaturedEntries measures EndBlock paying out the unbonding
// entries of 10,000 agents that all mature in the same block (each a bank
// transfer, two deletes and an event). Run:
//
//	go test ./x/agentstake/keeper -run '^$' -bench EndBlock -benchtime 5x
func BenchmarkEndBlockMaturedEntries(b *testing.B) {
	const agents = 10_000
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		f := newFixture(b)
		for j := 0; j < agents; j++ {
			a := benchAccount(f, j)
			if _, err := f.Msgs.RegisterAgent(f.Ctx, attestorMsg(a, open(6000))); err != nil {
				b.Fatal(err)
			}
			if _, err := f.Msgs.BeginUnbonding(f.Ctx, &types.MsgBeginUnbonding{Owner: a.Str, Operator: a.Str, Amount: open(100)}); err != nil {
				b.Fatal(err)
			}
		}
		f.advance(1, types.DefaultUnbondingPeriod)
		b.StartTimer()
		if err := f.K.EndBlock(f.Ctx); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		total, err := getTotal(f)
		if err != nil || !total.IsZero() {
			b.Fatalf("entries left: %v %v", total, err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/agents, "ns/entry")
}

func getTotal(f *fixture) (math.Int, error) {
	resp, err := f.Queries.TotalStake(f.Ctx, &types.QueryTotalStakeRequest{})
	if err != nil {
		return math.Int{}, err
	}
	return resp.TotalUnbonding, nil
}

// BenchmarkMessageGas measures the store gas (KVGasConfig) of register, add
// stake and begin unbonding through a gas-metered context. The test bank is
// not metered: the x/bank transfer of each message adds its own gas on a
// chain. Run:
//
//	go test ./x/agentstake/keeper -run '^$' -bench MessageGas
func BenchmarkMessageGas(b *testing.B) {
	metered := func(f *fixture) sdk.Context {
		return f.Ctx.WithGasMeter(storetypes.NewGasMeter(1 << 40)).WithKVGasConfig(storetypes.KVGasConfig())
	}
	b.Run("register", func(b *testing.B) {
		f := newFixture(b)
		accts := make([]account, b.N)
		for i := range accts {
			accts[i] = benchAccount(f, i)
		}
		ctx := metered(f)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			msg := servingNodeMsg(accts[i])
			if _, err := f.Msgs.RegisterAgent(ctx, msg); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(ctx.GasMeter().GasConsumed())/float64(b.N), "gas/op")
	})
	b.Run("add-stake", func(b *testing.B) {
		f := newFixture(b)
		f.register(servingNodeMsg(f.owner))
		ctx := metered(f)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := f.Msgs.AddStake(ctx, &types.MsgAddStake{Owner: f.owner.Str, Operator: f.owner.Str, Amount: math.NewInt(1)}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(ctx.GasMeter().GasConsumed())/float64(b.N), "gas/op")
	})
	b.Run("begin-unbonding", func(b *testing.B) {
		f := newFixture(b)
		keepertest.SetParams(f, func(p *types.Params) { p.MaxUnbondingEntries = types.MaxUnbondingEntriesCeiling })
		accts := make([]account, b.N)
		for i := range accts {
			accts[i] = benchAccount(f, i)
			if _, err := f.Msgs.RegisterAgent(f.Ctx, attestorMsg(accts[i], open(6000))); err != nil {
				b.Fatal(err)
			}
		}
		ctx := metered(f)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			// A first entry of the agent: the count walk reads none.
			if _, err := f.Msgs.BeginUnbonding(ctx, &types.MsgBeginUnbonding{Owner: accts[i].Str, Operator: accts[i].Str, Amount: open(10)}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(ctx.GasMeter().GasConsumed())/float64(b.N), "gas/op")
	})
}
