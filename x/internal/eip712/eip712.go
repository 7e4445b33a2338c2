// Package eip712 hashes the typed data OpenLedger asks wallets to sign
// (EIP-712: https://eips.ethereum.org/EIPS/eip-712) and recovers the signer.
//
// Only what the chain signs is supported: static field types (address,
// uint256, uint64, bytes32) encoded as 32-byte words. Keeping the encoder this
// small keeps it auditable; a test checks its digests against go-ethereum's
// independent implementation (signer/core/apitypes), which is what MetaMask's
// eth_signTypedData_v4 computes as well.
package eip712

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/crypto"
)

// DomainName and DomainVersion are the EIP-712 domain every OpenLedger typed
// message uses; the chain id and verifying address tell modules apart.
const (
	DomainName    = "OpenLedger"
	DomainVersion = "1"
)

// domainTypeHash is keccak256 of the EIP712Domain type string.
var domainTypeHash = TypeHash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")

// Word is one 32-byte slot of an encoded struct.
type Word [32]byte

// Domain separates signatures of one chain and one module from all others.
type Domain struct {
	// ChainID is the EVM (EIP-155) chain id.
	ChainID uint64
	// VerifyingContract is the 20-byte address of the module that checks the
	// signature (a module account address).
	VerifyingContract []byte
}

// Separator is the domain's hashStruct.
func (d Domain) Separator() (Word, error) {
	contract, err := Address(d.VerifyingContract)
	if err != nil {
		return Word{}, fmt.Errorf("verifying contract: %w", err)
	}
	return HashStruct(domainTypeHash,
		String(DomainName), String(DomainVersion), Uint64(d.ChainID), contract), nil
}

// TypeHash is keccak256 of an EIP-712 type string such as
// "Voucher(address user,uint256 amount)".
func TypeHash(typeString string) Word { return Word(crypto.Keccak256Hash([]byte(typeString))) }

// HashStruct is keccak256(typeHash ‖ encoded fields).
func HashStruct(typeHash Word, fields ...Word) Word {
	buf := make([]byte, 0, 32*(len(fields)+1))
	buf = append(buf, typeHash[:]...)
	for _, f := range fields {
		buf = append(buf, f[:]...)
	}
	return Word(crypto.Keccak256Hash(buf))
}

// Digest is what is signed: keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash).
func Digest(d Domain, structHash Word) (Word, error) {
	sep, err := d.Separator()
	if err != nil {
		return Word{}, err
	}
	return Word(crypto.Keccak256Hash([]byte{0x19, 0x01}, sep[:], structHash[:])), nil
}

// Address encodes a 20-byte address, left-padded with zeros.
func Address(addr []byte) (Word, error) {
	var w Word
	if len(addr) != 20 {
		return w, fmt.Errorf("address must be 20 bytes, got %d", len(addr))
	}
	copy(w[12:], addr)
	return w, nil
}

// Uint64 encodes a uint64 (as uint64 or uint256: both are one word).
func Uint64(v uint64) Word {
	var w Word
	binary.BigEndian.PutUint64(w[24:], v)
	return w
}

// Uint256 encodes a non-negative integer below 2^256.
func Uint256(v *big.Int) (Word, error) {
	var w Word
	if v == nil || v.Sign() < 0 || v.BitLen() > 256 {
		return w, errors.New("uint256 out of range")
	}
	v.FillBytes(w[:])
	return w, nil
}

// Bytes32 encodes a 32-byte value.
func Bytes32(b []byte) (Word, error) {
	var w Word
	if len(b) != 32 {
		return w, fmt.Errorf("bytes32 must be 32 bytes, got %d", len(b))
	}
	copy(w[:], b)
	return w, nil
}

// String encodes a dynamic string field: keccak256 of its bytes.
func String(s string) Word { return Word(crypto.Keccak256Hash([]byte(s))) }
