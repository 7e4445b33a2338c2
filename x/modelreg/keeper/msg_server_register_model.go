package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/internal/modulekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

// RegisterModel registers a model owned by the signer. It checks the model,
// then its lineage (datasets against x/datanet, base model, previous
// version, depth), then collects the fee and writes.
func (k msgServer) RegisterModel(ctx context.Context, msg *types.MsgRegisterModel) (*types.MsgRegisterModelResponse, error) {
	ownerAddr, owner, err := types.ParseAddress(k.AddressCodec(), "owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	m := types.Model{
		Id:                1, // replaced below; lets Validate run before an id is taken
		Owner:             owner,
		Name:              msg.Name,
		Kind:              msg.Kind,
		BaseModelId:       msg.BaseModelId,
		Architecture:      msg.Architecture,
		Artifact:          msg.Artifact,
		Training:          msg.Training,
		EvalMetrics:       msg.EvalMetrics,
		License:           msg.License,
		Price:             msg.Price,
		Status:            types.MODEL_STATUS_ACTIVE,
		PreviousVersionId: msg.PreviousVersionId,
	}
	if err := m.Validate(k.AddressCodec(), params.MaxPrice); err != nil {
		return nil, err
	}
	if err := k.checkDatasets(ctx, m.Training.Datasets); err != nil {
		return nil, err
	}
	if err := k.checkBase(ctx, m.Kind, m.BaseModelId); err != nil {
		return nil, err
	}
	if err := k.checkPreviousVersion(ctx, owner, m.Kind, m.PreviousVersionId); err != nil {
		return nil, err
	}
	if err := k.checkDepth(ctx, m); err != nil {
		return nil, err
	}

	if err := k.collectFee(ctx, ownerAddr, params.RegistrationFee, params.FeeDestination); err != nil {
		return nil, err
	}
	id, err := modulekit.NextID(ctx, k.NextModelID)
	if err != nil {
		return nil, err
	}
	m.Id = id
	m.CreatedHeight = k.Height(ctx)
	m.UpdatedHeight = m.CreatedHeight
	if err := k.Models.Set(ctx, id, m); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventModelRegistered{
		ModelId: id, Owner: owner, Kind: m.Kind, BaseModelId: m.BaseModelId,
		PreviousVersionId: m.PreviousVersionId, Fee: params.RegistrationFee,
	}); err != nil {
		return nil, err
	}
	return &types.MsgRegisterModelResponse{ModelId: id}, nil
}

// checkDatasets checks that every referenced Datanet version exists and has
// the stated root.
func (k Keeper) checkDatasets(ctx context.Context, refs []types.DatasetRef) error {
	for _, ref := range refs {
		v, err := k.datanetKeeper.GetVersion(ctx, ref.DatanetId, ref.Version)
		if err != nil {
			return errorsmod.Wrapf(types.ErrDatanetVersionUnknown, "datanet %d version %d: %v", ref.DatanetId, ref.Version, err)
		}
		if !types.SameRoot(v.Root, ref.Root) {
			return errorsmod.Wrapf(types.ErrDatanetRootMismatch, "datanet %d version %d: root %X, stated %X",
				ref.DatanetId, ref.Version, v.Root, ref.Root)
		}
	}
	return nil
}

// checkBase checks that a fine-tune's or adapter's base model exists, is
// active and is a base model (ValidateKind already checked that a base model
// names no base).
func (k Keeper) checkBase(ctx context.Context, kind types.ModelKind, baseID uint64) error {
	if kind == types.MODEL_KIND_BASE {
		return nil
	}
	base, err := k.GetModel(ctx, baseID)
	if err != nil {
		return errorsmod.Wrapf(types.ErrInvalidBaseModel, "%v", err)
	}
	if base.Kind != types.MODEL_KIND_BASE {
		return errorsmod.Wrapf(types.ErrInvalidBaseModel, "model %d is a %s, not a base model", baseID, base.Kind)
	}
	if base.Status == types.MODEL_STATUS_REVOKED {
		return errorsmod.Wrapf(types.ErrModelRevoked, "base model %d", baseID)
	}
	if base.Status != types.MODEL_STATUS_ACTIVE {
		return errorsmod.Wrapf(types.ErrModelNotActive, "base model %d is %s", baseID, base.Status)
	}
	return nil
}

// checkPreviousVersion checks that a superseded model exists, is of the same
// kind, belongs to the same owner and is not revoked. Same kind keeps the
// lineage graph narrow: a base model's only parent is its previous version.
func (k Keeper) checkPreviousVersion(ctx context.Context, owner string, kind types.ModelKind, prevID uint64) error {
	if prevID == 0 {
		return nil
	}
	prev, err := k.GetModel(ctx, prevID)
	if err != nil {
		return errorsmod.Wrapf(types.ErrInvalidPreviousVersion, "%v", err)
	}
	if prev.Kind != kind {
		return errorsmod.Wrapf(types.ErrInvalidPreviousVersion, "previous version %d is a %s, the new model a %s", prevID, prev.Kind, kind)
	}
	if prev.Owner != owner {
		return errorsmod.Wrapf(types.ErrNotModelOwner, "previous version %d is owned by %s, not %s", prevID, prev.Owner, owner)
	}
	if prev.Status == types.MODEL_STATUS_REVOKED {
		return errorsmod.Wrapf(types.ErrModelRevoked, "previous version %d", prevID)
	}
	return nil
}

// checkDepth checks that the new model's lineage stays within MaxLineageDepth
// generations.
func (k Keeper) checkDepth(ctx context.Context, m types.Model) error {
	depth := 0
	for _, ref := range []uint64{m.BaseModelId, m.PreviousVersionId} {
		if ref == 0 {
			continue
		}
		parent, err := k.GetModel(ctx, ref)
		if err != nil {
			return err
		}
		l, err := k.Lineage(ctx, parent)
		if err != nil {
			return err
		}
		depth = max(depth, l.Depth+1)
	}
	if depth > types.MaxLineageDepth {
		return errorsmod.Wrapf(types.ErrLineageTooDeep, "the new model would be %d generations deep, at most %d", depth, types.MaxLineageDepth)
	}
	return nil
}
