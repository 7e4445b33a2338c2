package types

import (
	"sort"

	"cosmossdk.io/math"
)

// SplitEntry is one weighted contribution as the reward split needs it.
type SplitEntry struct {
	// ContributionID is the contribution.
	ContributionID uint64
	// Ppm is its weight.
	Ppm uint32
	// Contributor is the contributor's address.
	Contributor string
	// DatanetOwner is the owner of the contribution's Datanet.
	DatanetOwner string
}

// SplitReward splits a data reward R over weighted contributions:
//
//	share_i      = floor(R * ppm_i / 1,000,000)
//	owner_i      = floor(share_i * ownerBps / 10,000)   to the Datanet owner
//	contributor_i = share_i - owner_i                   to the contributor
//	unattributed = R - sum(share_i)
//
// Payouts are positive: first one per contribution (weight order) to its
// contributor, then one per Datanet owner (ascending address) summing its
// curator shares, with contribution id 0. The payouts plus unattributed are
// exactly R.
func SplitReward(reward math.Int, entries []SplitEntry, ownerBps uint32) ([]Payout, math.Int) {
	var (
		payouts  []Payout
		owners   []string
		ownerAmt = map[string]math.Int{} // look-ups only; owners keeps the order
		total    = math.ZeroInt()
		million  = math.NewInt(PPMTotal)
		bps      = math.NewInt(int64(ownerBps))
		bpsTotal = math.NewInt(BpsTotal)
	)
	for _, e := range entries {
		share := reward.Mul(math.NewInt(int64(e.Ppm))).Quo(million)
		if !share.IsPositive() {
			continue
		}
		total = total.Add(share)
		owner := share.Mul(bps).Quo(bpsTotal)
		if c := share.Sub(owner); c.IsPositive() {
			payouts = append(payouts, Payout{Recipient: e.Contributor, ContributionId: e.ContributionID, Amount: c})
		}
		if owner.IsPositive() {
			prev, ok := ownerAmt[e.DatanetOwner]
			if !ok {
				owners = append(owners, e.DatanetOwner)
				prev = math.ZeroInt()
			}
			ownerAmt[e.DatanetOwner] = prev.Add(owner)
		}
	}
	sort.Strings(owners)
	for _, o := range owners {
		payouts = append(payouts, Payout{Recipient: o, ContributionId: 0, Amount: ownerAmt[o]})
	}
	return payouts, reward.Sub(total)
}

// SumPayouts is the sum of the payout amounts.
func SumPayouts(ps []Payout) math.Int {
	sum := math.ZeroInt()
	for _, p := range ps {
		sum = sum.Add(p.Amount)
	}
	return sum
}
