package config

import (
	"github.com/cosmos/evm/crypto/hd"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Bech32Prefix is the human-readable part of every OpenLedger account address
// (open1...); validators and consensus keys derive theirs from it.
const Bech32Prefix = "open"

// SetAddressConfig sets the bech32 prefixes and the BIP-44 path (coin type 60,
// Ethereum's) so that one key works in the CLI, MetaMask and Keplr.
func SetAddressConfig(cfg *sdk.Config) {
	cfg.SetBech32PrefixForAccount(Bech32Prefix, Bech32Prefix+sdk.PrefixPublic)
	cfg.SetBech32PrefixForValidator(
		Bech32Prefix+sdk.PrefixValidator+sdk.PrefixOperator,
		Bech32Prefix+sdk.PrefixValidator+sdk.PrefixOperator+sdk.PrefixPublic,
	)
	cfg.SetBech32PrefixForConsensusNode(
		Bech32Prefix+sdk.PrefixValidator+sdk.PrefixConsensus,
		Bech32Prefix+sdk.PrefixValidator+sdk.PrefixConsensus+sdk.PrefixPublic,
	)
	cfg.SetCoinType(hd.Bip44CoinType)
	cfg.SetPurpose(sdk.Purpose)
	cfg.SetFullFundraiserPath(hd.BIP44HDPath) //nolint:staticcheck // still read by the keyring's default path
}
