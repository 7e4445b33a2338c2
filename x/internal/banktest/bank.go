// Package banktest is an in-memory bank for keeper tests that really moves,
// burns and tracks coins, so a test can check that a state transition
// neither creates nor loses any. It answers with the bank module's errors.
package banktest

import (
	"context"
	"slices"
	"sort"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

// CommunityPoolModule is the module account the fake community pool funds,
// as x/protocolpool does.
const CommunityPoolModule = "protocolpool"

// Bank is the fake bank. The zero value is not usable: call New.
type Bank struct {
	balances map[string]sdk.Coins
	supply   sdk.Coins
	burners  []string
}

// New returns an empty bank in which only the named modules may burn.
func New(burners ...string) *Bank {
	return &Bank{balances: map[string]sdk.Coins{}, supply: sdk.NewCoins(), burners: burners}
}

// Mint creates coins in an account (test set-up only).
func (b *Bank) Mint(addr sdk.AccAddress, amt sdk.Coins) {
	b.balances[string(addr)] = b.balances[string(addr)].Add(amt...)
	b.supply = b.supply.Add(amt...)
}

// Send moves coins between two accounts.
func (b *Bank) Send(from, to sdk.AccAddress, amt sdk.Coins) error {
	if !amt.IsValid() {
		return errorsmod.Wrapf(sdkerrors.ErrInvalidCoins, "%s", amt)
	}
	bal := b.balances[string(from)]
	if !bal.IsAllGTE(amt) {
		return errorsmod.Wrapf(sdkerrors.ErrInsufficientFunds, "%s is smaller than %s", bal, amt)
	}
	b.balances[string(from)] = bal.Sub(amt...)
	b.balances[string(to)] = b.balances[string(to)].Add(amt...)
	return nil
}

// SendCoins is x/bank's account-to-account send.
func (b *Bank) SendCoins(_ context.Context, from, to sdk.AccAddress, amt sdk.Coins) error {
	return b.Send(from, to, amt)
}

// SendCoinsFromAccountToModule is x/bank's method of the same name.
func (b *Bank) SendCoinsFromAccountToModule(_ context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error {
	return b.Send(from, authtypes.NewModuleAddress(module), amt)
}

// SendCoinsFromModuleToAccount is x/bank's method of the same name.
func (b *Bank) SendCoinsFromModuleToAccount(_ context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error {
	return b.Send(authtypes.NewModuleAddress(module), to, amt)
}

// SendCoinsFromModuleToModule is x/bank's method of the same name.
func (b *Bank) SendCoinsFromModuleToModule(_ context.Context, from, to string, amt sdk.Coins) error {
	return b.Send(authtypes.NewModuleAddress(from), authtypes.NewModuleAddress(to), amt)
}

// BurnCoins is x/bank's method of the same name: only burner modules may.
func (b *Bank) BurnCoins(_ context.Context, module string, amt sdk.Coins) error {
	if !slices.Contains(b.burners, module) {
		return errorsmod.Wrapf(sdkerrors.ErrUnauthorized, "%s may not burn", module)
	}
	addr := authtypes.NewModuleAddress(module)
	bal := b.balances[string(addr)]
	if !amt.IsValid() || !bal.IsAllGTE(amt) {
		return errorsmod.Wrapf(sdkerrors.ErrInsufficientFunds, "burning %s from %s", amt, bal)
	}
	b.balances[string(addr)] = bal.Sub(amt...)
	b.supply = b.supply.Sub(amt...)
	return nil
}

// GetAllBalances is x/bank's method of the same name.
func (b *Bank) GetAllBalances(_ context.Context, addr sdk.AccAddress) sdk.Coins {
	return b.balances[string(addr)]
}

// GetBalance is x/bank's method of the same name.
func (b *Bank) GetBalance(_ context.Context, addr sdk.AccAddress, denom string) sdk.Coin {
	return sdk.NewCoin(denom, b.balances[string(addr)].AmountOf(denom))
}

// Balance is an account's coins.
func (b *Bank) Balance(addr sdk.AccAddress) sdk.Coins { return b.balances[string(addr)] }

// ModuleBalance is a module account's coins.
func (b *Bank) ModuleBalance(module string) sdk.Coins {
	return b.balances[string(authtypes.NewModuleAddress(module))]
}

// Supply is every coin minted less every coin burned.
func (b *Bank) Supply() sdk.Coins { return b.supply }

// Total is the sum of all balances; it equals Supply unless coins were
// created or lost outside Mint and BurnCoins.
func (b *Bank) Total() sdk.Coins {
	sum := sdk.NewCoins()
	for _, k := range b.sortedAccounts() {
		sum = sum.Add(b.balances[k]...)
	}
	return sum
}

// Clone is a deep copy, to compare balances before and after a failure.
func (b *Bank) Clone() *Bank {
	c := New(b.burners...)
	c.supply = b.supply
	for _, k := range b.sortedAccounts() {
		c.balances[k] = b.balances[k]
	}
	return c
}

// Equal reports whether two banks hold the same coins everywhere.
func (b *Bank) Equal(o *Bank) bool {
	if !b.supply.Equal(o.supply) {
		return false
	}
	keys := append(b.sortedAccounts(), o.sortedAccounts()...)
	for _, k := range keys {
		if !b.balances[k].Equal(o.balances[k]) {
			return false
		}
	}
	return true
}

// SetBalance overwrites an account's coins, as if the difference had been
// minted or burned outside the bank's messages, so Total still equals
// Supply. Tests use it to put coins where a module does not expect them
// (or take them away) and check that an invariant or genesis import notices.
func (b *Bank) SetBalance(addr sdk.AccAddress, coins sdk.Coins) {
	old := b.balances[string(addr)]
	b.supply = b.supply.Add(coins...).Sub(old...)
	b.balances[string(addr)] = coins
}

// AccountBalance is one account's coins, as Balances lists them.
type AccountBalance struct {
	Address sdk.AccAddress
	Coins   sdk.Coins
}

// Balances lists every account the bank has recorded, zero balances
// included, sorted by address, so a test can snapshot the bank
// deterministically.
func (b *Bank) Balances() []AccountBalance {
	keys := b.sortedAccounts()
	out := make([]AccountBalance, 0, len(keys))
	for _, k := range keys {
		out = append(out, AccountBalance{Address: sdk.AccAddress(k), Coins: b.balances[k]})
	}
	return out
}

func (b *Bank) sortedAccounts() []string {
	keys := make([]string, 0, len(b.balances))
	for k := range b.balances { // order-independent: collected, then sorted below
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// CommunityPool funds the community pool the way x/protocolpool does: a
// transfer from the sender to the protocolpool module account.
type CommunityPool struct{ Bank *Bank }

// FundCommunityPool matches x/protocolpool's Keeper.FundCommunityPool.
func (p CommunityPool) FundCommunityPool(ctx sdk.Context, amount sdk.Coins, sender sdk.AccAddress) error {
	return p.Bank.SendCoinsFromAccountToModule(ctx, sender, CommunityPoolModule, amount)
}
