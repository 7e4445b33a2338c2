package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

func TestRegisterAgent(t *testing.T) {
	keepertest.Run(t, "Success - serving node, operator defaults to the owner", newFixture, func(t *testing.T, f *fixture) {
		before := f.balance(f.owner.Addr)
		op := f.register(servingNodeMsg(f.owner))
		require.Equal(t, f.owner.Addr, op)
		a := f.agent(op)
		require.Equal(t, types.Agent{
			Operator: f.owner.Str, Owner: f.owner.Str, Kind: types.AGENT_KIND_SERVING_NODE, ModelIds: []uint64{1, 2},
			Endpoint: "https://node.example.org/v1", MetadataUri: "ipfs://bafynode", Bonded: types.DefaultMinStakeServingNode,
			Status: types.AGENT_STATUS_ACTIVE, JailedUntil: a.JailedUntil, CreatedHeight: startHeight, UpdatedHeight: startHeight,
		}, a)
		require.Equal(t, before.Sub(types.DefaultMinStakeServingNode), f.balance(f.owner.Addr))
		require.Equal(t, types.DefaultMinStakeServingNode, f.moduleBalance())
		require.Equal(t, types.DefaultMinStakeServingNode, f.activeStake(types.AGENT_KIND_SERVING_NODE))
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.agentstake.v1.EventAgentRegistered"), 1)
		require.NoError(t, f.K.CheckActiveServingNode(f.Ctx, op, 2))
	})

	keepertest.Run(t, "Success - separate operator and an attestor without models", newFixture, func(t *testing.T, f *fixture) {
		msg := attestorMsg(f.owner, types.DefaultMinStakeAttestor.MulRaw(2))
		msg.Operator = f.alice.Str
		op := f.register(msg)
		require.Equal(t, f.alice.Addr, op)
		require.Equal(t, f.owner.Str, f.agent(op).Owner)
		stake, err := f.K.AttestorStake(f.Ctx, op)
		require.NoError(t, err)
		require.Equal(t, msg.Stake, stake)
		total, err := f.K.TotalAttestorStake(f.Ctx)
		require.NoError(t, err)
		require.Equal(t, msg.Stake, total)
		// The owner's balance paid, not the operator's.
		require.Equal(t, open(1_000_000), f.balance(f.alice.Addr))
	})

	failures := []keepertest.Failure[func(f *fixture) *types.MsgRegisterAgent]{
		{Name: "Failure - below the minimum stake", Make: servingNodeWith(func(m *types.MsgRegisterAgent) { m.Stake = types.DefaultMinStakeServingNode.SubRaw(1) }), Want: types.ErrBelowMinStake},
		{Name: "Failure - zero stake", Make: servingNodeWith(func(m *types.MsgRegisterAgent) { m.Stake = math.ZeroInt() }), Want: types.ErrInvalidAmount},
		{Name: "Failure - unknown model", Make: servingNodeWith(func(m *types.MsgRegisterAgent) { m.ModelIds = []uint64{1, 9} }), Want: types.ErrUnknownModel},
		{Name: "Failure - deprecated model", Make: func(f *fixture) *types.MsgRegisterAgent {
			f.models.setStatus(2, modelregtypes.MODEL_STATUS_DEPRECATED)
			return servingNodeMsg(f.owner)
		}, Want: types.ErrModelNotActive},
		{Name: "Failure - too many models", Make: func(f *fixture) *types.MsgRegisterAgent {
			keepertest.SetParams(f, func(p *types.Params) { p.MaxModelsPerAgent = 1 })
			return servingNodeMsg(f.owner)
		}, Want: types.ErrTooManyModels},
		{Name: "Failure - model ids not ascending", Make: servingNodeWith(func(m *types.MsgRegisterAgent) { m.ModelIds = []uint64{2, 1} }), Want: types.ErrInvalidModelIDs},
		{Name: "Failure - serving node without models", Make: servingNodeWith(func(m *types.MsgRegisterAgent) { m.ModelIds = nil }), Want: types.ErrInvalidModelIDs},
		{Name: "Failure - operator already registered", Make: func(f *fixture) *types.MsgRegisterAgent {
			f.register(servingNodeMsg(f.owner))
			m := attestorMsg(f.alice, types.DefaultMinStakeAttestor)
			m.Operator = f.owner.Str
			return m
		}, Want: types.ErrAgentExists},
		{Name: "Failure - endpoint not http(s)", Make: servingNodeWith(func(m *types.MsgRegisterAgent) { m.Endpoint = "ftp://node.example.org" }), Want: types.ErrInvalidEndpoint},
		{Name: "Failure - endpoint too long", Make: servingNodeWith(func(m *types.MsgRegisterAgent) {
			m.Endpoint = "https://node.example.org/" + strings.Repeat("a", types.MaxEndpointLength)
		}), Want: types.ErrInvalidEndpoint},
		{Name: "Failure - serving node without endpoint", Make: servingNodeWith(func(m *types.MsgRegisterAgent) { m.Endpoint = "" }), Want: types.ErrInvalidEndpoint},
		{Name: "Failure - metadata uri with spaces", Make: servingNodeWith(func(m *types.MsgRegisterAgent) { m.MetadataUri = "ipfs://a b" }), Want: types.ErrInvalidMetadataURI},
		{Name: "Failure - unspecified kind", Make: servingNodeWith(func(m *types.MsgRegisterAgent) { m.Kind = types.AGENT_KIND_UNSPECIFIED }), Want: types.ErrInvalidKind},
		{Name: "Failure - invalid owner", Make: func(*fixture) *types.MsgRegisterAgent {
			return &types.MsgRegisterAgent{Owner: "nobody", Kind: types.AGENT_KIND_ATTESTOR, Stake: types.DefaultMinStakeAttestor}
		}, Want: types.ErrInvalidAddress},
		{Name: "Failure - invalid operator", Make: servingNodeWith(func(m *types.MsgRegisterAgent) { m.Operator = "open1invalid" }), Want: types.ErrInvalidAddress},
		{Name: "Failure - serving node operator is not a 20-byte address", Make: func(f *fixture) *types.MsgRegisterAgent {
			m := servingNodeMsg(f.owner)
			m.Operator = f.str(make([]byte, 32))
			return m
		}, Want: types.ErrInvalidAddress},
		{Name: "Failure - owner may not receive funds", Make: func(f *fixture) *types.MsgRegisterAgent {
			addr := authtypes.NewModuleAddress("distribution")
			f.bank.Mint(addr, startBalance)
			return attestorMsg(account{Addr: addr, Str: f.str(addr)}, types.DefaultMinStakeAttestor)
		}, Want: types.ErrBlockedOwner},
		{Name: "Failure - insufficient funds", Make: func(f *fixture) *types.MsgRegisterAgent {
			return attestorMsg(f.owner, open(2_000_000))
		}, Want: sdkerrors.ErrInsufficientFunds},
	}
	keepertest.RunFailures(t, failures, newFixture, types.MsgServer.RegisterAgent)
}
