// Package keeper holds the state and the state transitions of x/agentstake.
package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// Keeper is the state of x/agentstake and the services it uses. Its authority may also slash.
type Keeper struct {
	modulekit.Env
	// evmChainID is the EIP-155 chain id of the settlement signing domain.
	evmChainID uint64

	bankKeeper     types.BankKeeper
	modelregKeeper types.ModelregKeeper

	Schema collections.Schema
	// Params are the module parameters.
	Params collections.Item[types.Params]
	// Agents maps operator -> Agent, indexed by kind, owner and model.
	Agents *collections.IndexedMap[sdk.AccAddress, types.Agent, AgentIndexes]
	// NextUnbondingID is the id the next unbonding entry gets (from 1).
	NextUnbondingID collections.Sequence
	// UnbondingEntries maps (operator, id) -> UnbondingEntry.
	UnbondingEntries collections.Map[collections.Pair[sdk.AccAddress, uint64], types.UnbondingEntry]
	// UnbondingQueue holds (completion unix nanoseconds, operator, id).
	UnbondingQueue collections.KeySet[collections.Triple[int64, sdk.AccAddress, uint64]]
	// NextSlashID is the id the next slash record gets (from 1).
	NextSlashID collections.Sequence
	// SlashRecords maps (operator, id) -> SlashRecord.
	SlashRecords collections.Map[collections.Pair[sdk.AccAddress, uint64], types.SlashRecord]
	// UsedEvidence holds (serving node, user, nonce) of punished equivocations.
	UsedEvidence collections.KeySet[collections.Triple[sdk.AccAddress, sdk.AccAddress, uint64]]
	// ActiveStake maps kind -> bonded stake of the kind's ACTIVE agents.
	ActiveStake collections.Map[int32, math.Int]
	// TotalBonded is the bond of every agent, whatever its status.
	TotalBonded collections.Item[math.Int]
	// TotalUnbonding is the stake in unbonding entries.
	TotalUnbonding collections.Item[math.Int]
}

// KeeperEnv is what the keeper is built with, as every module keeper is.
type KeeperEnv = modulekit.KeeperEnv

// NewKeeper builds the keeper. It panics on a missing dependency, an invalid
// authority or a missing module account: those are wiring mistakes that must
// stop the node at start-up. evmChainID is the EIP-155 chain id settlements
// are signed for.
func NewKeeper(
	ke KeeperEnv,
	evmChainID uint64,
	accountKeeper types.AccountKeeper,
	bankKeeper types.BankKeeper,
	modelregKeeper types.ModelregKeeper,
) Keeper {
	env := modulekit.NewEnv(types.ModuleName, ke, accountKeeper,
		"bank keeper", bankKeeper, "modelreg keeper", modelregKeeper,
	)
	if evmChainID == 0 {
		panic(fmt.Sprintf("x/%s keeper: the EVM chain id is 0", types.ModuleName))
	}

	cdc, sb := ke.Codec, collections.NewSchemaBuilder(ke.StoreService)
	k := Keeper{
		Env:            env,
		evmChainID:     evmChainID,
		bankKeeper:     bankKeeper,
		modelregKeeper: modelregKeeper,

		Params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Agents: collections.NewIndexedMap(sb, types.AgentsKey, "agents",
			sdk.AccAddressKey, codec.CollValue[types.Agent](cdc), newAgentIndexes(sb, ke.AddressCodec)),
		NextUnbondingID: collections.NewSequence(sb, types.NextUnbondingIDKey, "next_unbonding_id"),
		UnbondingEntries: collections.NewMap(sb, types.UnbondingEntriesKey, "unbonding_entries",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key), codec.CollValue[types.UnbondingEntry](cdc)),
		UnbondingQueue: collections.NewKeySet(sb, types.UnbondingQueueKey, "unbonding_queue",
			collections.TripleKeyCodec(collections.Int64Key, sdk.AccAddressKey, collections.Uint64Key)),
		NextSlashID: collections.NewSequence(sb, types.NextSlashIDKey, "next_slash_id"),
		SlashRecords: collections.NewMap(sb, types.SlashRecordsKey, "slash_records",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key), codec.CollValue[types.SlashRecord](cdc)),
		UsedEvidence: collections.NewKeySet(sb, types.UsedEvidenceKey, "used_evidence",
			collections.TripleKeyCodec(sdk.AccAddressKey, sdk.AccAddressKey, collections.Uint64Key)),
		ActiveStake:    collections.NewMap(sb, types.ActiveStakeKey, "active_stake", collections.Int32Key, sdk.IntValue),
		TotalBonded:    collections.NewItem(sb, types.TotalBondedKey, "total_bonded", sdk.IntValue),
		TotalUnbonding: collections.NewItem(sb, types.TotalUnbondingKey, "total_unbonding", sdk.IntValue),
	}
	k.Schema = env.MustBuildSchema(sb)
	return k
}

// EVMChainID is the EIP-155 chain id of the settlement signing domain.
func (k Keeper) EVMChainID() uint64 { return k.evmChainID }

// coins is an amount of the bond denom.
func coins(amt math.Int) sdk.Coins {
	return sdk.NewCoins(sdk.NewCoin(types.BondDenom, amt))
}

// GetAgent returns an agent or ErrAgentNotFound.
func (k Keeper) GetAgent(ctx context.Context, operator sdk.AccAddress) (types.Agent, error) {
	a, err := k.Agents.Get(ctx, operator)
	if err != nil {
		if errorsmod.IsOf(err, collections.ErrNotFound) {
			s, _ := k.AddressCodec().BytesToString(operator)
			return a, errorsmod.Wrapf(types.ErrAgentNotFound, "operator %s", s)
		}
		return a, err
	}
	return a, nil
}

// getInt reads a stored total, zero when unset.
func getInt(ctx context.Context, item collections.Item[math.Int]) (math.Int, error) {
	v, err := item.Get(ctx)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return math.ZeroInt(), nil
	}
	return v, err
}

// addInt adds delta to a stored total.
func addInt(ctx context.Context, item collections.Item[math.Int], delta math.Int) error {
	if delta.IsZero() {
		return nil
	}
	v, err := getInt(ctx, item)
	if err != nil {
		return err
	}
	v = v.Add(delta)
	if v.IsNegative() {
		return fmt.Errorf("x/%s: a stake total would go negative", types.ModuleName)
	}
	return item.Set(ctx, v)
}

// activeStake is the bonded stake of a kind's ACTIVE agents.
func (k Keeper) activeStake(ctx context.Context, kind types.AgentKind) (math.Int, error) {
	v, err := k.ActiveStake.Get(ctx, int32(kind))
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return math.ZeroInt(), nil
	}
	return v, err
}

// activeContribution is what an agent adds to its kind's active total.
func activeContribution(a *types.Agent) math.Int {
	if a == nil || a.Status != types.AGENT_STATUS_ACTIVE {
		return math.ZeroInt()
	}
	return a.Bonded
}

// saveAgent writes an agent and keeps every maintained total in step with
// it: the per-kind active stake and the total bond. before is the stored
// agent (nil for a new one). A status change emits an event.
func (k Keeper) saveAgent(ctx context.Context, operator sdk.AccAddress, before *types.Agent, after types.Agent) error {
	if delta := activeContribution(&after).Sub(activeContribution(before)); !delta.IsZero() {
		cur, err := k.activeStake(ctx, after.Kind)
		if err != nil {
			return err
		}
		cur = cur.Add(delta)
		if cur.IsNegative() {
			return fmt.Errorf("x/%s: active stake of %s would go negative", types.ModuleName, after.Kind)
		}
		if err := k.ActiveStake.Set(ctx, int32(after.Kind), cur); err != nil {
			return err
		}
	}
	bondedBefore := math.ZeroInt()
	statusBefore := types.AGENT_STATUS_UNSPECIFIED
	if before != nil {
		bondedBefore = before.Bonded
		statusBefore = before.Status
	}
	if err := addInt(ctx, k.TotalBonded, after.Bonded.Sub(bondedBefore)); err != nil {
		return err
	}
	after.UpdatedHeight = k.Height(ctx)
	if before == nil {
		after.CreatedHeight = after.UpdatedHeight
	}
	if err := k.Agents.Set(ctx, operator, after); err != nil {
		return err
	}
	if before != nil && statusBefore != after.Status {
		if err := k.Emit(ctx, &types.EventAgentStatusChanged{Operator: after.Operator, From: statusBefore, To: after.Status}); err != nil {
			return err
		}
	}
	return nil
}
