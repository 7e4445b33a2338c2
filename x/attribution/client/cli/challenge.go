package cli

import (
	"bytes"
	"fmt"
	"math"

	"cosmossdk.io/core/address"

	"github.com/openledger/openledger/x/attribution/types"
)

// BuildChallenge builds the challenge of receipts[index] against record,
// refusing, before any bond is at stake, what the chain would refuse:
// a receipts file that is not the record's batch (its root differs), an
// index outside the batch, a record that cannot be challenged now, a
// receipt the chain would reject, and weights that dispute nothing.
func BuildChallenge(
	ac address.Codec, challenger string, record types.AttributionRecord,
	receipts []types.Receipt, index uint64, recomputed []types.ContributionWeight,
) (*types.MsgChallengeAttribution, error) {
	if err := checkChallengeable(record); err != nil {
		return nil, err
	}
	if err := checkSameBatch(record, receipts); err != nil {
		return nil, err
	}
	if index >= uint64(len(receipts)) {
		return nil, fmt.Errorf("index %d is outside the batch: the receipts file holds %d receipts (0 to %d)",
			index, len(receipts), len(receipts)-1)
	}
	receipt := receipts[index]
	if err := checkDisputable(ac, record, receipt, recomputed); err != nil {
		return nil, fmt.Errorf("receipt %d: %w", index, err)
	}
	proof, err := types.ReceiptProof(receipts, index)
	if err != nil {
		return nil, err
	}
	return &types.MsgChallengeAttribution{
		Challenger: challenger, RecordId: record.Id, Receipt: receipt,
		LeafIndex: index, LeafCount: uint64(len(receipts)), Proof: proof, RecomputedWeights: recomputed,
	}, nil
}

// checkChallengeable refuses records the chain would refuse whatever the
// receipt (the deadline is left to the chain: only it knows the block time).
func checkChallengeable(record types.AttributionRecord) error {
	switch record.Status {
	case types.RECORD_STATUS_PENDING:
	case types.RECORD_STATUS_CHALLENGED:
		return fmt.Errorf("record %d already has open challenge %d", record.Id, record.OpenChallengeId)
	default:
		return fmt.Errorf("record %d is %s: only a pending record can be challenged", record.Id, record.Status)
	}
	if types.NoReceipts(record.ReceiptsRoot) {
		return fmt.Errorf("record %d committed no receipts: there is nothing to challenge", record.Id)
	}
	return nil
}

// checkSameBatch recomputes the receipts root from the file: only the exact
// batch the serving node committed gives the record's root, and only then
// can a proof from this file verify on chain.
func checkSameBatch(record types.AttributionRecord, receipts []types.Receipt) error {
	if len(receipts) == 0 {
		return fmt.Errorf("the receipts file holds no receipts")
	}
	root, err := types.ReceiptsRoot(receipts)
	if err != nil {
		return err
	}
	if !bytes.Equal(root, record.ReceiptsRoot) {
		return fmt.Errorf("the receipts file is not the batch of record %d: its %d receipts give root %X, the record's is %X",
			record.Id, len(receipts), root, record.ReceiptsRoot)
	}
	return nil
}

// checkDisputable refuses a receipt the chain would reject and recomputed
// weights equal to the receipt's (nothing to dispute: the bond would be lost
// for nothing).
func checkDisputable(ac address.Codec, record types.AttributionRecord, receipt types.Receipt, recomputed []types.ContributionWeight) error {
	// The weight count is bounded by a parameter; the chain checks it.
	if err := receipt.Validate(ac, math.MaxUint32); err != nil {
		return err
	}
	if receipt.ModelID != record.ModelId {
		return fmt.Errorf("model %d, but record %d is of model %d", receipt.ModelID, record.Id, record.ModelId)
	}
	if err := types.ValidateWeights(recomputed, math.MaxUint32); err != nil {
		return fmt.Errorf("recomputed weights: %w", err)
	}
	if types.EqualWeights(receipt.Weights, recomputed) {
		return fmt.Errorf("the recomputed weights equal the receipt's: there is nothing to dispute")
	}
	return nil
}
