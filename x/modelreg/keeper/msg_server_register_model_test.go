package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/modelreg/types"
)

func TestRegisterModel(t *testing.T) {
	keepertest.Run(t, "Success - base model burns the fee", newFixture, func(t *testing.T, f *fixture) {
		supply := f.bank.Supply().AmountOf(denom)
		id := f.register(baseMsg(f.owner))
		require.Equal(t, uint64(1), id)
		m := f.model(id)
		require.Equal(t, types.MODEL_STATUS_ACTIVE, m.Status)
		require.Equal(t, f.owner.Str, m.Owner)
		require.Equal(t, int64(startHeight), m.CreatedHeight)
		require.Equal(t, startBalance.AmountOf(denom).Sub(oneOPEN()), f.balance(f.owner.Addr))
		require.Equal(t, supply.Sub(oneOPEN()), f.bank.Supply().AmountOf(denom))
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.modelreg.v1.EventModelRegistered"), 1)
	})

	keepertest.Run(t, "Success - fee to the community pool", newFixture, func(t *testing.T, f *fixture) {
		keepertest.SetParams(f, func(p *types.Params) { p.FeeDestination = types.FEE_DESTINATION_COMMUNITY_POOL })
		supply := f.bank.Supply().AmountOf(denom)
		f.register(baseMsg(f.owner))
		require.Equal(t, oneOPEN(), f.communityPoolBalance())
		require.Equal(t, supply, f.bank.Supply().AmountOf(denom))
	})

	keepertest.Run(t, "Success - adapter trained on two datanet versions, indexed under both", withBaseModel, func(t *testing.T, f *fixture) {
		base := baseModelID
		id := f.register(adapterMsg(f.alice, base, f.ds1, f.ds2))
		m := f.model(id)
		require.Equal(t, base, m.BaseModelId)
		for _, dn := range []uint64{1, 2} {
			has, err := f.K.Models.Indexes.Datanet.Has(f.Ctx, dn, id)
			require.NoError(t, err)
			require.True(t, has, "datanet %d", dn)
		}
		has, err := f.K.Models.Indexes.Base.Has(f.Ctx, base, id)
		require.NoError(t, err)
		require.True(t, has)
	})

	keepertest.Run(t, "Success - new version of the owner's model", newFixture, func(t *testing.T, f *fixture) {
		v1 := f.register(baseMsg(f.owner))
		msg := baseMsg(f.owner)
		msg.PreviousVersionId = v1
		v2 := f.register(msg)
		require.Equal(t, v1, f.model(v2).PreviousVersionId)
	})

	type failure struct {
		name   string
		mutate func(f *fixture, m *types.MsgRegisterModel)
		want   *errorsmod.Error
	}
	failures := []failure{
		{"Failure - empty name", func(_ *fixture, m *types.MsgRegisterModel) { m.Name = "" }, types.ErrInvalidName},
		{"Failure - name too long", func(_ *fixture, m *types.MsgRegisterModel) {
			m.Name = string(make([]byte, types.MaxNameLength+1))
		}, types.ErrInvalidName},
		{"Failure - unspecified kind", func(_ *fixture, m *types.MsgRegisterModel) { m.Kind = types.MODEL_KIND_UNSPECIFIED }, types.ErrInvalidKind},
		{"Failure - base model with a base", func(_ *fixture, m *types.MsgRegisterModel) { m.BaseModelId = 1 }, types.ErrInvalidBaseModel},
		{"Failure - adapter without a base", func(f *fixture, m *types.MsgRegisterModel) {
			*m = *adapterMsg(f.owner, 0, f.ds1)
		}, types.ErrInvalidBaseModel},
		{"Failure - adapter of an unknown model", func(f *fixture, m *types.MsgRegisterModel) {
			*m = *adapterMsg(f.owner, 99, f.ds1)
		}, types.ErrInvalidBaseModel},
		{"Failure - adapter on a non-base model", func(f *fixture, m *types.MsgRegisterModel) {
			*m = *adapterMsg(f.owner, 2, f.ds1) // model 2 is an adapter
		}, types.ErrInvalidBaseModel},
		{"Failure - adapter on a revoked base", func(f *fixture, m *types.MsgRegisterModel) {
			f.setStatus(1, types.MODEL_STATUS_REVOKED)
			*m = *adapterMsg(f.owner, 1, f.ds1)
		}, types.ErrModelRevoked},
		{"Failure - adapter on a deprecated base", func(f *fixture, m *types.MsgRegisterModel) {
			f.setStatus(1, types.MODEL_STATUS_DEPRECATED)
			*m = *adapterMsg(f.owner, 1, f.ds1)
		}, types.ErrModelNotActive},
		{"Failure - artifact hash of the wrong length", func(_ *fixture, m *types.MsgRegisterModel) {
			m.Artifact.Sha256 = []byte{1, 2, 3}
		}, types.ErrInvalidHashLength},
		{"Failure - dataset root of the wrong length", func(f *fixture, m *types.MsgRegisterModel) {
			ref := f.ds1
			ref.Root = ref.Root[:31]
			*m = *adapterMsg(f.owner, 1, ref)
		}, types.ErrInvalidHashLength},
		{"Failure - artifact without scheme", func(_ *fixture, m *types.MsgRegisterModel) { m.Artifact.Uri = "weights.bin" }, types.ErrInvalidArtifact},
		{"Failure - artifact of size zero", func(_ *fixture, m *types.MsgRegisterModel) { m.Artifact.SizeBytes = 0 }, types.ErrInvalidArtifact},
		{"Failure - unknown datanet version", func(f *fixture, m *types.MsgRegisterModel) {
			ref := f.ds1
			ref.Version = 7
			*m = *adapterMsg(f.owner, 1, ref)
		}, types.ErrDatanetVersionUnknown},
		{"Failure - mismatching datanet root", func(f *fixture, m *types.MsgRegisterModel) {
			ref := f.ds1
			ref.Root = hash("another root")
			*m = *adapterMsg(f.owner, 1, ref)
		}, types.ErrDatanetRootMismatch},
		{"Failure - datasets out of order", func(f *fixture, m *types.MsgRegisterModel) {
			*m = *adapterMsg(f.owner, 1, f.ds2, f.ds1)
		}, types.ErrInvalidTraining},
		{"Failure - unsorted hyperparameters", func(f *fixture, m *types.MsgRegisterModel) {
			*m = *adapterMsg(f.owner, 1, f.ds1)
			m.Training.Hyperparameters[0].Key = "zeta"
		}, types.ErrInvalidTraining},
		{"Failure - float-like metric value", func(_ *fixture, m *types.MsgRegisterModel) {
			m.EvalMetrics = []types.Metric{{Name: "mmlu", Value: "6.64e-1"}}
		}, types.ErrInvalidMetrics},
		{"Failure - negative price", func(_ *fixture, m *types.MsgRegisterModel) { m.Price.PerCall = math.NewInt(-1) }, types.ErrInvalidPrice},
		{"Failure - absurd price", func(_ *fixture, m *types.MsgRegisterModel) {
			m.Price.Per_1KTokens = types.DefaultMaxPrice.AddRaw(1)
		}, types.ErrInvalidPrice},
		{"Failure - empty license", func(_ *fixture, m *types.MsgRegisterModel) { m.License = "" }, types.ErrInvalidLicense},
		{"Failure - previous version not found", func(_ *fixture, m *types.MsgRegisterModel) { m.PreviousVersionId = 99 }, types.ErrInvalidPreviousVersion},
		{"Failure - previous version of another kind", func(f *fixture, m *types.MsgRegisterModel) {
			*m = *adapterMsg(f.owner, 1, f.ds1)
			m.PreviousVersionId = 1 // a base model
		}, types.ErrInvalidPreviousVersion},
		{"Failure - previous version of another owner", func(f *fixture, m *types.MsgRegisterModel) {
			*m = *baseMsg(f.alice)
			m.PreviousVersionId = 1
		}, types.ErrNotModelOwner},
		{"Failure - previous version revoked", func(f *fixture, m *types.MsgRegisterModel) {
			f.setStatus(1, types.MODEL_STATUS_REVOKED)
			m.PreviousVersionId = 1
		}, types.ErrModelRevoked},
		{"Failure - invalid owner", func(_ *fixture, m *types.MsgRegisterModel) { m.Owner = "cosmos1xyz" }, types.ErrInvalidAddress},
	}
	for _, tc := range failures {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.register(baseMsg(f.owner))              // model 1: a base
			f.register(adapterMsg(f.owner, 1, f.ds1)) // model 2: an adapter
			msg := baseMsg(f.owner)
			tc.mutate(f, msg)
			keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.RegisterModel, msg, tc.want)
		})
	}

	keepertest.Run(t, "Failure - cannot pay the fee", newFixture, func(t *testing.T, f *fixture) {
		keepertest.SetParams(f, func(p *types.Params) { p.RegistrationFee.Amount = startBalance.AmountOf(denom).AddRaw(1) })
		before := f.Chain().Snapshot()
		_, err := keepertest.Deliver(f.Chain(), f.Msgs.RegisterModel, baseMsg(f.owner))
		require.Error(t, err)
		require.Equal(t, before, f.Chain().Snapshot())
	})
}
