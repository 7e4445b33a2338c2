package types

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// Errors of x/agentstake. A code is never reused, even after an error is
// removed. Look-up failures carry gRPC code NotFound and bad query requests
// InvalidArgument, so REST and gRPC clients see the usual status.
var (
	ErrBelowMinStake           = errorsmod.Register(ModuleName, 2, "stake below the kind's minimum")
	ErrUnknownModel            = errorsmod.Register(ModuleName, 3, "unknown model")
	ErrModelNotActive          = errorsmod.Register(ModuleName, 4, "model is not active")
	ErrTooManyModels           = errorsmod.Register(ModuleName, 5, "too many models")
	ErrAgentExists             = errorsmod.Register(ModuleName, 6, "an agent with this operator is already registered")
	ErrAgentNotFound           = modulekit.RegisterNotFound(ModuleName, 7, "agent not found")
	ErrNotOwner                = errorsmod.Register(ModuleName, 8, "signer is not the agent's owner")
	ErrUnbondMoreThanBonded    = errorsmod.Register(ModuleName, 9, "unbonding more than is bonded")
	ErrTooManyUnbonding        = errorsmod.Register(ModuleName, 10, "too many unbonding entries")
	ErrNotJailed               = errorsmod.Register(ModuleName, 11, "agent is not jailed")
	ErrStillJailed             = errorsmod.Register(ModuleName, 12, "agent is still jailed")
	ErrAgentTombstoned         = errorsmod.Register(ModuleName, 13, "agent is tombstoned")
	ErrWrongAgentKind          = errorsmod.Register(ModuleName, 14, "wrong agent kind")
	ErrAgentNotActive          = errorsmod.Register(ModuleName, 15, "agent is not active")
	ErrModelNotServed          = errorsmod.Register(ModuleName, 16, "model is not served by the agent")
	ErrInvalidSettlementSig    = errorsmod.Register(ModuleName, 17, "invalid settlement signature")
	ErrEvidenceNotConflicting  = errorsmod.Register(ModuleName, 18, "settlements do not conflict")
	ErrEvidenceUsed            = errorsmod.Register(ModuleName, 19, "equivocation evidence already used")
	ErrInvalidEndpoint         = errorsmod.Register(ModuleName, 20, "invalid endpoint")
	ErrInvalidMetadataURI      = errorsmod.Register(ModuleName, 21, "invalid metadata uri")
	ErrInvalidKind             = errorsmod.Register(ModuleName, 22, "invalid agent kind")
	ErrInvalidModelIDs         = errorsmod.Register(ModuleName, 23, "invalid model ids")
	ErrInvalidAmount           = errorsmod.Register(ModuleName, 24, "invalid amount")
	ErrInvalidSlashReason      = errorsmod.Register(ModuleName, 25, "invalid slash reason")
	ErrInvalidEvidenceRef      = errorsmod.Register(ModuleName, 26, "invalid evidence reference")
	ErrInvalidSettlement       = errorsmod.Register(ModuleName, 27, "invalid settlement")
	ErrInvalidParams           = errorsmod.Register(ModuleName, 28, "invalid params")
	ErrInvalidGenesis          = errorsmod.Register(ModuleName, 29, "invalid genesis state")
	ErrInvalidAddress          = errorsmod.Register(ModuleName, 30, "invalid address")
	ErrInvalidRequest          = modulekit.RegisterInvalidRequest(ModuleName, 31, "invalid query request")
	ErrBlockedOwner            = errorsmod.Register(ModuleName, 32, "owner may not receive funds")
	ErrInvalidInfractionHeight = errorsmod.Register(ModuleName, 33, "invalid infraction height")
	// Code 34 (hooks already set) is retired with the hooks.
)
