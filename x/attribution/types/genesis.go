package types

import (
	"bytes"
	"slices"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
)

// DefaultGenesis is the genesis state of a new chain: default params, no records.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextRecordId: 1, NextChallengeId: 1}
}

// canonical parses an address that must be in canonical form.
func canonical(ac address.Codec, field, s string) ([]byte, error) {
	bz, c, err := ParseAddress(ac, field, s)
	if err != nil {
		return nil, err
	}
	if c != s {
		return nil, errorsmod.Wrapf(ErrInvalidAddress, "%s %q is not canonical (%s)", field, s, c)
	}
	return bz, nil
}

// zeroOrNil is an unset or zero amount.
func zeroOrNil(a math.Int) bool { return a.IsNil() || a.IsZero() }

// validAmount is a non-nil amount that is positive, or zero when zeroOK.
func validAmount(a math.Int, zeroOK bool) bool {
	if a.IsNil() || a.IsNegative() {
		return false
	}
	return zeroOK || a.IsPositive()
}

// Validate checks a stored record on its own: every input rule that needs
// no other module (for a version 1 record: no price, tokens or batch models,
// which it was made without), the payouts adding up to the data reward, and
// a status consistent with the other fields.
func (r AttributionRecord) Validate(ac address.Codec, maxWeights uint32) error {
	in := RecordInput{
		ServingNode: r.ServingNode, ModelID: r.ModelId, Method: r.Method, Datasets: r.Datasets,
		ReceiptsRoot: r.ReceiptsRoot, InferenceCount: r.InferenceCount, Weights: r.Weights, DataReward: r.DataReward,
		Price: r.Price, Tokens: r.Tokens, BatchModelIDs: r.BatchModelIds, NodeSignedRoot: r.NodeSignedRoot,
	}
	switch r.ReceiptVersion {
	case ReceiptVersion2, ReceiptVersion3:
		if err := in.ValidateBasic(ac, maxWeights); err != nil {
			return err
		}
	case ReceiptVersion1:
		if err := in.validateRecord(ac, maxWeights); err != nil {
			return err
		}
		if !zeroOrNil(r.Price.PerCall) || !zeroOrNil(r.Price.Per_1KTokens) || r.Tokens != 0 || len(r.BatchModelIds) != 0 || r.NodeSignedRoot {
			return errorsmod.Wrapf(ErrInvalidGenesis, "version 1 record %d carries usage (price, tokens, batch models or a signed root)", r.Id)
		}
	default:
		return errorsmod.Wrapf(ErrInvalidGenesis, "record %d: receipt version %d", r.Id, r.ReceiptVersion)
	}
	if _, err := canonical(ac, "serving_node", r.ServingNode); err != nil {
		return err
	}
	for i, p := range r.Payouts {
		if _, err := canonical(ac, "payout recipient", p.Recipient); err != nil {
			return err
		}
		if !validAmount(p.Amount, false) {
			return errorsmod.Wrapf(ErrInvalidDataReward, "payout %d amount %s must be positive", i, p.Amount)
		}
	}
	if !validAmount(r.Unattributed, true) {
		return errorsmod.Wrapf(ErrInvalidDataReward, "unattributed %s must be zero or positive", r.Unattributed)
	}
	if !SumPayouts(r.Payouts).Add(r.Unattributed).Equal(r.DataReward.Amount) {
		return errorsmod.Wrapf(ErrInvalidDataReward, "payouts plus unattributed do not add up to the data reward %s", r.DataReward)
	}
	switch r.Status {
	case RECORD_STATUS_PENDING, RECORD_STATUS_CHALLENGED:
		if r.ResolvedHeight != 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "unresolved record %d has a resolved height", r.Id)
		}
	case RECORD_STATUS_FINAL, RECORD_STATUS_OVERTURNED:
		if r.ResolvedHeight < r.CreatedHeight {
			return errorsmod.Wrapf(ErrInvalidGenesis, "record %d resolved at %d before it was made at %d", r.Id, r.ResolvedHeight, r.CreatedHeight)
		}
	default:
		return errorsmod.Wrapf(ErrInvalidGenesis, "record %d: status %s", r.Id, r.Status)
	}
	if (r.Status == RECORD_STATUS_CHALLENGED) != (r.OpenChallengeId != 0) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "record %d: status %s with open challenge %d", r.Id, r.Status, r.OpenChallengeId)
	}
	if r.CreatedHeight < 0 {
		return errorsmod.Wrapf(ErrInvalidGenesis, "record %d: negative height", r.Id)
	}
	return nil
}

// Validate checks a genesis state: params; records, challenges and votes in
// ascending unique key order below the next ids and consistent with each
// other (an OPEN challenge exactly for each CHALLENGED record, vote totals
// matching the tallies); positive amounts in ascending unique key order.
func (gs GenesisState) Validate(ac address.Codec) error {
	wrap := func(err error, format string, args ...any) error {
		return errorsmod.Wrapf(ErrInvalidGenesis, format+": %v", append(args, err)...)
	}
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "%v", err)
	}
	if gs.NextRecordId == 0 || gs.NextChallengeId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_record_id and next_challenge_id must be at least 1")
	}
	records := make(map[uint64]AttributionRecord, len(gs.Records)) // look-ups only
	var last uint64
	for _, r := range gs.Records {
		if err := r.Validate(ac, gs.Params.MaxWeightsPerRecord); err != nil {
			return wrap(err, "record %d", r.Id)
		}
		if r.Id <= last || r.Id >= gs.NextRecordId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "record id %d must ascend and be below next_record_id %d", r.Id, gs.NextRecordId)
		}
		last = r.Id
		records[r.Id] = r
	}

	challenges := make(map[uint64]Challenge, len(gs.Challenges)) // look-ups only
	openOf := make(map[uint64]uint64)                            // record -> open challenge
	last = 0
	for _, c := range gs.Challenges {
		if c.Id <= last || c.Id >= gs.NextChallengeId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "challenge id %d must ascend and be below next_challenge_id %d", c.Id, gs.NextChallengeId)
		}
		last = c.Id
		r, ok := records[c.RecordId]
		if !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "challenge %d: unknown record %d", c.Id, c.RecordId)
		}
		if _, err := canonical(ac, "challenger", c.Challenger); err != nil {
			return wrap(err, "challenge %d", c.Id)
		}
		if c.Bond.Denom != RewardDenom || !validAmount(c.Bond.Amount, false) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "challenge %d: bond %s", c.Id, c.Bond)
		}
		if err := c.validateClaim(r, gs.Params.MaxWeightsPerRecord); err != nil {
			return wrap(err, "challenge %d", c.Id)
		}
		if !validAmount(c.UpholdStake, true) || !validAmount(c.RejectStake, true) || !validAmount(c.Slashed, true) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "challenge %d: negative or missing amounts", c.Id)
		}
		switch c.Status {
		case CHALLENGE_STATUS_OPEN:
			if r.Status != RECORD_STATUS_CHALLENGED || r.OpenChallengeId != c.Id {
				return errorsmod.Wrapf(ErrInvalidGenesis, "open challenge %d: record %d is %s with open challenge %d", c.Id, r.Id, r.Status, r.OpenChallengeId)
			}
			openOf[r.Id] = c.Id
		case CHALLENGE_STATUS_UPHELD, CHALLENGE_STATUS_REJECTED, CHALLENGE_STATUS_EXPIRED:
			if c.Status == CHALLENGE_STATUS_UPHELD && r.Status != RECORD_STATUS_OVERTURNED {
				return errorsmod.Wrapf(ErrInvalidGenesis, "upheld challenge %d: record %d is %s", c.Id, r.Id, r.Status)
			}
		default:
			return errorsmod.Wrapf(ErrInvalidGenesis, "challenge %d: status %s", c.Id, c.Status)
		}
		challenges[c.Id] = c
	}
	for _, r := range gs.Records {
		if r.Status == RECORD_STATUS_CHALLENGED && openOf[r.Id] != r.OpenChallengeId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "record %d is challenged by %d, which is not an open challenge", r.Id, r.OpenChallengeId)
		}
	}

	uphold := make(map[uint64]math.Int) // look-ups only
	reject := make(map[uint64]math.Int)
	var lastVote struct {
		id   uint64
		addr []byte
	}
	for i, v := range gs.Votes {
		addr, err := canonical(ac, "attestor", v.Attestor)
		if err != nil {
			return wrap(err, "vote %d", i)
		}
		if i > 0 && (v.ChallengeId < lastVote.id || (v.ChallengeId == lastVote.id && bytes.Compare(addr, lastVote.addr) <= 0)) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "vote %d: votes must be in strictly ascending (challenge, attestor) order", i)
		}
		lastVote.id, lastVote.addr = v.ChallengeId, addr
		if _, ok := challenges[v.ChallengeId]; !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "vote %d: unknown challenge %d", i, v.ChallengeId)
		}
		if !validAmount(v.Stake, false) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "vote %d: stake %s must be positive", i, v.Stake)
		}
		tally := reject
		if v.Uphold {
			tally = uphold
		}
		prev, ok := tally[v.ChallengeId]
		if !ok {
			prev = math.ZeroInt()
		}
		tally[v.ChallengeId] = prev.Add(v.Stake)
	}
	for _, c := range gs.Challenges {
		u, ok := uphold[c.Id]
		if !ok {
			u = math.ZeroInt()
		}
		r, ok := reject[c.Id]
		if !ok {
			r = math.ZeroInt()
		}
		if !u.Equal(c.UpholdStake) || !r.Equal(c.RejectStake) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "challenge %d: votes do not add up to its tally", c.Id)
		}
	}

	for _, list := range []struct {
		name string
		l    []AddressAmount
	}{{"claimable", gs.Claimable}, {"address_earnings", gs.AddressEarnings}} {
		var prev []byte
		for i, a := range list.l {
			addr, err := canonical(ac, list.name, a.Address)
			if err != nil {
				return wrap(err, "%s %d", list.name, i)
			}
			if i > 0 && bytes.Compare(prev, addr) >= 0 {
				return errorsmod.Wrapf(ErrInvalidGenesis, "%s must be in strictly ascending address order", list.name)
			}
			prev = addr
			if !validAmount(a.Amount, false) {
				return errorsmod.Wrapf(ErrInvalidGenesis, "%s of %s: %s must be positive", list.name, a.Address, a.Amount)
			}
		}
	}
	last = 0
	for _, c := range gs.ContributionEarnings {
		if c.ContributionId <= last {
			return errorsmod.Wrap(ErrInvalidGenesis, "contribution_earnings must be in strictly ascending contribution id order")
		}
		last = c.ContributionId
		if !validAmount(c.Amount, false) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "contribution %d earnings %s must be positive", c.ContributionId, c.Amount)
		}
	}
	return nil
}

// validateClaim checks what a challenge disputes against its record: an
// attribution challenge names a receipt of the record's model and valid
// recomputed weights; a usage challenge is of a version 2 record whose root
// the node signed, carries no recomputed weights, names a receipt of a model
// the batch did not settle (model claim) or of the record's model (fee and
// token claims), and states token counts only for a token claim, different
// from the receipt's.
func (c Challenge) validateClaim(r AttributionRecord, maxWeights uint32) error {
	if c.UsageClaim == USAGE_CLAIM_UNSPECIFIED {
		if c.Receipt.ModelID != r.ModelId {
			return errorsmod.Wrapf(ErrReceiptModelMismatch, "receipt of model %d on a record of model %d", c.Receipt.ModelID, r.ModelId)
		}
		if c.ClaimedPromptTokens != 0 || c.ClaimedCompletionTokens != 0 {
			return errorsmod.Wrap(ErrInvalidUsageClaim, "an attribution challenge states no token counts")
		}
		if err := ValidateWeights(c.RecomputedWeights, maxWeights); err != nil {
			return errorsmod.Wrap(err, "recomputed weights")
		}
		return nil
	}
	if r.ReceiptVersion < ReceiptVersion2 || !r.NodeSignedRoot {
		return errorsmod.Wrapf(ErrUsageNotChallengeable, "record %d (receipt version %d, node-signed root %t)", r.Id, r.ReceiptVersion, r.NodeSignedRoot)
	}
	if len(c.RecomputedWeights) != 0 {
		return errorsmod.Wrap(ErrInvalidUsageClaim, "a usage challenge carries no recomputed weights")
	}
	tokens := c.UsageClaim == USAGE_CLAIM_TOKENS
	if !tokens && (c.ClaimedPromptTokens != 0 || c.ClaimedCompletionTokens != 0) {
		return errorsmod.Wrapf(ErrInvalidUsageClaim, "%s states no token counts", c.UsageClaim)
	}
	switch c.UsageClaim {
	case USAGE_CLAIM_MODEL:
		if slices.Contains(r.BatchModelIds, c.Receipt.ModelID) {
			return errorsmod.Wrapf(ErrUsageAgrees, "model %d was settled by the batch", c.Receipt.ModelID)
		}
	case USAGE_CLAIM_FEE, USAGE_CLAIM_TOKENS:
		if c.Receipt.ModelID != r.ModelId {
			return errorsmod.Wrapf(ErrReceiptModelMismatch, "receipt of model %d on a record of model %d", c.Receipt.ModelID, r.ModelId)
		}
		if tokens && c.ClaimedPromptTokens == c.Receipt.PromptTokens && c.ClaimedCompletionTokens == c.Receipt.CompletionTokens {
			return errorsmod.Wrap(ErrUsageAgrees, "claimed token counts equal the receipt's")
		}
	default:
		return errorsmod.Wrapf(ErrInvalidUsageClaim, "claim %s", c.UsageClaim)
	}
	return nil
}
