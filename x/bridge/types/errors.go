package types

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// Errors of x/bridge. A code is never reused, even after an error is
// removed. Look-up failures carry gRPC code NotFound and bad query requests
// InvalidArgument.
var (
	ErrInvalidAddress            = errorsmod.Register(ModuleName, 2, "invalid address")
	ErrInvalidEthAddress         = errorsmod.Register(ModuleName, 3, "invalid Ethereum address")
	ErrInvalidAmount             = errorsmod.Register(ModuleName, 4, "invalid amount")
	ErrInvalidParams             = errorsmod.Register(ModuleName, 5, "invalid params")
	ErrInvalidGenesis            = errorsmod.Register(ModuleName, 6, "invalid genesis state")
	ErrInvalidRequest            = modulekit.RegisterInvalidRequest(ModuleName, 7, "invalid query request")
	ErrBridgeNotConfigured       = errorsmod.Register(ModuleName, 8, "the bridge contract is not configured")
	ErrNotValidator              = errorsmod.Register(ModuleName, 9, "signer is not a validator operator")
	ErrNotBondedValidator        = errorsmod.Register(ModuleName, 10, "validator is not bonded")
	ErrInvalidSignature          = errorsmod.Register(ModuleName, 11, "invalid signature")
	ErrEthKeyInUse               = errorsmod.Register(ModuleName, 12, "Ethereum key registered by another validator")
	ErrEthKeyUnchanged           = errorsmod.Register(ModuleName, 13, "the validator has registered this key already")
	ErrBelowMinWithdrawal        = errorsmod.Register(ModuleName, 14, "withdrawal below the minimum")
	ErrCheckpointFull            = errorsmod.Register(ModuleName, 15, "the current withdrawal tree is full until the end of the block")
	ErrCheckpointNotFound        = modulekit.RegisterNotFound(ModuleName, 16, "checkpoint not found")
	ErrCheckpointAccepted        = errorsmod.Register(ModuleName, 17, "L1 accepted the checkpoint already")
	ErrNotInSignerSet            = errorsmod.Register(ModuleName, 18, "validator is not in the checkpoint's signer set")
	ErrAlreadySigned             = errorsmod.Register(ModuleName, 19, "validator signed the checkpoint already")
	ErrDepositCredited           = errorsmod.Register(ModuleName, 20, "deposit nonce credited already")
	ErrDepositTooFarAhead        = errorsmod.Register(ModuleName, 21, "deposit nonce too far past the last credited one")
	ErrAlreadyAttested           = errorsmod.Register(ModuleName, 22, "validator attested this nonce already")
	ErrDepositExceedsBacking     = errorsmod.Register(ModuleName, 23, "deposit exceeds the OPEN released on L1")
	ErrEvidenceNotConflicting    = errorsmod.Register(ModuleName, 24, "signed checkpoints do not conflict")
	ErrUnknownEthKey             = errorsmod.Register(ModuleName, 25, "no validator registered the key")
	ErrEvidenceUsed              = errorsmod.Register(ModuleName, 26, "equivocation recorded already")
	ErrInvalidCheckpoint         = errorsmod.Register(ModuleName, 27, "invalid checkpoint")
	ErrWithdrawalNotFound        = modulekit.RegisterNotFound(ModuleName, 28, "withdrawal not found")
	ErrWithdrawalNotCheckpointed = modulekit.RegisterNotFound(ModuleName, 29, "the withdrawal's checkpoint does not exist yet")
	ErrSignerNotFound            = modulekit.RegisterNotFound(ModuleName, 30, "no Ethereum key registered")
	ErrBlockedRecipient          = errorsmod.Register(ModuleName, 31, "recipient may not receive funds")
	ErrInvalidNonce              = errorsmod.Register(ModuleName, 32, "invalid nonce")
)
