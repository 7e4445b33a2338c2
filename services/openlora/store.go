package openlora

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sync"

	dbm "github.com/cosmos/cosmos-db"
)

// Store is the node's durable state: receipts, channels, vouchers, signed
// settlements and batches, in a LevelDB folder. Every change a user or the
// chain could hold the node to is written with a synced batch before the
// node acts on it: a receipt before its answer is sent, a settlement
// signature before its transaction is broadcast.
//
// Keys (all values JSON):
//
//	r/<seq>              SignedReceipt
//	id/<receipt id>      seq
//	o/<seq>              the answer's text (raw)
//	c/<user>             ChannelState
//	u/<user>/<seq>       (empty) a receipt of the channel not yet settled
//	rb/<seq>             id of a receipt's settled batch
//	b/<id>               Batch
//	br/<root>            id of the newest batch with that receipts root (two
//	                     batches of identical receipts share a root)
//	ss/<user>/<nonce>    batch root a settlement of that voucher was signed for
//	meta/next-seq        next receipt sequence
//	meta/next-batch      next batch id
type Store struct {
	mu      sync.Mutex
	db      dbm.DB
	nextSeq uint64
}

// ChannelState is the node's account of one user's channel. Amounts are
// aopen in decimal.
type ChannelState struct {
	// Served is everything the channel's answers have cost, settled or not.
	Served string `json:"served"`
	// Settled and SettledNonce are the channel as last settled on chain.
	Settled      string `json:"settled"`
	SettledNonce uint64 `json:"settled_nonce"`
	// Voucher is the newest voucher the user gave, if any.
	Voucher *StoredVoucher `json:"voucher,omitempty"`
}

// StoredVoucher is an accepted voucher.
type StoredVoucher struct {
	Nonce     uint64 `json:"nonce"`
	Amount    string `json:"amount"`
	Expiry    uint64 `json:"expiry"`
	Signature string `json:"signature"`
	// Boundary is the receipt sequence at acceptance: the channel's
	// receipts below it are what the voucher pays for.
	Boundary uint64 `json:"boundary"`
	// Batch is the root of the batch whose settlement signature was made
	// for this voucher; a voucher is signed into at most one batch.
	Batch string `json:"batch,omitempty"`
}

// Batch statuses.
const (
	BatchPending = "pending"
	BatchSettled = "settled"
	BatchFailed  = "failed"
)

// Batch is a settlement batch the node built.
type Batch struct {
	// ID numbers the node's batches from 1; Root, the receipts root, is
	// not unique (answers identical in every on-chain field make identical
	// leaves).
	ID       uint64         `json:"id"`
	Root     string         `json:"root"`
	Receipts []uint64       `json:"receipts"`
	Vouchers []BatchVoucher `json:"vouchers"`
	// Msg is the MsgSettleBatch as JSON (proto JSON of the chain's codec).
	Msg json.RawMessage `json:"msg"`
	// TxBytes is the signed transaction, written before its first
	// broadcast; TxHash its hash.
	TxBytes []byte `json:"tx_bytes,omitempty"`
	TxHash  string `json:"tx_hash,omitempty"`
	Height  int64  `json:"height,omitempty"`
	Status  string `json:"status"`
	Error   string `json:"error,omitempty"`
}

// BatchVoucher names one voucher a batch settles.
type BatchVoucher struct {
	User   string `json:"user"`
	Nonce  uint64 `json:"nonce"`
	Amount string `json:"amount"`
}

// ErrNotFound is returned for unknown receipts and batches.
var ErrNotFound = errors.New("not found")

// OpenStore opens (or creates) the store in dir.
func OpenStore(dir string) (*Store, error) {
	db, err := dbm.NewGoLevelDB("openlora", filepath.Clean(dir), nil)
	if err != nil {
		return nil, fmt.Errorf("opening the node store in %s: %w", dir, err)
	}
	s := &Store{db: db, nextSeq: 1}
	if bz, err := db.Get([]byte("meta/next-seq")); err != nil {
		return nil, err
	} else if len(bz) == 8 {
		s.nextSeq = binary.BigEndian.Uint64(bz)
	}
	return s, nil
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

func seqKey(prefix string, seq uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte(prefix), seq)
}

func (s *Store) getJSON(key []byte, v any) (bool, error) {
	bz, err := s.db.Get(key)
	if err != nil || bz == nil {
		return false, err
	}
	return true, json.Unmarshal(bz, v)
}

func setJSON(b dbm.Batch, key []byte, v any) error {
	bz, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Set(key, bz)
}

// Channel returns a user's channel state (zero amounts when new).
func (s *Store) Channel(user string) (ChannelState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.channel(user)
}

func (s *Store) channel(user string) (ChannelState, error) {
	ch := ChannelState{Served: "0", Settled: "0"}
	_, err := s.getJSON([]byte("c/"+user), &ch)
	return ch, err
}

// UpdateChannel applies change to a user's channel and writes it, synced.
func (s *Store) UpdateChannel(user string, change func(*ChannelState) error) (ChannelState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, err := s.channel(user)
	if err != nil {
		return ch, err
	}
	if err := change(&ch); err != nil {
		return ch, err
	}
	b := s.db.NewBatch()
	defer b.Close()
	if err := setJSON(b, []byte("c/"+user), ch); err != nil {
		return ch, err
	}
	return ch, b.WriteSync()
}

// CommitReceipt gives a finished answer the next sequence, lets build
// make its signed receipt and update the user's channel (user is empty for
// free answers), and writes both with the answer's text (published with
// its batch, so anyone can recompute the attribution), synced, before
// returning.
func (s *Store) CommitReceipt(user, output string, build func(seq uint64, ch *ChannelState) (*SignedReceipt, error)) (*SignedReceipt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ch ChannelState
	if user != "" {
		var err error
		if ch, err = s.channel(user); err != nil {
			return nil, err
		}
	}
	seq := s.nextSeq
	r, err := build(seq, &ch)
	if err != nil {
		return nil, err
	}
	b := s.db.NewBatch()
	defer b.Close()
	if err := setJSON(b, seqKey("r/", seq), r); err != nil {
		return nil, err
	}
	if err := b.Set([]byte("id/"+r.Receipt.ID), binary.BigEndian.AppendUint64(nil, seq)); err != nil {
		return nil, err
	}
	if err := b.Set(seqKey("o/", seq), []byte(output)); err != nil {
		return nil, err
	}
	if user != "" {
		if err := setJSON(b, []byte("c/"+user), ch); err != nil {
			return nil, err
		}
		if err := b.Set(seqKey("u/"+user+"/", seq), []byte{}); err != nil {
			return nil, err
		}
	}
	if err := b.Set([]byte("meta/next-seq"), binary.BigEndian.AppendUint64(nil, seq+1)); err != nil {
		return nil, err
	}
	if err := b.WriteSync(); err != nil {
		return nil, err
	}
	s.nextSeq = seq + 1
	return r, nil
}

// NextSequence is the sequence the next receipt will get.
func (s *Store) NextSequence() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.nextSeq
}

// Receipt returns a receipt by id, with the id of its settled batch (0
// before it is in one).
func (s *Store) Receipt(id string) (*SignedReceipt, uint64, error) {
	bz, err := s.db.Get([]byte("id/" + id))
	if err != nil {
		return nil, 0, err
	}
	if len(bz) != 8 {
		return nil, 0, ErrNotFound
	}
	return s.ReceiptBySeq(binary.BigEndian.Uint64(bz))
}

// ReceiptBySeq returns a receipt by sequence, with the id of its settled
// batch (0 before it is in one).
func (s *Store) ReceiptBySeq(seq uint64) (*SignedReceipt, uint64, error) {
	var r SignedReceipt
	if ok, err := s.getJSON(seqKey("r/", seq), &r); err != nil {
		return nil, 0, err
	} else if !ok {
		return nil, 0, ErrNotFound
	}
	id, err := s.db.Get(seqKey("rb/", seq))
	if err != nil || len(id) != 8 {
		return &r, 0, err
	}
	return &r, binary.BigEndian.Uint64(id), nil
}

// Channels lists the users with a channel, in ascending order.
func (s *Store) Channels() ([]string, error) {
	it, err := s.db.Iterator([]byte("c/"), []byte("c0"))
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var users []string
	for ; it.Valid(); it.Next() {
		users = append(users, string(it.Key()[2:]))
	}
	return users, it.Error()
}

// Unsettled lists a channel's receipt sequences below boundary that no
// settled batch covers, ascending.
func (s *Store) Unsettled(user string, boundary uint64) ([]uint64, error) {
	prefix := "u/" + user + "/"
	it, err := s.db.Iterator(seqKey(prefix, 0), seqKey(prefix, boundary))
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var seqs []uint64
	for ; it.Valid(); it.Next() {
		seqs = append(seqs, binary.BigEndian.Uint64(it.Key()[len(prefix):]))
	}
	return seqs, it.Error()
}

// SignedSettlement is the batch root a settlement of (user, nonce) was
// signed for, or "".
func (s *Store) SignedSettlement(user string, nonce uint64) (string, error) {
	bz, err := s.db.Get(seqKey("ss/"+user+"/", nonce))
	return string(bz), err
}

// SaveBatch writes a new pending batch together with the settlement
// signatures it holds (one per voucher) and marks its vouchers as signed,
// synced, before anything is broadcast. It refuses a voucher already
// signed into another batch: signing two settlements for one voucher is
// equivocation.
func (s *Store) SaveBatch(batch *Batch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.db.NewBatch()
	defer b.Close()
	if batch.ID == 0 {
		next := uint64(1)
		if bz, err := s.db.Get([]byte("meta/next-batch")); err != nil {
			return err
		} else if len(bz) == 8 {
			next = binary.BigEndian.Uint64(bz)
		}
		batch.ID = next
		if err := b.Set([]byte("meta/next-batch"), binary.BigEndian.AppendUint64(nil, next+1)); err != nil {
			return err
		}
	}
	for _, v := range batch.Vouchers {
		key := seqKey("ss/"+v.User+"/", v.Nonce)
		prev, err := s.db.Get(key)
		if err != nil {
			return err
		}
		if prev != nil && string(prev) != batch.Root {
			return fmt.Errorf("voucher %d of %s is already signed into batch %s", v.Nonce, v.User, prev)
		}
		if err := b.Set(key, []byte(batch.Root)); err != nil {
			return err
		}
		ch, err := s.channel(v.User)
		if err != nil {
			return err
		}
		if ch.Voucher != nil && ch.Voucher.Nonce == v.Nonce {
			ch.Voucher.Batch = batch.Root
			if err := setJSON(b, []byte("c/"+v.User), ch); err != nil {
				return err
			}
		}
	}
	if err := setJSON(b, seqKey("b/", batch.ID), batch); err != nil {
		return err
	}
	if err := b.Set([]byte("br/"+batch.Root), binary.BigEndian.AppendUint64(nil, batch.ID)); err != nil {
		return err
	}
	return b.WriteSync()
}

// FinishBatch records a batch's outcome. A settled batch's receipts leave
// the unsettled lists, point to the batch, and its channels take the
// vouchers' amounts and nonces as settled; a failed batch leaves its
// receipts to a later batch (under newer vouchers).
func (s *Store) FinishBatch(batch *Batch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.db.NewBatch()
	defer b.Close()
	if batch.Status == BatchSettled {
		for _, seq := range batch.Receipts {
			var r SignedReceipt
			if _, err := s.getJSON(seqKey("r/", seq), &r); err != nil {
				return err
			}
			if err := b.Delete(seqKey("u/"+r.Receipt.User+"/", seq)); err != nil {
				return err
			}
			if err := b.Set(seqKey("rb/", seq), binary.BigEndian.AppendUint64(nil, batch.ID)); err != nil {
				return err
			}
		}
		for _, v := range batch.Vouchers {
			ch, err := s.channel(v.User)
			if err != nil {
				return err
			}
			ch.Settled, ch.SettledNonce = v.Amount, v.Nonce
			if err := setJSON(b, []byte("c/"+v.User), ch); err != nil {
				return err
			}
		}
	}
	if err := setJSON(b, seqKey("b/", batch.ID), batch); err != nil {
		return err
	}
	return b.WriteSync()
}

// Batch returns a batch by id.
func (s *Store) Batch(id uint64) (*Batch, error) {
	var batch Batch
	if ok, err := s.getJSON(seqKey("b/", id), &batch); err != nil {
		return nil, err
	} else if !ok {
		return nil, ErrNotFound
	}
	return &batch, nil
}

// BatchByRoot returns the newest batch with a receipts root (hex).
func (s *Store) BatchByRoot(root string) (*Batch, error) {
	bz, err := s.db.Get([]byte("br/" + root))
	if err != nil {
		return nil, err
	}
	if len(bz) != 8 {
		return nil, ErrNotFound
	}
	return s.Batch(binary.BigEndian.Uint64(bz))
}

// Batches lists every batch with status (all when status is empty).
func (s *Store) Batches(status string) ([]*Batch, error) {
	it, err := s.db.Iterator([]byte("b/"), []byte("b0"))
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []*Batch
	for ; it.Valid(); it.Next() {
		var batch Batch
		if err := json.Unmarshal(it.Value(), &batch); err != nil {
			return nil, err
		}
		if status == "" || batch.Status == status {
			out = append(out, &batch)
		}
	}
	return out, it.Error()
}

// AcceptVoucher records v as a channel's newest voucher, with the current
// receipt sequence as its boundary, if check (run under the store's lock
// on the current channel state) allows it.
func (s *Store) AcceptVoucher(user string, v StoredVoucher, check func(*ChannelState) error) (ChannelState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, err := s.channel(user)
	if err != nil {
		return ch, err
	}
	if err := check(&ch); err != nil {
		return ch, err
	}
	if ch.Voucher != nil && ch.Voucher.Nonce == v.Nonce {
		return ch, nil // the same voucher again: nothing changes
	}
	v.Boundary = s.nextSeq
	ch.Voucher = &v
	b := s.db.NewBatch()
	defer b.Close()
	if err := setJSON(b, []byte("c/"+user), ch); err != nil {
		return ch, err
	}
	return ch, b.WriteSync()
}

// Output is the text of a receipt's answer.
func (s *Store) Output(seq uint64) (string, error) {
	bz, err := s.db.Get(seqKey("o/", seq))
	return string(bz), err
}
