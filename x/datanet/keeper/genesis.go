package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/datanet/merkle"
	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// InitGenesis validates and writes the genesis state, then rebuilds the
// derived state (accepted order, accepted-content index, Merkle frontiers)
// from the contributions. It runs after x/bank: the module account must hold
// at least the deposits of the pending contributions.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(k.AddressCodec()); err != nil {
		return err
	}
	if err := modulekit.Import(ctx,
		modulekit.ImportItem(k.Params, gs.Params),
		modulekit.ImportNextID(k.NextDatanetID, gs.NextDatanetId),
		modulekit.ImportNextID(k.NextContributionID, gs.NextContributionId),
		modulekit.ImportValues(k.Datanets, gs.Datanets, func(d types.Datanet) (uint64, error) { return d.Id, nil }),
		modulekit.ImportValues(k.Versions, gs.Versions, func(v types.Version) (collections.Pair[uint64, uint64], error) {
			return collections.Join(v.DatanetId, v.Version), nil
		}),
	); err != nil {
		return err
	}

	// Accepted contributions per Datanet in leaf order (Validate checked
	// that the leaf indexes are exactly 0..n-1). Map used for look-ups only.
	leaves := make(map[uint64][]types.Contribution, len(gs.Datanets))
	for _, d := range gs.Datanets {
		leaves[d.Id] = []types.Contribution{}
	}
	pendingDeposits := sdk.NewCoins()
	for _, c := range gs.Contributions {
		if err := k.Contributions.Set(ctx, c.Id, c); err != nil {
			return err
		}
		switch c.Status {
		case types.CONTRIBUTION_STATUS_ACCEPTED:
			list := leaves[c.DatanetId]
			for uint64(len(list)) <= c.LeafIndex {
				list = append(list, types.Contribution{})
			}
			list[c.LeafIndex] = c
			leaves[c.DatanetId] = list
		case types.CONTRIBUTION_STATUS_PENDING:
			pendingDeposits = pendingDeposits.Add(c.Deposit)
		}
	}
	for _, d := range gs.Datanets {
		if len(leaves[d.Id]) == 0 {
			continue
		}
		frontier := &merkle.Frontier{}
		for i := range leaves[d.Id] {
			if err := k.appendAccepted(ctx, frontier, &leaves[d.Id][i]); err != nil {
				return err
			}
		}
		if err := k.storeFrontier(ctx, d.Id, frontier); err != nil {
			return err
		}
	}

	held := k.bankKeeper.GetAllBalances(ctx, k.ModuleAddress())
	if !held.IsAllGTE(pendingDeposits) {
		return errorsmod.Wrapf(types.ErrInsufficientModuleFunds, "module account holds %s, pending deposits are %s", held, pendingDeposits)
	}
	return nil
}

// ExportGenesis writes the whole state, sorted as Validate expects.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	return modulekit.Export(ctx, gs,
		modulekit.ExportItem(&gs.Params, k.Params.Get),
		modulekit.ExportNextID(&gs.NextDatanetId, k.NextDatanetID),
		modulekit.ExportNextID(&gs.NextContributionId, k.NextContributionID),
		modulekit.ExportValues(&gs.Datanets, k.Datanets.Walk),
		modulekit.ExportValues(&gs.Contributions, k.Contributions.Walk),
		modulekit.ExportValues(&gs.Versions, k.Versions.Walk),
	)
}
