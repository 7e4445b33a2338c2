package keeper

import (
	"context"

	"github.com/openledger/openledger/x/internal/modulekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

// InitGenesis validates and writes the genesis state; the indexes are
// rebuilt as the models are written.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(k.AddressCodec()); err != nil {
		return err
	}
	return modulekit.Import(ctx,
		modulekit.ImportItem(k.Params, gs.Params),
		modulekit.ImportNextID(k.NextModelID, gs.NextModelId),
		modulekit.ImportValues(k.Models, gs.Models, func(m types.Model) (uint64, error) { return m.Id, nil }),
	)
}

// ExportGenesis returns the state, models in ascending id order.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	return modulekit.Export(ctx, gs,
		modulekit.ExportItem(&gs.Params, k.Params.Get),
		modulekit.ExportNextID(&gs.NextModelId, k.NextModelID),
		modulekit.ExportValues(&gs.Models, k.Models.Walk),
	)
}
