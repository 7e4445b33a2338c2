package keeper_test

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/x/datanet/keeper"
	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// TestCoinsAreConserved drives a random mix of messages (fixed seed) and
// checks after each that the module account holds exactly the pending
// deposits, and at the end that every aopen that left an account is
// accounted for: burned, in the community pool, or held as a deposit.
func TestCoinsAreConserved(t *testing.T) {
	for _, dest := range []types.FeeDestination{types.FEE_DESTINATION_BURN, types.FEE_DESTINATION_COMMUNITY_POOL} {
		for _, policy := range []types.RejectedDepositPolicy{types.REJECTED_DEPOSIT_POLICY_BURN, types.REJECTED_DEPOSIT_POLICY_RETURN} {
			t.Run(dest.String()+"/"+policy.String(), func(t *testing.T) {
				f := newFixture(t)
				keepertest.SetParams(f, func(p *types.Params) { p.FeeDestination = dest; p.RejectedDeposit = policy })
				rng := rand.New(rand.NewSource(42))
				startSupply := f.bank.Supply().AmountOf(denom)
				accounts := []account{f.alice, f.bob, f.carol}
				d1 := f.createDatanet(nil)
				d2 := f.createDatanet(nil)

				var pending []uint64
				for step := 0; step < 120; step++ {
					switch op := rng.Intn(10); {
					case op < 6: // submit, sometimes a duplicate
						text := []string{"a", "b", "c", "d", "e", "f"}[rng.Intn(6)] + string(rune('0'+rng.Intn(10)))
						from := accounts[rng.Intn(len(accounts))]
						resp, err := keepertest.Deliver(f.Chain(), f.Msgs.SubmitContribution, submitMsg(from, []uint64{d1, d2}[rng.Intn(2)], text))
						if err == nil {
							pending = append(pending, resp.ContributionId)
						} else {
							require.ErrorIs(t, err, types.ErrDuplicateContent)
						}
					case op < 8 && len(pending) > 0: // review a few of one Datanet
						datanetID := f.contribution(pending[0]).DatanetId
						var decisions []types.ReviewDecision
						var rest []uint64
						for _, id := range pending {
							if f.contribution(id).DatanetId == datanetID && len(decisions) < 4 {
								decisions = append(decisions, types.ReviewDecision{ContributionId: id, Accept: rng.Intn(3) > 0})
							} else {
								rest = append(rest, id)
							}
						}
						f.review(f.owner, datanetID, decisions...)
						pending = rest
					case len(pending) > 0: // withdraw one
						id := pending[len(pending)-1]
						keepertest.MustDeliver(f.Chain(), f.Msgs.WithdrawContribution, &types.MsgWithdrawContribution{
							Contributor: f.contribution(id).Contributor, ContributionId: id,
						})
						pending = pending[:len(pending)-1]
					}
				}

				// Every aopen is somewhere: with an account, in the pool, held
				// by the module, or burned (gone from the supply).
				burned := startSupply.Sub(f.bank.Supply().AmountOf(denom))
				spent := math.ZeroInt()
				for _, a := range []account{f.owner, f.alice, f.bob, f.carol} {
					spent = spent.Add(startBalance.AmountOf(denom).Sub(f.balance(a.Addr)))
				}
				require.Equal(t, spent, burned.Add(f.communityPoolBalance()).Add(f.moduleBalance()))
				if dest == types.FEE_DESTINATION_BURN {
					require.True(t, f.communityPoolBalance().IsZero())
				} else {
					require.True(t, burned.IsZero() == (policy == types.REJECTED_DEPOSIT_POLICY_RETURN))
				}
				msg, broken := keeper.ConservationInvariant(f.K)(f.Ctx)
				require.False(t, broken, msg)
			})
		}
	}
}

func TestConservationInvariantDetectsImbalance(t *testing.T) {
	f := newFixture(t)
	id := f.createDatanet(nil)
	f.submit(f.alice, id, "row")
	_, broken := keeper.ConservationInvariant(f.K)(f.Ctx)
	require.False(t, broken)

	// Coins arriving at the module account by some other path show up.
	f.bank.Mint(authtypes.NewModuleAddress(types.ModuleName), sdk.NewCoins(sdk.NewInt64Coin(denom, 1)))
	msg, broken := keeper.ConservationInvariant(f.K)(f.Ctx)
	require.True(t, broken)
	require.Contains(t, msg, "pending deposits")

	// So do coins leaving it.
	f.bank.SetBalance(authtypes.NewModuleAddress(types.ModuleName), nil)
	_, broken = keeper.ConservationInvariant(f.K)(f.Ctx)
	require.True(t, broken)
}

func TestMerkleInvariantDetectsTampering(t *testing.T) {
	setup := func(t *testing.T) (*fixture, uint64) {
		f := newFixture(t)
		id := f.createDatanet(nil)
		c1 := f.submit(f.alice, id, "one")
		c2 := f.submit(f.alice, id, "two")
		f.review(f.owner, id, accept(c1), accept(c2))
		_, broken := keeper.MerkleInvariant(f.K)(f.Ctx)
		require.False(t, broken)
		return f, id
	}
	cases := []struct {
		name   string
		tamper func(f *fixture, id uint64)
	}{
		{"Failure - version root changed", func(f *fixture, id uint64) {
			v, _ := f.K.GetVersion(f.Ctx, id, 1)
			v.Root[5] ^= 1
			require.NoError(f.T, f.K.Versions.Set(f.Ctx, collections.Join(id, uint64(1)), v))
		}},
		{"Failure - accepted order has a gap", func(f *fixture, id uint64) {
			require.NoError(f.T, f.K.AcceptedOrder.Remove(f.Ctx, collections.Join(id, uint64(0))))
		}},
		{"Failure - frontier lost", func(f *fixture, id uint64) {
			require.NoError(f.T, f.K.MerkleFrontiers.Remove(f.Ctx, id))
		}},
		{"Failure - frontier not canonical", func(f *fixture, id uint64) {
			require.NoError(f.T, f.K.MerkleFrontiers.Set(f.Ctx, id, types.MerkleFrontier{LeafCount: 2, Branch: [][]byte{{1}}}))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, id := setup(t)
			tc.tamper(f, id)
			msg, broken := keeper.MerkleInvariant(f.K)(f.Ctx)
			require.True(t, broken, msg)
			_, broken = keeper.AllInvariants(f.K)(f.Ctx)
			require.True(t, broken)
		})
	}
}
