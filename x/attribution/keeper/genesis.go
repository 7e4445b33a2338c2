package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// InitGenesis validates and writes the genesis state. The indexes, both
// deadline queues, the per-address pending totals and the proven receipts
// are rebuilt from the records and challenges.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(k.AddressCodec()); err != nil {
		return err
	}
	if err := modulekit.Import(ctx,
		modulekit.ImportItem(k.Params, gs.Params),
		modulekit.ImportNextID(k.NextRecordID, gs.NextRecordId),
		modulekit.ImportNextID(k.NextChallengeID, gs.NextChallengeId),
		modulekit.ImportValues(k.Votes, gs.Votes, func(v types.Vote) (collections.Pair[uint64, sdk.AccAddress], error) {
			addr, err := k.AddressCodec().StringToBytes(v.Attestor)
			return collections.Join(v.ChallengeId, sdk.AccAddress(addr)), err
		}),
	); err != nil {
		return err
	}
	pending := newAddrSums(k.AddressCodec())
	for _, r := range gs.Records {
		if err := k.Records.Set(ctx, r.Id, r); err != nil {
			return err
		}
		switch r.Status {
		case types.RECORD_STATUS_PENDING:
			if err := k.RecordQueue.Set(ctx, deadlineKey(r.ChallengeDeadline, r.Id)); err != nil {
				return err
			}
			fallthrough
		case types.RECORD_STATUS_CHALLENGED:
			if err := k.addPayouts(pending, r.Payouts); err != nil {
				return err
			}
		}
	}
	if err := addEach(ctx, k.Pending, pending, false); err != nil {
		return err
	}
	for _, c := range gs.Challenges {
		if err := k.Challenges.Set(ctx, c.Id, c); err != nil {
			return err
		}
		if c.Status == types.CHALLENGE_STATUS_OPEN {
			if err := k.ChallengeQueue.Set(ctx, deadlineKey(c.VotingDeadline, c.Id)); err != nil {
				return err
			}
		}
		if c.Status == types.CHALLENGE_STATUS_UPHELD && c.UsageClaim != types.USAGE_CLAIM_UNSPECIFIED {
			r, err := k.Records.Get(ctx, c.RecordId)
			if err != nil {
				return err
			}
			if err := k.ProvenReceipts.Set(ctx, collections.Join(r.ReceiptsRoot, c.LeafIndex)); err != nil {
				return err
			}
		}
	}
	for _, list := range []struct {
		m collections.Map[sdk.AccAddress, math.Int]
		l []types.AddressAmount
	}{{k.Claimable, gs.Claimable}, {k.AddressEarnings, gs.AddressEarnings}} {
		for _, a := range list.l {
			addr, err := k.AddressCodec().StringToBytes(a.Address)
			if err != nil {
				return err
			}
			if err := list.m.Set(ctx, addr, a.Amount); err != nil {
				return err
			}
		}
	}
	for _, c := range gs.ContributionEarnings {
		if err := k.ContributionEarnings.Set(ctx, c.ContributionId, c.Amount); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis returns the state in key order.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	return modulekit.Export(ctx, gs,
		modulekit.ExportItem(&gs.Params, k.Params.Get),
		modulekit.ExportNextID(&gs.NextRecordId, k.NextRecordID),
		modulekit.ExportNextID(&gs.NextChallengeId, k.NextChallengeID),
		modulekit.ExportValues(&gs.Records, k.Records.Walk),
		modulekit.ExportValues(&gs.Challenges, k.Challenges.Walk),
		modulekit.ExportValues(&gs.Votes, k.Votes.Walk),
		k.exportAmounts(&gs.Claimable, k.Claimable),
		k.exportAmounts(&gs.AddressEarnings, k.AddressEarnings),
		func(ctx context.Context) error {
			return k.ContributionEarnings.Walk(ctx, nil, func(id uint64, amt math.Int) (bool, error) {
				gs.ContributionEarnings = append(gs.ContributionEarnings, types.ContributionAmount{ContributionId: id, Amount: amt})
				return false, nil
			})
		},
	)
}

// exportAmounts lists in into the amounts of m by address, in key order.
func (k Keeper) exportAmounts(into *[]types.AddressAmount, m collections.Map[sdk.AccAddress, math.Int]) modulekit.ExportStep {
	return func(ctx context.Context) error {
		return m.Walk(ctx, nil, func(addr sdk.AccAddress, amt math.Int) (bool, error) {
			s, err := k.AddressCodec().BytesToString(addr)
			if err != nil {
				return true, err
			}
			*into = append(*into, types.AddressAmount{Address: s, Amount: amt})
			return false, nil
		})
	}
}
