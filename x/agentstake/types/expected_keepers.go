package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// AccountKeeper is what x/agentstake needs from x/auth: its module account's
// address.
type AccountKeeper = modulekit.ModuleAccounts

// BankKeeper is what x/agentstake needs from x/bank: taking stake into the
// module account, paying unbonded stake and challenger rewards out of it,
// burning slashed stake, and reading its balance for the invariant.
type BankKeeper interface {
	modulekit.ModuleBank
	// BlockedAddr reports an address that may not receive funds (module
	// accounts): such an owner could never be paid its unbonded stake.
	BlockedAddr(addr sdk.AccAddress) bool
}

// ModelregKeeper is what x/agentstake needs from x/modelreg: the models an
// agent serves. It matches x/modelreg's Keeper.GetModel.
type ModelregKeeper interface {
	GetModel(ctx context.Context, id uint64) (modelregtypes.Model, error)
}
