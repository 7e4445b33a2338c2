package types

import (
	"bytes"
	"fmt"

	"cosmossdk.io/math"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/x/internal/eip712"
)

// SettlementType is the EIP-712 type a serving node signs when it settles a
// payment voucher. Signing two different Settlements for the same
// (serving node, user, nonce) is equivocation: one voucher can be settled only
// once, so two conflicting statements about it prove the node lied in one.
const SettlementType = "Settlement(address servingNode,address user,uint64 nonce,uint256 cumulativeAmount,bytes32 batchRoot)"

var settlementTypeHash = eip712.TypeHash(SettlementType)

// Settlement is the statement a serving node signs for one voucher it
// settles: the voucher's channel (user, serving node) and nonce, the
// cumulative amount it releases, and the receipts root of the batch that
// carries the inferences it paid for.
type Settlement struct {
	// ServingNode and User are 20-byte account addresses.
	ServingNode []byte
	User        []byte
	// Nonce is the voucher's nonce in its channel.
	Nonce uint64
	// CumulativeAmount is the voucher's cumulative amount in aopen.
	CumulativeAmount math.Int
	// BatchRoot is the Merkle root of the batch's inference receipts (32 bytes).
	BatchRoot []byte
}

// SettlementDomain is the EIP-712 domain of settlements: the EVM chain id and
// x/agentstake's module address, the module that checks equivocation
// evidence.
func SettlementDomain(evmChainID uint64) eip712.Domain {
	return eip712.Domain{ChainID: evmChainID, VerifyingContract: authtypes.NewModuleAddress(ModuleName)}
}

// Digest is the EIP-712 digest the serving node signs.
func (s Settlement) Digest(evmChainID uint64) (eip712.Word, error) {
	node, err := eip712.Address(s.ServingNode)
	if err != nil {
		return eip712.Word{}, fmt.Errorf("serving node: %w", err)
	}
	user, err := eip712.Address(s.User)
	if err != nil {
		return eip712.Word{}, fmt.Errorf("user: %w", err)
	}
	if s.CumulativeAmount.IsNil() {
		return eip712.Word{}, fmt.Errorf("cumulative amount is missing")
	}
	amount, err := eip712.Uint256(s.CumulativeAmount.BigInt())
	if err != nil {
		return eip712.Word{}, fmt.Errorf("cumulative amount: %w", err)
	}
	root, err := eip712.Bytes32(s.BatchRoot)
	if err != nil {
		return eip712.Word{}, fmt.Errorf("batch root: %w", err)
	}
	return eip712.Digest(SettlementDomain(evmChainID),
		eip712.HashStruct(settlementTypeHash, node, user, eip712.Uint64(s.Nonce), amount, root))
}

// VerifySignature checks that sig is the serving node's signature of the
// settlement on the chain with evmChainID.
func (s Settlement) VerifySignature(evmChainID uint64, sig []byte) error {
	digest, err := s.Digest(evmChainID)
	if err != nil {
		return err
	}
	signer, err := eip712.RecoverAddress(digest, sig)
	if err != nil {
		return err
	}
	if !bytes.Equal(signer, s.ServingNode) {
		return fmt.Errorf("signed by %X, not by the serving node %X", signer, s.ServingNode)
	}
	return nil
}

// SameVoucher reports whether two settlements are about the same voucher:
// the same serving node, user and nonce.
func (s Settlement) SameVoucher(o Settlement) bool {
	return bytes.Equal(s.ServingNode, o.ServingNode) && bytes.Equal(s.User, o.User) && s.Nonce == o.Nonce
}

// Conflicts reports whether two settlements of the same voucher state
// different outcomes (amount or batch), which no honest node ever signs.
func (s Settlement) Conflicts(o Settlement) bool {
	return s.SameVoucher(o) && (!s.CumulativeAmount.Equal(o.CumulativeAmount) || !bytes.Equal(s.BatchRoot, o.BatchRoot))
}
