package app

import (
	"fmt"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	agentstakekeeper "github.com/openledger/openledger/x/agentstake/keeper"
	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	attributionkeeper "github.com/openledger/openledger/x/attribution/keeper"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	bridgekeeper "github.com/openledger/openledger/x/bridge/keeper"
	bridgetypes "github.com/openledger/openledger/x/bridge/types"
	datanetkeeper "github.com/openledger/openledger/x/datanet/keeper"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	inferencefeeskeeper "github.com/openledger/openledger/x/inferencefees/keeper"
	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
	modelregkeeper "github.com/openledger/openledger/x/modelreg/keeper"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// Invariant is a named check of the chain's state: Check returns a message
// and whether the state is broken, as each module's AllInvariants does.
type Invariant struct {
	Name  string
	Check func(sdk.Context) (string, bool)
}

// Invariants are the checks `openledgerd invariants` runs: the bank's supply
// against its balances, then every OpenLedger module's AllInvariants, in a
// fixed order.
func (app *OpenLedgerApp) Invariants() []Invariant {
	return []Invariant{
		{banktypes.ModuleName, BankSupplyInvariant(app.BankKeeper)},
		{datanettypes.ModuleName, datanetkeeper.AllInvariants(app.DatanetKeeper)},
		{modelregtypes.ModuleName, modelregkeeper.AllInvariants(app.ModelregKeeper)},
		{agentstaketypes.ModuleName, agentstakekeeper.AllInvariants(app.AgentstakeKeeper)},
		{attributiontypes.ModuleName, attributionkeeper.AllInvariants(app.AttributionKeeper)},
		{inferencefeestypes.ModuleName, inferencefeeskeeper.AllInvariants(app.InferencefeesKeeper)},
		{bridgetypes.ModuleName, bridgekeeper.AllInvariants(app.BridgeKeeper)},
	}
}

// InvariantResult is the outcome of one Invariant.
type InvariantResult struct {
	Name    string
	Broken  bool
	Message string
}

// CheckInvariants runs every invariant on a branch of the last committed
// state, which nothing is written back from. An invariant that panics (a
// store entry that no longer decodes, say) is reported broken with the
// panic, so that the other checks still run.
func (app *OpenLedgerApp) CheckInvariants() ([]InvariantResult, error) {
	if app.LastBlockHeight() == 0 {
		return nil, ErrNoCommittedState
	}
	header := cmtproto.Header{Height: app.LastBlockHeight(), ChainID: app.ChainID()}
	ctx := app.NewContextLegacy(true, header).WithMultiStore(app.CommitMultiStore().CacheMultiStore())
	invariants := app.Invariants()
	results := make([]InvariantResult, len(invariants))
	for i, inv := range invariants {
		results[i] = runInvariant(ctx, inv)
	}
	return results, nil
}

func runInvariant(ctx sdk.Context, inv Invariant) (res InvariantResult) {
	res.Name = inv.Name
	defer func() {
		if r := recover(); r != nil {
			res.Broken, res.Message = true, fmt.Sprintf("%s: the check panicked: %v", inv.Name, r)
		}
	}()
	res.Message, res.Broken = inv.Check(ctx)
	return res
}

// BankSupplyInvariant checks that the supply the bank records of every
// denom is the sum of all account balances of it: no module minted or
// burned without the supply following.
func BankSupplyInvariant(bk bankkeeper.Keeper) func(sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		balances := sdk.NewCoins()
		bk.IterateAllBalances(ctx, func(_ sdk.AccAddress, c sdk.Coin) bool {
			balances = balances.Add(c)
			return false
		})
		supply := sdk.NewCoins()
		bk.IterateTotalSupply(ctx, func(c sdk.Coin) bool {
			supply = supply.Add(c)
			return false
		})
		if !supply.Equal(balances) {
			return fmt.Sprintf("bank: supply %s is not the sum of all balances %s", supply, balances), true
		}
		return "", false
	}
}
