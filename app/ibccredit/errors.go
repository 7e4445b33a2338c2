package ibccredit

import errorsmod "cosmossdk.io/errors"

// Codespace of the credit middleware's errors. A code is never reused.
const Codespace = "ibccredit"

// Errors of the credit middleware. Each one fails the packet with an error
// acknowledgement, so the sending chain refunds the sender.
var (
	ErrInvalidMemo    = errorsmod.Register(Codespace, 2, "invalid openledger memo")
	ErrUnknownAction  = errorsmod.Register(Codespace, 3, "unknown openledger memo action")
	ErrDenomNotCredit = errorsmod.Register(Codespace, 4, "only OPEN returning to OpenLedger can become inference credit")
	ErrDepositFailed  = errorsmod.Register(Codespace, 5, "depositing the received OPEN as inference credit failed")
)
