package keepertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"

	"github.com/cosmos/gogoproto/proto"

	errorsmod "cosmossdk.io/errors"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
)

// fuzzKind is one method of a module's Msg service as the handler fuzz
// target decodes it: its request type and its generated gRPC handler, the
// one the SDK's message router calls.
type fuzzKind struct {
	name    string
	request reflect.Type
	handler grpc.MethodHandler
}

// errProbe stops a generated handler right after it has allocated its
// request, which is how fuzzKinds learns each method's request type.
var errProbe = errors.New("request type probe")

// fuzzKinds are the methods of the Msg service desc in the order of its
// proto file, the order in which a fuzz input's first byte picks them: the
// committed corpora depend on it, so new methods go at the end of a
// service, as protobuf's compatibility rules already ask.
func fuzzKinds(t testing.TB, desc grpc.ServiceDesc) []fuzzKind {
	kinds := make([]fuzzKind, len(desc.Methods))
	for i, m := range desc.Methods {
		var request reflect.Type
		_, err := m.Handler(nil, context.Background(), func(in any) error {
			request = reflect.TypeOf(in).Elem()
			return errProbe
		}, nil)
		require.ErrorIs(t, err, errProbe, "%s.%s", desc.ServiceName, m.MethodName)
		kinds[i] = fuzzKind{name: request.Name(), request: request, handler: m.Handler}
	}
	return kinds
}

// deliver runs msg through the kind's generated handler on the Msg server
// srv, as the SDK's message router does.
func (k fuzzKind) deliver(srv any, ctx context.Context, msg proto.Message) error {
	_, err := k.handler(srv, ctx, func(in any) error {
		reflect.ValueOf(in).Elem().Set(reflect.ValueOf(msg).Elem())
		return nil
	}, nil)
	return err
}

// input is the fuzz input that decodes to msg: the index of its type in
// kinds, then its protobuf encoding.
func input(t testing.TB, kinds []fuzzKind, msg proto.Message) []byte {
	t.Helper()
	typ := reflect.TypeOf(msg).Elem()
	for i, k := range kinds {
		if k.request == typ {
			bz, err := proto.Marshal(msg)
			require.NoError(t, err)
			return append([]byte{byte(i)}, bz...)
		}
	}
	t.Fatalf("%s is not a request of the fuzzed Msg service", typ.Name())
	return nil
}

// seedsEnv, set to 1, makes FuzzMsgs write its seeds into the package's
// testdata/fuzz folder, the corpus that plain go test runs.
const seedsEnv = "OPENLEDGER_WRITE_FUZZ_SEEDS"

// FuzzMsgs is a module's message-handler fuzz target over every method of
// its Msg service desc (the generated types.Msg_serviceDesc). The fuzz
// input picks a method by its first byte and fills the request by
// protobuf-decoding the rest; the request is then delivered through the
// method's generated handler to the seeded fixture's Msg server, on a cache
// of its state, which every input starts from afresh. Each input must: not
// panic; if it fails, fail with a registered error and leave the store and
// every balance unchanged; if it succeeds, leave the module's invariants
// holding and the bank's balances adding up to its supply.
//
// seeds are valid messages on the seeded state, at least one of every
// method: each must succeed there, so that the seed corpus runs every
// handler's success path under plain go test.
func FuzzMsgs[X Harness[S], S any](f *testing.F, seeded X, desc grpc.ServiceDesc, seeds []proto.Message) {
	f.Helper()
	c, srv := seeded.Chain(), seeded.MsgServer()
	kinds := fuzzKinds(f, desc)
	covered := make([]bool, len(kinds))
	for _, msg := range seeds {
		in := input(f, kinds, msg)
		covered[in[0]] = true
		require.NoError(f, deliverOnCache(c, srv, kinds[in[0]], msg), "seed %T", msg)
		f.Add(in)
	}
	for i, k := range kinds {
		require.True(f, covered[i], "no valid seed of %s", k.name)
	}
	if os.Getenv(seedsEnv) == "1" {
		writeSeeds(f, kinds, seeds)
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		kind := kinds[int(data[0])%len(kinds)]
		msg := reflect.New(kind.request).Interface().(proto.Message)
		if err := proto.Unmarshal(data[1:], msg); err != nil {
			return
		}
		c.T = t
		defer func() { c.T = f }()
		err := deliverOnCache(c, srv, kind, msg)
		if err != nil {
			codespace, _, _ := errorsmod.ABCIInfo(err, false)
			require.NotEqual(t, errorsmod.UndefinedCodespace, codespace, "%s failed with an unregistered error: %v", kind.name, err)
		}
	})
}

// deliverOnCache delivers msg on a cache of the chain's context and a copy
// of its bank, both thrown away afterwards, and checks what FuzzMsgs
// requires of a failure or a success. It returns the handler's error.
func deliverOnCache(c *Chain, srv any, kind fuzzKind, msg proto.Message) error {
	c.T.Helper()
	base, bank := *c.Ctx, c.Bank.Clone()
	cache, _ := base.CacheContext()
	*c.Ctx = cache.WithGasMeter(storetypes.NewInfiniteGasMeter())
	defer func() { *c.Ctx, *c.Bank = base, *bank }()

	before := c.Snapshot()
	if err := kind.deliver(srv, *c.Ctx, msg); err != nil {
		c.RequireUnchanged(before)
		return err
	}
	c.Check()
	return nil
}

// writeSeeds writes each seed as a file of the go fuzzing corpus format
// into testdata/fuzz/<target>, named after its message type.
func writeSeeds(f *testing.F, kinds []fuzzKind, seeds []proto.Message) {
	dir := filepath.Join("testdata", "fuzz", f.Name())
	require.NoError(f, os.MkdirAll(dir, 0o755))
	seen := map[string]int{}
	for _, msg := range seeds {
		in := input(f, kinds, msg)
		name := kinds[in[0]].name
		seen[name]++
		file := filepath.Join(dir, fmt.Sprintf("seed-%s-%d", name, seen[name]))
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", in)
		require.NoError(f, os.WriteFile(file, []byte(body), 0o644))
	}
}
