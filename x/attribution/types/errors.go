package types

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// Errors of x/attribution. A code is never reused, even after an error is
// removed. Look-up failures carry gRPC code NotFound and bad query requests
// InvalidArgument, so REST and gRPC clients see the usual status.
var (
	ErrInvalidAddress            = errorsmod.Register(ModuleName, 2, "invalid address")
	ErrInvalidModelID            = errorsmod.Register(ModuleName, 3, "invalid model id")
	ErrInvalidMethod             = errorsmod.Register(ModuleName, 4, "invalid attribution method")
	ErrInvalidDatasets           = errorsmod.Register(ModuleName, 5, "invalid dataset list")
	ErrDatasetVersionUnknown     = errorsmod.Register(ModuleName, 6, "unknown datanet version")
	ErrDatasetRootMismatch       = errorsmod.Register(ModuleName, 7, "datanet version root does not match")
	ErrInvalidReceiptsRoot       = errorsmod.Register(ModuleName, 8, "receipts root must be 32 bytes")
	ErrTooManyWeights            = errorsmod.Register(ModuleName, 9, "too many weights")
	ErrWeightsNotAscending       = errorsmod.Register(ModuleName, 10, "weights must be in strictly ascending contribution id order")
	ErrZeroWeight                = errorsmod.Register(ModuleName, 11, "weight must be above zero")
	ErrWeightTooLarge            = errorsmod.Register(ModuleName, 12, "weight above 1,000,000 ppm")
	ErrWeightsSumTooLarge        = errorsmod.Register(ModuleName, 13, "weights sum above 1,000,000 ppm")
	ErrUnknownContribution       = errorsmod.Register(ModuleName, 14, "unknown contribution")
	ErrContributionNotAccepted   = errorsmod.Register(ModuleName, 15, "contribution is not accepted")
	ErrContributionNotInVersions = errorsmod.Register(ModuleName, 16, "contribution is not in the named datanet versions")
	ErrInvalidDataReward         = errorsmod.Register(ModuleName, 17, "invalid data reward")
	ErrRecordNotFound            = modulekit.RegisterNotFound(ModuleName, 18, "attribution record not found")
	ErrRecordNotPending          = errorsmod.Register(ModuleName, 19, "attribution record is not pending")
	ErrChallengeWindowClosed     = errorsmod.Register(ModuleName, 20, "challenge window of the record is closed")
	ErrRecordNotChallengeable    = errorsmod.Register(ModuleName, 21, "record has no receipts root and cannot be challenged")
	ErrChallengeAlreadyOpen      = errorsmod.Register(ModuleName, 22, "record already has an open challenge")
	ErrInvalidReceipt            = errorsmod.Register(ModuleName, 23, "invalid receipt")
	ErrReceiptModelMismatch      = errorsmod.Register(ModuleName, 24, "receipt model is not the record's model")
	ErrInvalidProof              = errorsmod.Register(ModuleName, 25, "receipt is not proven in the receipts root")
	ErrSameWeights               = errorsmod.Register(ModuleName, 26, "recomputed weights equal the receipt's")
	ErrChallengeNotFound         = modulekit.RegisterNotFound(ModuleName, 27, "challenge not found")
	ErrChallengeNotOpen          = errorsmod.Register(ModuleName, 28, "challenge is not open")
	ErrVotingClosed              = errorsmod.Register(ModuleName, 29, "voting period of the challenge is over")
	ErrNotActiveAttestor         = errorsmod.Register(ModuleName, 30, "voter is not an active attestor")
	ErrAlreadyVoted              = errorsmod.Register(ModuleName, 31, "attestor already voted on this challenge")
	ErrNothingToClaim            = errorsmod.Register(ModuleName, 32, "nothing to claim")
	ErrInvalidParams             = errorsmod.Register(ModuleName, 33, "invalid params")
	ErrInvalidGenesis            = errorsmod.Register(ModuleName, 34, "invalid genesis state")
	ErrInvalidRequest            = modulekit.RegisterInvalidRequest(ModuleName, 35, "invalid query request")
	ErrInvalidSourceModule       = errorsmod.Register(ModuleName, 36, "invalid source module")
	ErrInvalidUsage              = errorsmod.Register(ModuleName, 37, "invalid usage of a record")
	ErrInvalidUsageClaim         = errorsmod.Register(ModuleName, 38, "invalid usage claim")
	ErrUsageNotChallengeable     = errorsmod.Register(ModuleName, 39, "record's usage cannot be challenged")
	ErrUsageAgrees               = errorsmod.Register(ModuleName, 40, "receipt agrees with the record's usage: nothing to dispute")
	ErrReceiptAlreadyProven      = errorsmod.Register(ModuleName, 41, "receipt was already proven wrong by an upheld usage challenge")
	ErrReceiptMethodMismatch     = errorsmod.Register(ModuleName, 42, "receipt method is not the record's method")
)
