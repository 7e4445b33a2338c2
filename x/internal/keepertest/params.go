package keepertest

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// ParamsFixture is a keeper test fixture whose module stores params P.
type ParamsFixture[P any] interface {
	Chain() *Chain
	StoredParams() collections.Item[P]
}

// ParamsHarness is a ParamsFixture with its Msg server S: what
// RequireParamsUpdates runs MsgUpdateParams on.
type ParamsHarness[S, P any] interface {
	Harness[S]
	StoredParams() collections.Item[P]
}

// SetParams changes the params stored in a fixture in place, as a test's
// setup rather than through a message.
func SetParams[P any](f ParamsFixture[P], mutate func(*P)) {
	c := f.Chain()
	c.T.Helper()
	p, err := f.StoredParams().Get(*c.Ctx)
	require.NoError(c.T, err)
	mutate(&p)
	require.NoError(c.T, f.StoredParams().Set(*c.Ctx, p))
}

// BrokenParams is a named change that makes valid params invalid.
type BrokenParams[P any] struct {
	Name  string
	Break func(*P)
}

// RequireParamsUpdates checks a module's MsgUpdateParams, each case on a
// fixture fresh from start, starting from the params stored there: the
// authority's valid change is stored and announced once with the module's
// EventParamsUpdated; the same change signed by another account fails with
// sdkerrors.ErrUnauthorized and every broken change with errInvalid, each
// leaving the store and balances unchanged.
func RequireParamsUpdates[X ParamsHarness[S, P], S, P any, M proto.Message, R any](
	t *testing.T, start func(testing.TB) X, h Handler[S, M, R], change func(*P), errInvalid *errorsmod.Error,
	broken ...BrokenParams[P],
) {
	t.Helper()
	begin := func(t *testing.T, edit func(*P)) (X, P) {
		t.Helper()
		f := start(t)
		p, err := f.StoredParams().Get(*f.Chain().Ctx)
		require.NoError(t, err)
		edit(&p)
		return f, p
	}
	authority := Authority(t)
	t.Run("Success - authority sets params", func(t *testing.T) {
		f, p := begin(t, change)
		msg := paramsMsg[M](authority, p)
		_, err := Deliver(f.Chain(), bound(f, h), msg)
		require.NoError(t, err)
		got, err := f.StoredParams().Get(*f.Chain().Ctx)
		require.NoError(t, err)
		require.Equal(t, p, got)
		event := strings.TrimSuffix(proto.MessageName(msg), "MsgUpdateParams") + "EventParamsUpdated"
		require.Len(t, EventsOfType(*f.Chain().Ctx, event), 1)
	})
	t.Run("Failure - not the authority", func(t *testing.T) {
		f, p := begin(t, change)
		outsider := NamedAccount(t, accountCodec, "outsider").Str
		RequireFailsUnchanged(f.Chain(), bound(f, h), paramsMsg[M](outsider, p), sdkerrors.ErrUnauthorized)
	})
	for _, b := range broken {
		t.Run("Failure - "+b.Name, func(t *testing.T) {
			f, p := begin(t, b.Break)
			RequireFailsUnchanged(f.Chain(), bound(f, h), paramsMsg[M](authority, p), errInvalid)
		})
	}
}

// paramsMsg builds a MsgUpdateParams, which every module declares with the
// fields Authority and Params.
func paramsMsg[M proto.Message, P any](authority string, params P) M {
	msg := reflect.New(reflect.TypeFor[M]().Elem())
	msg.Elem().FieldByName("Authority").SetString(authority)
	msg.Elem().FieldByName("Params").Set(reflect.ValueOf(params))
	return msg.Interface().(M)
}

// ParamsCase is a change to a module's default params P, and whether the
// changed params are valid.
type ParamsCase[P any] struct {
	Name  string
	Edit  func(p *P)
	Valid bool
}

// RequireParamsCases runs each case as a test of its own: the default
// params, changed by the case, must validate, or fail with errInvalid (the
// module's invalid-params error) where the case says they are not valid.
func RequireParamsCases[P any, PP interface {
	*P
	Validate() error
}](t *testing.T, defaults func() P, errInvalid error, cases []ParamsCase[P]) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			p := defaults()
			tc.Edit(&p)
			if err := PP(&p).Validate(); tc.Valid {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, errInvalid)
			}
		})
	}
}
