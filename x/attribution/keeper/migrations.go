package keeper

import (
	"context"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/attribution/types"
)

// Migrator runs the store migrations of x/attribution.
type Migrator struct{ k Keeper }

// NewMigrator returns the migrator of a keeper.
func NewMigrator(k Keeper) Migrator { return Migrator{k: k} }

// Migrate1to2 moves the store from consensus version 1 to 2, in which
// receipts carry their token counts and fee (leaf encoding version 2) and
// records keep the usage they were settled with. Every record made before
// is marked receipt version 1, so a challenge of it still proves its
// receipts with the version 1 leaves its batch was committed with; it has no
// price (zero), tokens or batch models, so its usage cannot be challenged.
// Records are walked in id order and only rewritten; their indexes cover
// fields that do not change.
func (m Migrator) Migrate1to2(ctx context.Context) error {
	var ids []uint64
	if err := m.k.Records.Walk(ctx, nil, func(id uint64, r types.AttributionRecord) (bool, error) {
		if r.ReceiptVersion == 0 {
			ids = append(ids, id)
		}
		return false, nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		r, err := m.k.Records.Get(ctx, id)
		if err != nil {
			return err
		}
		r.ReceiptVersion = types.ReceiptVersion1
		r.Price.PerCall, r.Price.Per_1KTokens = math.ZeroInt(), math.ZeroInt()
		r.Tokens, r.BatchModelIds, r.NodeSignedRoot = 0, nil, false
		if err := m.k.Records.Set(ctx, id, r); err != nil {
			return err
		}
	}
	return nil
}
