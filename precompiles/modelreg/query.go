package modelreg

import (
	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

func (p precompile) getModel(c *precompilekit.Call) ([]any, error) {
	var a struct {
		ModelId uint64 //nolint:revive // the ABI argument is modelId
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	res, err := p.queries.Model(c.Ctx, &types.QueryModelRequest{ModelId: a.ModelId})
	if err != nil {
		return nil, err
	}
	m, err := p.modelFromModule(res.Model)
	if err != nil {
		return nil, err
	}
	return []any{m}, nil
}

func (p precompile) getLineage(c *precompilekit.Call) ([]any, error) {
	var a struct {
		ModelId uint64 //nolint:revive // the ABI argument is modelId
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	res, err := p.queries.Lineage(c.Ctx, &types.QueryLineageRequest{ModelId: a.ModelId})
	if err != nil {
		return nil, err
	}
	ancestors := make([]modelABI, len(res.Ancestors))
	for i, m := range res.Ancestors {
		if ancestors[i], err = p.modelFromModule(m); err != nil {
			return nil, err
		}
	}
	datasets := make([]datasetRefABI, len(res.Datasets))
	for i, d := range res.Datasets {
		datasets[i] = datasetRefFromModule(d)
	}
	return []any{ancestors, datasets}, nil
}
