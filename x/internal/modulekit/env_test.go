package modulekit

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

type noAccounts struct{}

func (noAccounts) GetModuleAddress(string) sdk.AccAddress { return nil }

type accounts struct{}

func (accounts) GetModuleAddress(name string) sdk.AccAddress { return authtypes.NewModuleAddress(name) }

func TestNewEnvRefusesWiringMistakes(t *testing.T) {
	ac := address.NewBech32Codec("open")
	gov, err := ac.BytesToString(authtypes.NewModuleAddress("gov"))
	require.NoError(t, err)
	ke := KeeperEnv{
		Codec: codec.NewProtoCodec(codectypes.NewInterfaceRegistry()), StoreService: runtime.NewKVStoreService(storetypes.NewKVStoreKey("m")),
		EventService: runtime.EventService{}, HeaderService: runtime.ProvideHeaderInfoService(nil), AddressCodec: ac, Authority: gov,
	}
	edited := func(edit func(*KeeperEnv)) KeeperEnv { e := ke; edit(&e); return e }
	var nilPointer *noAccounts

	env := NewEnv("m", ke, accounts{})
	require.Equal(t, gov, env.GetAuthority())
	require.Equal(t, authtypes.NewModuleAddress("m"), env.ModuleAddress())
	require.PanicsWithValue(t, "x/m keeper: header service is nil", func() { NewEnv("m", edited(func(e *KeeperEnv) { e.HeaderService = nil }), accounts{}) })
	require.PanicsWithValue(t, "x/m keeper: store service is nil", func() { NewEnv("m", edited(func(e *KeeperEnv) { e.StoreService = nil }), accounts{}) })
	require.PanicsWithValue(t, "x/m keeper: bank keeper is nil", func() { NewEnv("m", ke, accounts{}, "bank keeper", nilPointer) })
	require.Panics(t, func() { NewEnv("m", edited(func(e *KeeperEnv) { e.Authority = "gov" }), accounts{}) }, "an authority that is not an address")
	require.Panics(t, func() { NewEnv("m", ke, accounts{}, "odd") }, "a name without a value")
	require.PanicsWithValue(t, "x/m keeper: the m module account is not registered", func() { NewEnv("m", ke, noAccounts{}) })
}

func TestNextIDNeverHandsOutZero(t *testing.T) {
	key := storetypes.NewKVStoreKey("m")
	ctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test")).Ctx
	sb := collections.NewSchemaBuilder(runtime.NewKVStoreService(key))
	seq := collections.NewSequence(sb, collections.NewPrefix(1), "seq")
	_, err := sb.Build()
	require.NoError(t, err)
	for want := uint64(1); want <= 3; want++ {
		id, err := NextID(ctx, seq)
		require.NoError(t, err)
		require.Equal(t, want, id)
	}
}

func TestGenesisExportHelpers(t *testing.T) {
	key := storetypes.NewKVStoreKey("m")
	ctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test")).Ctx
	sb := collections.NewSchemaBuilder(runtime.NewKVStoreService(key))
	seq := collections.NewSequence(sb, collections.NewPrefix(1), "seq")
	m := collections.NewMap(sb, collections.NewPrefix(2), "m", collections.Uint64Key, collections.StringValue)
	_, err := sb.Build()
	require.NoError(t, err)

	next, err := PeekID(ctx, seq)
	require.NoError(t, err)
	require.Equal(t, uint64(1), next, "a fresh sequence states 1, the first id NextID hands out")
	for range 2 {
		_, err := NextID(ctx, seq)
		require.NoError(t, err)
	}
	next, err = PeekID(ctx, seq)
	require.NoError(t, err)
	require.Equal(t, uint64(3), next)

	vals, err := Values(ctx, m.Walk)
	require.NoError(t, err)
	require.Empty(t, vals)
	require.NoError(t, m.Set(ctx, 9, "nine"))
	require.NoError(t, m.Set(ctx, 2, "two"))
	vals, err = Values(ctx, m.Walk)
	require.NoError(t, err)
	require.Equal(t, []string{"two", "nine"}, vals, "values in key order")
}
