package keeper

import (
	"context"
	"slices"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/modelreg/types"
)

// LineageResult is the lineage of a model.
type LineageResult struct {
	// Ancestors are the previous versions and base models, transitively,
	// without duplicates, in descending id order.
	Ancestors []types.Model
	// Datasets are the Datanet versions the model and its ancestors were
	// trained on, without duplicates, in ascending (datanet, version) order.
	Datasets []types.DatasetRef
	// Depth is the number of breadth-first generations above the model (0:
	// no ancestor): the largest shortest-path distance to an ancestor.
	Depth int
}

// Lineage walks a model's ancestry breadth-first, one generation at a time.
// Every parent reference (base model, previous version) points to a lower id
// — registration and genesis guarantee it — so a reference to an equal or
// higher id is a cycle and an error. The walk stops with ErrLineageTooDeep
// after MaxLineageDepth generations. Models reached twice are visited once.
// The result does not depend on visiting order: ancestors are sorted by id
// and datasets by (datanet, version).
func (k Keeper) Lineage(ctx context.Context, m types.Model) (LineageResult, error) {
	var res LineageResult
	seen := []uint64{m.Id} // sorted; small (bounded by the walk)
	datasets := slices.Clone(m.Training.Datasets)
	frontier := []types.Model{m}
	for len(frontier) > 0 {
		var next []types.Model
		for _, cur := range frontier {
			for _, ref := range []uint64{cur.BaseModelId, cur.PreviousVersionId} {
				if ref == 0 {
					continue
				}
				if ref >= cur.Id {
					return res, errorsmod.Wrapf(types.ErrLineageCycle, "model %d refers to model %d", cur.Id, ref)
				}
				i, found := slices.BinarySearch(seen, ref)
				if found {
					continue
				}
				seen = slices.Insert(seen, i, ref)
				parent, err := k.GetModel(ctx, ref)
				if err != nil {
					return res, err
				}
				res.Ancestors = append(res.Ancestors, parent)
				datasets = append(datasets, parent.Training.Datasets...)
				next = append(next, parent)
			}
		}
		if len(next) == 0 {
			break
		}
		res.Depth++
		if res.Depth > types.MaxLineageDepth {
			return res, errorsmod.Wrapf(types.ErrLineageTooDeep, "model %d has more than %d generations of ancestors", m.Id, types.MaxLineageDepth)
		}
		frontier = next
	}
	slices.SortFunc(res.Ancestors, func(a, b types.Model) int {
		switch {
		case a.Id > b.Id:
			return -1
		case a.Id < b.Id:
			return 1
		}
		return 0
	})
	slices.SortStableFunc(datasets, types.CompareRefs)
	res.Datasets = slices.CompactFunc(datasets, func(a, b types.DatasetRef) bool { return types.CompareRefs(a, b) == 0 })
	return res, nil
}
