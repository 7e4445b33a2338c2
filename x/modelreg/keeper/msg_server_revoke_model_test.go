package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/modelreg/types"
)

func TestRevokeModel(t *testing.T) {
	keepertest.Run(t, "Success - by the owner", withBaseModel, func(t *testing.T, f *fixture) {
		id := baseModelID
		keepertest.MustDeliver(f.Chain(), f.Msgs.RevokeModel, &types.MsgRevokeModel{Signer: f.owner.Str, ModelId: id, Reason: "leaked test set"})
		require.Equal(t, types.MODEL_STATUS_REVOKED, f.model(id).Status)
	})

	keepertest.Run(t, "Success - by the governance authority", withBaseModel, func(t *testing.T, f *fixture) {
		id := baseModelID
		keepertest.MustDeliver(f.Chain(), f.Msgs.RevokeModel, &types.MsgRevokeModel{Signer: f.Authority, ModelId: id})
		require.Equal(t, types.MODEL_STATUS_REVOKED, f.model(id).Status)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.modelreg.v1.EventModelRevoked"), 1)
	})

	failures := []keepertest.Failure[func(f *fixture) *types.MsgRevokeModel]{
		{Name: "Failure - neither owner nor authority", Make: func(f *fixture) *types.MsgRevokeModel {
			return &types.MsgRevokeModel{Signer: f.alice.Str, ModelId: 1}
		}, Want: types.ErrUnauthorized},
		{Name: "Failure - already revoked", Make: func(f *fixture) *types.MsgRevokeModel {
			f.setStatus(1, types.MODEL_STATUS_REVOKED)
			return &types.MsgRevokeModel{Signer: f.owner.Str, ModelId: 1}
		}, Want: types.ErrModelRevoked},
		{Name: "Failure - unknown model", Make: func(f *fixture) *types.MsgRevokeModel {
			return &types.MsgRevokeModel{Signer: f.owner.Str, ModelId: 5}
		}, Want: types.ErrModelNotFound},
		{Name: "Failure - reason too long", Make: func(f *fixture) *types.MsgRevokeModel {
			return &types.MsgRevokeModel{Signer: f.owner.Str, ModelId: 1, Reason: strings.Repeat("x", types.MaxReasonLength+1)}
		}, Want: types.ErrInvalidReason},
		{Name: "Failure - invalid signer", Make: func(*fixture) *types.MsgRevokeModel {
			return &types.MsgRevokeModel{Signer: "nobody", ModelId: 1}
		}, Want: types.ErrInvalidAddress},
	}
	keepertest.RunFailures(t, failures, withBaseModel, types.MsgServer.RevokeModel)
}
