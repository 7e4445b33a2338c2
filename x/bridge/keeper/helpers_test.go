package keeper_test

import (
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func keyBytes(hex string) []byte { return common.HexToAddress(hex).Bytes() }

// flipCase swaps the case of every letter, breaking an EIP-55 checksum.
func flipCase(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'f':
			return r - 'a' + 'A'
		case r >= 'A' && r <= 'F':
			return r - 'A' + 'a'
		}
		return r
	}, s)
}

// highS is the other valid ECDSA signature of the same digest (s -> n-s,
// v flipped), which the chain must refuse as non-canonical.
func highS(sig []byte) []byte {
	out := append([]byte(nil), sig...)
	n := crypto.S256().Params().N
	s := new(big.Int).SetBytes(out[32:64])
	new(big.Int).Sub(n, s).FillBytes(out[32:64])
	if out[64] == 27 {
		out[64] = 28
	} else {
		out[64] = 27
	}
	return out
}

func (f *fixture) str(addr []byte) string {
	s, err := f.AddressCodec.BytesToString(addr)
	if err != nil {
		f.T.Fatal(err)
	}
	return s
}
