package modulekit

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"
)

// Answer answers a query of one value: a nil request with errNil, otherwise
// the value get reads, through respond, or get's error.
func Answer[Req, T, Resp any](req *Req, errNil error, get func() (T, error), respond func(T) *Resp) (*Resp, error) {
	if req == nil {
		return nil, errNil
	}
	v, err := get()
	if err != nil {
		return nil, err
	}
	return respond(v), nil
}

// PageValues pages through the values of a collection, in key order.
func PageValues[K, V any](
	ctx context.Context, coll query.Collection[K, V], pr *query.PageRequest,
	opts ...func(*query.CollectionsPaginateOptions[K]),
) ([]V, *query.PageResponse, error) {
	return query.CollectionPaginate(ctx, coll, pr, func(_ K, v V) (V, error) { return v, nil }, opts...)
}

// PageByRef pages through the entries of an index keyed (reference,
// primary key) that are under one reference, answering for each what get
// reads for its primary key.
func PageByRef[R, P, T any](
	ctx context.Context, idx query.Collection[collections.Pair[R, P], collections.NoValue], pr *query.PageRequest,
	ref R, get func(context.Context, P) (T, error),
) ([]T, *query.PageResponse, error) {
	return query.CollectionPaginate(ctx, idx, pr,
		func(key collections.Pair[R, P], _ collections.NoValue) (T, error) { return get(ctx, key.K2()) },
		query.WithCollectionPaginationPairPrefix[R, P](ref))
}

// ParamsQuery is every module's Params query, answered from where the
// module stores its params; a module's query server embeds it. Req and Resp
// are the module's QueryParamsRequest and QueryParamsResponse.
type ParamsQuery[Req, P, Resp any] struct {
	stored  collections.Item[P]
	errNil  error
	respond func(P) *Resp
}

// NewParamsQuery returns the Params query of params stored in stored: a nil
// request answers errNil, the module's registered invalid-request error;
// respond wraps the params in the module's response.
func NewParamsQuery[Req, P, Resp any](stored collections.Item[P], errNil error, respond func(P) *Resp) ParamsQuery[Req, P, Resp] {
	return ParamsQuery[Req, P, Resp]{stored: stored, errNil: errNil, respond: respond}
}

// Params returns the module parameters.
func (q ParamsQuery[Req, P, Resp]) Params(ctx context.Context, req *Req) (*Resp, error) {
	return Answer(req, q.errNil, func() (P, error) { return q.stored.Get(ctx) }, q.respond)
}
