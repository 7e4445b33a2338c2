package app

import (
	abci "github.com/cometbft/cometbft/abci/types"

	evmmempool "github.com/cosmos/evm/mempool"
	evmserver "github.com/cosmos/evm/server"
	evmtypes "github.com/cosmos/evm/x/vm/types"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/app/txguard"
)

// configureEVMMempool installs cosmos/evm's mempool, which orders Ethereum
// transactions by nonce and fee the way wallets expect (a transaction with a
// future nonce waits in a queue instead of being rejected) and keeps Cosmos
// transactions in a priority pool beside them.
func (app *OpenLedgerApp) configureEVMMempool(appOpts servertypes.AppOptions, logger log.Logger) error {
	// Before genesis has configured the EVM there is nothing to order.
	if evmtypes.GetChainConfig() == nil {
		return nil
	}

	// The mempool runs the ante handler on its own insert and recheck
	// goroutines, outside baseapp's panic recovery: a panic there must reject
	// the transaction, not stop the node.
	anteHandler := txguard.AnteHandler(logger, app.AnteHandler())
	mempoolConfig := evmserver.ResolveMempoolConfig(anteHandler, appOpts, logger)
	cosmosPoolMaxTx := evmserver.GetCosmosPoolMaxTx(appOpts, logger)
	if cosmosPoolMaxTx < 0 {
		logger.Info("EVM mempool disabled by configuration")
		return nil
	}
	if err := evmserver.ValidateReapBounds(appOpts, mempoolConfig.BlockGasLimit); err != nil {
		return err
	}

	txEncoder := txguard.RecoveringTxConverter{Logger: logger, Next: evmmempool.NewTxEncoder(app.txConfig)}
	mempool := evmmempool.NewMempool(
		app.CreateQueryContext, logger, app.EVMKeeper, app.FeeMarketKeeper, app.txConfig,
		evmmempool.NewTxRechecker(anteHandler, txEncoder),
		evmmempool.NewTxRechecker(anteHandler, txEncoder),
		mempoolConfig, cosmosPoolMaxTx,
	)
	app.EVMMempool = mempool

	// Transactions in the mempool were checked on entry and are re-checked on
	// every new block, so building a proposal only needs to encode them.
	app.SetPrepareProposal(baseapp.NewDefaultProposalHandler(mempool, encodeOnlyTxVerifier{app.BaseApp}).PrepareProposalHandler())
	app.SetInsertTxHandler(txguard.InsertTxHandler(logger, mempool.NewInsertTxHandler(app.TxDecode)))
	app.SetReapTxsHandler(txguard.ReapTxsHandler(logger, mempool.NewReapTxsHandler()))
	checkTx := mempool.NewCheckTxHandler(app.TxDecode, evmserver.GetMempoolCheckTxTimeout(appOpts, logger))
	app.SetCheckTxHandler(answerCheckTxErrors(txguard.CheckTxHandler(logger, checkTx)))
	app.SetMempool(mempool)
	app.SetPrepareCheckStater(func(_ sdk.Context) {
		if !mempool.HasEventBus() {
			mempool.NotifyNewBlock()
		}
	})
	return nil
}

// answerCheckTxErrors turns a CheckTx error (bytes that do not decode as a
// transaction) into a rejection with its error code and log. CometBFT's app
// mempool never answers broadcast_tx_sync when CheckTx returns an error
// (cometbft/cometbft#5952), so a client sending garbage would wait until its
// own timeout instead of reading "tx parse error".
func answerCheckTxErrors(checkTx sdk.CheckTxHandler) sdk.CheckTxHandler {
	return func(runTx sdk.RunTx, req *abci.RequestCheckTx) (*abci.ResponseCheckTx, error) {
		res, err := checkTx(runTx, req)
		if err != nil {
			return evmmempool.ErrAsCheckTxResponse(err), nil
		}
		return res, nil
	}
}

// encodeOnlyTxVerifier skips re-running the ante handler on transactions the
// mempool already validated when a proposal is prepared.
type encodeOnlyTxVerifier struct {
	*baseapp.BaseApp
}

var _ baseapp.ProposalTxVerifier = encodeOnlyTxVerifier{}

func (v encodeOnlyTxVerifier) PrepareProposalVerifyTx(tx sdk.Tx) ([]byte, error) {
	return v.TxEncode(tx)
}
