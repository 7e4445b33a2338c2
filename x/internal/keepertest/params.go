package keepertest

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// ParamsUpdate is a module's MsgUpdateParams on a fresh chain whose keeper
// has the Authority: the handler and where params are stored.
type ParamsUpdate[P any, M proto.Message, R any] struct {
	Chain   *Chain
	Handler func(context.Context, M) (R, error)
	Stored  collections.Item[P]
}

// BrokenParams is a named change that makes valid params invalid.
type BrokenParams[P any] struct {
	Name  string
	Break func(*P)
}

// RequireParamsUpdates checks a module's MsgUpdateParams, each case on a
// chain from fresh, starting from the params stored there: the authority's
// valid change is stored and announced once with the module's
// EventParamsUpdated; the same change signed by another account fails with
// sdkerrors.ErrUnauthorized and every broken change with errInvalid, each
// leaving the store and balances unchanged.
func RequireParamsUpdates[P any, M proto.Message, R any](
	t *testing.T, fresh func(*testing.T) ParamsUpdate[P, M, R], change func(*P), errInvalid *errorsmod.Error,
	broken ...BrokenParams[P],
) {
	t.Helper()
	start := func(t *testing.T, edit func(*P)) (ParamsUpdate[P, M, R], P) {
		t.Helper()
		u := fresh(t)
		p, err := u.Stored.Get(*u.Chain.Ctx)
		require.NoError(t, err)
		edit(&p)
		return u, p
	}
	authority := Authority(t)
	t.Run("Success - authority sets params", func(t *testing.T) {
		u, p := start(t, change)
		msg := paramsMsg[M](authority, p)
		_, err := Deliver(u.Chain, u.Handler, msg)
		require.NoError(t, err)
		got, err := u.Stored.Get(*u.Chain.Ctx)
		require.NoError(t, err)
		require.Equal(t, p, got)
		event := strings.TrimSuffix(proto.MessageName(msg), "MsgUpdateParams") + "EventParamsUpdated"
		require.Len(t, EventsOfType(*u.Chain.Ctx, event), 1)
	})
	t.Run("Failure - not the authority", func(t *testing.T) {
		u, p := start(t, change)
		_, outsider := Account(t, accountCodec, "outsider")
		RequireFailsUnchanged(u.Chain, u.Handler, paramsMsg[M](outsider, p), sdkerrors.ErrUnauthorized)
	})
	for _, b := range broken {
		t.Run("Failure - "+b.Name, func(t *testing.T) {
			u, p := start(t, b.Break)
			RequireFailsUnchanged(u.Chain, u.Handler, paramsMsg[M](authority, p), errInvalid)
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
