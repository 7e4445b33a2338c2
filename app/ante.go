package app

import (
	"github.com/ethereum/go-ethereum/common"

	evmante "github.com/cosmos/evm/ante"
	antetypes "github.com/cosmos/evm/ante/types"
)

// setAnteHandler installs cosmos/evm's ante handler, which routes Ethereum
// transactions (MsgEthereumTx) through EVM checks (nonce, signature, EIP-1559
// fees) and Cosmos transactions through the SDK checks plus the fee market's
// minimum gas price. maxTxGasWanted caps the gas a CheckTx may claim (0: no cap).
func (app *OpenLedgerApp) setAnteHandler(maxTxGasWanted uint64) {
	options := evmante.HandlerOptions{
		Cdc:                    app.appCodec,
		AccountKeeper:          app.AccountKeeper,
		BankKeeper:             app.BankKeeper,
		ExtensionOptionChecker: antetypes.HasDynamicFeeExtensionOption,
		EvmKeeper:              app.EVMKeeper,
		FeegrantKeeper:         app.FeeGrantKeeper,
		IBCKeeper:              app.IBCKeeper,
		FeeMarketKeeper:        app.FeeMarketKeeper,
		SignModeHandler:        app.txConfig.SignModeHandler(),
		SigGasConsumer:         evmante.SigVerificationGasConsumer,
		MaxTxGasWanted:         maxTxGasWanted,
		DynamicFeeChecker:      true,
		PendingTxListener:      app.onPendingTx,
	}
	if err := options.Validate(); err != nil {
		panic(err)
	}
	app.SetAnteHandler(evmante.NewAnteHandler(options))
}

// onPendingTx tells JSON-RPC subscribers (eth_subscribe newPendingTransactions)
// about a transaction that entered the mempool.
func (app *OpenLedgerApp) onPendingTx(hash common.Hash) {
	for _, listener := range app.pendingTxListeners {
		listener(hash)
	}
}

// RegisterPendingTxListener is called by the JSON-RPC server.
func (app *OpenLedgerApp) RegisterPendingTxListener(listener func(common.Hash)) {
	app.pendingTxListeners = append(app.pendingTxListeners, listener)
}
