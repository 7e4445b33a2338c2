package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// RewardDenom is the chain's base denom, the only denom of data rewards and
// challenge bonds.
const RewardDenom = modulekit.BaseDenom

// BpsTotal is one whole in basis points.
const BpsTotal = 10_000

// Default parameters; README.md explains the choices.
const (
	// DefaultChallengeWindow: a day is long enough for a watcher anywhere to
	// recompute a batch with the deterministic PoA engine, short enough that
	// contributors are paid daily.
	DefaultChallengeWindow = 24 * time.Hour
	// DefaultVotingPeriod: two days for attestors to recompute and vote.
	DefaultVotingPeriod = 48 * time.Hour
	// DefaultQuorumBps: two thirds of the active attestor stake decides.
	DefaultQuorumBps = 6667
	// DefaultDatanetOwnerBps: a 10% curator share for the Datanet owner.
	DefaultDatanetOwnerBps = 1000
	// DefaultMaxWeightsPerRecord bounds a record's size and the work of
	// finalizing it.
	DefaultMaxWeightsPerRecord = 1024
	// DefaultUnattributedDestination and DefaultOverturnedDestination keep
	// unearned funds in the economy (the community pool) rather than burning.
	DefaultUnattributedDestination = FUNDS_DESTINATION_COMMUNITY_POOL
	DefaultOverturnedDestination   = FUNDS_DESTINATION_COMMUNITY_POOL
)

// DefaultChallengeBond: 100 OPEN, enough that spamming challenges (each
// delays a record by up to the voting period) costs real money.
var DefaultChallengeBond = sdk.NewCoin(RewardDenom, modulekit.OPEN(100))

// Bounds of the parameters.
const (
	// MaxPeriod bounds challenge_window and voting_period.
	MaxPeriod = 365 * 24 * time.Hour
	// MaxWeightsCeiling bounds max_weights_per_record.
	MaxWeightsCeiling = 10_000
)

// DefaultParams returns the default parameters.
func DefaultParams() Params {
	return Params{
		ChallengeWindow:         DefaultChallengeWindow,
		ChallengeBond:           DefaultChallengeBond,
		VotingPeriod:            DefaultVotingPeriod,
		QuorumBps:               DefaultQuorumBps,
		DatanetOwnerBps:         DefaultDatanetOwnerBps,
		UnattributedDestination: DefaultUnattributedDestination,
		OverturnedDestination:   DefaultOverturnedDestination,
		MaxWeightsPerRecord:     DefaultMaxWeightsPerRecord,
	}
}

// ValidDestination reports burn or community pool.
func ValidDestination(d FundsDestination) bool {
	return d == FUNDS_DESTINATION_BURN || d == FUNDS_DESTINATION_COMMUNITY_POOL
}

// Validate checks the parameters.
func (p Params) Validate() error {
	if p.ChallengeWindow <= 0 || p.ChallengeWindow > MaxPeriod {
		return errorsmod.Wrapf(ErrInvalidParams, "challenge_window %s must be positive and at most %s", p.ChallengeWindow, MaxPeriod)
	}
	if p.VotingPeriod <= 0 || p.VotingPeriod > MaxPeriod {
		return errorsmod.Wrapf(ErrInvalidParams, "voting_period %s must be positive and at most %s", p.VotingPeriod, MaxPeriod)
	}
	if p.ChallengeBond.Denom != RewardDenom {
		return errorsmod.Wrapf(ErrInvalidParams, "challenge_bond denom %q must be %s", p.ChallengeBond.Denom, RewardDenom)
	}
	if p.ChallengeBond.Amount.IsNil() || !p.ChallengeBond.Amount.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidParams, "challenge_bond %s must be positive", p.ChallengeBond.Amount)
	}
	if p.QuorumBps <= BpsTotal/2 || p.QuorumBps > BpsTotal {
		return errorsmod.Wrapf(ErrInvalidParams, "quorum_bps %d must be above %d and at most %d", p.QuorumBps, BpsTotal/2, BpsTotal)
	}
	if p.DatanetOwnerBps > BpsTotal {
		return errorsmod.Wrapf(ErrInvalidParams, "datanet_owner_bps %d above %d", p.DatanetOwnerBps, BpsTotal)
	}
	if !ValidDestination(p.UnattributedDestination) {
		return errorsmod.Wrapf(ErrInvalidParams, "unattributed_destination %s", p.UnattributedDestination)
	}
	if !ValidDestination(p.OverturnedDestination) {
		return errorsmod.Wrapf(ErrInvalidParams, "overturned_destination %s", p.OverturnedDestination)
	}
	if p.MaxWeightsPerRecord == 0 || p.MaxWeightsPerRecord > MaxWeightsCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_weights_per_record %d must be 1 to %d", p.MaxWeightsPerRecord, MaxWeightsCeiling)
	}
	return nil
}
