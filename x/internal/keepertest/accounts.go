package keepertest

import (
	"crypto/ecdsa"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/banktest"
)

// Account is a test account: its address, its canonical string and, for an
// account derived from an Ethereum key, that key (which signs vouchers and
// settlements).
type Account struct {
	Addr sdk.AccAddress
	Str  string
	Key  *ecdsa.PrivateKey
}

// NamedAccount is the deterministic test account of 20 bytes named name.
func NamedAccount(t testing.TB, ac address.Codec, name string) Account {
	t.Helper()
	return accountOf(t, ac, sdk.AccAddress(fmt.Sprintf("%-20s", name)[:20]), nil)
}

// EthAccount is the account of an Ethereum key: the key's 20-byte address.
func EthAccount(t testing.TB, ac address.Codec, key *ecdsa.PrivateKey) Account {
	t.Helper()
	return accountOf(t, ac, crypto.PubkeyToAddress(key.PublicKey).Bytes(), key)
}

func accountOf(t testing.TB, ac address.Codec, addr sdk.AccAddress, key *ecdsa.PrivateKey) Account {
	t.Helper()
	s, err := ac.BytesToString(addr)
	require.NoError(t, err)
	return Account{Addr: addr, Str: s, Key: key}
}

// Named opens accounts with NamedAccount, for FundedAccounts.
func Named(t testing.TB, ac address.Codec) func(name string) Account {
	return func(name string) Account { return NamedAccount(t, ac, name) }
}

// FundedAccounts opens an account for each name and mints balance to it in
// bank: the accounts a fixture starts with, in the order of names.
func FundedAccounts(bank *banktest.Bank, balance sdk.Coins, open func(name string) Account, names ...string) []Account {
	accounts := make([]Account, len(names))
	for i, name := range names {
		accounts[i] = open(name)
		bank.Mint(accounts[i].Addr, balance)
	}
	return accounts
}
