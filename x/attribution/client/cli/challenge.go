package cli

import (
	"bytes"
	"fmt"
	"math"
	"slices"

	"cosmossdk.io/core/address"

	"github.com/openledger/openledger/x/attribution/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
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
	receipt, err := receiptAt(record, receipts, index)
	if err != nil {
		return nil, err
	}
	if err := checkDisputable(ac, record, receipt, recomputed); err != nil {
		return nil, fmt.Errorf("receipt %d: %w", index, err)
	}
	proof, err := types.ReceiptProofVersion(record.ReceiptVersion, receipts, index)
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

// checkSameBatch recomputes the receipts root from the file, with the
// record's leaf version: only the exact batch the serving node committed
// gives the record's root, and only then can a proof from this file verify
// on chain.
func checkSameBatch(record types.AttributionRecord, receipts []types.Receipt) error {
	if len(receipts) == 0 {
		return fmt.Errorf("the receipts file holds no receipts")
	}
	root, err := types.ReceiptsRootVersion(record.ReceiptVersion, receipts)
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
	if err := receipt.ValidateVersion(record.ReceiptVersion, ac, math.MaxUint32); err != nil {
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

// TokenCounts are the true token counts of an inference, as a token claim
// states them.
type TokenCounts struct {
	Prompt, Completion uint64
}

// BuildUsageChallenge builds the usage challenge of receipts[index] against
// record, choosing the claim from what the receipt shows and refusing,
// before any bond is at stake, what the chain would refuse:
//
//   - a receipt of a model the batch did not settle: the model claim (the
//     chain upholds it at once);
//   - a receipt of another model of the batch: refused, its own record is
//     the one to challenge;
//   - a fee that is not the record's price for the receipt's tokens
//     (x/modelreg's InferenceFee): the fee claim;
//   - otherwise, with claimed token counts different from the receipt's:
//     the token claim; without them there is nothing to dispute.
//
// The record must be pending, of version 2 receipts, with a receipts root
// the serving node signed, and the file its batch.
func BuildUsageChallenge(
	ac address.Codec, challenger string, record types.AttributionRecord,
	receipts []types.Receipt, index uint64, claimed *TokenCounts,
) (*types.MsgChallengeUsage, error) {
	if err := checkChallengeable(record); err != nil {
		return nil, err
	}
	if record.ReceiptVersion < types.ReceiptVersion2 {
		return nil, fmt.Errorf("record %d has version %d receipts, which carry no token counts or fees: its usage cannot be challenged",
			record.Id, record.ReceiptVersion)
	}
	if !record.NodeSignedRoot {
		return nil, fmt.Errorf("record %d was paid directly: its receipts root was named by the payer, not signed by the serving node", record.Id)
	}
	receipt, err := receiptAt(record, receipts, index)
	if err != nil {
		return nil, err
	}
	if err := receipt.ValidateVersion(record.ReceiptVersion, ac, math.MaxUint32); err != nil {
		return nil, fmt.Errorf("receipt %d: %w", index, err)
	}
	msg := &types.MsgChallengeUsage{
		Challenger: challenger, RecordId: record.Id, Receipt: receipt, LeafIndex: index, LeafCount: uint64(len(receipts)),
	}
	claim, err := usageClaim(record, receipt, claimed)
	if err != nil {
		return nil, fmt.Errorf("receipt %d: %w", index, err)
	}
	msg.Claim = claim
	if msg.Claim == types.USAGE_CLAIM_TOKENS {
		msg.ClaimedPromptTokens, msg.ClaimedCompletionTokens = claimed.Prompt, claimed.Completion
	}
	proof, err := types.ReceiptProofVersion(record.ReceiptVersion, receipts, index)
	if err != nil {
		return nil, err
	}
	msg.Proof = proof
	return msg, nil
}

// usageClaim is the claim a receipt supports against its record (see
// BuildUsageChallenge).
func usageClaim(record types.AttributionRecord, r types.Receipt, claimed *TokenCounts) (types.UsageClaim, error) {
	if !slices.Contains(record.BatchModelIds, r.ModelID) {
		return types.USAGE_CLAIM_MODEL, nil
	}
	if r.ModelID != record.ModelId {
		return 0, fmt.Errorf("model %d was settled by the same batch: challenge its own record, not record %d (model %d)",
			r.ModelID, record.Id, record.ModelId)
	}
	tokens, ok := r.TotalTokens()
	if !ok || !r.FeeOrZero().Equal(modelregtypes.InferenceFee(record.Price, tokens)) {
		return types.USAGE_CLAIM_FEE, nil
	}
	if claimed == nil {
		return 0, fmt.Errorf("its model and fee agree with the batch (%s for %d tokens at the record's price): "+
			"give the true token counts (--prompt-tokens, --completion-tokens) to dispute them", r.FeeOrZero(), tokens)
	}
	if claimed.Prompt == r.PromptTokens && claimed.Completion == r.CompletionTokens {
		return 0, fmt.Errorf("the claimed token counts %d + %d are the receipt's: there is nothing to dispute", claimed.Prompt, claimed.Completion)
	}
	return types.USAGE_CLAIM_TOKENS, nil
}

// receiptAt checks that receipts are the record's batch and returns the one at
// index.
func receiptAt(record types.AttributionRecord, receipts []types.Receipt, index uint64) (types.Receipt, error) {
	if err := checkSameBatch(record, receipts); err != nil {
		return types.Receipt{}, err
	}
	if index >= uint64(len(receipts)) {
		return types.Receipt{}, fmt.Errorf("index %d is outside the batch: the receipts file holds %d receipts (0 to %d)",
			index, len(receipts), len(receipts)-1)
	}
	return receipts[index], nil
}
