package openlora

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cometbft/cometbft/mempool"

	"github.com/cosmos/evm/crypto/ethsecp256k1"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"

	"github.com/openledger/openledger/services/chaintx"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
)

// SettlerOptions configure the settlement loop.
type SettlerOptions struct {
	Store      *Store
	Chain      *Chain
	Key        *ethsecp256k1.PrivKey
	ChainID    string
	EVMChainID uint64
	TxConfig   client.TxConfig
	Codec      codec.JSONCodec
	// Interval is how often pending receipts are settled (default 30s);
	// MaxReceipts settles at once when that many are waiting (default 1000).
	Interval    time.Duration
	MaxReceipts int
	// MaxVouchers bounds the vouchers of one batch (default 1000).
	MaxVouchers int
	// GasPrice is the fee per gas in aopen (default 10^9, the chain's floor).
	GasPrice math.Int
	// ExpiryMargin skips vouchers that expire sooner (default 2 minutes).
	ExpiryMargin time.Duration
	Logger       *slog.Logger
}

// Settler turns receipts into MsgSettleBatch transactions: each channel's
// newest voucher pays for the channel's receipts served before it; the
// batch's receipts root, per-model usage and fee-weighted attribution
// (x/attribution's AggregateReceiptWeights) go on chain with the node's
// Settlement signature for every voucher. A batch and its signatures are
// written to the store before anything is broadcast, and a voucher is
// never signed into two batches, so a crash or restart can only resume or
// retry the same batch, never equivocate.
type Settler struct {
	opts    SettlerOptions
	node    sdk.AccAddress
	signer  *chaintx.Signer
	log     *slog.Logger
	mu      sync.Mutex // one settlement at a time
	trigger chan struct{}
	waiting atomic.Int64 // paid receipts since the last poke
	// OnFinished, when set, is called with each batch settled or refused.
	OnFinished func(*Batch)
}

// NewSettler checks the options and fills defaults.
func NewSettler(opts SettlerOptions) *Settler {
	if opts.Interval <= 0 {
		opts.Interval = 30 * time.Second
	}
	if opts.MaxReceipts <= 0 {
		opts.MaxReceipts = 1000
	}
	if opts.MaxVouchers <= 0 {
		opts.MaxVouchers = 1000
	}
	if opts.GasPrice.IsNil() {
		opts.GasPrice = chaintx.DefaultGasPrice
	}
	if opts.ExpiryMargin <= 0 {
		opts.ExpiryMargin = 2 * time.Minute
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	signer := &chaintx.Signer{Conn: opts.Chain.Conn(), TxConfig: opts.TxConfig, Key: opts.Key, ChainID: opts.ChainID, GasPrice: opts.GasPrice}
	return &Settler{opts: opts, node: signer.Address(), signer: signer, log: opts.Logger, trigger: make(chan struct{}, 1)}
}

// receiptAdded counts a new paid receipt and asks for a settlement once
// MaxReceipts are waiting.
func (s *Settler) receiptAdded() {
	if s.waiting.Add(1) >= int64(s.opts.MaxReceipts) {
		s.waiting.Store(0)
		s.Poke()
	}
}

// Poke asks for a settlement soon.
func (s *Settler) Poke() {
	select {
	case s.trigger <- struct{}{}:
	default:
	}
}

// Run settles every Interval, or when poked, until ctx ends; then it
// settles once more, so a graceful shutdown leaves nothing pending that
// could be settled.
func (s *Settler) Run(ctx context.Context) {
	ticker := time.NewTicker(s.opts.Interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			final, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
			if _, err := s.SettleOnce(final); err != nil {
				s.log.Error("final settlement failed", "err", err)
			}
			cancel()
			return
		case <-ticker.C:
		case <-s.trigger:
		}
		if _, err := s.SettleOnce(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("settlement failed", "err", err)
		}
	}
}

// SettleOnce finishes batches left pending (by a crash) and then settles
// what is ready; it returns the batches it finished.
func (s *Settler) SettleOnce(ctx context.Context) ([]*Batch, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var done []*Batch
	pending, err := s.opts.Store.Batches(BatchPending)
	if err != nil {
		return nil, err
	}
	for _, b := range pending {
		if err := s.submit(ctx, b); err != nil {
			return done, err
		}
		done = append(done, b)
	}
	for {
		b, err := s.build(ctx)
		if err != nil || b == nil {
			return done, err
		}
		if err := s.opts.Store.SaveBatch(b); err != nil {
			return done, err
		}
		if err := s.submit(ctx, b); err != nil {
			return done, err
		}
		done = append(done, b)
		if b.Status != BatchSettled {
			return done, nil
		}
	}
}

// build assembles the next batch from the store, or nil when nothing is
// ready.
func (s *Settler) build(ctx context.Context) (*Batch, error) {
	users, err := s.opts.Store.Channels()
	if err != nil {
		return nil, err
	}
	cutoff := uint64(time.Now().Add(s.opts.ExpiryMargin).Unix())
	type channelPart struct {
		user    string
		voucher StoredVoucher
		seqs    []uint64
	}
	var parts []channelPart
	for _, user := range users {
		ch, err := s.opts.Store.Channel(user)
		if err != nil {
			return nil, err
		}
		v := ch.Voucher
		if v == nil || v.Batch != "" || v.Nonce <= ch.SettledNonce || v.Expiry < cutoff {
			continue
		}
		amount, _ := math.NewIntFromString(v.Amount)
		settled, _ := math.NewIntFromString(ch.Settled)
		if !amount.GT(settled) {
			continue
		}
		seqs, err := s.opts.Store.Unsettled(user, v.Boundary)
		if err != nil {
			return nil, err
		}
		sum := math.ZeroInt()
		for _, seq := range seqs {
			r, _, err := s.opts.Store.ReceiptBySeq(seq)
			if err != nil {
				return nil, err
			}
			sum = sum.Add(r.Receipt.FeeInt())
		}
		if !sum.Equal(amount.Sub(settled)) {
			s.log.Error("channel accounting disagrees with its voucher; not settling it", "user", user,
				"voucher", amount, "settled", settled, "receipts", sum)
			continue
		}
		parts = append(parts, channelPart{user: user, voucher: *v, seqs: seqs})
		if len(parts) == s.opts.MaxVouchers {
			break
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}

	var seqs []uint64
	for _, p := range parts {
		seqs = append(seqs, p.seqs...)
	}
	slices.Sort(seqs)
	// Every receipt is one leaf per attribution method it carries; usage
	// counts each answer once, attribution is aggregated per method.
	var receipts []attributiontypes.Receipt
	type modelTotals struct {
		usage    inferencefeestypes.ModelUsage
		methods  []string // those seen; sorted before the entries are made
		byMethod map[string][]attributiontypes.PricedReceipt
	}
	byModel := map[uint64]*modelTotals{}
	for _, seq := range seqs {
		r, _, err := s.opts.Store.ReceiptBySeq(seq)
		if err != nil {
			return nil, err
		}
		leaves, err := r.Receipt.Leaves()
		if err != nil {
			return nil, err
		}
		receipts = append(receipts, leaves...)
		t := byModel[r.Receipt.ModelID]
		if t == nil {
			t = &modelTotals{usage: inferencefeestypes.ModelUsage{ModelId: r.Receipt.ModelID, Amount: math.ZeroInt()}, byMethod: map[string][]attributiontypes.PricedReceipt{}}
			byModel[r.Receipt.ModelID] = t
		}
		t.usage.Amount = t.usage.Amount.Add(r.Receipt.FeeInt())
		t.usage.InferenceCount++
		t.usage.Tokens += r.Receipt.PromptTokens + r.Receipt.CompletionTokens
		for _, leaf := range leaves {
			if leaf.Method == "" {
				continue
			}
			if _, seen := t.byMethod[leaf.Method]; !seen {
				t.methods = append(t.methods, leaf.Method)
			}
			t.byMethod[leaf.Method] = append(t.byMethod[leaf.Method], attributiontypes.PricedReceipt{Receipt: leaf, Fee: r.Receipt.FeeInt()})
		}
	}
	root, err := attributiontypes.ReceiptsRoot(receipts)
	if err != nil {
		return nil, err
	}
	msg := &inferencefeestypes.MsgSettleBatch{ServingNode: s.node.String(), ReceiptsRoot: root}
	modelIDs := make([]uint64, 0, len(byModel))
	for id := range byModel {
		modelIDs = append(modelIDs, id)
	}
	slices.Sort(modelIDs)
	for _, id := range modelIDs {
		t := byModel[id]
		msg.Usage = append(msg.Usage, t.usage)
		if !t.usage.Amount.IsPositive() {
			continue
		}
		slices.Sort(t.methods)
		for _, method := range t.methods {
			weights, err := attributiontypes.AggregateReceiptWeights(t.byMethod[method], attributiontypes.DefaultMaxWeightsPerRecord)
			if err != nil {
				return nil, fmt.Errorf("model %d %s attribution: %w", id, method, err)
			}
			if len(weights) > 0 {
				msg.Attribution = append(msg.Attribution, inferencefeestypes.ModelAttribution{ModelId: id, Method: method, Weights: weights})
			}
		}
	}
	batch := &Batch{Root: hex.EncodeToString(root), Receipts: seqs, Status: BatchPending}
	slices.SortFunc(parts, func(a, b channelPart) int { return cmp.Compare(a.user, b.user) })
	for _, p := range parts {
		user, err := sdk.AccAddressFromBech32(p.user)
		if err != nil {
			return nil, err
		}
		amount, _ := math.NewIntFromString(p.voucher.Amount)
		v := inferencefeestypes.Voucher{User: user, ServingNode: s.node, CumulativeAmount: amount, Nonce: p.voucher.Nonce, Expiry: p.voucher.Expiry}
		digest, err := v.Settlement(root).Digest(s.opts.EVMChainID)
		if err != nil {
			return nil, err
		}
		nodeSig, err := s.opts.Key.Sign(digest[:])
		if err != nil {
			return nil, err
		}
		userSig, err := hex.DecodeString(trim0x(p.voucher.Signature))
		if err != nil {
			return nil, err
		}
		msg.Vouchers = append(msg.Vouchers, inferencefeestypes.SignedVoucher{
			User: p.user, CumulativeAmount: amount, Nonce: p.voucher.Nonce, Expiry: p.voucher.Expiry,
			UserSignature: userSig, NodeSignature: nodeSig,
		})
		batch.Vouchers = append(batch.Vouchers, BatchVoucher{User: p.user, Nonce: p.voucher.Nonce, Amount: p.voucher.Amount})
	}
	if batch.Msg, err = s.opts.Codec.MarshalJSON(msg); err != nil {
		return nil, err
	}
	return batch, nil
}

// submit signs, broadcasts and confirms a pending batch's transaction (or
// confirms one broadcast before a restart), and records the outcome.
func (s *Settler) submit(ctx context.Context, b *Batch) error {
	var msg inferencefeestypes.MsgSettleBatch
	if err := s.opts.Codec.UnmarshalJSON(b.Msg, &msg); err != nil {
		return fmt.Errorf("batch %s: %w", b.Root, err)
	}
	txs := txtypes.NewServiceClient(s.opts.Chain.Conn())
	if b.TxHash != "" {
		if res, err := txs.GetTx(ctx, &txtypes.GetTxRequest{Hash: b.TxHash}); err == nil && res.TxResponse != nil {
			return s.finish(b, res.TxResponse)
		}
	}
	// Vouchers already settled on chain (by this batch, in a transaction
	// the node lost track of) make the batch settled.
	if settled, err := s.alreadySettled(ctx, b); err != nil {
		return err
	} else if settled {
		b.Status = BatchSettled
		return s.record(b)
	}
	// The transaction is signed once and written down before it is first
	// broadcast; after a crash the same bytes go out again, so a copy
	// already in the mempool is recognised rather than competed with.
	if len(b.TxBytes) == 0 {
		txBytes, err := s.signer.Sign(ctx, &msg)
		if err != nil {
			return err
		}
		b.TxBytes, b.TxHash = txBytes, fmt.Sprintf("%X", sha256.Sum256(txBytes))
		if err := s.opts.Store.FinishBatch(b); err != nil { // still pending, now with its transaction
			return err
		}
	}
	res, err := txs.BroadcastTx(ctx, &txtypes.BroadcastTxRequest{TxBytes: b.TxBytes, Mode: txtypes.BroadcastMode_BROADCAST_MODE_SYNC})
	switch {
	case err != nil && strings.Contains(err.Error(), mempool.ErrSeenTx.Error()):
		// The node's mempool already holds these bytes (broadcast in an
		// earlier round or before a restart): wait for them to commit.
		res = &txtypes.BroadcastTxResponse{TxResponse: &sdk.TxResponse{}}
	case err != nil:
		return fmt.Errorf("broadcasting batch %s: %w", b.Root, err)
	}
	code, sdkCode := res.TxResponse.Code, res.TxResponse.Codespace == "sdk"
	switch {
	case code == 0, sdkCode && code == codeTxInMempoolCache:
	case sdkCode && code == codeWrongSequence:
		// The stored transaction's account sequence is spent and its
		// vouchers are not settled (checked above): another transaction of
		// the operator key used it. The batch is signed again next round,
		// with the same settlements.
		b.TxBytes, b.TxHash = nil, ""
		if err := s.opts.Store.FinishBatch(b); err != nil {
			return err
		}
		return fmt.Errorf("batch %s: account sequence taken (%s); signing it again", b.Root, res.TxResponse.RawLog)
	case sdkCode && retryableCheckTx[code]:
		// The batch is fine; the node or its mempool is not ready for it.
		// It stays pending and goes again next round, unchanged.
		return fmt.Errorf("batch %s not accepted yet (code %d): %s", b.Root, code, res.TxResponse.RawLog)
	default:
		return s.finish(b, res.TxResponse)
	}
	deadline := time.After(confirmTimeout)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-deadline:
			// Dropped from the mempool, or a slow chain: the next round
			// looks the hash up again and rebroadcasts if needed.
			return fmt.Errorf("batch %s: transaction %s not committed within %s", b.Root, b.TxHash, confirmTimeout)
		case <-time.After(500 * time.Millisecond):
		}
		got, err := txs.GetTx(ctx, &txtypes.GetTxRequest{Hash: b.TxHash})
		if err == nil && got.TxResponse != nil {
			return s.finish(b, got.TxResponse)
		}
	}
}

// confirmTimeout bounds the wait for a broadcast settlement to be
// committed.
const confirmTimeout = time.Minute

// SDK CheckTx codes (codespace "sdk") after which a batch is broadcast
// again rather than given up: insufficient fee (13, a base fee above the
// node's gas price) and mempool full (20).
var retryableCheckTx = map[uint32]bool{13: true, 20: true}

// codeWrongSequence (32) is a transaction signed at a spent account
// sequence.
const codeWrongSequence = 32

// codeTxInMempoolCache (19) means the same transaction is already in the
// mempool: it is waited for like a new one.
const codeTxInMempoolCache = 19

func (s *Settler) alreadySettled(ctx context.Context, b *Batch) (bool, error) {
	if len(b.Vouchers) == 0 {
		return false, nil
	}
	v := b.Vouchers[0]
	s.opts.Chain.Forget("channel/" + v.User)
	ch, err := s.opts.Chain.Channel(ctx, v.User, s.node.String())
	if err != nil {
		return false, err
	}
	return ch.LastNonce >= v.Nonce, nil
}

func (s *Settler) finish(b *Batch, res *sdk.TxResponse) error {
	b.Height = res.Height
	if res.Code == 0 {
		b.Status = BatchSettled
	} else {
		b.Status, b.Error = BatchFailed, fmt.Sprintf("code %d: %s", res.Code, res.RawLog)
		s.log.Error("settlement refused", "batch", b.Root, "code", res.Code, "log", res.RawLog)
	}
	return s.record(b)
}

func (s *Settler) record(b *Batch) error {
	if err := s.opts.Store.FinishBatch(b); err != nil {
		return err
	}
	for _, v := range b.Vouchers {
		s.opts.Chain.Forget("channel/" + v.User)
		s.opts.Chain.Forget("credit/" + v.User)
	}
	if b.Status == BatchSettled {
		s.log.Info("batch settled", "root", b.Root, "receipts", len(b.Receipts), "vouchers", len(b.Vouchers), "height", b.Height)
	}
	if s.OnFinished != nil {
		s.OnFinished(b)
	}
	return nil
}

// ErrNoBatch is returned for receipts not yet in a settled batch.
var ErrNoBatch = errors.New("not in a settled batch yet")

// BatchReceipts is a batch's receipts in leaf order: the batch with id, or
// the newest with root when id is 0.
func BatchReceipts(store *Store, id uint64, root string) (*Batch, []*SignedReceipt, error) {
	var b *Batch
	var err error
	if id != 0 {
		b, err = store.Batch(id)
	} else {
		b, err = store.BatchByRoot(strings.ToLower(trim0x(root)))
	}
	if err != nil {
		return nil, nil, err
	}
	out := make([]*SignedReceipt, len(b.Receipts))
	for i, seq := range b.Receipts {
		if out[i], _, err = store.ReceiptBySeq(seq); err != nil {
			return nil, nil, err
		}
	}
	return b, out, nil
}
