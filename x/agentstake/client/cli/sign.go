// Package cli holds the client-side commands of x/agentstake that AutoCLI
// cannot generate: `sign-settlement`, which signs a serving node's
// Settlement statement with a keyring key, and `submit-equivocation`, which
// submits two conflicting signed settlements read from files. SignSettlement
// is the reusable signing helper (x/inferencefees signs settlements with it).
package cli

import (
	"bytes"
	"fmt"

	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"

	"github.com/openledger/openledger/x/agentstake/types"
)

// SignSettlement signs a Settlement with the keyring key keyName for the
// chain with evmChainID and returns the 65-byte r||s||v signature (v 0 or 1)
// that Settlement.VerifySignature accepts.
//
// The key must be an eth_secp256k1 key (cosmos/evm's PrivKey.Sign signs a
// 32-byte digest as is, with go-ethereum's crypto.Sign) whose address is the
// settlement's serving node. The signature is checked before it is returned,
// so a key of another algorithm (which would hash the digest again) or of
// another account is refused instead of producing useless evidence.
func SignSettlement(kr keyring.Keyring, keyName string, s types.Settlement, evmChainID uint64) ([]byte, error) {
	if kr == nil {
		return nil, fmt.Errorf("no keyring")
	}
	digest, err := s.Digest(evmChainID)
	if err != nil {
		return nil, fmt.Errorf("settlement: %w", err)
	}
	sig, pub, err := kr.Sign(keyName, digest[:], signing.SignMode_SIGN_MODE_DIRECT)
	if err != nil {
		return nil, fmt.Errorf("signing with key %q: %w", keyName, err)
	}
	if pub != nil && !bytes.Equal(pub.Address(), s.ServingNode) {
		return nil, fmt.Errorf("key %q is account %X, not the serving node %X", keyName, pub.Address().Bytes(), s.ServingNode)
	}
	if len(sig) != 65 {
		return nil, fmt.Errorf("key %q gave a %d-byte signature: settlements need an eth_secp256k1 key", keyName, len(sig))
	}
	if err := s.VerifySignature(evmChainID, sig); err != nil {
		return nil, fmt.Errorf("key %q did not sign the settlement digest as is (an eth_secp256k1 key does): %w", keyName, err)
	}
	return sig, nil
}
