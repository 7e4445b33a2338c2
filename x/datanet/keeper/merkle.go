package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/datanet/merkle"
	"github.com/openledger/openledger/x/datanet/types"
)

// loadFrontier returns the Merkle frontier of a Datanet, empty if nothing
// was accepted yet.
func (k Keeper) loadFrontier(ctx context.Context, datanetID uint64) (*merkle.Frontier, error) {
	stored, err := k.MerkleFrontiers.Get(ctx, datanetID)
	switch {
	case errorsmod.IsOf(err, collections.ErrNotFound):
		return &merkle.Frontier{}, nil
	case err != nil:
		return nil, err
	}
	f, err := merkle.NewFrontierFromBranch(stored.LeafCount, stored.Branch)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrMerkleTree, "datanet %d: %v", datanetID, err)
	}
	return f, nil
}

// storeFrontier saves the Merkle frontier of a Datanet in canonical form.
func (k Keeper) storeFrontier(ctx context.Context, datanetID uint64, f *merkle.Frontier) error {
	return k.MerkleFrontiers.Set(ctx, datanetID, types.MerkleFrontier{LeafCount: f.Count(), Branch: f.Branch()})
}

// appendAccepted makes c the next leaf of its Datanet's tree: it records the
// leaf order and the content's owner, and sets c.LeafIndex. O(depth) hashes.
func (k Keeper) appendAccepted(ctx context.Context, f *merkle.Frontier, c *types.Contribution) error {
	leaf, err := merkle.LeafHash(c.Id, c.ContentHash)
	if err != nil {
		return errorsmod.Wrapf(types.ErrMerkleTree, "contribution %d: %v", c.Id, err)
	}
	index := f.Count()
	if err := f.Append(leaf); err != nil {
		return errorsmod.Wrapf(types.ErrMerkleTree, "datanet %d: %v", c.DatanetId, err)
	}
	if err := k.AcceptedOrder.Set(ctx, collections.Join(c.DatanetId, index), c.Id); err != nil {
		return err
	}
	if err := k.AcceptedContent.Set(ctx, collections.Join(c.DatanetId, c.ContentHash), c.Id); err != nil {
		return err
	}
	c.LeafIndex = index
	return nil
}

// Leaves returns the first count leaves of a Datanet's tree, rebuilt from the
// accepted order and the contributions' content hashes. O(count) reads.
func (k Keeper) Leaves(ctx context.Context, datanetID, count uint64) ([]merkle.Hash, error) {
	leaves := make([]merkle.Hash, 0, count)
	rng := collections.NewPrefixedPairRange[uint64, uint64](datanetID).EndExclusive(count)
	err := k.AcceptedOrder.Walk(ctx, rng, func(key collections.Pair[uint64, uint64], id uint64) (bool, error) {
		if key.K2() != uint64(len(leaves)) {
			return true, errorsmod.Wrapf(types.ErrMerkleTree, "datanet %d: leaf %d missing", datanetID, len(leaves))
		}
		c, err := k.GetContribution(ctx, id)
		if err != nil {
			return true, err
		}
		leaf, err := merkle.LeafHash(c.Id, c.ContentHash)
		if err != nil {
			return true, errorsmod.Wrapf(types.ErrMerkleTree, "contribution %d: %v", c.Id, err)
		}
		leaves = append(leaves, leaf)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	if uint64(len(leaves)) != count {
		return nil, errorsmod.Wrapf(types.ErrMerkleTree, "datanet %d: %d leaves stored, %d expected", datanetID, len(leaves), count)
	}
	return leaves, nil
}
