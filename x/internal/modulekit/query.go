package modulekit

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
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

// Respond is a handler's answer: resp, or nothing but err where the work
// that made resp failed.
func Respond[Resp any](resp *Resp, err error) (*Resp, error) {
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// PageValues pages through the values of a collection, in key order.
func PageValues[K, V any](
	ctx context.Context, coll query.Collection[K, V], pr *query.PageRequest,
	opts ...func(*query.CollectionsPaginateOptions[K]),
) ([]V, *query.PageResponse, error) {
	return query.CollectionPaginate(ctx, coll, pr, func(_ K, v V) (V, error) { return v, nil }, opts...)
}

// PageValuesUnder pages through the values of a collection keyed (prefix,
// rest) that are under one prefix, in key order.
func PageValuesUnder[P, K, V any](
	ctx context.Context, coll query.Collection[collections.Pair[P, K], V], pr *query.PageRequest, prefix P,
) ([]V, *query.PageResponse, error) {
	return PageValues(ctx, coll, pr, query.WithCollectionPaginationPairPrefix[P, K](prefix))
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

// Requests checks the requests of a module's query server. A request that
// fails a check is answered with the module's registered invalid-request
// error, so gRPC and REST clients see InvalidArgument.
type Requests struct {
	// ErrNil answers a nil request.
	ErrNil         error
	invalid        *errorsmod.Error
	addressCodec   address.Codec
	invalidAddress *errorsmod.Error
}

// NewRequests returns the request checks of a module: invalid is its
// invalid-request error; addresses are decoded with ac, and refused with
// invalidAddress (its invalid-address error) inside invalid.
func NewRequests(invalid *errorsmod.Error, ac address.Codec, invalidAddress *errorsmod.Error) Requests {
	return Requests{
		ErrNil: errorsmod.Wrap(invalid, "empty request"), invalid: invalid,
		addressCodec: ac, invalidAddress: invalidAddress,
	}
}

// Invalid is err, a request field that failed its check, as an invalid
// request.
func (r Requests) Invalid(err error) error {
	return errorsmod.Wrapf(r.invalid, "%v", err)
}

// Address decodes the address a request names in field.
func (r Requests) Address(field, s string) (sdk.AccAddress, error) {
	addr, _, err := ParseAddress(r.addressCodec, r.invalidAddress, field, s)
	if err != nil {
		return nil, r.Invalid(err)
	}
	return addr, nil
}

// NeedAddress checks a request req that must name an address in field,
// and decodes it: a nil request answers ErrNil.
func (r Requests) NeedAddress(req any, field, s string) (sdk.AccAddress, error) {
	if IsNil(req) {
		return nil, r.ErrNil
	}
	return r.Address(field, s)
}

// NeedID checks a request req that must name an id in field: a nil request
// answers ErrNil, an id left 0 (none) is an invalid request.
func (r Requests) NeedID(req any, field string, id uint64) error {
	if IsNil(req) {
		return r.ErrNil
	}
	if id == 0 {
		return errorsmod.Wrapf(r.invalid, "%s must be set", field)
	}
	return nil
}

// QueryServer is what every module's query server holds alike: the Params
// query and the request checks. A module's query server embeds it. Req and
// Resp are the module's QueryParamsRequest and QueryParamsResponse.
type QueryServer[Req, P, Resp any] struct {
	ParamsQuery[Req, P, Resp]
	Requests
}

// NewQueryServer returns the QueryServer of a module whose params are
// stored in stored, with request checks r; respond wraps the params in the
// module's response.
func NewQueryServer[Req, P, Resp any](r Requests, stored collections.Item[P], respond func(P) *Resp) QueryServer[Req, P, Resp] {
	return QueryServer[Req, P, Resp]{ParamsQuery: NewParamsQuery[Req](stored, r.ErrNil, respond), Requests: r}
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
