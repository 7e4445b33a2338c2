package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/modelreg/types"
)

func TestTransferModelOwnership(t *testing.T) {
	keepertest.Run(t, "Success - owner and owner index move", withBaseModel, func(t *testing.T, f *fixture) {
		id := baseModelID
		keepertest.MustDeliver(f.Chain(), f.Msgs.TransferModelOwnership, &types.MsgTransferModelOwnership{Owner: f.owner.Str, ModelId: id, NewOwner: f.alice.Str})
		require.Equal(t, f.alice.Str, f.model(id).Owner)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.modelreg.v1.EventModelOwnershipTransferred"), 1)
		resp, err := f.Queries.Models(f.Ctx, &types.QueryModelsRequest{Owner: f.owner.Str})
		require.NoError(t, err)
		require.Empty(t, resp.Models)
		resp, err = f.Queries.Models(f.Ctx, &types.QueryModelsRequest{Owner: f.alice.Str})
		require.NoError(t, err)
		require.Len(t, resp.Models, 1)
	})

	failures := []keepertest.Failure[func(f *fixture) *types.MsgTransferModelOwnership]{
		{Name: "Failure - not the owner", Make: func(f *fixture) *types.MsgTransferModelOwnership {
			return &types.MsgTransferModelOwnership{Owner: f.alice.Str, ModelId: 1, NewOwner: f.bob.Str}
		}, Want: types.ErrNotModelOwner},
		{Name: "Failure - to the same owner", Make: func(f *fixture) *types.MsgTransferModelOwnership {
			return &types.MsgTransferModelOwnership{Owner: f.owner.Str, ModelId: 1, NewOwner: f.owner.Str}
		}, Want: types.ErrInvalidNewOwner},
		{Name: "Failure - invalid new owner", Make: func(f *fixture) *types.MsgTransferModelOwnership {
			return &types.MsgTransferModelOwnership{Owner: f.owner.Str, ModelId: 1, NewOwner: "nobody"}
		}, Want: types.ErrInvalidNewOwner},
		{Name: "Failure - revoked model", Make: func(f *fixture) *types.MsgTransferModelOwnership {
			f.setStatus(1, types.MODEL_STATUS_REVOKED)
			return &types.MsgTransferModelOwnership{Owner: f.owner.Str, ModelId: 1, NewOwner: f.bob.Str}
		}, Want: types.ErrModelRevoked},
	}
	keepertest.RunFailures(t, failures, withBaseModel, types.MsgServer.TransferModelOwnership)
}
