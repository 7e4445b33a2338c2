package ibccredit

import (
	"bytes"
	"encoding/json"

	errorsmod "cosmossdk.io/errors"
)

// MemoKey is the top-level key of an ICS-20 memo addressed to OpenLedger.
const MemoKey = "openledger"

// Action is what an OpenLedger memo asks for.
type Action int

const (
	// ActionNone: the memo does not address OpenLedger (empty, free text,
	// or JSON for another middleware); the transfer is a plain ICS-20 one.
	ActionNone Action = iota
	// ActionDepositCredit: deposit what arrives as the receiver's
	// x/inferencefees credit.
	ActionDepositCredit
)

// openLedgerMemo is the value under MemoKey. Exactly one action is set.
type openLedgerMemo struct {
	// DepositCredit takes no options today: {"deposit_credit":{}}.
	DepositCredit *struct{} `json:"deposit_credit"`
}

// ParseMemo reads an ICS-20 memo.
//
// A memo that is not a JSON object, or a JSON object without the
// "openledger" key, is ActionNone: the memo field is shared with people's
// notes and other middlewares (packet-forward, callbacks), so it is left to
// them. A memo that has the key must be exactly
// {"openledger":{"deposit_credit":{}}} (other top-level keys are allowed);
// anything else under the key is an error, and the packet fails so that the
// sender is refunded rather than the coins landing somewhere the sender did
// not ask for.
func ParseMemo(memo string) (Action, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(memo), &top); err != nil {
		return ActionNone, nil //nolint:nilerr // free-text memos are not ours
	}
	raw, ok := top[MemoKey] // a look-up, never an iteration
	if !ok {
		return ActionNone, nil
	}
	var m openLedgerMemo
	if err := strictDecode(raw, &m); err != nil {
		return ActionNone, errorsmod.Wrapf(ErrUnknownAction, "%s: %v", raw, err)
	}
	if m.DepositCredit == nil {
		return ActionNone, errorsmod.Wrapf(ErrInvalidMemo, "%q names no action; want {\"deposit_credit\":{}}", raw)
	}
	return ActionDepositCredit, nil
}

// strictDecode decodes one JSON object, refusing unknown fields, null and
// trailing data.
func strictDecode(raw json.RawMessage, v any) error {
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return errorsmod.Wrap(ErrInvalidMemo, "null")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errorsmod.Wrap(ErrInvalidMemo, "trailing data")
	}
	return nil
}
