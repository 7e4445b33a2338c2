package types_test

import (
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"

	"github.com/openledger/openledger/x/bridge/types"
)

// The SDK's keepers are what the application passes in.
var (
	_ types.BankKeeper     = bankkeeper.BaseKeeper{}
	_ types.StakingKeeper  = (*stakingkeeper.Keeper)(nil)
	_ types.SlashingKeeper = slashingkeeper.Keeper{}
)
