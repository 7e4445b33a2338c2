package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/ai/poa"
	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

func TestPayInference(t *testing.T) {
	keepertest.Run(t, "Success - paid from the account, split like a batch, zero receipts root", newFixture, func(t *testing.T, f *fixture) {
		weights := []attributiontypes.ContributionWeight{{ContributionId: 5, Ppm: 1_000_000}}
		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.PayInference, &types.MsgPayInference{
			Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: 1, Amount: coin(10_000), InferenceCount: 2, Tokens: 10_000,
			Method: poa.Method, Weights: weights,
		})
		require.Equal(t, uint64(1), resp.AttributionRecordId)
		require.Equal(t, startBalance.SubRaw(10_000), f.balance(f.bob.Addr))
		require.Equal(t, startBalance.AddRaw(4_000), f.balance(f.owner.Addr))
		require.Equal(t, startBalance.AddRaw(3_000), f.balance(f.node.Addr))
		require.Equal(t, math.NewInt(500), f.moduleBalance(banktest.CommunityPoolModule))
		require.Equal(t, math.NewInt(1_500), f.moduleBalance(attributiontypes.ModuleName))
		require.True(t, f.moduleBalance(types.ModuleName).IsZero())
		require.Equal(t, make([]byte, 32), f.attr.records[0].ReceiptsRoot)
		require.Equal(t, weights, f.attr.records[0].Weights)
		require.Equal(t, perToken, f.attr.records[0].Price)
		require.Equal(t, uint64(10_000), f.attr.records[0].Tokens)
		require.Equal(t, []uint64{1}, f.attr.records[0].BatchModelIDs)
		require.False(t, f.attr.records[0].NodeSignedRoot, "the payer, not the node, named the root")
		tot := f.totals()
		require.Equal(t, math.NewInt(10_000), tot.Settled)
		require.Equal(t, math.NewInt(1_000), tot.Burned)
		require.Equal(t, uint64(2), tot.Inferences)
		require.Zero(t, tot.Batches)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.inferencefees.v1.EventInferencePaid"), 1)
	})
	keepertest.Run(t, "Success - no attribution given: method none; model without data: data share to the community pool", newFixture, func(t *testing.T, f *fixture) {
		keepertest.MustDeliver(f.Chain(), f.Msgs.PayInference, &types.MsgPayInference{
			Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: 1, Amount: coin(100), InferenceCount: 1, Tokens: 100, ReceiptsRoot: f.root,
		})
		require.Equal(t, types.MethodNone, f.attr.records[0].Method)
		require.Equal(t, f.root, f.attr.records[0].ReceiptsRoot)
		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.PayInference, &types.MsgPayInference{
			Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: 2, Amount: coin(100), InferenceCount: 1, Tokens: 100,
		})
		require.Zero(t, resp.AttributionRecordId)
		require.Len(t, f.attr.records, 1)
		require.Equal(t, math.NewInt(5+5+15), f.moduleBalance(banktest.CommunityPoolModule))
	})

	cases := []struct {
		name  string
		setup func(f *fixture)
		msg   func(f *fixture) *types.MsgPayInference
		want  *errorsmod.Error
	}{
		{"insufficient funds", func(f *fixture) {
			f.setPrice(1, modelregtypes.Price{PerCall: startBalance.AddRaw(1), Per_1KTokens: math.ZeroInt()})
		}, func(f *fixture) *types.MsgPayInference {
			return &types.MsgPayInference{Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: 1, Amount: sdk.NewCoin(denom, startBalance.AddRaw(1)), InferenceCount: 1}
		}, sdkerrors.ErrInsufficientFunds},
		{"amount off the model's price", nil, func(f *fixture) *types.MsgPayInference {
			return &types.MsgPayInference{Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: 1, Amount: coin(10), InferenceCount: 1, Tokens: 11}
		}, types.ErrUsageOffPrice},
		{"no tokens for a per-token price", nil, func(f *fixture) *types.MsgPayInference {
			return &types.MsgPayInference{Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: 1, Amount: coin(10), InferenceCount: 1}
		}, types.ErrUsageOffPrice},
		{"inactive model", nil, payWith(func(m *types.MsgPayInference) { m.ModelId = 3 }), types.ErrModelNotActive},
		{"unknown model", nil, payWith(func(m *types.MsgPayInference) { m.ModelId = 42 }), modelregtypes.ErrModelNotFound},
		{"model id zero", nil, payWith(func(m *types.MsgPayInference) { m.ModelId = 0 }), types.ErrInvalidModelID},
		{"jailed node", func(f *fixture) { f.nodes.setStatus(f.node.Addr, "jailed") }, payWith(func(*types.MsgPayInference) {}), agentstaketypes.ErrAgentNotActive},
		{"not a serving node", nil, func(f *fixture) *types.MsgPayInference {
			return &types.MsgPayInference{Payer: f.bob.Str, ServingNode: f.alice.Str, ModelId: 1, Amount: coin(10), InferenceCount: 1, Tokens: 10}
		}, agentstaketypes.ErrAgentNotFound},
		{"zero inferences", nil, func(f *fixture) *types.MsgPayInference {
			return &types.MsgPayInference{Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: 1, Amount: coin(10)}
		}, types.ErrInvalidInferenceCount},
		{"zero amount", nil, func(f *fixture) *types.MsgPayInference {
			return &types.MsgPayInference{Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: 1, Amount: coin(0), InferenceCount: 1, Tokens: 0}
		}, types.ErrInvalidAmount},
		{"wrong denom", nil, func(f *fixture) *types.MsgPayInference {
			return &types.MsgPayInference{Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: 1, Amount: sdk.NewInt64Coin("uatom", 1), InferenceCount: 1}
		}, types.ErrInvalidDenom},
		{"receipts root of 5 bytes", nil, payWith(func(m *types.MsgPayInference) { m.ReceiptsRoot = []byte{1, 2, 3, 4, 5} }), attributiontypes.ErrInvalidReceiptsRoot},
		{"weight of contribution 0", nil, func(f *fixture) *types.MsgPayInference {
			return &types.MsgPayInference{
				Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: 1, Amount: coin(10), InferenceCount: 1, Tokens: 10,
				Method: "x", Weights: []attributiontypes.ContributionWeight{{ContributionId: 0, Ppm: 1}},
			}
		}, attributiontypes.ErrUnknownContribution},
		{"invalid method", nil, payWith(func(m *types.MsgPayInference) { m.Method = "X" }), attributiontypes.ErrInvalidMethod},
		{"weights without a method", nil, func(f *fixture) *types.MsgPayInference {
			return &types.MsgPayInference{
				Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: 1, Amount: coin(10), InferenceCount: 1, Tokens: 10,
				Weights: []attributiontypes.ContributionWeight{{ContributionId: 1, Ppm: 1}},
			}
		}, types.ErrInvalidAttribution},
		{"attribution for a model without training data", nil, payWith(func(m *types.MsgPayInference) { m.ModelId, m.Method = 2, "x" }), types.ErrNoTrainingData},
		{"bad payer", nil, payWith(func(m *types.MsgPayInference) { m.Payer = "bob" }), types.ErrInvalidAddress},
	}
	for _, tc := range cases {
		t.Run("Failure - "+tc.name, func(t *testing.T) {
			f := newFixture(t)
			if tc.setup != nil {
				tc.setup(f)
			}
			keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.PayInference, tc.msg(f), tc.want)
		})
	}
}

// splitmix64 is a tiny deterministic generator: the property test below
// covers thousands of cases and runs the same on every machine.
type splitmix64 uint64

func (s *splitmix64) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// randomBps splits 10,000 into five random shares.
func randomBps(g *splitmix64) [5]uint32 {
	var cuts [4]uint32
	for i := range cuts {
		cuts[i] = uint32(g.next() % (types.BpsTotal + 1))
	}
	for i := 1; i < len(cuts); i++ { // insertion sort
		for j := i; j > 0 && cuts[j] < cuts[j-1]; j-- {
			cuts[j], cuts[j-1] = cuts[j-1], cuts[j]
		}
	}
	return [5]uint32{cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], cuts[3] - cuts[2], types.BpsTotal - cuts[3]}
}

// TestSplitProperty pays thousands of random amounts under random splits
// and checks that every destination receives exactly floor(amount*bps/1e4)
// (burn the rest), that nothing is created or lost, and that the totals and
// invariants hold throughout.
func TestSplitProperty(t *testing.T) {
	f := newFixture(t)
	f.bank.Mint(f.bob.Addr, coins(math.NewIntWithDecimal(1, 30)))
	g := splitmix64(42)
	const rounds = 3000
	for i := 0; i < rounds; i++ {
		bps := randomBps(&g)
		keepertest.SetParams(f, func(p *types.Params) {
			p.BurnBps, p.ModelOwnerBps, p.ServingNodeBps, p.ProtocolBps, p.DataContributorsBps = bps[0], bps[1], bps[2], bps[3], bps[4]
		})
		var amount math.Int
		switch g.next() % 3 {
		case 0:
			amount = math.NewIntFromUint64(g.next()%100 + 1) // tiny: rounding dominates
		case 1:
			amount = math.NewIntFromUint64(g.next()%1_000_000_000 + 1)
		default:
			amount = math.NewIntFromUint64(g.next()).MulRaw(int64(g.next()%1_000_000 + 1)) // up to ~1.8e25
		}
		model := 1 + g.next()%2 // with and without training data
		owner, node, pool, attr := f.balance(f.owner.Addr), f.balance(f.node.Addr), f.moduleBalance(banktest.CommunityPoolModule), f.moduleBalance(attributiontypes.ModuleName)
		supply, tot := f.bank.Supply().AmountOf(denom), f.totals()

		// The amount is the model's per-call price for this round.
		f.setPrice(model, modelregtypes.Price{PerCall: amount, Per_1KTokens: math.ZeroInt()})
		keepertest.MustDeliver(f.Chain(), f.Msgs.PayInference, &types.MsgPayInference{
			Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: model, Amount: sdk.NewCoin(denom, amount), InferenceCount: 1,
		})

		share := func(b uint32) math.Int { return amount.MulRaw(int64(b)).QuoRaw(types.BpsTotal) }
		wantOwner, wantNode, wantProtocol, wantData := share(bps[1]), share(bps[2]), share(bps[3]), share(bps[4])
		wantBurn := amount.Sub(wantOwner).Sub(wantNode).Sub(wantProtocol).Sub(wantData)
		require.True(t, wantBurn.GTE(math.ZeroInt()) && wantBurn.LT(share(bps[0]).AddRaw(5)), "burn %s", wantBurn)
		if model == 2 {
			wantProtocol, wantData = wantProtocol.Add(wantData), math.ZeroInt()
		}
		require.Equal(t, owner.Add(wantOwner), f.balance(f.owner.Addr), "round %d", i)
		require.Equal(t, node.Add(wantNode), f.balance(f.node.Addr), "round %d", i)
		require.Equal(t, pool.Add(wantProtocol), f.moduleBalance(banktest.CommunityPoolModule), "round %d", i)
		require.Equal(t, attr.Add(wantData), f.moduleBalance(attributiontypes.ModuleName), "round %d", i)
		require.Equal(t, supply.Sub(wantBurn), f.bank.Supply().AmountOf(denom), "round %d", i)
		require.Equal(t, tot.Settled.Add(amount), f.totals().Settled)
		require.Equal(t, tot.Burned.Add(wantBurn), f.totals().Burned)
	}
}

func TestSplitAmountEdges(t *testing.T) {
	p := types.DefaultParams()
	s := p.SplitAmount(math.NewInt(9))
	// 9 * 4000 / 10000 = 3, 9 * 3000 / 10000 = 2, 9 * 500 / 10000 = 0,
	// 9 * 1500 / 10000 = 1, burn 3.
	got := []string{s.Amount.String(), s.Burn.String(), s.ModelOwner.String(), s.ServingNode.String(), s.Protocol.String(), s.DataContributors.String()}
	require.Equal(t, []string{"9", "3", "3", "2", "0", "1"}, got)
	s = p.SplitAmount(math.NewInt(1))
	require.Equal(t, math.NewInt(1), s.Burn, "dust is burned")
	s = p.SplitAmount(types.MaxAmount.MulRaw(types.DefaultMaxUsageEntriesPerBatch))
	require.True(t, s.Burn.IsPositive())
}

// payWith makes bob's payment to the node for one 10-token inference of model
// 1, with one edit.
func payWith(edit func(m *types.MsgPayInference)) func(f *fixture) *types.MsgPayInference {
	return func(f *fixture) *types.MsgPayInference {
		m := &types.MsgPayInference{Payer: f.bob.Str, ServingNode: f.node.Str, ModelId: 1, Amount: coin(10), InferenceCount: 1, Tokens: 10}
		edit(m)
		return m
	}
}
