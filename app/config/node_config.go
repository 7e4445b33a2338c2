package config

import (
	cmtcfg "github.com/cometbft/cometbft/config"

	evmserverconfig "github.com/cosmos/evm/server/config"

	clienthelpers "cosmossdk.io/client/v2/helpers"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
)

// DefaultNodeHome is where openledgerd keeps its data unless --home says otherwise.
func DefaultNodeHome() string {
	home, err := clienthelpers.GetNodeHomeDirectory(".openledger")
	if err != nil {
		panic(err)
	}
	return home
}

// AppConfig is app.toml: the SDK server settings plus the EVM and JSON-RPC ones.
type AppConfig struct {
	serverconfig.Config

	EVM     evmserverconfig.EVMConfig
	JSONRPC evmserverconfig.JSONRPCConfig
	TLS     evmserverconfig.TLSConfig
}

// AppConfigTemplate renders AppConfig into app.toml.
const AppConfigTemplate = serverconfig.DefaultConfigTemplate + evmserverconfig.DefaultEVMConfigTemplate

// DefaultAppConfig is the app.toml a new node starts with. The minimum gas
// price is zero because the fee market's base fee (with its own floor, set in
// genesis) already prices every transaction.
func DefaultAppConfig() AppConfig {
	srv := serverconfig.DefaultConfig()
	srv.MinGasPrices = "0" + BaseDenom

	evm := evmserverconfig.DefaultEVMConfig()
	evm.EVMChainID = DefaultEVMChainID

	return AppConfig{
		Config:  *srv,
		EVM:     *evm,
		JSONRPC: *evmserverconfig.DefaultJSONRPCConfig(),
		TLS:     *evmserverconfig.DefaultTLSConfig(),
	}
}

// DefaultCometConfig is config.toml for a new node: CometBFT's defaults, with
// the mempool handed to the application, where the EVM mempool orders
// Ethereum transactions by sender nonce and fee.
func DefaultCometConfig() *cmtcfg.Config {
	cfg := cmtcfg.DefaultConfig()
	cfg.Mempool.Type = cmtcfg.MempoolTypeApp
	return cfg
}
