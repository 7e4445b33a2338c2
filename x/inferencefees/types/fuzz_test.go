package types_test

import (
	"bytes"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/eip712"
)

// FuzzVoucherTypedData builds vouchers of arbitrary fields and chain ids.
// Where the chain computes a digest, the EIP-712 typed data a wallet is
// given (TypedDataJSON) must read into go-ethereum's TypedData and hash,
// as eth_signTypedData_v4 does, to that same digest; an arbitrary signature
// must be refused or recover without a panic, and one that verifies must
// recover to the voucher's user.
func FuzzVoucherTypedData(f *testing.F) {
	v, sig := testVoucher(f)
	f.Add(v.User, v.ServingNode, v.CumulativeAmount.BigInt().Bytes(), v.Nonce, v.Expiry, uint64(chainID), sig)
	f.Add([]byte{1}, bytes.Repeat([]byte{2}, 20), []byte{}, uint64(0), uint64(0), uint64(0), []byte{})
	f.Fuzz(func(t *testing.T, user, node, amount []byte, nonce, expiry, evmChainID uint64, sig []byte) {
		amount = amount[:min(len(amount), 32)] // a chain amount holds at most 256 bits
		v := types.Voucher{
			User: user, ServingNode: node, CumulativeAmount: math.NewIntFromBigInt(new(big.Int).SetBytes(amount)),
			Nonce: nonce, Expiry: expiry,
		}
		digest, err := v.Digest(evmChainID)
		if err != nil {
			require.Error(t, v.VerifySignature(evmChainID, sig), "a voucher without a digest cannot verify")
			return
		}
		bz, err := v.TypedDataJSON(evmChainID)
		require.NoError(t, err, "a voucher with a digest has typed data")
		var typed apitypes.TypedData
		require.NoError(t, json.Unmarshal(bz, &typed))
		want, _, err := apitypes.TypedDataAndHash(typed)
		require.NoError(t, err)
		require.Equal(t, want, digest[:], "typed data %s", bz)

		if v.VerifySignature(evmChainID, sig) == nil {
			signer, err := eip712.RecoverAddress(digest, sig)
			require.NoError(t, err)
			require.Equal(t, user, signer)
		}
	})
}
