package keepertest

import (
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/banktest"
)

// Fixture is what every module's keeper test fixture holds: the store with
// its context, codecs and authority, the test, the keeper K with its Msg
// service M and Query service Q, and the chain that runs messages on them.
// A module's fixture embeds it and adds its bank, fakes and accounts; it
// is then a Harness of M.
type Fixture[K, M, Q any] struct {
	Store
	T       testing.TB
	K       K
	Msgs    M
	Queries Q
	chain   *Chain
	// invariants are the module's invariants of a keeper.
	invariants func(K) func(sdk.Context) (string, bool)
}

// NewFixture returns the fixture of keeper k on store s, whose messages move
// funds in bank; after every delivered message the module's invariants of
// k (a keeper package's AllInvariants) must hold.
func NewFixture[K, M, Q any](
	t testing.TB, s Store, k K, msgs M, queries Q, bank *banktest.Bank, invariants func(K) func(sdk.Context) (string, bool),
) *Fixture[K, M, Q] {
	f := &Fixture[K, M, Q]{Store: s, T: t, K: k, Msgs: msgs, Queries: queries, invariants: invariants}
	f.chain = &Chain{T: t, Ctx: &f.Ctx, Key: s.Key, Bank: bank, Check: f.CheckInvariants}
	return f
}

// CheckInvariants checks the module's invariants and that the bank's
// balances add up to its supply.
func (f *Fixture[K, M, Q]) CheckInvariants() { f.chain.RequireInvariants(f.invariants(f.K)) }

// Chain is the chain the fixture's messages run on, on the fixture's Ctx.
func (f *Fixture[K, M, Q]) Chain() *Chain { return f.chain }

// MsgServer is the module's Msg service on the fixture's keeper.
func (f *Fixture[K, M, Q]) MsgServer() M { return f.Msgs }
