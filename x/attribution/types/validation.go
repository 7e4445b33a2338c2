package types

import (
	"bytes"
	"slices"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// Limits on what a record may carry.
const (
	// HashLength is the length of every SHA-256 hash and Merkle root.
	HashLength = 32
	// MaxMethodLength bounds an attribution method name, in bytes.
	MaxMethodLength = 32
	// MaxDatasets bounds the Datanet versions of one record (x/modelreg's
	// bound on a training record).
	MaxDatasets = 32
	// MaxBatchModels bounds the models of one batch a record lists
	// (x/inferencefees' bound on max_usage_entries_per_batch).
	MaxBatchModels = 10_000
)

// ParseAddress decodes a bech32 account address and returns it with its
// canonical string; errors wrap ErrInvalidAddress.
func ParseAddress(ac address.Codec, field, s string) (sdk.AccAddress, string, error) {
	return modulekit.ParseAddress(ac, ErrInvalidAddress, field, s)
}

// ValidateMethod checks an attribution method: 1 to MaxMethodLength bytes of
// [a-z0-9.-].
func ValidateMethod(m string) error {
	if m == "" || len(m) > MaxMethodLength {
		return errorsmod.Wrapf(ErrInvalidMethod, "method %q must be 1 to %d bytes", m, MaxMethodLength)
	}
	for i := 0; i < len(m); i++ {
		c := m[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '.' && c != '-' {
			return errorsmod.Wrapf(ErrInvalidMethod, "method %q: only a-z, 0-9, '.' and '-' are allowed", m)
		}
	}
	return nil
}

// ValidateDatasets checks the shape of a dataset list: 1 to MaxDatasets
// versions in strictly ascending (datanet, version) order, ids above zero,
// roots of 32 bytes. Whether they exist is checked against x/datanet.
func ValidateDatasets(ds []DatasetVersion) error {
	if len(ds) == 0 || len(ds) > MaxDatasets {
		return errorsmod.Wrapf(ErrInvalidDatasets, "%d datasets, want 1 to %d", len(ds), MaxDatasets)
	}
	for i, d := range ds {
		if d.DatanetId == 0 || d.Version == 0 {
			return errorsmod.Wrapf(ErrInvalidDatasets, "dataset %d: datanet id and version must be above zero", i)
		}
		if len(d.Root) != HashLength {
			return errorsmod.Wrapf(ErrInvalidDatasets, "dataset %d: root of %d bytes, want %d", i, len(d.Root), HashLength)
		}
		if i > 0 {
			p := ds[i-1]
			if p.DatanetId > d.DatanetId || (p.DatanetId == d.DatanetId && p.Version >= d.Version) {
				return errorsmod.Wrapf(ErrInvalidDatasets,
					"datasets must be in strictly ascending (datanet, version) order: datanet %d version %d after datanet %d version %d",
					d.DatanetId, d.Version, p.DatanetId, p.Version)
			}
		}
	}
	return nil
}

// ValidateReceiptsRoot checks a receipts root: exactly 32 bytes (all zero
// means "no receipts").
func ValidateReceiptsRoot(root []byte) error {
	if len(root) != HashLength {
		return errorsmod.Wrapf(ErrInvalidReceiptsRoot, "got %d bytes", len(root))
	}
	return nil
}

// NoReceipts reports the all-zero receipts root of a record without receipts.
func NoReceipts(root []byte) bool {
	return len(root) == HashLength && bytes.Equal(root, make([]byte, HashLength))
}

// ValidateWeights checks a weight list: at most maxWeights entries in
// strictly ascending contribution id, each 1 to PPMTotal ppm, summing to at
// most PPMTotal. An empty list is valid.
func ValidateWeights(ws []ContributionWeight, maxWeights uint32) error {
	if uint64(len(ws)) > uint64(maxWeights) {
		return errorsmod.Wrapf(ErrTooManyWeights, "%d weights, at most %d", len(ws), maxWeights)
	}
	var sum uint64
	for i, w := range ws {
		if w.ContributionId == 0 {
			return errorsmod.Wrapf(ErrUnknownContribution, "weight %d: contribution id 0", i)
		}
		if i > 0 && ws[i-1].ContributionId >= w.ContributionId {
			return errorsmod.Wrapf(ErrWeightsNotAscending, "contribution %d after %d", w.ContributionId, ws[i-1].ContributionId)
		}
		if w.Ppm == 0 {
			return errorsmod.Wrapf(ErrZeroWeight, "contribution %d", w.ContributionId)
		}
		if w.Ppm > PPMTotal {
			return errorsmod.Wrapf(ErrWeightTooLarge, "contribution %d: %d ppm", w.ContributionId, w.Ppm)
		}
		sum += uint64(w.Ppm)
	}
	if sum > PPMTotal {
		return errorsmod.Wrapf(ErrWeightsSumTooLarge, "weights sum to %d ppm", sum)
	}
	return nil
}

// ValidateAttribution checks what a batch attributes to one model: a valid
// method and valid weights (at most maxWeights). It is the one check of an
// attribution, whether x/inferencefees checks a batch before settling it or
// a record is made.
func ValidateAttribution(method string, weights []ContributionWeight, maxWeights uint32) error {
	if err := ValidateMethod(method); err != nil {
		return err
	}
	return ValidateWeights(weights, maxWeights)
}

// EqualWeights reports two weight lists that are the same entry by entry.
func EqualWeights(a, b []ContributionWeight) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ValidateDataReward checks a data reward: a valid aopen coin, zero allowed.
func ValidateDataReward(c sdk.Coin) error {
	if c.Denom != RewardDenom {
		return errorsmod.Wrapf(ErrInvalidDataReward, "denom %q, want %s", c.Denom, RewardDenom)
	}
	if c.Amount.IsNil() || c.Amount.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidDataReward, "amount %s must be zero or positive", c.Amount)
	}
	return nil
}

// ValidatePrice checks the price a record was settled at: both components
// set, zero or positive and at most x/modelreg's MaxPriceCeiling (so every
// fee computed from it is exact and small).
func ValidatePrice(p modelregtypes.Price) error {
	for _, c := range []struct {
		name string
		v    math.Int
	}{{"per_call", p.PerCall}, {"per_1k_tokens", p.Per_1KTokens}} {
		if c.v.IsNil() || c.v.IsNegative() || c.v.GT(modelregtypes.MaxPriceCeiling) {
			return errorsmod.Wrapf(ErrInvalidUsage, "price %s %s must be between 0 and %s", c.name, c.v, modelregtypes.MaxPriceCeiling)
		}
	}
	return nil
}

// ValidateBatchModels checks the models of a record's batch: 1 to
// MaxBatchModels ids above zero in strictly ascending order, the record's
// model among them.
func ValidateBatchModels(ids []uint64, modelID uint64) error {
	if len(ids) == 0 || len(ids) > MaxBatchModels {
		return errorsmod.Wrapf(ErrInvalidUsage, "%d batch models, want 1 to %d", len(ids), MaxBatchModels)
	}
	for i, id := range ids {
		if id == 0 || (i > 0 && ids[i-1] >= id) {
			return errorsmod.Wrapf(ErrInvalidUsage, "batch models must be above zero and strictly ascending: %d at %d", id, i)
		}
	}
	if !slices.Contains(ids, modelID) {
		return errorsmod.Wrapf(ErrInvalidUsage, "batch models %v leave out the record's model %d", ids, modelID)
	}
	return nil
}

// ValidateBasic checks everything about an input that needs no state: the
// serving node address, model id, method, dataset shape, receipts root,
// weights, data reward, price and batch models. The keeper then checks the
// datasets and the contributions against x/datanet.
func (in RecordInput) ValidateBasic(ac address.Codec, maxWeights uint32) error {
	if err := in.validateRecord(ac, maxWeights); err != nil {
		return err
	}
	if err := ValidatePrice(in.Price); err != nil {
		return err
	}
	return ValidateBatchModels(in.BatchModelIDs, in.ModelID)
}

// validateRecord is ValidateBasic without the usage (price and batch
// models), which version 1 records were made without.
func (in RecordInput) validateRecord(ac address.Codec, maxWeights uint32) error {
	if _, _, err := ParseAddress(ac, "serving_node", in.ServingNode); err != nil {
		return err
	}
	if in.ModelID == 0 {
		return errorsmod.Wrap(ErrInvalidModelID, "model id must be above zero")
	}
	if err := ValidateAttribution(in.Method, in.Weights, maxWeights); err != nil {
		return err
	}
	if err := ValidateDatasets(in.Datasets); err != nil {
		return err
	}
	if err := ValidateReceiptsRoot(in.ReceiptsRoot); err != nil {
		return err
	}
	return ValidateDataReward(in.DataReward)
}
