package modelreg

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

func (p precompile) registerModel(c *precompilekit.Call) ([]any, error) {
	var a struct {
		Registration struct {
			Name              string
			Kind              uint8
			BaseModelId       uint64 //nolint:revive // the ABI field is baseModelId
			Architecture      string
			Artifact          artifactABI
			Training          trainingABI
			EvalMetrics       []metricABI
			License           string
			Price             priceABI
			PreviousVersionId uint64 //nolint:revive // the ABI field is previousVersionId
		}
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	r := a.Registration
	res, err := p.msgs.RegisterModel(c.Ctx, &types.MsgRegisterModel{
		Owner: owner, Name: r.Name, Kind: types.ModelKind(r.Kind), BaseModelId: r.BaseModelId,
		Architecture: r.Architecture, Artifact: r.Artifact.toModule(), Training: r.Training.toModule(),
		EvalMetrics: metricsToModule(r.EvalMetrics), License: r.License, Price: r.Price.toModule(),
		PreviousVersionId: r.PreviousVersionId,
	})
	if err != nil {
		return nil, err
	}
	if err := c.Emit("ModelRegistered", res.ModelId, c.Caller, r.Kind, r.BaseModelId, r.Name); err != nil {
		return nil, err
	}
	return []any{res.ModelId}, nil
}

func (p precompile) updateModel(c *precompilekit.Call) ([]any, error) {
	var a struct {
		ModelId      uint64 //nolint:revive // the ABI argument is modelId
		Name         string
		Architecture string
		EvalMetrics  []metricABI
		License      string
		Price        priceABI
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	if _, err := p.msgs.UpdateModel(c.Ctx, &types.MsgUpdateModel{
		Owner: owner, ModelId: a.ModelId, Name: a.Name, Architecture: a.Architecture,
		EvalMetrics: metricsToModule(a.EvalMetrics), License: a.License, Price: a.Price.toModule(),
	}); err != nil {
		return nil, err
	}
	if err := c.Emit("ModelUpdated", a.ModelId); err != nil {
		return nil, err
	}
	return []any{true}, nil
}

func (p precompile) deprecateModel(c *precompilekit.Call) ([]any, error) {
	var a struct {
		ModelId uint64 //nolint:revive // the ABI argument is modelId
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	if _, err := p.msgs.DeprecateModel(c.Ctx, &types.MsgDeprecateModel{Owner: owner, ModelId: a.ModelId}); err != nil {
		return nil, err
	}
	if err := c.Emit("ModelDeprecated", a.ModelId); err != nil {
		return nil, err
	}
	return []any{true}, nil
}

func (p precompile) transferOwnership(c *precompilekit.Call) ([]any, error) {
	var a struct {
		ModelId  uint64 //nolint:revive // the ABI argument is modelId
		NewOwner common.Address
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	newOwner, err := precompilekit.Bech32(p.codec, a.NewOwner)
	if err != nil {
		return nil, err
	}
	if _, err := p.msgs.TransferModelOwnership(c.Ctx, &types.MsgTransferModelOwnership{
		Owner: owner, ModelId: a.ModelId, NewOwner: newOwner,
	}); err != nil {
		return nil, err
	}
	if err := c.Emit("OwnershipTransferred", a.ModelId, c.Caller, a.NewOwner); err != nil {
		return nil, err
	}
	return []any{true}, nil
}
