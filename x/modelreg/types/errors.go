package types

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// Errors of x/modelreg. A code is never reused, even after an error is removed.
// Look-up failures carry gRPC code NotFound and bad query requests
// InvalidArgument, so REST and gRPC clients see the usual status.
var (
	ErrInvalidName            = errorsmod.Register(ModuleName, 2, "invalid model name")
	ErrInvalidKind            = errorsmod.Register(ModuleName, 3, "invalid model kind")
	ErrInvalidArchitecture    = errorsmod.Register(ModuleName, 4, "invalid architecture")
	ErrInvalidArtifact        = errorsmod.Register(ModuleName, 5, "invalid artifact")
	ErrInvalidHashLength      = errorsmod.Register(ModuleName, 6, "hash must be 32 bytes")
	ErrInvalidTraining        = errorsmod.Register(ModuleName, 7, "invalid training record")
	ErrInvalidMetrics         = errorsmod.Register(ModuleName, 8, "invalid eval metrics")
	ErrInvalidLicense         = errorsmod.Register(ModuleName, 9, "invalid license")
	ErrInvalidPrice           = errorsmod.Register(ModuleName, 10, "invalid inference price")
	ErrModelNotFound          = modulekit.RegisterNotFound(ModuleName, 11, "model not found")
	ErrNotModelOwner          = errorsmod.Register(ModuleName, 12, "signer is not the model owner")
	ErrModelRevoked           = errorsmod.Register(ModuleName, 13, "model is revoked")
	ErrDatanetVersionUnknown  = errorsmod.Register(ModuleName, 14, "unknown datanet version")
	ErrDatanetRootMismatch    = errorsmod.Register(ModuleName, 15, "datanet version root does not match")
	ErrInvalidBaseModel       = errorsmod.Register(ModuleName, 16, "invalid base model")
	ErrInvalidPreviousVersion = errorsmod.Register(ModuleName, 17, "invalid previous version")
	ErrModelNotActive         = errorsmod.Register(ModuleName, 18, "model is not active")
	ErrInvalidNewOwner        = errorsmod.Register(ModuleName, 19, "invalid new owner")
	ErrInvalidReason          = errorsmod.Register(ModuleName, 20, "invalid revocation reason")
	ErrLineageTooDeep         = errorsmod.Register(ModuleName, 21, "lineage too deep")
	ErrLineageCycle           = errorsmod.Register(ModuleName, 22, "lineage cycle")
	ErrInvalidParams          = errorsmod.Register(ModuleName, 23, "invalid params")
	ErrInvalidGenesis         = errorsmod.Register(ModuleName, 24, "invalid genesis state")
	ErrInvalidAddress         = errorsmod.Register(ModuleName, 25, "invalid address")
	ErrInvalidRequest         = modulekit.RegisterInvalidRequest(ModuleName, 26, "invalid query request")
	ErrUnauthorized           = errorsmod.Register(ModuleName, 27, "signer is neither the model owner nor the authority")
)
