// Package config holds the chain-wide constants of OpenLedger: the OPEN token,
// address prefixes, chain ids and the node's default configuration.
package config

import (
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

const (
	// AppName is the name of the node binary and of the application.
	AppName = "openledgerd"

	// BaseDenom is the smallest unit of OPEN: 1 OPEN = 10^18 aopen, so the EVM
	// sees native OPEN with 18 decimals, like the ERC-20 on Ethereum.
	BaseDenom = "aopen"
	// DisplayDenom is the unit people read and type.
	DisplayDenom = "OPEN"
	// Decimals is the exponent between BaseDenom and DisplayDenom.
	Decimals = 18

	// TotalSupplyOPEN is the fixed supply of OPEN minted at genesis. Nothing
	// mints OPEN afterwards (the chain has no x/mint); burns lower it.
	TotalSupplyOPEN = 1_000_000_000

	// DefaultEVMChainID is the EIP-155 chain id used when app.toml names none.
	// It is deliberately not 1612 or 161201, the ids of live OpenLedger networks.
	DefaultEVMChainID uint64 = 6736

	// LocalChainID is the Cosmos chain id of the development network.
	LocalChainID = "openledger-local-1"
)

// OneOPEN is 10^18 aopen.
var OneOPEN = math.NewIntWithDecimal(1, Decimals)

// TotalSupply is the genesis supply in aopen: 10^9 OPEN = 10^27 aopen.
var TotalSupply = OneOPEN.MulRaw(TotalSupplyOPEN)

// OPEN returns n whole OPEN as a coin of aopen.
func OPEN(n int64) sdk.Coin {
	return sdk.NewCoin(BaseDenom, OneOPEN.MulRaw(n))
}

// CoinMetadata is the bank metadata of OPEN. The EVM module reads its decimals
// and display denom from here at genesis.
func CoinMetadata() banktypes.Metadata {
	return banktypes.Metadata{
		Description: "OPEN, the native token of OpenLedger: pays for transactions, inference and data rewards, and secures the chain by staking.",
		DenomUnits: []*banktypes.DenomUnit{
			{Denom: BaseDenom, Exponent: 0, Aliases: []string{"attoopen"}},
			{Denom: DisplayDenom, Exponent: Decimals},
		},
		Base:    BaseDenom,
		Display: DisplayDenom,
		Name:    "OpenLedger",
		Symbol:  DisplayDenom,
	}
}
