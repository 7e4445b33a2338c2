package config_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/app/config"
)

// The Keplr chain-info file in docs/ must describe the chain as built.
func TestKeplrChainInfoMatchesChain(t *testing.T) {
	raw, err := os.ReadFile("../../docs/keplr-chain-info.json")
	require.NoError(t, err)
	var info struct {
		ChainID      string                 `json:"chainId"`
		BIP44        struct{ CoinType int } `json:"bip44"`
		Bech32Config map[string]string      `json:"bech32Config"`
		Currencies   []struct {
			CoinDenom        string `json:"coinDenom"`
			CoinMinimalDenom string `json:"coinMinimalDenom"`
			CoinDecimals     int    `json:"coinDecimals"`
		} `json:"currencies"`
		EVM struct {
			ChainID uint64 `json:"chainId"`
		} `json:"evm"`
	}
	require.NoError(t, json.Unmarshal(raw, &info))

	require.Equal(t, config.LocalChainID, info.ChainID)
	require.Equal(t, 60, info.BIP44.CoinType)
	require.Equal(t, config.Bech32Prefix, info.Bech32Config["bech32PrefixAccAddr"])
	require.Equal(t, config.Bech32Prefix+"valoper", info.Bech32Config["bech32PrefixValAddr"])
	require.Equal(t, config.DisplayDenom, info.Currencies[0].CoinDenom)
	require.Equal(t, config.BaseDenom, info.Currencies[0].CoinMinimalDenom)
	require.Equal(t, config.Decimals, info.Currencies[0].CoinDecimals)
	require.Equal(t, config.DefaultEVMChainID, info.EVM.ChainID)
}
