package types

import (
	"bytes"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/internal/eip712"
)

// What L1 verifies, byte for byte. The L1 contract reproduces each of these
// with Solidity's abi.encode, keccak256, EIP-712 and OpenZeppelin's
// MerkleProof; README.md states the same layouts.

// DomainName and DomainVersion are the bridge's EIP-712 domain name and
// version. The chain id, contract and bridge id (the salt) are params.
const (
	DomainName    = "OpenLedger Bridge"
	DomainVersion = "1"
)

// EIP-712 type strings.
const (
	DomainType       = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)"
	CheckpointType   = "Checkpoint(uint64 nonce,uint64 height,bytes32 withdrawalRoot,bytes32 signerValsetHash,bytes32 nextValsetHash,uint64 lastDepositNonce,bytes32 appHash)"
	RegistrationType = "EthKeyRegistration(address validator,string cosmosChainId)"
)

var (
	domainTypeHash       = eip712.TypeHash(DomainType)
	checkpointTypeHash   = eip712.TypeHash(CheckpointType)
	registrationTypeHash = eip712.TypeHash(RegistrationType)
)

// Domain is the bridge's EIP-712 domain.
type Domain struct {
	ChainID  uint64
	Contract common.Address
	Salt     common.Hash
}

// Domain is the signing domain of params p.
func (p Params) Domain() (Domain, error) {
	contract, err := ParseEthAddress("bridge_contract", p.BridgeContract)
	if err != nil {
		return Domain{}, err
	}
	salt, err := parseHash32("bridge_id", p.BridgeId)
	if err != nil {
		return Domain{}, err
	}
	return Domain{ChainID: p.L1ChainId, Contract: contract, Salt: salt}, nil
}

// Configured reports whether the params name a bridge contract: until they
// do, nothing is signed for the zero address.
func (p Params) Configured() bool {
	c, err := ParseEthAddress("bridge_contract", p.BridgeContract)
	return err == nil && c != (common.Address{})
}

// Separator is the domain's hashStruct.
func (d Domain) Separator() eip712.Word {
	contract, _ := eip712.Address(d.Contract.Bytes()) // 20 bytes by type
	return eip712.HashStruct(domainTypeHash, eip712.String(DomainName), eip712.String(DomainVersion),
		eip712.Uint64(d.ChainID), contract, eip712.Word(d.Salt))
}

func (d Domain) digest(structHash eip712.Word) eip712.Word {
	sep := d.Separator()
	return eip712.Word(crypto.Keccak256Hash([]byte{0x19, 0x01}, sep[:], structHash[:]))
}

// CheckpointDigest is the EIP-712 digest of a checkpoint header: what every
// signer signs and L1 recovers signers from.
func (d Domain) CheckpointDigest(h CheckpointHeader) (eip712.Word, error) {
	if h.Height < 0 {
		return eip712.Word{}, errorsmod.Wrapf(ErrInvalidCheckpoint, "negative height %d", h.Height)
	}
	words := make([]eip712.Word, 0, 4)
	for _, b := range []struct {
		name string
		v    []byte
	}{
		{"withdrawal_root", h.WithdrawalRoot},
		{"signer_valset_hash", h.SignerValsetHash},
		{"next_valset_hash", h.NextValsetHash},
		{"app_hash", h.AppHash},
	} {
		w, err := eip712.Bytes32(b.v)
		if err != nil {
			return eip712.Word{}, errorsmod.Wrapf(ErrInvalidCheckpoint, "%s: %v", b.name, err)
		}
		words = append(words, w)
	}
	return d.digest(eip712.HashStruct(checkpointTypeHash,
		eip712.Uint64(h.Nonce), eip712.Uint64(uint64(h.Height)), words[0], words[1], words[2],
		eip712.Uint64(h.LastDepositNonce), words[3])), nil
}

// RegistrationDigest is the EIP-712 digest a key signs to prove that the
// validator operator (20 bytes) on the chain cosmosChainID holds it.
func (d Domain) RegistrationDigest(validator []byte, cosmosChainID string) (eip712.Word, error) {
	v, err := eip712.Address(validator)
	if err != nil {
		return eip712.Word{}, errorsmod.Wrapf(ErrInvalidAddress, "validator: %v", err)
	}
	return d.digest(eip712.HashStruct(registrationTypeHash, v, eip712.String(cosmosChainID))), nil
}

// RecoverSigner is the key that made sig over digest: 65 bytes r ‖ s ‖ v,
// v 0, 1, 27 or 28, s in the lower half of the curve order (so a signature
// cannot be altered into a second valid one).
func RecoverSigner(digest eip712.Word, sig []byte) (common.Address, error) {
	addr, err := eip712.RecoverAddress(digest, sig)
	if err != nil {
		return common.Address{}, errorsmod.Wrapf(ErrInvalidSignature, "%v", err)
	}
	return common.BytesToAddress(addr), nil
}

// ParseEthAddress parses a 0x-hex address of 20 bytes. A mixed-case address
// must carry a valid EIP-55 checksum, so a mistyped one is refused.
func ParseEthAddress(field, s string) (common.Address, error) {
	if !strings.HasPrefix(s, "0x") || len(s) != 42 || !common.IsHexAddress(s) {
		return common.Address{}, errorsmod.Wrapf(ErrInvalidEthAddress, "%s %q is not a 0x-prefixed 20-byte hex address", field, s)
	}
	addr := common.HexToAddress(s)
	body := s[2:]
	if body != strings.ToLower(body) && body != strings.ToUpper(body) && addr.Hex() != s {
		return common.Address{}, errorsmod.Wrapf(ErrInvalidEthAddress, "%s %q has a wrong EIP-55 checksum", field, s)
	}
	return addr, nil
}

// ParseRecipient is ParseEthAddress for an address funds go to: the zero
// address is refused.
func ParseRecipient(field, s string) (common.Address, error) {
	addr, err := ParseEthAddress(field, s)
	if err == nil && addr == (common.Address{}) {
		err = errorsmod.Wrapf(ErrInvalidEthAddress, "%s is the zero address", field)
	}
	return addr, err
}

func parseHash32(field, s string) (common.Hash, error) {
	b, err := hexBytes(s)
	if err != nil || len(b) != 32 {
		return common.Hash{}, errorsmod.Wrapf(ErrInvalidParams, "%s %q is not 0x-prefixed 32-byte hex", field, s)
	}
	return common.BytesToHash(b), nil
}

func hexBytes(s string) ([]byte, error) {
	if !strings.HasPrefix(s, "0x") {
		return nil, fmt.Errorf("no 0x prefix")
	}
	return common.ParseHexOrString(s)
}

var (
	uint256Type, _      = abi.NewType("uint256", "", nil)
	addressType, _      = abi.NewType("address", "", nil)
	addressArrayType, _ = abi.NewType("address[]", "", nil)
	uint256ArrayType, _ = abi.NewType("uint256[]", "", nil)

	// valsetArgs is abi.encode(address[] signers, uint256[] powers).
	valsetArgs = abi.Arguments{{Type: addressArrayType}, {Type: uint256ArrayType}}
	// withdrawalArgs is abi.encode(uint256 nonce, address recipient, uint256 amount).
	withdrawalArgs = abi.Arguments{{Type: uint256Type}, {Type: addressType}, {Type: uint256Type}}
)

// ValsetHash is keccak256(abi.encode(address[] signers, uint256[] powers))
// of a set in its stored order (ascending key address).
func ValsetHash(set []ValsetMember) ([]byte, error) {
	signers := make([]common.Address, len(set))
	powers := make([]*big.Int, len(set))
	for i, m := range set {
		addr, err := ParseEthAddress("eth_address", m.EthAddress)
		if err != nil {
			return nil, err
		}
		signers[i], powers[i] = addr, new(big.Int).SetUint64(m.Power)
	}
	enc, err := valsetArgs.Pack(signers, powers)
	if err != nil {
		return nil, errorsmod.Wrapf(ErrInvalidCheckpoint, "encoding the validator set: %v", err)
	}
	return crypto.Keccak256(enc), nil
}

// StandardLeaf is a leaf of OpenZeppelin's StandardMerkleTree:
// keccak256(bytes.concat(keccak256(abi.encode(values...)))). Hashing twice
// keeps a leaf from ever equalling an inner node (64-byte preimage).
func StandardLeaf(args abi.Arguments, values ...any) ([]byte, error) {
	enc, err := args.Pack(values...)
	if err != nil {
		return nil, err
	}
	return crypto.Keccak256(crypto.Keccak256(enc)), nil
}

// WithdrawalLeaf is a withdrawal's leaf: StandardLeaf of (uint256 nonce,
// address recipient, uint256 amount), OpenZeppelin's
// StandardMerkleTree.of(values, ["uint256", "address", "uint256"]).
func WithdrawalLeaf(nonce uint64, recipient common.Address, amount math.Int) ([]byte, error) {
	if amount.IsNil() || amount.IsNegative() || amount.BigInt().BitLen() > 256 {
		return nil, errorsmod.Wrapf(ErrInvalidAmount, "amount %s is not a uint256", amount)
	}
	return StandardLeaf(withdrawalArgs, new(big.Int).SetUint64(nonce), recipient, amount.BigInt())
}

// hashPair is OpenZeppelin's commutative keccak256 of two nodes: the smaller
// first, so a proof needs no left/right flags.
func hashPair(a, b []byte) []byte {
	if bytes.Compare(a, b) > 0 {
		a, b = b, a
	}
	return crypto.Keccak256(a, b)
}

// MerkleRoot is the root of the tree over leaves in their order: each level
// hashes adjacent pairs with hashPair and moves an odd last node up
// unchanged. One leaf is its own root; no leaf gives the zero root, which
// no proof verifies against (a leaf is never zero), so L1 must refuse it.
func MerkleRoot(leaves [][]byte) []byte {
	if len(leaves) == 0 {
		return make([]byte, 32)
	}
	level := leaves
	for len(level) > 1 {
		next := make([][]byte, 0, (len(level)+1)/2)
		for i := 0; i < len(level); i += 2 {
			if i+1 == len(level) {
				next = append(next, level[i])
			} else {
				next = append(next, hashPair(level[i], level[i+1]))
			}
		}
		level = next
	}
	return level[0]
}

// MerkleProof is the proof of leaves[index] against MerkleRoot(leaves):
// the siblings from the leaf up, as OpenZeppelin's MerkleProof.verify takes
// them.
func MerkleProof(leaves [][]byte, index int) ([][]byte, error) {
	if index < 0 || index >= len(leaves) {
		return nil, fmt.Errorf("leaf %d of %d", index, len(leaves))
	}
	var proof [][]byte
	level := leaves
	for len(level) > 1 {
		sibling := index ^ 1
		if sibling < len(level) {
			proof = append(proof, level[sibling])
		}
		next := make([][]byte, 0, (len(level)+1)/2)
		for i := 0; i < len(level); i += 2 {
			if i+1 == len(level) {
				next = append(next, level[i])
			} else {
				next = append(next, hashPair(level[i], level[i+1]))
			}
		}
		level, index = next, index/2
	}
	return proof, nil
}
