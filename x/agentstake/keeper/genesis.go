package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// InitGenesis validates and writes the genesis state. The indexes, the
// unbonding queue and the stake totals are rebuilt from the agents and the
// entries, and the module account must hold exactly the bonded plus the
// unbonding stake (x/bank's genesis runs first).
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(k.AddressCodec()); err != nil {
		return err
	}
	if err := modulekit.Import(ctx,
		modulekit.ImportItem(k.Params, gs.Params),
		modulekit.ImportNextID(k.NextUnbondingID, gs.NextUnbondingId),
		modulekit.ImportNextID(k.NextSlashID, gs.NextSlashId),
		modulekit.ImportValues(k.SlashRecords, gs.SlashRecords, func(r types.SlashRecord) (collections.Pair[sdk.AccAddress, uint64], error) {
			op, err := k.AddressCodec().StringToBytes(r.Operator)
			return collections.Join(sdk.AccAddress(op), r.Id), err
		}),
	); err != nil {
		return err
	}
	bonded, unbonding := math.ZeroInt(), math.ZeroInt()
	active := []math.Int{math.ZeroInt(), math.ZeroInt(), math.ZeroInt(), math.ZeroInt()} // by kind
	for _, a := range gs.Agents {
		op, err := k.AddressCodec().StringToBytes(a.Operator)
		if err != nil {
			return err
		}
		if err := k.Agents.Set(ctx, op, a); err != nil {
			return err
		}
		bonded = bonded.Add(a.Bonded)
		if a.Status == types.AGENT_STATUS_ACTIVE {
			active[a.Kind] = active[a.Kind].Add(a.Bonded)
		}
	}
	for _, e := range gs.UnbondingEntries {
		op, err := k.AddressCodec().StringToBytes(e.Operator)
		if err != nil {
			return err
		}
		if err := k.UnbondingEntries.Set(ctx, collections.Join(sdk.AccAddress(op), e.Id), e); err != nil {
			return err
		}
		if err := k.UnbondingQueue.Set(ctx, collections.Join3(e.CompletionTime.UnixNano(), sdk.AccAddress(op), e.Id)); err != nil {
			return err
		}
		unbonding = unbonding.Add(e.Amount)
	}
	for _, u := range gs.UsedEvidence {
		node, err := k.AddressCodec().StringToBytes(u.ServingNode)
		if err != nil {
			return err
		}
		user, err := k.AddressCodec().StringToBytes(u.User)
		if err != nil {
			return err
		}
		if err := k.UsedEvidence.Set(ctx, collections.Join3(sdk.AccAddress(node), sdk.AccAddress(user), u.Nonce)); err != nil {
			return err
		}
	}
	for _, kind := range allKinds {
		if err := k.ActiveStake.Set(ctx, int32(kind), active[kind]); err != nil {
			return err
		}
	}
	if err := k.TotalBonded.Set(ctx, bonded); err != nil {
		return err
	}
	if err := k.TotalUnbonding.Set(ctx, unbonding); err != nil {
		return err
	}
	balance := k.bankKeeper.GetBalance(ctx, k.ModuleAddress(), types.BondDenom).Amount
	if want := bonded.Add(unbonding); !balance.Equal(want) {
		return fmt.Errorf("%w: the %s module account holds %s%s, but agents bond %s and unbonding entries hold %s",
			types.ErrInvalidGenesis, types.ModuleName, balance, types.BondDenom, bonded, unbonding)
	}
	return nil
}

// ExportGenesis returns the state: agents in operator order, entries and
// slash records in id order, used evidence in key order.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	if _, err := modulekit.Export(ctx, gs,
		modulekit.ExportItem(&gs.Params, k.Params.Get),
		modulekit.ExportNextID(&gs.NextUnbondingId, k.NextUnbondingID),
		modulekit.ExportNextID(&gs.NextSlashId, k.NextSlashID),
		modulekit.ExportValues(&gs.Agents, k.Agents.Walk),
		modulekit.ExportValues(&gs.UnbondingEntries, k.UnbondingEntries.Walk),
		modulekit.ExportValues(&gs.SlashRecords, k.SlashRecords.Walk),
		func(ctx context.Context) error {
			return k.UsedEvidence.Walk(ctx, nil, func(key collections.Triple[sdk.AccAddress, sdk.AccAddress, uint64]) (bool, error) {
				node, err := k.AddressCodec().BytesToString(key.K1())
				if err != nil {
					return true, err
				}
				user, err := k.AddressCodec().BytesToString(key.K2())
				if err != nil {
					return true, err
				}
				gs.UsedEvidence = append(gs.UsedEvidence, types.UsedEvidence{ServingNode: node, User: user, Nonce: key.K3()})
				return false, nil
			})
		},
	); err != nil {
		return nil, err
	}
	sortByID(gs.UnbondingEntries, func(e types.UnbondingEntry) uint64 { return e.Id })
	sortByID(gs.SlashRecords, func(r types.SlashRecord) uint64 { return r.Id })
	return gs, nil
}
