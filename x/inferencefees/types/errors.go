package types

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// Errors of x/inferencefees. A code is never reused, even after an error is
// removed. Look-up failures carry gRPC code NotFound and bad query requests
// InvalidArgument, so REST and gRPC clients see the usual status.
//
// Failures reported by the modules this one consults are passed on wrapped,
// with their own registered errors: x/modelreg's ErrModelNotFound for an
// unknown model, x/agentstake's ErrAgentNotFound, ErrWrongAgentKind,
// ErrAgentNotActive and ErrModelNotServed for a node that may not serve a
// model, x/attribution's errors for a receipts root, method or weights it refuses
// (checked before anything is written) and for a record it refuses.
var (
	ErrInvalidAddress          = errorsmod.Register(ModuleName, 2, "invalid address")
	ErrInvalidAmount           = errorsmod.Register(ModuleName, 3, "invalid amount")
	ErrInvalidDenom            = errorsmod.Register(ModuleName, 4, "invalid denom")
	ErrBelowMinDeposit         = errorsmod.Register(ModuleName, 5, "deposit below the minimum")
	ErrWithdrawalExceedsCredit = errorsmod.Register(ModuleName, 6, "withdrawal exceeds the credit not already under withdrawal")
	ErrTooManyWithdrawals      = errorsmod.Register(ModuleName, 7, "too many pending withdrawals")
	// Code 8 (invalid receipts root) is retired: receipts roots and
	// attributions are checked by x/attribution, with its errors.
	ErrEmptyBatch                = errorsmod.Register(ModuleName, 9, "batch has no vouchers or no usage")
	ErrTooManyVouchers           = errorsmod.Register(ModuleName, 10, "too many vouchers in the batch")
	ErrTooManyUsageEntries       = errorsmod.Register(ModuleName, 11, "too many usage entries in the batch")
	ErrMalformedSignature        = errorsmod.Register(ModuleName, 12, "signature must be 65 bytes")
	ErrBadUserSignature          = errorsmod.Register(ModuleName, 13, "voucher is not signed by its user")
	ErrBadNodeSignature          = errorsmod.Register(ModuleName, 14, "settlement is not signed by the serving node")
	ErrStaleVoucher              = errorsmod.Register(ModuleName, 15, "voucher is stale: nonce or cumulative amount not above the settled one")
	ErrVoucherExpired            = errorsmod.Register(ModuleName, 16, "voucher expired")
	ErrDuplicateChannel          = errorsmod.Register(ModuleName, 17, "more than one voucher of a channel in the batch")
	ErrInsufficientCredit        = errorsmod.Register(ModuleName, 18, "voucher releases more than the user's credit")
	ErrInvalidUsage              = errorsmod.Register(ModuleName, 19, "invalid usage entry")
	ErrUsageNotSorted            = errorsmod.Register(ModuleName, 20, "usage models must be distinct and ascending")
	ErrUsageMismatch             = errorsmod.Register(ModuleName, 21, "usage amounts do not add up to the released voucher amounts")
	ErrModelNotActive            = errorsmod.Register(ModuleName, 22, "model is not active")
	ErrInvalidAttribution        = errorsmod.Register(ModuleName, 23, "invalid attribution")
	ErrAttributionNotInUsage     = errorsmod.Register(ModuleName, 24, "attribution for a model not in the usage")
	ErrDuplicateAttribution      = errorsmod.Register(ModuleName, 25, "more than one attribution entry for a model and method")
	ErrNoTrainingData            = errorsmod.Register(ModuleName, 26, "model was trained on no Datanet: nothing to attribute to")
	ErrInvalidInferenceCount     = errorsmod.Register(ModuleName, 27, "inference count must be at least 1")
	ErrInvalidParams             = errorsmod.Register(ModuleName, 28, "invalid params")
	ErrInvalidGenesis            = errorsmod.Register(ModuleName, 29, "invalid genesis state")
	ErrInvalidRequest            = modulekit.RegisterInvalidRequest(ModuleName, 30, "invalid query request")
	ErrChannelNotFound           = modulekit.RegisterNotFound(ModuleName, 31, "channel not found")
	ErrInvalidModelID            = errorsmod.Register(ModuleName, 32, "model id must be set")
	ErrUsageOffPrice             = errorsmod.Register(ModuleName, 33, "usage amount is not the model's price for its inferences and tokens")
	ErrTooManyAttributionMethods = errorsmod.Register(ModuleName, 34, "too many attribution methods for a model")
)
