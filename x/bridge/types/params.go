package types

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// Denom is the denom bridged: the chain's base denom, whose L1 twin is the
// OPEN ERC-20 (18 decimals on both sides, so amounts are the same integers).
const Denom = modulekit.BaseDenom

// BPSTotal is 100% in basis points.
const BPSTotal = 10_000

// Default parameters.
const (
	// DefaultCheckpointInterval: about an hour of 5-second blocks.
	DefaultCheckpointInterval = 720
	// DefaultPowerChangeThresholdBPS: 5%, as Gravity Bridge's valset
	// updates, so L1's set never lags far behind the bonded one.
	DefaultPowerChangeThresholdBPS = 500
	// DefaultL1ChainID is Ethereum mainnet.
	DefaultL1ChainID = 1
	// DefaultMaxWithdrawalsPerCheckpoint bounds the tree hashed in one
	// EndBlock and a proof's length (11 siblings).
	DefaultMaxWithdrawalsPerCheckpoint = 2000
	// DefaultMaxDepositLookahead bounds the stored attestations.
	DefaultMaxDepositLookahead = 1000
)

// Ceilings on the parameters, so governance cannot make EndBlock or a
// message unbounded.
const (
	MaxCheckpointIntervalCeiling = 1_000_000
	MaxWithdrawalsCeiling        = 65_536
	MaxDepositLookaheadCeiling   = 100_000
)

// DefaultBridgeID is keccak256("OpenLedger OPEN bridge v1"), the default salt.
var DefaultBridgeID = crypto.Keccak256Hash([]byte("OpenLedger OPEN bridge v1")).Hex()

// DefaultMinWithdrawal is 1 OPEN: a leaf costs every checkpoint's signers and
// the L1 claimer work, so dust is refused.
var DefaultMinWithdrawal = modulekit.OPEN(1)

// DefaultEquivocationSlashFraction is 5%, x/slashing's double-sign default.
var DefaultEquivocationSlashFraction = math.LegacyNewDecWithPrec(5, 2)

// DefaultParams returns the default parameters. The bridge contract is the
// zero address: the bridge is off until governance names the deployed one.
func DefaultParams() Params {
	return Params{
		CheckpointInterval:          DefaultCheckpointInterval,
		PowerChangeThresholdBps:     DefaultPowerChangeThresholdBPS,
		L1ChainId:                   DefaultL1ChainID,
		BridgeContract:              common.Address{}.Hex(),
		BridgeId:                    DefaultBridgeID,
		MinWithdrawal:               DefaultMinWithdrawal,
		MaxWithdrawalsPerCheckpoint: DefaultMaxWithdrawalsPerCheckpoint,
		MaxDepositLookahead:         DefaultMaxDepositLookahead,
		EquivocationSlashFraction:   DefaultEquivocationSlashFraction,
	}
}

// Validate checks the parameters.
func (p Params) Validate() error {
	if p.CheckpointInterval == 0 || p.CheckpointInterval > MaxCheckpointIntervalCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "checkpoint_interval %d must be 1 to %d", p.CheckpointInterval, MaxCheckpointIntervalCeiling)
	}
	if p.PowerChangeThresholdBps == 0 || p.PowerChangeThresholdBps > BPSTotal {
		return errorsmod.Wrapf(ErrInvalidParams, "power_change_threshold_bps %d must be 1 to %d", p.PowerChangeThresholdBps, BPSTotal)
	}
	if p.L1ChainId == 0 {
		return errorsmod.Wrap(ErrInvalidParams, "l1_chain_id must be set")
	}
	if _, err := ParseEthAddress("bridge_contract", p.BridgeContract); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "%v", err)
	}
	salt, err := parseHash32("bridge_id", p.BridgeId)
	if err != nil {
		return err
	}
	if salt == (common.Hash{}) {
		return errorsmod.Wrap(ErrInvalidParams, "bridge_id must not be zero")
	}
	if p.MinWithdrawal.IsNil() || !p.MinWithdrawal.IsPositive() || p.MinWithdrawal.BigInt().BitLen() > 256 {
		return errorsmod.Wrapf(ErrInvalidParams, "min_withdrawal %s must be positive", p.MinWithdrawal)
	}
	if p.MaxWithdrawalsPerCheckpoint == 0 || p.MaxWithdrawalsPerCheckpoint > MaxWithdrawalsCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_withdrawals_per_checkpoint %d must be 1 to %d", p.MaxWithdrawalsPerCheckpoint, MaxWithdrawalsCeiling)
	}
	if p.MaxDepositLookahead == 0 || p.MaxDepositLookahead > MaxDepositLookaheadCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_deposit_lookahead %d must be 1 to %d", p.MaxDepositLookahead, MaxDepositLookaheadCeiling)
	}
	f := p.EquivocationSlashFraction
	if f.IsNil() || f.IsNegative() || f.GT(math.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidParams, "equivocation_slash_fraction %s must be 0 to 1", f)
	}
	return nil
}
