package app

import (
	"context"

	"cosmossdk.io/collections"

	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// resetOpenLedgerHeights sets every block height kept in the OpenLedger
// modules' state to 0 for a zero-height export. Left as they are, they would
// lie in the future of the new chain, whose heights start again at 1: the
// order checks of genesis (created before updated, submitted before resolved)
// would fail as soon as the new chain updates an old object, and a slash for
// an attribution recorded before the restart would name an infraction height
// the new chain has not reached. Heights 0 keep every such order true on the
// new chain: what was made before the restart comes before anything made
// after it. An attribution record's created height is the infraction height
// of a challenge against it, and 0 means "unknown": a slash then takes its
// share of every unbonding entry of the serving node.
func (app *OpenLedgerApp) resetOpenLedgerHeights(ctx context.Context) error {
	datanets := app.DatanetKeeper
	if err := resetHeights(ctx, datanets.Datanets, func(d *datanettypes.Datanet) bool {
		return zero(&d.CreatedHeight, &d.UpdatedHeight)
	}); err != nil {
		return err
	}
	if err := resetHeights(ctx, datanets.Contributions, func(c *datanettypes.Contribution) bool {
		return zero(&c.SubmittedHeight, &c.ResolvedHeight)
	}); err != nil {
		return err
	}
	if err := resetHeights(ctx, datanets.Versions, func(v *datanettypes.Version) bool {
		return zero(&v.Height)
	}); err != nil {
		return err
	}

	if err := resetHeights(ctx, app.ModelregKeeper.Models, func(m *modelregtypes.Model) bool {
		return zero(&m.CreatedHeight, &m.UpdatedHeight)
	}); err != nil {
		return err
	}

	agents := app.AgentstakeKeeper
	if err := resetHeights(ctx, agents.Agents, func(a *agentstaketypes.Agent) bool {
		return zero(&a.CreatedHeight, &a.UpdatedHeight)
	}); err != nil {
		return err
	}
	if err := resetHeights(ctx, agents.UnbondingEntries, func(e *agentstaketypes.UnbondingEntry) bool {
		return zero(&e.CreationHeight)
	}); err != nil {
		return err
	}
	if err := resetHeights(ctx, agents.SlashRecords, func(r *agentstaketypes.SlashRecord) bool {
		return zero(&r.InfractionHeight, &r.Height)
	}); err != nil {
		return err
	}

	attribution := app.AttributionKeeper
	if err := resetHeights(ctx, attribution.Records, func(r *attributiontypes.AttributionRecord) bool {
		return zero(&r.CreatedHeight, &r.ResolvedHeight)
	}); err != nil {
		return err
	}
	if err := resetHeights(ctx, attribution.Challenges, func(c *attributiontypes.Challenge) bool {
		return zero(&c.CreatedHeight, &c.ResolvedHeight)
	}); err != nil {
		return err
	}

	fees := app.InferencefeesKeeper
	if err := resetHeights(ctx, fees.Withdrawals, func(w *inferencefeestypes.Withdrawal) bool {
		return zero(&w.RequestedHeight)
	}); err != nil {
		return err
	}
	return resetHeights(ctx, fees.Channels, func(c *inferencefeestypes.Channel) bool {
		return zero(&c.LastSettledHeight)
	})
}

// heightStore is what resetHeights needs of a collections.Map or IndexedMap.
type heightStore[K, V any] interface {
	Walk(ctx context.Context, ranger collections.Ranger[K], walkFunc func(K, V) (bool, error)) error
	Set(ctx context.Context, key K, value V) error
}

// resetHeights applies reset to every value of store, in key order, and
// writes back the values it changed (after the walk, which a write must not
// disturb).
func resetHeights[K, V any](ctx context.Context, store heightStore[K, V], reset func(*V) bool) error {
	type entry struct {
		key   K
		value V
	}
	var changed []entry
	if err := store.Walk(ctx, nil, func(key K, value V) (bool, error) {
		if reset(&value) {
			changed = append(changed, entry{key, value})
		}
		return false, nil
	}); err != nil {
		return err
	}
	for _, e := range changed {
		if err := store.Set(ctx, e.key, e.value); err != nil {
			return err
		}
	}
	return nil
}

// zero sets each height to 0 and reports whether any was not 0.
func zero(heights ...*int64) bool {
	changed := false
	for _, h := range heights {
		if *h != 0 {
			*h, changed = 0, true
		}
	}
	return changed
}
