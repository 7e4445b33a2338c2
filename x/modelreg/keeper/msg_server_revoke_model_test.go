package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/modelreg/types"
)

func TestRevokeModel(t *testing.T) {
	t.Run("Success - by the owner", func(t *testing.T) {
		f := newFixture(t)
		id := f.register(baseMsg(f.owner))
		_, err := keepertest.Deliver(f.chain, f.msgs.RevokeModel, &types.MsgRevokeModel{Signer: f.owner.str, ModelId: id, Reason: "leaked test set"})
		require.NoError(t, err)
		require.Equal(t, types.MODEL_STATUS_REVOKED, f.model(id).Status)
	})

	t.Run("Success - by the governance authority", func(t *testing.T) {
		f := newFixture(t)
		id := f.register(baseMsg(f.owner))
		_, err := keepertest.Deliver(f.chain, f.msgs.RevokeModel, &types.MsgRevokeModel{Signer: f.authority, ModelId: id})
		require.NoError(t, err)
		require.Equal(t, types.MODEL_STATUS_REVOKED, f.model(id).Status)
		require.Len(t, keepertest.EventsOfType(f.ctx, "openledger.modelreg.v1.EventModelRevoked"), 1)
	})

	failures := []struct {
		name string
		msg  func(f *fixture) *types.MsgRevokeModel
		want *errorsmod.Error
	}{
		{"Failure - neither owner nor authority", func(f *fixture) *types.MsgRevokeModel {
			return &types.MsgRevokeModel{Signer: f.alice.str, ModelId: 1}
		}, types.ErrUnauthorized},
		{"Failure - already revoked", func(f *fixture) *types.MsgRevokeModel {
			f.setStatus(1, types.MODEL_STATUS_REVOKED)
			return &types.MsgRevokeModel{Signer: f.owner.str, ModelId: 1}
		}, types.ErrModelRevoked},
		{"Failure - unknown model", func(f *fixture) *types.MsgRevokeModel {
			return &types.MsgRevokeModel{Signer: f.owner.str, ModelId: 5}
		}, types.ErrModelNotFound},
		{"Failure - reason too long", func(f *fixture) *types.MsgRevokeModel {
			return &types.MsgRevokeModel{Signer: f.owner.str, ModelId: 1, Reason: strings.Repeat("x", types.MaxReasonLength+1)}
		}, types.ErrInvalidReason},
		{"Failure - invalid signer", func(*fixture) *types.MsgRevokeModel {
			return &types.MsgRevokeModel{Signer: "nobody", ModelId: 1}
		}, types.ErrInvalidAddress},
	}
	for _, tc := range failures {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.register(baseMsg(f.owner))
			msg := tc.msg(f)
			keepertest.RequireFailsUnchanged(f.chain, f.msgs.RevokeModel, msg, tc.want)
		})
	}
}
