package keepertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/gogoproto/proto"

	errorsmod "cosmossdk.io/errors"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
)

// FuzzMsg is one of a module's Msg types as its handler fuzz target decodes
// it: the type's name, an empty message of the type, and its handler on the
// module's Msg server S.
type FuzzMsg[S any] struct {
	Name    string
	New     func() proto.Message
	Deliver func(S, context.Context, proto.Message) error
}

// FuzzHandler is the FuzzMsg of the Msg server method h.
func FuzzHandler[S any, Req proto.Message, Resp any](h Handler[S, Req, Resp]) FuzzMsg[S] {
	typ := reflect.TypeFor[Req]().Elem()
	return FuzzMsg[S]{
		Name: typ.Name(),
		New:  func() proto.Message { return reflect.New(typ).Interface().(proto.Message) },
		Deliver: func(s S, ctx context.Context, msg proto.Message) error {
			_, err := h(s, ctx, msg.(Req))
			return err
		},
	}
}

// FuzzInput is the fuzz input that decodes to msg: the index of its type in
// kinds, then its protobuf encoding.
func FuzzInput[S any](t testing.TB, kinds []FuzzMsg[S], msg proto.Message) []byte {
	t.Helper()
	name := reflect.TypeOf(msg).Elem().Name()
	for i, k := range kinds {
		if k.Name == name {
			bz, err := proto.Marshal(msg)
			require.NoError(t, err)
			return append([]byte{byte(i)}, bz...)
		}
	}
	t.Fatalf("%s is not one of the fuzzed message types", name)
	return nil
}

// seedsEnv, set to 1, makes FuzzMsgs write its seeds into the package's
// testdata/fuzz folder, the corpus that plain go test runs.
const seedsEnv = "OPENLEDGER_WRITE_FUZZ_SEEDS"

// FuzzMsgs is a module's message-handler fuzz target. The fuzz input picks
// one of kinds by its first byte and fills it by protobuf-decoding the rest;
// the message is then delivered through the module's Msg server on a cache
// of the seeded fixture's state, which every input starts from afresh. Each
// input must: not panic; if it fails, fail with a registered error and leave
// the store and every balance unchanged; if it succeeds, leave the module's
// invariants holding and the bank's balances adding up to its supply.
//
// seeds are valid messages on the seeded state, at least one of every kind:
// each must succeed there, so that the seed corpus runs every handler's
// success path under plain go test.
func FuzzMsgs[X Harness[S], S any](f *testing.F, seeded X, kinds []FuzzMsg[S], seeds []proto.Message) {
	f.Helper()
	c := seeded.Chain()
	covered := make([]bool, len(kinds))
	for _, msg := range seeds {
		input := FuzzInput(f, kinds, msg)
		covered[input[0]] = true
		require.NoError(f, deliverOnCache(c, seeded.MsgServer(), kinds[input[0]], msg), "seed %T", msg)
		f.Add(input)
	}
	for i, k := range kinds {
		require.True(f, covered[i], "no valid seed of %s", k.Name)
	}
	if os.Getenv(seedsEnv) == "1" {
		writeSeeds(f, kinds, seeds)
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		kind := kinds[int(data[0])%len(kinds)]
		msg := kind.New()
		if err := proto.Unmarshal(data[1:], msg); err != nil {
			return
		}
		c.T = t
		defer func() { c.T = f }()
		err := deliverOnCache(c, seeded.MsgServer(), kind, msg)
		if err != nil {
			codespace, _, _ := errorsmod.ABCIInfo(err, false)
			require.NotEqual(t, errorsmod.UndefinedCodespace, codespace, "%s failed with an unregistered error: %v", kind.Name, err)
		}
	})
}

// deliverOnCache delivers msg on a cache of the chain's context and a copy
// of its bank, both thrown away afterwards, and checks what FuzzMsgs
// requires of a failure or a success. It returns the handler's error.
func deliverOnCache[S any](c *Chain, srv S, kind FuzzMsg[S], msg proto.Message) error {
	c.T.Helper()
	base, bank := *c.Ctx, c.Bank.Clone()
	cache, _ := base.CacheContext()
	*c.Ctx = cache.WithGasMeter(storetypes.NewInfiniteGasMeter())
	defer func() { *c.Ctx, *c.Bank = base, *bank }()

	before := c.Snapshot()
	if err := kind.Deliver(srv, *c.Ctx, msg); err != nil {
		c.RequireUnchanged(before)
		return err
	}
	c.Check()
	return nil
}

// writeSeeds writes each seed as a file of the go fuzzing corpus format
// into testdata/fuzz/<target>, named after its message type.
func writeSeeds[S any](f *testing.F, kinds []FuzzMsg[S], seeds []proto.Message) {
	dir := filepath.Join("testdata", "fuzz", f.Name())
	require.NoError(f, os.MkdirAll(dir, 0o755))
	seen := map[string]int{}
	for _, msg := range seeds {
		input := FuzzInput(f, kinds, msg)
		name := kinds[input[0]].Name
		seen[name]++
		file := filepath.Join(dir, fmt.Sprintf("seed-%s-%d", name, seen[name]))
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", input)
		require.NoError(f, os.WriteFile(file, []byte(body), 0o644))
	}
}
