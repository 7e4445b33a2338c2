package precompilekit

import (
	"math/big"

	"cosmossdk.io/math"
)

// Hash32 is a 32-byte digest as the ABI's bytes32; modules store every root,
// leaf and content hash as 32 bytes, and an absent one becomes all zeros.
func Hash32(b []byte) [32]byte {
	var h [32]byte
	copy(h[:], b)
	return h
}

// OptionalHash is a bytes32 argument for a field where no hash is allowed:
// all zeros means none.
func OptionalHash(h [32]byte) []byte {
	if h == ([32]byte{}) {
		return nil
	}
	return h[:]
}

// Amount is an amount for the ABI's uint256; an amount never set is zero.
func Amount(a math.Int) *big.Int {
	if a.IsNil() {
		return new(big.Int)
	}
	return a.BigInt()
}

// Enum8 is a module enum as the uint8 of a Solidity interface; the modules'
// enums have a handful of values each.
func Enum8[E ~int32](e E) uint8 {
	return uint8(e) //nolint:gosec // enum values are small and non-negative
}
