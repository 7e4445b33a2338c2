package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// BondDenom is the denom of every stake: the chain's base denom. It is not
// a parameter: changing it under existing bonds would strand them.
const BondDenom = modulekit.BaseDenom

// BPSTotal is 100% in basis points.
const BPSTotal = 10_000

// Default parameters.
var (
	// DefaultMinStakeServingNode: 10,000 OPEN.
	DefaultMinStakeServingNode = modulekit.OPEN(10_000)
	// DefaultMinStakeAutonomousAgent: 1,000 OPEN.
	DefaultMinStakeAutonomousAgent = modulekit.OPEN(1_000)
	// DefaultMinStakeAttestor: 5,000 OPEN.
	DefaultMinStakeAttestor = modulekit.OPEN(5_000)
)

const (
	// DefaultUnbondingPeriod is 7 days: long enough for an attribution
	// challenge window to end before the stake behind it can leave.
	DefaultUnbondingPeriod = 7 * 24 * time.Hour
	// DefaultJailDuration is 1 day.
	DefaultJailDuration = 24 * time.Hour
	// DefaultSlashBPSAttributionFraud is 10%.
	DefaultSlashBPSAttributionFraud = 1000
	// DefaultSlashBPSEquivocation is 50%.
	DefaultSlashBPSEquivocation = 5000
	// DefaultSlashBPSGovernance is 10%.
	DefaultSlashBPSGovernance = 1000
	// DefaultChallengerRewardBPS is 10% of the slashed amount.
	DefaultChallengerRewardBPS = 1000
	// DefaultMaxModelsPerAgent bounds the models one agent lists.
	DefaultMaxModelsPerAgent = 64
	// DefaultMaxUnbondingEntries is the SDK staking module's 7.
	DefaultMaxUnbondingEntries = 7
)

// Ceilings on the parameters, so governance cannot set values that make a
// message or the EndBlocker unbounded.
const (
	// MaxDurationCeiling bounds the unbonding period and the jail duration.
	MaxDurationCeiling = 365 * 24 * time.Hour
	// MaxModelsCeiling bounds max_models_per_agent.
	MaxModelsCeiling = 1024
	// MaxUnbondingEntriesCeiling bounds max_unbonding_entries.
	MaxUnbondingEntriesCeiling = 100
)

// MaxStakeCeiling bounds the minimum stakes: 10^9 OPEN, the whole supply.
var MaxStakeCeiling = modulekit.OPEN(1_000_000_000)

// DefaultParams returns the default parameters.
func DefaultParams() Params {
	return Params{
		MinStakeServingNode:      DefaultMinStakeServingNode,
		MinStakeAutonomousAgent:  DefaultMinStakeAutonomousAgent,
		MinStakeAttestor:         DefaultMinStakeAttestor,
		UnbondingPeriod:          DefaultUnbondingPeriod,
		JailDuration:             DefaultJailDuration,
		SlashBpsAttributionFraud: DefaultSlashBPSAttributionFraud,
		SlashBpsEquivocation:     DefaultSlashBPSEquivocation,
		SlashBpsGovernance:       DefaultSlashBPSGovernance,
		ChallengerRewardBps:      DefaultChallengerRewardBPS,
		MaxModelsPerAgent:        DefaultMaxModelsPerAgent,
		MaxUnbondingEntries:      DefaultMaxUnbondingEntries,
	}
}

// MinStake is the least bond of an active agent of a kind.
func (p Params) MinStake(kind AgentKind) (math.Int, error) {
	switch kind {
	case AGENT_KIND_SERVING_NODE:
		return p.MinStakeServingNode, nil
	case AGENT_KIND_AUTONOMOUS_AGENT:
		return p.MinStakeAutonomousAgent, nil
	case AGENT_KIND_ATTESTOR:
		return p.MinStakeAttestor, nil
	}
	return math.Int{}, errorsmod.Wrapf(ErrInvalidKind, "kind %s", kind)
}

// SlashBPS is the fraction slashed for a reason, in basis points.
func (p Params) SlashBPS(reason SlashReason) (uint32, error) {
	switch reason {
	case SLASH_REASON_ATTRIBUTION_FRAUD:
		return p.SlashBpsAttributionFraud, nil
	case SLASH_REASON_EQUIVOCATION:
		return p.SlashBpsEquivocation, nil
	case SLASH_REASON_GOVERNANCE:
		return p.SlashBpsGovernance, nil
	}
	return 0, errorsmod.Wrapf(ErrInvalidSlashReason, "reason %s", reason)
}

// Validate checks the parameters.
func (p Params) Validate() error {
	for _, s := range []struct {
		name string
		v    math.Int
	}{
		{"min_stake_serving_node", p.MinStakeServingNode},
		{"min_stake_autonomous_agent", p.MinStakeAutonomousAgent},
		{"min_stake_attestor", p.MinStakeAttestor},
	} {
		if s.v.IsNil() || !s.v.IsPositive() {
			return errorsmod.Wrapf(ErrInvalidParams, "%s %s must be positive", s.name, s.v)
		}
		if s.v.GT(MaxStakeCeiling) {
			return errorsmod.Wrapf(ErrInvalidParams, "%s %s exceeds %s", s.name, s.v, MaxStakeCeiling)
		}
	}
	if p.UnbondingPeriod <= 0 || p.UnbondingPeriod > MaxDurationCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "unbonding_period %s must be positive and at most %s", p.UnbondingPeriod, MaxDurationCeiling)
	}
	if p.JailDuration < 0 || p.JailDuration > MaxDurationCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "jail_duration %s must be zero or positive and at most %s", p.JailDuration, MaxDurationCeiling)
	}
	for _, b := range []struct {
		name string
		v    uint32
	}{
		{"slash_bps_attribution_fraud", p.SlashBpsAttributionFraud},
		{"slash_bps_equivocation", p.SlashBpsEquivocation},
		{"slash_bps_governance", p.SlashBpsGovernance},
		{"challenger_reward_bps", p.ChallengerRewardBps},
	} {
		if b.v > BPSTotal {
			return errorsmod.Wrapf(ErrInvalidParams, "%s %d exceeds %d", b.name, b.v, BPSTotal)
		}
	}
	if p.MaxModelsPerAgent == 0 || p.MaxModelsPerAgent > MaxModelsCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_models_per_agent %d must be 1 to %d", p.MaxModelsPerAgent, MaxModelsCeiling)
	}
	if p.MaxUnbondingEntries == 0 || p.MaxUnbondingEntries > MaxUnbondingEntriesCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_unbonding_entries %d must be 1 to %d", p.MaxUnbondingEntries, MaxUnbondingEntriesCeiling)
	}
	return nil
}
