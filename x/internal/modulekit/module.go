package modulekit

import (
	"context"
	"encoding/json"
	"fmt"

	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"
	"google.golang.org/grpc"

	gogogrpc "github.com/cosmos/gogoproto/grpc"
	"github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/core/address"
	"cosmossdk.io/core/appmodule"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
)

// GenesisState is a module's genesis state message G, by pointer.
type GenesisState[G any] interface {
	*G
	proto.Message
	Validate(ac address.Codec) error
}

// GenesisKeeper is what Module needs from a keeper: its address codec (to
// validate genesis) and genesis import and export.
type GenesisKeeper[G any] interface {
	AddressCodec() address.Codec
	InitGenesis(ctx context.Context, gs G) error
	ExportGenesis(ctx context.Context) (*G, error)
}

// Spec is what makes a Module one module: its name and state version, its
// codec registrations, its gRPC services and gateway routes, its default
// genesis and its keeper.
type Spec[G any] struct {
	Name             string
	ConsensusVersion uint64
	Keeper           GenesisKeeper[G]
	DefaultGenesis   func() *G
	Codec            Codec
	Services         func(grpc.ServiceRegistrar) error
	Gateway          func(context.Context, *gwruntime.ServeMux, client.Context) error
}

// Codec is a module's registration of its messages with the interface
// registry and the legacy amino codec.
type Codec struct {
	Interfaces func(codectypes.InterfaceRegistry)
	Amino      func(*codec.LegacyAmino)
}

// Module implements, from a Spec, what every OpenLedger application module
// does the same way: module.AppModuleBasic, module.HasGenesis,
// module.HasConsensusVersion, appmodule.AppModule and
// appmodule.HasServices. A module's AppModule embeds it and adds its own
// blockers and AutoCLI options. Build it with NewModule: the zero Module
// has no name.
type Module[G any, PG GenesisState[G]] struct {
	spec *Spec[G]
}

var (
	_ module.AppModuleBasic      = Module[fakeGenesis, *fakeGenesis]{}
	_ module.HasGenesis          = Module[fakeGenesis, *fakeGenesis]{}
	_ module.HasConsensusVersion = Module[fakeGenesis, *fakeGenesis]{}
	_ appmodule.AppModule        = Module[fakeGenesis, *fakeGenesis]{}
	_ appmodule.HasServices      = Module[fakeGenesis, *fakeGenesis]{}
)

// fakeGenesis only lets the assertions above name a Module type.
type fakeGenesis struct{ proto.Message }

func (*fakeGenesis) Validate(address.Codec) error { return nil }

// NewModule returns the Module of a Spec.
func NewModule[G any, PG GenesisState[G]](spec Spec[G]) Module[G, PG] {
	return Module[G, PG]{spec: &spec}
}

// Gateway returns a Spec.Gateway from a module's generated
// RegisterQueryHandlerClient and NewQueryClient.
func Gateway[Q any](
	register func(context.Context, *gwruntime.ServeMux, Q) error, newClient func(gogogrpc.ClientConn) Q,
) func(context.Context, *gwruntime.ServeMux, client.Context) error {
	return func(ctx context.Context, mux *gwruntime.ServeMux, clientCtx client.Context) error {
		return register(ctx, mux, newClient(clientCtx))
	}
}

// Services returns a Spec.Services that registers a module's Msg and Query
// servers with their generated RegisterMsgServer and RegisterQueryServer.
func Services[M, Q any](
	registerMsg func(gogogrpc.Server, M), msgServer M, registerQuery func(gogogrpc.Server, Q), queryServer Q,
) func(grpc.ServiceRegistrar) error {
	return func(registrar grpc.ServiceRegistrar) error {
		registerMsg(registrar, msgServer)
		registerQuery(registrar, queryServer)
		return nil
	}
}

// IsAppModule implements appmodule.AppModule.
func (Module[G, PG]) IsAppModule() {}

// IsOnePerModuleType implements depinject.OnePerModuleType.
func (Module[G, PG]) IsOnePerModuleType() {}

// Name returns the module name.
func (m Module[G, PG]) Name() string { return m.spec.Name }

// ConsensusVersion implements module.HasConsensusVersion: the version of the
// module's state layout; a change needs a migration.
func (m Module[G, PG]) ConsensusVersion() uint64 { return m.spec.ConsensusVersion }

// RegisterLegacyAminoCodec registers the amino names of the messages.
func (m Module[G, PG]) RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) { m.spec.Codec.Amino(cdc) }

// RegisterInterfaces registers the messages.
func (m Module[G, PG]) RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	m.spec.Codec.Interfaces(registry)
}

// RegisterGRPCGatewayRoutes serves the queries over REST at
// /openledger/<module>/v1/...
func (m Module[G, PG]) RegisterGRPCGatewayRoutes(clientCtx client.Context, mux *gwruntime.ServeMux) {
	if err := m.spec.Gateway(context.Background(), mux, clientCtx); err != nil {
		panic(fmt.Sprintf("x/%s: registering REST routes: %v", m.spec.Name, err))
	}
}

// RegisterServices registers the Msg and Query services.
func (m Module[G, PG]) RegisterServices(registrar grpc.ServiceRegistrar) error {
	return m.spec.Services(registrar)
}

// DefaultGenesis returns the default genesis state as JSON.
func (m Module[G, PG]) DefaultGenesis(cdc codec.JSONCodec) json.RawMessage {
	return cdc.MustMarshalJSON(PG(m.spec.DefaultGenesis()))
}

// ValidateGenesis checks a genesis state given as JSON.
func (m Module[G, PG]) ValidateGenesis(cdc codec.JSONCodec, _ client.TxEncodingConfig, bz json.RawMessage) error {
	gs := PG(new(G))
	if err := cdc.UnmarshalJSON(bz, gs); err != nil {
		return fmt.Errorf("decoding %s genesis state: %w", m.spec.Name, err)
	}
	return gs.Validate(m.spec.Keeper.AddressCodec())
}

// InitGenesis writes the genesis state. A state the keeper refuses stops the
// chain: there is no valid state to start from.
func (m Module[G, PG]) InitGenesis(ctx sdk.Context, cdc codec.JSONCodec, bz json.RawMessage) {
	gs := PG(new(G))
	cdc.MustUnmarshalJSON(bz, gs)
	if err := m.spec.Keeper.InitGenesis(ctx, *gs); err != nil {
		panic(fmt.Sprintf("x/%s InitGenesis: %v", m.spec.Name, err))
	}
}

// ExportGenesis returns the state as genesis JSON.
func (m Module[G, PG]) ExportGenesis(ctx sdk.Context, cdc codec.JSONCodec) json.RawMessage {
	gs, err := m.spec.Keeper.ExportGenesis(ctx)
	if err != nil {
		panic(fmt.Sprintf("x/%s ExportGenesis: %v", m.spec.Name, err))
	}
	return cdc.MustMarshalJSON(PG(gs))
}
