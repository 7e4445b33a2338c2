package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the module, of its module account (the
	// escrow of OPEN bridged to L1) and of its store.
	ModuleName = "bridge"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
)

// Store prefixes, one per collection. A number is never reused, even after a
// collection is removed: old data under it would be read as the new type.
var (
	// ParamsKey holds Params.
	ParamsKey = collections.NewPrefix(1)
	// SignersKey maps validator operator -> EthSigner.
	SignersKey = collections.NewPrefix(2)
	// KeyOwnersKey maps Ethereum key address -> validator operator.
	KeyOwnersKey = collections.NewPrefix(3)
	// NextWithdrawalNonceKey holds the sequence of withdrawal nonces.
	NextWithdrawalNonceKey = collections.NewPrefix(4)
	// WithdrawalsKey maps withdrawal nonce -> Withdrawal.
	WithdrawalsKey = collections.NewPrefix(5)
	// CheckpointsKey maps checkpoint nonce -> Checkpoint.
	CheckpointsKey = collections.NewPrefix(6)
	// SignaturesKey maps (checkpoint nonce, validator) -> CheckpointSignature.
	SignaturesKey = collections.NewPrefix(7)
	// LastDepositNonceKey holds the last credited deposit nonce.
	LastDepositNonceKey = collections.NewPrefix(8)
	// DepositAttestationsKey maps (deposit nonce, claim hash) -> DepositAttestation.
	DepositAttestationsKey = collections.NewPrefix(9)
	// AcceptanceAttestationsKey maps checkpoint nonce -> AcceptanceAttestation.
	AcceptanceAttestationsKey = collections.NewPrefix(10)
	// L1AcceptedNonceKey holds the last checkpoint nonce L1 accepted.
	L1AcceptedNonceKey = collections.NewPrefix(11)
	// EquivocationsKey maps (key address, nonce) -> BridgeEquivocation.
	EquivocationsKey = collections.NewPrefix(12)
	// L1CirculatingKey holds the OPEN released on L1 against the escrow.
	L1CirculatingKey = collections.NewPrefix(13)
	// PendingWithdrawalsKey holds the withdrawals not yet accepted on L1.
	PendingWithdrawalsKey = collections.NewPrefix(14)
)
