package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// Denom is the chain's base denom: credit, vouchers and fees are all in
// aopen.
const Denom = modulekit.BaseDenom

// BpsTotal is one whole in basis points: the split shares sum to it.
const BpsTotal = 10_000

// Default parameters.
const (
	// DefaultWithdrawalDelay gives serving nodes an hour to settle the
	// vouchers they hold before the credit behind them can leave.
	DefaultWithdrawalDelay = time.Hour
	// DefaultBurnBps .. DefaultDataContributorsBps: 10% burned, 40% to the
	// model owner, 30% to the serving node, 5% to the community pool, 15% to
	// the data contributors.
	DefaultBurnBps             = 1000
	DefaultModelOwnerBps       = 4000
	DefaultServingNodeBps      = 3000
	DefaultProtocolBps         = 500
	DefaultDataContributorsBps = 1500
	// DefaultMaxVouchersPerBatch bounds the signature checks of one batch.
	DefaultMaxVouchersPerBatch = 10_000
	// DefaultMaxUsageEntriesPerBatch bounds the splits of one batch.
	DefaultMaxUsageEntriesPerBatch = 1_000
)

// Bounds of the parameters.
const (
	// MaxWithdrawalDelay: a month.
	MaxWithdrawalDelay = 30 * 24 * time.Hour
	// MaxVouchersPerBatchCeiling bounds params.max_vouchers_per_batch.
	MaxVouchersPerBatchCeiling = 100_000
	// MaxUsageEntriesPerBatchCeiling bounds params.max_usage_entries_per_batch.
	MaxUsageEntriesPerBatchCeiling = 10_000
)

// DefaultMinDeposit is 0.001 OPEN: credit entries are state, so dust
// deposits are refused.
var DefaultMinDeposit = math.NewIntWithDecimal(1, 15)

// MaxAmount bounds every amount a message carries: 10^36 aopen, a billion
// times the whole supply. It keeps every sum a batch computes far from the
// 256-bit limit of math.Int.
var MaxAmount = math.NewIntWithDecimal(1, 36)

// DefaultParams returns the default parameters.
func DefaultParams() Params {
	return Params{
		WithdrawalDelay:         DefaultWithdrawalDelay,
		BurnBps:                 DefaultBurnBps,
		ModelOwnerBps:           DefaultModelOwnerBps,
		ServingNodeBps:          DefaultServingNodeBps,
		ProtocolBps:             DefaultProtocolBps,
		DataContributorsBps:     DefaultDataContributorsBps,
		MaxVouchersPerBatch:     DefaultMaxVouchersPerBatch,
		MaxUsageEntriesPerBatch: DefaultMaxUsageEntriesPerBatch,
		MinDeposit:              DefaultMinDeposit,
	}
}

// Validate checks the parameters.
func (p Params) Validate() error {
	if p.WithdrawalDelay <= 0 || p.WithdrawalDelay > MaxWithdrawalDelay {
		return errorsmod.Wrapf(ErrInvalidParams, "withdrawal_delay %s must be above zero and at most %s", p.WithdrawalDelay, MaxWithdrawalDelay)
	}
	sum := uint64(p.BurnBps) + uint64(p.ModelOwnerBps) + uint64(p.ServingNodeBps) + uint64(p.ProtocolBps) + uint64(p.DataContributorsBps)
	if sum != BpsTotal {
		return errorsmod.Wrapf(ErrInvalidParams, "split shares sum to %d bps, not %d", sum, BpsTotal)
	}
	if p.MaxVouchersPerBatch == 0 || p.MaxVouchersPerBatch > MaxVouchersPerBatchCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_vouchers_per_batch %d must be in 1..%d", p.MaxVouchersPerBatch, MaxVouchersPerBatchCeiling)
	}
	if p.MaxUsageEntriesPerBatch == 0 || p.MaxUsageEntriesPerBatch > MaxUsageEntriesPerBatchCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_usage_entries_per_batch %d must be in 1..%d", p.MaxUsageEntriesPerBatch, MaxUsageEntriesPerBatchCeiling)
	}
	if p.MinDeposit.IsNil() || p.MinDeposit.IsNegative() || p.MinDeposit.GT(MaxAmount) {
		return errorsmod.Wrapf(ErrInvalidParams, "min_deposit %s must be in 0..%s", p.MinDeposit, MaxAmount)
	}
	return nil
}

// SplitAmount divides a fee by the params' shares: every share but burn is
// floor(amount * bps / 10,000), and burn takes what is left, so the rounding
// remainder is burned and the parts always add up to the amount exactly.
// amount must be non-negative.
func (p Params) SplitAmount(amount math.Int) Split {
	share := func(bps uint32) math.Int {
		return amount.MulRaw(int64(bps)).QuoRaw(BpsTotal)
	}
	s := Split{
		Amount:           amount,
		ModelOwner:       share(p.ModelOwnerBps),
		ServingNode:      share(p.ServingNodeBps),
		Protocol:         share(p.ProtocolBps),
		DataContributors: share(p.DataContributorsBps),
	}
	s.Burn = amount.Sub(s.ModelOwner).Sub(s.ServingNode).Sub(s.Protocol).Sub(s.DataContributors)
	return s
}

// ZeroTotals are the totals of a new chain.
func ZeroTotals() Totals {
	z := math.ZeroInt()
	return Totals{Settled: z, Burned: z, ToModelOwners: z, ToServingNodes: z, ToProtocol: z, ToAttribution: z}
}

// Add adds a fee split to the totals.
func (t *Totals) Add(s Split, dataToProtocol bool) {
	t.Settled = t.Settled.Add(s.Amount)
	t.Burned = t.Burned.Add(s.Burn)
	t.ToModelOwners = t.ToModelOwners.Add(s.ModelOwner)
	t.ToServingNodes = t.ToServingNodes.Add(s.ServingNode)
	t.ToProtocol = t.ToProtocol.Add(s.Protocol)
	if dataToProtocol {
		t.ToProtocol = t.ToProtocol.Add(s.DataContributors)
	} else {
		t.ToAttribution = t.ToAttribution.Add(s.DataContributors)
	}
}

// Balanced reports whether settled = burned + model owners + serving nodes +
// protocol + attribution.
func (t Totals) Balanced() bool {
	sum := t.Burned.Add(t.ToModelOwners).Add(t.ToServingNodes).Add(t.ToProtocol).Add(t.ToAttribution)
	return sum.Equal(t.Settled)
}
