package types

import (
	"bytes"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
)

// DefaultGenesis is the genesis state of a new chain: default params, no
// credit, no channels, zero totals.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextWithdrawalId: 1, Totals: ZeroTotals()}
}

func nonNegative(a math.Int) bool { return !a.IsNil() && !a.IsNegative() }

// Validate checks a genesis state: params; credits with valid users in
// strictly ascending address order and non-negative amounts; withdrawals in
// strictly ascending (user, id) order, each of a user with a credit, ids
// unique and below next_withdrawal_id, at most MaxPendingWithdrawals per
// user, and each credit's pending_withdrawal equal to the sum of its
// withdrawals; channels in strictly ascending (user, serving node) order
// with 20-byte addresses; and balanced totals.
func (gs GenesisState) Validate(ac address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "%v", err)
	}
	if gs.NextWithdrawalId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_withdrawal_id must be at least 1")
	}

	// Credits: pending sums are checked against the withdrawals below.
	pending := make(map[string]math.Int, len(gs.Credits)) // look-ups only, never iterated
	var prev []byte
	for i, c := range gs.Credits {
		user, canonical, err := ParseAddress(ac, "user", c.User)
		if err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "credit %d: %v", i, err)
		}
		if canonical != c.User {
			return errorsmod.Wrapf(ErrInvalidGenesis, "credit %d: user %s is not in canonical form", i, c.User)
		}
		if i > 0 && bytes.Compare(user, prev) <= 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "credit %d: users must ascend strictly", i)
		}
		prev = user
		if !nonNegative(c.Balance) || !nonNegative(c.PendingWithdrawal) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "credit of %s: negative or missing amounts", c.User)
		}
		if c.Balance.IsZero() && c.PendingWithdrawal.IsZero() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "credit of %s is empty", c.User)
		}
		pending[string(user)] = math.ZeroInt()
	}

	ids := make(map[uint64]bool, len(gs.Withdrawals)) // look-ups only
	perUser := make(map[string]int, len(gs.Credits))  // look-ups only
	var prevUser []byte
	var prevID uint64
	for i, w := range gs.Withdrawals {
		user, _, err := ParseAddress(ac, "user", w.User)
		if err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "withdrawal %d: %v", i, err)
		}
		sum, ok := pending[string(user)]
		if !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "withdrawal %d: user %s has no credit", w.Id, w.User)
		}
		if i > 0 {
			c := bytes.Compare(user, prevUser)
			if c < 0 || (c == 0 && w.Id <= prevID) {
				return errorsmod.Wrapf(ErrInvalidGenesis, "withdrawal %d: must ascend by (user, id)", w.Id)
			}
		}
		prevUser, prevID = user, w.Id
		if w.Id == 0 || w.Id >= gs.NextWithdrawalId || ids[w.Id] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "withdrawal id %d is zero, repeated or not below next_withdrawal_id %d", w.Id, gs.NextWithdrawalId)
		}
		ids[w.Id] = true
		if err := ValidateAmount("amount", w.Amount); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "withdrawal %d: %v", w.Id, err)
		}
		if w.ReleaseTime.IsZero() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "withdrawal %d: release_time is missing", w.Id)
		}
		perUser[string(user)]++
		if perUser[string(user)] > MaxPendingWithdrawals {
			return errorsmod.Wrapf(ErrInvalidGenesis, "user %s has more than %d withdrawals", w.User, MaxPendingWithdrawals)
		}
		pending[string(user)] = sum.Add(w.Amount)
	}
	for i, c := range gs.Credits {
		user, _, _ := ParseAddress(ac, "user", c.User)
		if !pending[string(user)].Equal(c.PendingWithdrawal) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "credit %d: pending_withdrawal %s, withdrawals sum to %s", i, c.PendingWithdrawal, pending[string(user)])
		}
	}

	var prevKey []byte
	for i, ch := range gs.Channels {
		user, _, err := ParseEthAddress(ac, "user", ch.User)
		if err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "channel %d: %v", i, err)
		}
		node, _, err := ParseEthAddress(ac, "serving_node", ch.ServingNode)
		if err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "channel %d: %v", i, err)
		}
		key := append(append([]byte{}, user...), node...)
		if i > 0 && bytes.Compare(key, prevKey) <= 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "channel %d: (user, serving node) must ascend strictly", i)
		}
		prevKey = key
		if !nonNegative(ch.SettledAmount) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "channel %d: settled_amount must not be negative", i)
		}
		if ch.LastSettledHeight < 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "channel %d: negative height", i)
		}
	}

	t := gs.Totals
	for _, a := range []math.Int{t.Settled, t.Burned, t.ToModelOwners, t.ToServingNodes, t.ToProtocol, t.ToAttribution} {
		if !nonNegative(a) {
			return errorsmod.Wrap(ErrInvalidGenesis, "totals must be set and not negative")
		}
	}
	if !t.Balanced() {
		return errorsmod.Wrap(ErrInvalidGenesis, "totals: settled is not the sum of its destinations")
	}
	return nil
}

// CreditSum is the sum of every credit balance: what the module account
// must hold.
func (gs GenesisState) CreditSum() math.Int {
	sum := math.ZeroInt()
	for _, c := range gs.Credits {
		sum = sum.Add(c.Balance)
	}
	return sum
}
