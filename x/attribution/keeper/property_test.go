package keeper_test

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/x/attribution/types"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// splitmix64 is a small deterministic generator: the same sequence on every
// run and every machine.
type splitmix64 uint64

func (s *splitmix64) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (s *splitmix64) intn(n uint64) uint64 { return s.next() % n }

// TestPropertyNoCoinCreatedOrLost records thousands of random records with
// random weights and rewards at random times, runs the end blocker between
// them, claims at random, then lets everything mature and claims all. At
// every step the invariants hold and the bank's balances add up to its
// supply; at the end the module account is empty, every account received
// exactly what the split formula gives (computed here independently) and
// the community pool exactly the unattributed remainder.
func TestPropertyNoCoinCreatedOrLost(t *testing.T) {
	const records = 3000
	f := newFixture(t)
	rnd := splitmix64(20260101)

	// Three Datanets of 60 contributions by six contributors.
	owners := []account{f.owner, f.owner2, f.bob}
	contributors := []account{f.alice, f.bob, f.owner, keepertest.NamedAccount(t, f.AddressCodec, "carol"), keepertest.NamedAccount(t, f.AddressCodec, "dave"), keepertest.NamedAccount(t, f.AddressCodec, "erin")}
	var datasets []types.DatasetVersion
	for i, o := range owners {
		id := uint64(11 + i)
		f.datanets.datanets = append(f.datanets.datanets, datanettypes.Datanet{Id: id, Owner: o.Str})
		datasets = append(datasets, f.datanets.addVersion(id, 1, 100))
	}
	type contribution struct {
		id          uint64
		contributor account
		owner       account
	}
	var pool []contribution
	for i := uint64(0); i < 60; i++ {
		c := contribution{id: 100 + i, contributor: contributors[i%6], owner: owners[i%3]}
		f.datanets.addContribution(c.id, 11+i%3, c.contributor, datanettypes.CONTRIBUTION_STATUS_ACCEPTED, i/3)
		pool = append(pool, c)
	}
	feesAddr := authtypes.NewModuleAddress(feesModule)
	f.bank.Mint(feesAddr, sdk.NewCoins(sdk.NewCoin(denom, math.NewIntWithDecimal(1, 40))))

	expected := map[string]math.Int{} // recipient -> expected total; look-ups only
	var keys []string                 // the recipients, sorted below
	addExpected := func(a account, amt math.Int) {
		prev, ok := expected[a.Str]
		if !ok {
			prev = math.ZeroInt()
			keys = append(keys, a.Str)
		}
		expected[a.Str] = prev.Add(amt)
	}
	totalReward, totalUnattributed := math.ZeroInt(), math.ZeroInt()
	poolBefore := f.communityPool()
	received := map[string]math.Int{}
	claim := func(a account) {
		_, claimable := f.rewards(a)
		if claimable.IsZero() {
			return
		}
		resp, err := f.Msgs.ClaimRewards(f.Ctx, &types.MsgClaimRewards{Claimant: a.Str})
		require.NoError(t, err)
		prev, ok := received[a.Str]
		if !ok {
			prev = math.ZeroInt()
		}
		received[a.Str] = prev.Add(resp.Amount.Amount)
	}
	everyone := append(append([]account{}, contributors...), owners...)

	now := startTime
	for i := 0; i < records; i++ {
		// Random weights over distinct contributions, summing to at most 1e6.
		n := rnd.intn(9)
		picked := map[uint64]bool{}
		var ids []uint64
		for uint64(len(ids)) < n {
			idx := rnd.intn(uint64(len(pool)))
			if !picked[idx] {
				picked[idx] = true
				ids = append(ids, idx)
			}
		}
		sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
		var weights []types.ContributionWeight
		for _, idx := range ids {
			weights = append(weights, types.ContributionWeight{ContributionId: pool[idx].id, Ppm: uint32(1 + rnd.intn(types.PPMTotal/n))})
		}
		reward := math.NewIntFromUint64(rnd.next()).MulRaw(int64(1 + rnd.intn(1000)))
		if rnd.intn(10) == 0 {
			reward = math.NewInt(int64(rnd.intn(100))) // small: rounding everywhere
		}
		model := 1 + rnd.intn(5)
		in := types.RecordInput{
			ServingNode: f.node.Str, ModelID: model, Method: poa.Method, Datasets: datasets,
			ReceiptsRoot: hash(fmt.Sprint(i)), InferenceCount: 1, Weights: weights, DataReward: sdk.NewCoin(denom, reward),
			Price: testPrice, Tokens: 1_000, BatchModelIDs: []uint64{model}, NodeSignedRoot: true,
		}
		_, err := f.K.RecordAttribution(f.Ctx, feesModule, in)
		require.NoError(t, err)

		// The split, computed independently.
		sum := math.ZeroInt()
		for j, w := range weights {
			c := pool[ids[j]]
			share := reward.MulRaw(int64(w.Ppm)).QuoRaw(types.PPMTotal)
			ownerCut := share.MulRaw(types.DefaultDatanetOwnerBps).QuoRaw(types.BpsTotal)
			addExpected(c.contributor, share.Sub(ownerCut))
			addExpected(c.owner, ownerCut)
			sum = sum.Add(share)
		}
		totalReward = totalReward.Add(reward)
		totalUnattributed = totalUnattributed.Add(reward.Sub(sum))

		// Time passes; sometimes blocks end and someone claims.
		now = now.Add(time.Duration(rnd.intn(uint64(time.Hour))))
		if rnd.intn(20) == 0 {
			f.setTime(now)
			require.NoError(t, f.K.EndBlock(f.Ctx))
			claim(everyone[rnd.intn(uint64(len(everyone)))])
		} else {
			f.setTime(now)
		}
		if i%250 == 0 {
			f.CheckInvariants()
		}
	}
	f.endBlockAt(now.Add(types.DefaultChallengeWindow))
	for _, a := range everyone {
		claim(a)
	}

	f.CheckInvariants()
	require.True(t, f.moduleBalance().IsZero(), "module keeps %s", f.moduleBalance())
	require.Equal(t, totalUnattributed, f.communityPool().Sub(poolBefore))
	sort.Strings(keys)
	paid := math.ZeroInt()
	for _, k := range keys {
		got, ok := received[k]
		if !ok {
			got = math.ZeroInt()
		}
		require.Equal(t, expected[k], got, k)
		paid = paid.Add(got)
	}
	require.Equal(t, totalReward, paid.Add(totalUnattributed))
	require.True(t, f.bank.Total().Equal(f.bank.Supply()))
}
