package modulekit

import (
	"context"
	"fmt"
	"time"

	"github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/event"
	"cosmossdk.io/core/header"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Env is what every module keeper holds the same way: its module's name and
// module account address, the event and header services, the account
// address codec and the authority (the account allowed to change params:
// the gov module account by default). A keeper embeds it.
type Env struct {
	module        string
	moduleAddress sdk.AccAddress
	eventService  event.Service
	headerService header.Service
	addressCodec  address.Codec
	authority     string
}

// KeeperEnv is what every module keeper is built with, in the same way for
// each: the codec, the module's store, the event and header services, the
// account address codec and the authority (the gov module account by
// default).
type KeeperEnv struct {
	Codec         codec.BinaryCodec
	StoreService  store.KVStoreService
	EventService  event.Service
	HeaderService header.Service
	AddressCodec  address.Codec
	Authority     string
}

// NewEnv checks a keeper's constructor arguments and returns its Env, with
// the module account address that accounts gives. deps are the keeper's
// other dependencies as name, value pairs. It panics on a nil service or
// dependency, on an authority the address codec refuses and on a module
// account that is not registered: those are wiring mistakes that must stop
// the node at start-up.
func NewEnv(module string, ke KeeperEnv, accounts ModuleAccounts, deps ...any) Env {
	all := append([]any{
		"event service", ke.EventService, "header service", ke.HeaderService, "address codec", ke.AddressCodec,
		"codec", ke.Codec, "store service", ke.StoreService, "account keeper", accounts,
	}, deps...)
	if len(all)%2 != 0 {
		panic(fmt.Sprintf("x/%s keeper: dependencies must come as name, value pairs", module))
	}
	for i := 0; i < len(all); i += 2 {
		if IsNil(all[i+1]) {
			panic(fmt.Sprintf("x/%s keeper: %v is nil", module, all[i]))
		}
	}
	if _, err := ke.AddressCodec.StringToBytes(ke.Authority); err != nil {
		panic(fmt.Sprintf("x/%s keeper: invalid authority %q: %v", module, ke.Authority, err))
	}
	moduleAddress := accounts.GetModuleAddress(module)
	if moduleAddress == nil {
		panic(fmt.Sprintf("x/%s keeper: the %s module account is not registered", module, module))
	}
	return Env{
		module: module, moduleAddress: moduleAddress, eventService: ke.EventService, headerService: ke.HeaderService,
		addressCodec: ke.AddressCodec, authority: ke.Authority,
	}
}

// ModuleAccounts is x/auth's look-up of module account addresses.
type ModuleAccounts interface {
	GetModuleAddress(name string) sdk.AccAddress
}

// ModuleAddress is the address of the module account.
func (e Env) ModuleAddress() sdk.AccAddress { return e.moduleAddress }

// MustBuildSchema builds a keeper's collections schema, and panics when the
// collections clash (a programming mistake).
func (e Env) MustBuildSchema(sb *collections.SchemaBuilder) collections.Schema {
	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("x/%s keeper: building the collections schema: %v", e.module, err))
	}
	return schema
}

// GetAuthority returns the account allowed to change params.
func (e Env) GetAuthority() string { return e.authority }

// AddressCodec returns the account address codec.
func (e Env) AddressCodec() address.Codec { return e.addressCodec }

// Height is the current block height.
func (e Env) Height(ctx context.Context) int64 {
	return e.headerService.GetHeaderInfo(ctx).Height
}

// BlockTime is the current block time.
func (e Env) BlockTime(ctx context.Context) time.Time {
	return e.headerService.GetHeaderInfo(ctx).Time
}

// Emit emits a typed event.
func (e Env) Emit(ctx context.Context, ev proto.Message) error {
	return e.eventService.EventManager(ctx).Emit(ctx, ev)
}

// NextID takes the next id of a sequence. Id 0 is never handed out: it means
// "none" in records, messages and queries.
func NextID(ctx context.Context, seq collections.Sequence) (uint64, error) {
	id, err := seq.Next(ctx)
	if err == nil && id == 0 {
		id, err = seq.Next(ctx)
	}
	return id, err
}

// SetAndEmit stores v under key with set (a Map's or IndexedMap's Set) and
// emits ev: how a handler writes an entry it changed and announces it.
func SetAndEmit[K, V any](
	ctx context.Context, e Env, set func(context.Context, K, V) error, key K, v V, ev proto.Message,
) error {
	if err := set(ctx, key, v); err != nil {
		return err
	}
	return e.Emit(ctx, ev)
}

// NewOwner parses s, the new owner of what (an entry, as "model 7") that
// owner holds now, into its canonical form. A new owner that is not an
// address (errAddress, the module's invalid-address error) or is the owner
// already is refused with errNewOwner, the module's invalid-new-owner error.
func NewOwner(ac address.Codec, errAddress, errNewOwner *errorsmod.Error, what, owner, s string) (string, error) {
	_, newOwner, err := ParseAddress(ac, errAddress, "new owner", s)
	if err != nil {
		return "", errorsmod.Wrapf(errNewOwner, "%v", err)
	}
	if newOwner == owner {
		return "", errorsmod.Wrapf(errNewOwner, "%s already owns %s", newOwner, what)
	}
	return newOwner, nil
}

// UpdateParams is every module's MsgUpdateParams: only the authority may
// set params, they must pass validate, and the change is announced with
// the module's event. It answers the module's empty response R.
func UpdateParams[R, P any](
	ctx context.Context, e Env, signer string, params P, validate func() error,
	item collections.Item[P], updated proto.Message,
) (*R, error) {
	if err := sdk.ValidateAuthority(sdk.UnwrapSDKContext(ctx), e.authority, signer); err != nil {
		return nil, err
	}
	if err := validate(); err != nil {
		return nil, err
	}
	if err := item.Set(ctx, params); err != nil {
		return nil, err
	}
	if err := e.Emit(ctx, updated); err != nil {
		return nil, err
	}
	return new(R), nil
}

// Get reads one collection entry with get (a Map's or IndexedMap's Get). An
// absent entry answers notFound, the module's registered error, wrapped with
// the entry's name (format and args); other store errors pass through.
func Get[K, V any](
	ctx context.Context, get func(context.Context, K) (V, error), key K,
	notFound *errorsmod.Error, format string, args ...any,
) (V, error) {
	v, err := get(ctx, key)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return v, errorsmod.Wrapf(notFound, format, args...)
	}
	return v, err
}
