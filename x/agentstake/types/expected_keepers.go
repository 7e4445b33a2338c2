package types

import (
	"context"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// AccountKeeper is what x/agentstake needs from x/auth.
type AccountKeeper interface {
	// GetModuleAddress returns the address of a module account.
	GetModuleAddress(name string) sdk.AccAddress
}

// BankKeeper is what x/agentstake needs from x/bank: taking stake into the
// module account, paying unbonded stake and challenger rewards out of it,
// burning slashed stake, and reading its balance for the invariant.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, senderAddr sdk.AccAddress, recipientModule string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipientAddr sdk.AccAddress, amt sdk.Coins) error
	BurnCoins(ctx context.Context, moduleName string, amounts sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
	// BlockedAddr reports an address that may not receive funds (module
	// accounts): such an owner could never be paid its unbonded stake.
	BlockedAddr(addr sdk.AccAddress) bool
}

// ModelregKeeper is what x/agentstake needs from x/modelreg: the models an
// agent serves. It matches x/modelreg's Keeper.GetModel.
type ModelregKeeper interface {
	GetModel(ctx context.Context, id uint64) (modelregtypes.Model, error)
}

// AgentstakeHooks lets other modules react to slashes and to agents leaving
// the active set. An error fails the message (or the slash) that caused it.
type AgentstakeHooks interface {
	// AfterAgentSlashed is called after an agent was slashed by amount (bond
	// and unbonding entries together).
	AfterAgentSlashed(ctx context.Context, operator sdk.AccAddress, reason SlashReason, amount math.Int) error
	// AfterAgentLeftActiveSet is called when an ACTIVE agent becomes jailed,
	// tombstoned or inactive (bond below its kind's minimum).
	AfterAgentLeftActiveSet(ctx context.Context, operator sdk.AccAddress) error
}

// MultiHooks calls several hooks in order, stopping at the first error.
type MultiHooks []AgentstakeHooks

var _ AgentstakeHooks = MultiHooks{}

// NewMultiHooks combines hooks.
func NewMultiHooks(hooks ...AgentstakeHooks) MultiHooks { return hooks }

// AfterAgentSlashed implements AgentstakeHooks.
func (m MultiHooks) AfterAgentSlashed(ctx context.Context, operator sdk.AccAddress, reason SlashReason, amount math.Int) error {
	for _, h := range m {
		if err := h.AfterAgentSlashed(ctx, operator, reason, amount); err != nil {
			return err
		}
	}
	return nil
}

// AfterAgentLeftActiveSet implements AgentstakeHooks.
func (m MultiHooks) AfterAgentLeftActiveSet(ctx context.Context, operator sdk.AccAddress) error {
	for _, h := range m {
		if err := h.AfterAgentLeftActiveSet(ctx, operator); err != nil {
			return err
		}
	}
	return nil
}
