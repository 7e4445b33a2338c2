// Package simkit holds what the OpenLedger modules' simulations share:
// picking a random stored entry, reserving what a message spends from the
// simulated account's balance, signing with its Ethereum key, and the
// delivery checks of messages made to fail. It is used by the chain
// simulation only; no state machine code imports it.
package simkit

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/cosmos/evm/crypto/ethsecp256k1"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Denom is the coin every OpenLedger module charges and pays in.
const Denom = "aopen"

// Coin is an amount of aopen.
func Coin(amount math.Int) sdk.Coin { return sdk.NewCoin(Denom, amount) }

// OPEN is n whole OPEN in aopen.
func OPEN(n int64) math.Int { return math.NewIntWithDecimal(n, 18) }

// Values are the entries of a collection (in key order) that keep says to
// keep. The simulated chain is small, so reading a whole collection is
// cheap.
func Values[K, V any](ctx context.Context, m interface {
	Iterate(context.Context, collections.Ranger[K]) (collections.Iterator[K, V], error)
}, keep func(K, V) bool,
) []V {
	it, err := m.Iterate(ctx, nil)
	if err != nil {
		panic(err)
	}
	defer it.Close()
	var out []V
	for ; it.Valid(); it.Next() {
		kv, err := it.KeyValue()
		if err != nil {
			panic(err)
		}
		if keep == nil || keep(kv.Key, kv.Value) {
			out = append(out, kv.Value)
		}
	}
	return out
}

// Pick is a random element of values, or skips the operation with why
// when there is none.
func Pick[V any](testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, values []V, why string) (V, bool) {
	var zero V
	if len(values) == 0 {
		reporter.Skip(why)
		return zero, false
	}
	return values[testData.Rand().Intn(len(values))], true
}

// Account is the simulated account of a bech32 address, or skips the
// operation when the address is not one (a module account, say).
func Account(testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, addr string) (simsx.SimAccount, bool) {
	if !testData.HasAccount(addr) {
		reporter.Skipf("%s is not a simulated account", addr)
		return simsx.SimAccount{}, false
	}
	return testData.GetAccount(reporter, addr), !reporter.IsSkipped()
}

// Spend reserves amount of acc's balance for the message, so that the
// transaction fee is drawn from what is left; it skips the operation when
// the balance is short. acc is the account the factory returns as the
// signer: the reservation is kept in it.
func Spend(reporter simsx.SimulationReporter, acc *simsx.SimAccount, amount math.Int) bool {
	if !amount.IsPositive() {
		return true
	}
	if !acc.LiquidBalance().BlockAmount(Coin(amount)) {
		reporter.Skipf("balance below %s%s", amount, Denom)
		return false
	}
	return true
}

// EthKey is the simulated account's key as an Ethereum key, which signs
// payment vouchers and settlements.
func EthKey(acc simsx.SimAccount) *ecdsa.PrivateKey {
	priv, ok := acc.PrivKey.(*ethsecp256k1.PrivKey)
	if !ok {
		panic(fmt.Sprintf("simulated account %s has a %T key, not an Ethereum key", acc.AddressBech32, acc.PrivKey))
	}
	key, err := crypto.ToECDSA(priv.Key)
	if err != nil {
		panic(err)
	}
	return key
}

// Sign signs a 32-byte digest with the account's Ethereum key.
func Sign(acc simsx.SimAccount, digest [32]byte) []byte {
	sig, err := crypto.Sign(digest[:], EthKey(acc))
	if err != nil {
		panic(err)
	}
	return sig
}

// ExpectError is the delivery check of a message made to fail: it must
// fail with want (a registered error), not succeed or fail otherwise.
func ExpectError(want *errorsmod.Error) simsx.SimDeliveryResultHandler {
	return func(err error) error {
		switch {
		case err == nil:
			return fmt.Errorf("expected %q, the message succeeded", want.Error())
		case !errors.Is(err, want):
			return fmt.Errorf("expected %q, got %w", want.Error(), err)
		}
		return nil
	}
}

// ExpectSuccess is the delivery check of a message made to succeed.
func ExpectSuccess(err error) error { return err }
