package txguard

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync/atomic"

	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	abci "github.com/cometbft/cometbft/abci/types"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/log/v2"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// The paths a recovered panic is counted under.
const (
	PathMempoolAnte  = "mempool_ante"
	PathEVMToCosmos  = "evm_to_cosmos_tx"
	PathCheckTx      = "check_tx"
	PathInsertTx     = "insert_tx"
	PathReapTxs      = "reap_txs"
	panicMetricName  = "openledger.txguard.panics_recovered"
	panicMetricUsage = "Panics recovered on transaction paths outside baseapp's own recovery, by path"
)

var (
	recovered    atomic.Uint64
	panicCounter metric.Int64Counter
)

func init() {
	var err error
	panicCounter, err = otel.Meter("github.com/openledger/openledger/app/txguard").
		Int64Counter(panicMetricName, metric.WithDescription(panicMetricUsage))
	if err != nil {
		panic(err)
	}
}

// PanicsRecovered is how many panics this process has turned into rejected
// transactions since it started.
func PanicsRecovered() uint64 { return recovered.Load() }

// recoverAs turns a panic in the calling function into an ErrPanic error
// stored in *err, logs it with its stack and counts it. It must be deferred
// directly.
func recoverAs(logger log.Logger, path string, err *error) {
	r := recover()
	if r == nil {
		return
	}
	recovered.Add(1)
	panicCounter.Add(context.Background(), 1, metric.WithAttributes(attribute.String("path", path)))
	logger.Error("recovered a panic on a transaction path; the transaction is rejected",
		"path", path, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
	*err = errorsmod.Wrapf(sdkerrors.ErrPanic, "%s: %v", path, r)
}

// AnteHandler runs next and turns a panic into an error. The mempool runs the
// ante handler on its insert and recheck goroutines, where no one else
// recovers.
func AnteHandler(logger log.Logger, next sdk.AnteHandler) sdk.AnteHandler {
	return func(ctx sdk.Context, tx sdk.Tx, simulate bool) (newCtx sdk.Context, err error) {
		defer recoverAs(logger, PathMempoolAnte, &err)
		return next(ctx, tx, simulate)
	}
}

// TxConverter is what the EVM mempool uses to wrap an Ethereum transaction
// for the ante handler.
type TxConverter interface {
	EVMTxToCosmosTx(tx *ethtypes.Transaction) (sdk.Tx, error)
}

// RecoveringTxConverter turns a panic of the wrapped converter into an error.
type RecoveringTxConverter struct {
	Logger log.Logger
	Next   TxConverter
}

// EVMTxToCosmosTx implements TxConverter.
func (c RecoveringTxConverter) EVMTxToCosmosTx(tx *ethtypes.Transaction) (cosmosTx sdk.Tx, err error) {
	defer recoverAs(c.Logger, PathEVMToCosmos, &err)
	return c.Next.EVMTxToCosmosTx(tx)
}

// CheckTxHandler turns a panic of next (which decodes the transaction and
// inserts it into the mempool, on CometBFT's goroutine) into a rejection.
func CheckTxHandler(logger log.Logger, next sdk.CheckTxHandler) sdk.CheckTxHandler {
	return func(runTx sdk.RunTx, req *abci.RequestCheckTx) (res *abci.ResponseCheckTx, err error) {
		defer recoverAs(logger, PathCheckTx, &err)
		return next(runTx, req)
	}
}

// InsertTxHandler turns a panic of next (a transaction gossiped by a peer)
// into an error, which CometBFT counts as a failed transaction.
func InsertTxHandler(logger log.Logger, next sdk.InsertTxHandler) sdk.InsertTxHandler {
	return func(req *abci.RequestInsertTx) (res *abci.ResponseInsertTx, err error) {
		defer recoverAs(logger, PathInsertTx, &err)
		return next(req)
	}
}

// ReapTxsHandler turns a panic of next into an error answer to CometBFT.
func ReapTxsHandler(logger log.Logger, next sdk.ReapTxsHandler) sdk.ReapTxsHandler {
	return func(req *abci.RequestReapTxs) (res *abci.ResponseReapTxs, err error) {
		defer recoverAs(logger, PathReapTxs, &err)
		return next(req)
	}
}
