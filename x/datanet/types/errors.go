package types

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// Errors of x/datanet. A code is never reused, even after an error is removed.
// Look-up failures carry gRPC code NotFound and bad query requests
// InvalidArgument, so REST and gRPC clients see the usual status.
var (
	ErrInvalidName             = errorsmod.Register(ModuleName, 2, "invalid datanet name")
	ErrInvalidSummary          = errorsmod.Register(ModuleName, 3, "invalid datanet summary")
	ErrInvalidDescription      = errorsmod.Register(ModuleName, 4, "invalid datanet description")
	ErrInvalidTags             = errorsmod.Register(ModuleName, 5, "invalid datanet tags")
	ErrInvalidLicense          = errorsmod.Register(ModuleName, 6, "invalid license")
	ErrInvalidVisibility       = errorsmod.Register(ModuleName, 7, "invalid visibility")
	ErrInvalidCurationPolicy   = errorsmod.Register(ModuleName, 8, "invalid curation policy")
	ErrInvalidCurators         = errorsmod.Register(ModuleName, 9, "invalid curator set")
	ErrDatanetNotFound         = modulekit.RegisterNotFound(ModuleName, 10, "datanet not found")
	ErrNotDatanetOwner         = errorsmod.Register(ModuleName, 11, "signer is not the datanet owner")
	ErrDatanetArchived         = errorsmod.Register(ModuleName, 12, "datanet is archived")
	ErrInvalidNewOwner         = errorsmod.Register(ModuleName, 13, "invalid new owner")
	ErrInvalidContentHash      = errorsmod.Register(ModuleName, 14, "invalid content hash")
	ErrInvalidSize             = errorsmod.Register(ModuleName, 15, "invalid content size")
	ErrInvalidMediaType        = errorsmod.Register(ModuleName, 16, "invalid media type")
	ErrInvalidContentLocation  = errorsmod.Register(ModuleName, 17, "exactly one of inline data and uri must be set")
	ErrInlineTooLarge          = errorsmod.Register(ModuleName, 18, "inline data too large")
	ErrContentHashMismatch     = errorsmod.Register(ModuleName, 19, "content hash does not match inline data")
	ErrInvalidURI              = errorsmod.Register(ModuleName, 20, "invalid content uri")
	ErrDuplicateContent        = errorsmod.Register(ModuleName, 21, "content already accepted in this datanet")
	ErrNotAllowedToContribute  = errorsmod.Register(ModuleName, 22, "signer may not contribute to this private datanet")
	ErrContributionNotFound    = modulekit.RegisterNotFound(ModuleName, 23, "contribution not found")
	ErrNotContributor          = errorsmod.Register(ModuleName, 24, "signer is not the contributor")
	ErrContributionNotPending  = errorsmod.Register(ModuleName, 25, "contribution is not pending")
	ErrNotReviewer             = errorsmod.Register(ModuleName, 26, "signer may not review this datanet")
	ErrInvalidReviewBatch      = errorsmod.Register(ModuleName, 27, "invalid review batch")
	ErrWrongDatanet            = errorsmod.Register(ModuleName, 28, "contribution belongs to another datanet")
	ErrInvalidReason           = errorsmod.Register(ModuleName, 29, "invalid review reason")
	ErrVersionNotFound         = modulekit.RegisterNotFound(ModuleName, 30, "version not found")
	ErrNotInVersion            = modulekit.RegisterNotFound(ModuleName, 31, "contribution is not in this version")
	ErrMerkleTree              = errorsmod.Register(ModuleName, 32, "merkle tree error")
	ErrInvalidParams           = errorsmod.Register(ModuleName, 33, "invalid params")
	ErrInvalidGenesis          = errorsmod.Register(ModuleName, 34, "invalid genesis state")
	ErrInvalidAddress          = errorsmod.Register(ModuleName, 35, "invalid address")
	ErrInvalidRequest          = modulekit.RegisterInvalidRequest(ModuleName, 36, "invalid query request")
	ErrInsufficientModuleFunds = errorsmod.Register(ModuleName, 37, "module account does not hold the pending deposits")
)
