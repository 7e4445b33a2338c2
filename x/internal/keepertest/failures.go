package keepertest

import (
	"context"
	"errors"
	"testing"
)

// Harness is what a module's keeper test fixture shows the failure runners:
// the chain its messages run on and its Msg server S, whose handlers the
// runners name as method expressions (types.MsgServer.AddStake).
type Harness[S any] interface {
	Chain() *Chain
	MsgServer() S
}

// Handler is a Msg server method as a method expression.
type Handler[S, Req, Resp any] func(S, context.Context, Req) (Resp, error)

// bound is h for the Msg server of f.
func bound[X Harness[S], S, Req, Resp any](f X, h Handler[S, Req, Resp]) func(context.Context, Req) (Resp, error) {
	srv := f.MsgServer()
	return func(ctx context.Context, req Req) (Resp, error) { return h(srv, ctx, req) }
}

// RunFailures runs each case as a test of its own on a fixture fresh from
// start: the message the case makes must fail with the case's error and
// leave the store and every balance as they were.
func RunFailures[X Harness[S], S, Req, Resp any](
	t *testing.T, cases []Failure[func(X) Req], start func(testing.TB) X, h Handler[S, Req, Resp],
) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			f := start(t)
			RequireFailsUnchanged(f.Chain(), bound(f, h), tc.Make(f), tc.Want)
		})
	}
}

// RunBroken runs each case as a test of its own: start returns a fresh
// fixture and a valid message, which the case breaks (or the fixture's
// state under it); the message must then fail with the case's error and
// leave the store and every balance as they were.
func RunBroken[X Harness[S], S, Req, Resp any](
	t *testing.T, cases []Failure[func(X, Req)], start func(testing.TB) (X, Req), h Handler[S, Req, Resp],
) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			f, msg := start(t)
			tc.Make(f, msg)
			RequireFailsUnchanged(f.Chain(), bound(f, h), msg, tc.Want)
		})
	}
}

// Run runs body as a subtest of t named name, on a fixture fresh from
// start.
func Run[X any](t *testing.T, name string, start func(testing.TB) X, body func(t *testing.T, f X)) bool {
	t.Helper()
	return t.Run(name, func(t *testing.T) { body(t, start(t)) })
}

// QueryFailure is a query that must fail with Want: Call makes it and
// returns its error, most often as ErrOf(q.Query(ctx, req)).
type QueryFailure struct {
	Name string
	Call func() error
	Want error
}

// ErrOf is the error of a call's two results.
func ErrOf[T any](_ T, err error) error { return err }

// RunQueryFailures runs each case as a test of its own.
func RunQueryFailures(t *testing.T, cases []QueryFailure) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if err := tc.Call(); !errors.Is(err, tc.Want) {
				t.Fatalf("got error %v, want %v", err, tc.Want)
			}
		})
	}
}
