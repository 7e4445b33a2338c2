package precompilekit

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/core/address"
)

// Bech32 is the chain's account address of an EVM address: the same 20
// bytes, in the codec's text form.
func Bech32(codec address.Codec, addr common.Address) (string, error) {
	s, err := codec.BytesToString(addr.Bytes())
	if err != nil {
		return "", fmt.Errorf("address %s: %w", addr, err)
	}
	return s, nil
}

// Bech32s is Bech32 over a list.
func Bech32s(codec address.Codec, addrs []common.Address) ([]string, error) {
	out := make([]string, len(addrs))
	for i, a := range addrs {
		s, err := Bech32(codec, a)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// EVMAddress is the EVM address of an account address in the codec's text
// form; the empty string is the zero address.
func EVMAddress(codec address.Codec, s string) (common.Address, error) {
	if s == "" {
		return common.Address{}, nil
	}
	bz, err := codec.StringToBytes(s)
	if err != nil {
		return common.Address{}, fmt.Errorf("address %q: %w", s, err)
	}
	return common.BytesToAddress(bz), nil
}

// EVMAddresses is EVMAddress over a list.
func EVMAddresses(codec address.Codec, list []string) ([]common.Address, error) {
	out := make([]common.Address, len(list))
	for i, s := range list {
		a, err := EVMAddress(codec, s)
		if err != nil {
			return nil, err
		}
		out[i] = a
	}
	return out, nil
}
