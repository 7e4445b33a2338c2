// Package keepertest is what every module's keeper tests set up and check
// the same way: a context on an in-memory store at a fixed block, the codecs
// and authority a keeper is built with, an account keeper, messages run the
// way a transaction runs them, and the check that a failed message changed
// nothing.
package keepertest

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/address"
	"cosmossdk.io/core/header"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// Store is a module's in-memory store with a context on it and what its
// keeper is built with: the module's codec, the "open" address codec and
// the gov module account as authority.
type Store struct {
	Key          *storetypes.KVStoreKey
	Ctx          sdk.Context
	Codec        codec.Codec
	AddressCodec address.Codec
	Authority    string
}

// NewStore opens a store for storeKey with a context at height and
// blockTime, and the codec of mod.
func NewStore(t testing.TB, storeKey string, mod module.AppModuleBasic, height int64, blockTime time.Time) Store {
	t.Helper()
	key := storetypes.NewKVStoreKey(storeKey)
	tctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test"))
	ctx := tctx.Ctx.WithBlockHeight(height).WithBlockTime(blockTime).
		WithHeaderInfo(header.Info{Height: height, Time: blockTime})
	return Store{
		Key: key, Ctx: ctx, Codec: moduletestutil.MakeTestEncodingConfig(mod).Codec,
		AddressCodec: accountCodec, Authority: Authority(t),
	}
}

// KeeperEnv is what the module's keeper is built with on this store: its
// codec, the store, the runtime's event and header services, the address
// codec and the authority.
func (s Store) KeeperEnv() modulekit.KeeperEnv {
	return modulekit.KeeperEnv{
		Codec: s.Codec, StoreService: runtime.NewKVStoreService(s.Key), EventService: runtime.EventService{},
		HeaderService: runtime.ProvideHeaderInfoService(nil), AddressCodec: s.AddressCodec, Authority: s.Authority,
	}
}

// accountCodec is the chain's account address codec.
var accountCodec = addresscodec.NewBech32Codec("open")

// Authority is the gov module account in bech32: the authority every
// module keeper of a test is built with.
func Authority(t testing.TB) string {
	t.Helper()
	authority, err := accountCodec.BytesToString(authtypes.NewModuleAddress("gov"))
	require.NoError(t, err)
	return authority
}

// AccountKeeper answers module account addresses as x/auth does.
type AccountKeeper struct{}

// GetModuleAddress returns the address of a module account.
func (AccountKeeper) GetModuleAddress(name string) sdk.AccAddress {
	return authtypes.NewModuleAddress(name)
}

// NoModuleAccounts is an account keeper that knows no module account, to
// check that a keeper refuses to start without its own.
type NoModuleAccounts struct{}

// GetModuleAddress returns nil.
func (NoModuleAccounts) GetModuleAddress(string) sdk.AccAddress { return nil }

// Chain runs a module's messages against its store and the test bank. Ctx
// points at the test's context, so a test that moves the block along is
// seen; Check (the module's invariants) runs after every delivered message.
type Chain struct {
	T     testing.TB
	Ctx   *sdk.Context
	Key   *storetypes.KVStoreKey
	Bank  *banktest.Bank
	Check func()
}

// Deliver runs a message the way a transaction does: in a cached context
// written back only on success (the bank too is restored on failure). It
// then runs the chain's checks.
func Deliver[Req, Resp any](c *Chain, handler func(context.Context, Req) (Resp, error), msg Req) (Resp, error) {
	c.T.Helper()
	cacheCtx, write := c.Ctx.CacheContext()
	bankBefore := c.Bank.Clone()
	resp, err := handler(cacheCtx, msg)
	if err != nil {
		*c.Bank = *bankBefore
		return resp, err
	}
	write()
	c.Check()
	return resp, nil
}

// MustDeliver delivers a message that must succeed, as Deliver does, and
// returns its response.
func MustDeliver[Req, Resp any](c *Chain, handler func(context.Context, Req) (Resp, error), msg Req) Resp {
	c.T.Helper()
	resp, err := Deliver(c, handler, msg)
	require.NoError(c.T, err)
	return resp
}

// State is everything a message could change: the module's raw store and
// the bank.
type State struct {
	KV   [][2][]byte
	Bank *banktest.Bank
}

// Snapshot is the chain's State now.
func (c *Chain) Snapshot() State {
	s := State{Bank: c.Bank.Clone()}
	it := c.Ctx.KVStore(c.Key).Iterator(nil, nil)
	defer it.Close()
	for ; it.Valid(); it.Next() {
		s.KV = append(s.KV, [2][]byte{bytes.Clone(it.Key()), bytes.Clone(it.Value())})
	}
	return s
}

// RequireUnchanged checks that the store and every balance are as they were
// in before.
func (c *Chain) RequireUnchanged(before State) {
	c.T.Helper()
	after := c.Snapshot()
	require.Equal(c.T, before.KV, after.KV, "a failed call changed the store")
	require.True(c.T, before.Bank.Equal(after.Bank), "a failed call changed balances")
}

// RequireFailsUnchanged runs a message directly on the test context (no
// cache, unlike a transaction) and checks that it fails with want and
// leaves the store and every balance exactly as they were.
func RequireFailsUnchanged[Req, Resp any](
	c *Chain, handler func(context.Context, Req) (Resp, error), msg Req, want *errorsmod.Error,
) {
	c.T.Helper()
	before := c.Snapshot()
	_, err := handler(*c.Ctx, msg)
	require.Error(c.T, err)
	require.ErrorIs(c.T, err, want, "got %v", err)
	c.RequireUnchanged(before)
}

// RequireInvariants checks a module's invariants and that the bank's
// balances add up to its supply.
func (c *Chain) RequireInvariants(invariant func(sdk.Context) (string, bool)) {
	c.T.Helper()
	msg, broken := invariant(*c.Ctx)
	require.False(c.T, broken, msg)
	require.True(c.T, c.Bank.Total().Equal(c.Bank.Supply()), "balances %s, supply %s", c.Bank.Total(), c.Bank.Supply())
}

// EventsOfType returns the typed events of a type emitted so far.
func EventsOfType(ctx sdk.Context, typ string) []sdk.Event {
	var out []sdk.Event
	for _, e := range ctx.EventManager().Events() {
		if e.Type == typ {
			out = append(out, e)
		}
	}
	return out
}

// Failure is a named way a message must fail. Make builds the failing
// message, or breaks a valid one, in whatever form the test needs; Want is
// the registered error the message must fail with.
type Failure[F any] struct {
	Name string
	Make F
	Want *errorsmod.Error
}
