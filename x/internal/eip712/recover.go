package eip712

import (
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/crypto/secp256k1"
)

// SignatureSize is the length of an Ethereum signature: r ‖ s ‖ v.
const SignatureSize = 65

var secp256k1HalfN = new(big.Int).Rsh(secp256k1.S256().Params().N, 1)

// ErrBadSignature is returned for a signature that is malformed, not in
// canonical (low-s) form, or does not recover to a public key.
var ErrBadSignature = errors.New("bad signature")

// RecoverAddress returns the 20-byte address that signed digest. The recovery
// byte may be 0/1 (go-ethereum, Cosmos keyrings) or 27/28 (MetaMask). Only
// low-s signatures are accepted, so each signer has exactly one valid
// signature per digest and a signature cannot be altered into a second one.
func RecoverAddress(digest Word, sig []byte) ([]byte, error) {
	if len(sig) != SignatureSize {
		return nil, ErrBadSignature
	}
	normalized := make([]byte, SignatureSize)
	copy(normalized, sig)
	switch normalized[64] {
	case 0, 1:
	case 27, 28:
		normalized[64] -= 27
	default:
		return nil, ErrBadSignature
	}
	r := new(big.Int).SetBytes(normalized[:32])
	s := new(big.Int).SetBytes(normalized[32:64])
	if r.Sign() == 0 || s.Sign() == 0 || s.Cmp(secp256k1HalfN) > 0 {
		return nil, ErrBadSignature
	}
	pub, err := crypto.SigToPub(digest[:], normalized)
	if err != nil {
		return nil, ErrBadSignature
	}
	return crypto.PubkeyToAddress(*pub).Bytes(), nil
}
