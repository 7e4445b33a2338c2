package keepertest

import (
	"encoding/binary"
	"encoding/hex"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// The raw key parts of collections keys, built by hand rather than with the
// collections codecs, so that a store layout test pins the bytes a running
// chain has on disk.

// U64 is a uint64 key part: 8 bytes, big-endian.
func U64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// LenPrefixed is a variable-length key part that is not the last part of
// its key: a length byte, then the bytes.
func LenPrefixed(b []byte) []byte { return append([]byte{byte(len(b))}, b...) }

// Key joins key parts into a raw key, in hex.
func Key(parts ...[]byte) string { return hex.EncodeToString(slices.Concat(parts...)) }

// RequireStoreKeys checks that the store holds exactly the raw keys want
// (Key's hex, in any order).
func (c *Chain) RequireStoreKeys(want []string) {
	c.T.Helper()
	want = slices.Sorted(slices.Values(want))
	var got []string
	for _, kv := range c.Snapshot().KV {
		got = append(got, hex.EncodeToString(kv[0]))
	}
	require.Equal(c.T, want, got)
}

// PanicCases are named constructor calls that must panic.
type PanicCases []struct {
	Name string
	Make func()
}

// RequirePanics checks that every case panics: the wiring mistakes a keeper
// constructor must refuse at start-up.
func RequirePanics(t *testing.T, cases PanicCases) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) { require.Panics(t, tc.Make) })
	}
}

// RequireKeeperPanics checks that a keeper constructor refuses the wiring
// mistakes every keeper refuses (a nil codec, store, event or header
// service or address codec, an invalid authority, a module account that is
// not registered) and the module's own cases. build calls the constructor
// with env and an account keeper and every other dependency valid; with
// the store's env and AccountKeeper it must not panic, so that each case
// panics for its own mistake.
func RequireKeeperPanics(t *testing.T, s Store, build func(env modulekit.KeeperEnv, ak modulekit.ModuleAccounts), own PanicCases) {
	t.Helper()
	valid := s.KeeperEnv()
	require.NotPanics(t, func() { build(valid, AccountKeeper{}) })
	with := func(edit func(*modulekit.KeeperEnv)) func() {
		return func() {
			env := valid
			edit(&env)
			build(env, AccountKeeper{})
		}
	}
	RequirePanics(t, append(PanicCases{
		{"Failure - nil codec", with(func(e *modulekit.KeeperEnv) { e.Codec = nil })},
		{"Failure - nil store service", with(func(e *modulekit.KeeperEnv) { e.StoreService = nil })},
		{"Failure - nil event service", with(func(e *modulekit.KeeperEnv) { e.EventService = nil })},
		{"Failure - nil header service", with(func(e *modulekit.KeeperEnv) { e.HeaderService = nil })},
		{"Failure - nil address codec", with(func(e *modulekit.KeeperEnv) { e.AddressCodec = nil })},
		{"Failure - invalid authority", with(func(e *modulekit.KeeperEnv) { e.Authority = "gov" })},
		{"Failure - module account not registered", func() { build(valid, NoModuleAccounts{}) }},
	}, own...))
}
