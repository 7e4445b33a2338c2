package ibc_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/app/config"
)

// registryChain is the part of a chain-registry chain.json the chain's
// constants decide.
type registryChain struct {
	ChainName    string            `json:"chain_name"`
	ChainType    string            `json:"chain_type"`
	ChainID      string            `json:"chain_id"`
	Bech32Prefix string            `json:"bech32_prefix"`
	Bech32Config map[string]string `json:"bech32_config"`
	DaemonName   string            `json:"daemon_name"`
	NodeHome     string            `json:"node_home"`
	KeyAlgos     []string          `json:"key_algos"`
	Slip44       int               `json:"slip44"`
	Fees         struct {
		FeeTokens []struct {
			Denom            string `json:"denom"`
			FixedMinGasPrice int64  `json:"fixed_min_gas_price"`
			LowGasPrice      int64  `json:"low_gas_price"`
			AverageGasPrice  int64  `json:"average_gas_price"`
			HighGasPrice     int64  `json:"high_gas_price"`
		} `json:"fee_tokens"`
	} `json:"fees"`
	Staking struct {
		StakingTokens []struct {
			Denom string `json:"denom"`
		} `json:"staking_tokens"`
	} `json:"staking"`
	Codebase struct {
		SDK       struct{ Version string } `json:"sdk"`
		Consensus struct{ Version string } `json:"consensus"`
		IBC       struct{ Version string } `json:"ibc"`
	} `json:"codebase"`
	APIs map[string][]struct {
		Address string `json:"address"`
	} `json:"apis"`
}

type registryAssets struct {
	ChainName string `json:"chain_name"`
	Assets    []struct {
		Description string `json:"description"`
		DenomUnits  []struct {
			Denom    string   `json:"denom"`
			Exponent uint32   `json:"exponent"`
			Aliases  []string `json:"aliases"`
		} `json:"denom_units"`
		TypeAsset string `json:"type_asset"`
		Base      string `json:"base"`
		Name      string `json:"name"`
		Display   string `json:"display"`
		Symbol    string `json:"symbol"`
	} `json:"assets"`
}

// keplrInfo is the part of docs/keplr-chain-info.json both files state.
type keplrInfo struct {
	ChainID       string `json:"chainId"`
	RPC           string `json:"rpc"`
	REST          string `json:"rest"`
	FeeCurrencies []struct {
		GasPriceStep struct{ Low, Average, High int64 } `json:"gasPriceStep"`
	} `json:"feeCurrencies"`
	EVM struct {
		RPC string `json:"rpc"`
	} `json:"evm"`
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, v))
}

// TestChainRegistryFilesMatchTheChain: the chain-registry description of
// the localnet and of OPEN says what the chain's constants, the Keplr chain
// info beside it and the module versions this binary is built from say.
func TestChainRegistryFilesMatchTheChain(t *testing.T) {
	dir := filepath.Join("..", "..", "docs", "chain-registry", "openledgerlocal")
	var chain registryChain
	readJSON(t, filepath.Join(dir, "chain.json"), &chain)
	var assets registryAssets
	readJSON(t, filepath.Join(dir, "assetlist.json"), &assets)
	var keplr keplrInfo
	readJSON(t, filepath.Join("..", "..", "docs", "keplr-chain-info.json"), &keplr)

	// Chain identity and addresses.
	require.Equal(t, "cosmos", chain.ChainType)
	require.Equal(t, config.LocalChainID, chain.ChainID)
	require.Equal(t, keplr.ChainID, chain.ChainID)
	require.Equal(t, config.Bech32Prefix, chain.Bech32Prefix)
	require.Equal(t, map[string]string{
		"bech32PrefixAccAddr":  config.Bech32Prefix,
		"bech32PrefixAccPub":   config.Bech32Prefix + sdk.PrefixPublic,
		"bech32PrefixValAddr":  config.Bech32Prefix + sdk.PrefixValidator + sdk.PrefixOperator,
		"bech32PrefixValPub":   config.Bech32Prefix + sdk.PrefixValidator + sdk.PrefixOperator + sdk.PrefixPublic,
		"bech32PrefixConsAddr": config.Bech32Prefix + sdk.PrefixValidator + sdk.PrefixConsensus,
		"bech32PrefixConsPub":  config.Bech32Prefix + sdk.PrefixValidator + sdk.PrefixConsensus + sdk.PrefixPublic,
	}, chain.Bech32Config)
	require.Equal(t, config.AppName, chain.DaemonName)
	require.Equal(t, "$HOME/"+filepath.Base(config.DefaultNodeHome()), chain.NodeHome)
	require.Equal(t, []string{"ethsecp256k1"}, chain.KeyAlgos)
	require.Equal(t, 60, chain.Slip44)

	// Fees and staking are in aopen; gas prices as the Keplr info states them.
	require.Len(t, chain.Fees.FeeTokens, 1)
	fee := chain.Fees.FeeTokens[0]
	require.Equal(t, config.BaseDenom, fee.Denom)
	step := keplr.FeeCurrencies[0].GasPriceStep
	require.Equal(t, []int64{step.Low, step.Low, step.Average, step.High},
		[]int64{fee.FixedMinGasPrice, fee.LowGasPrice, fee.AverageGasPrice, fee.HighGasPrice})
	require.Len(t, chain.Staking.StakingTokens, 1)
	require.Equal(t, config.BaseDenom, chain.Staking.StakingTokens[0].Denom)
	require.Equal(t, keplr.RPC, chain.APIs["rpc"][0].Address)
	require.Equal(t, keplr.REST, chain.APIs["rest"][0].Address)
	require.Equal(t, keplr.EVM.RPC, chain.APIs["evm-http-jsonrpc"][0].Address)

	// The versions are those go.mod builds the chain from.
	deps := requiredVersions(t)
	require.Equal(t, deps["github.com/cosmos/cosmos-sdk"], chain.Codebase.SDK.Version)
	require.Equal(t, deps["github.com/cometbft/cometbft"], chain.Codebase.Consensus.Version)
	require.Equal(t, deps["github.com/cosmos/ibc-go/v11"], chain.Codebase.IBC.Version)

	// OPEN is the bank metadata the chain's genesis writes.
	require.Equal(t, chain.ChainName, assets.ChainName)
	require.Len(t, assets.Assets, 1)
	open, metadata := assets.Assets[0], config.CoinMetadata()
	require.Equal(t, "sdk.coin", open.TypeAsset)
	require.Equal(t, metadata.Description, open.Description)
	require.Equal(t, metadata.Base, open.Base)
	require.Equal(t, metadata.Display, open.Display)
	require.Equal(t, metadata.Name, open.Name)
	require.Equal(t, metadata.Symbol, open.Symbol)
	require.Len(t, open.DenomUnits, len(metadata.DenomUnits))
	for i, unit := range metadata.DenomUnits {
		require.Equal(t, unit.Denom, open.DenomUnits[i].Denom)
		require.Equal(t, unit.Exponent, open.DenomUnits[i].Exponent)
		require.Equal(t, unit.Aliases, open.DenomUnits[i].Aliases)
	}
}

// requiredVersions reads the module versions go.mod requires.
func requiredVersions(t *testing.T) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	require.NoError(t, err)
	versions := map[string]string{}
	for _, line := range strings.Split(string(raw), "\n") {
		fields := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(fields) >= 2 && strings.HasPrefix(fields[1], "v") {
			versions[fields[0]] = fields[1]
		}
	}
	return versions
}
