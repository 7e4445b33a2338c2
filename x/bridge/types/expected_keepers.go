package types

import (
	"context"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// AccountKeeper is what x/bridge needs from x/auth: its module account's
// address.
type AccountKeeper = modulekit.ModuleAccounts

// BankKeeper is what x/bridge needs from x/bank: escrowing withdrawals,
// paying credited deposits out of escrow, and the escrow's balance for the
// invariant. It never mints or burns.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
	// BlockedAddr reports an address that may not receive funds: a deposit
	// to one could never be credited.
	BlockedAddr(addr sdk.AccAddress) bool
}

// StakingKeeper is what x/bridge needs from x/staking: the validators and
// their power as of the last block's end.
type StakingKeeper interface {
	GetValidator(ctx context.Context, addr sdk.ValAddress) (stakingtypes.Validator, error)
	GetLastValidatorPower(ctx context.Context, operator sdk.ValAddress) (int64, error)
	GetLastTotalPower(ctx context.Context) (math.Int, error)
	IterateLastValidatorPowers(ctx context.Context, handler func(operator sdk.ValAddress, power int64) (stop bool)) error
}

// SlashingKeeper is what x/bridge needs from x/slashing to punish a
// checkpoint equivocation.
type SlashingKeeper interface {
	SlashWithInfractionReason(ctx context.Context, consAddr sdk.ConsAddress, fraction math.LegacyDec,
		power, distributionHeight int64, infraction stakingtypes.Infraction) error
	Jail(ctx context.Context, consAddr sdk.ConsAddress) error
	IsTombstoned(ctx context.Context, consAddr sdk.ConsAddress) bool
}
