package openlora

import (
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"

	attributioncli "github.com/openledger/openledger/x/attribution/client/cli"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
)

// ReceiptProof places a receipt in its settled batch: its leaf index and
// the Merkle proof to the receipts root recorded on chain (what
// `tx attribution challenge-receipt` and x/attribution's VerifyReceipt
// take). A receipt with extra attributions has a leaf per method: the
// first is its own method's, Extra the others', in the receipt's order.
type ReceiptProof struct {
	BatchID   uint64      `json:"batch_id"`
	Root      string      `json:"root"`
	LeafIndex uint64      `json:"leaf_index"`
	LeafCount uint64      `json:"leaf_count"`
	Proof     []string    `json:"proof"`
	Extra     []LeafProof `json:"extra_leaves,omitempty"`
	TxHash    string      `json:"tx_hash"`
	Height    int64       `json:"height"`
}

// LeafProof is one more leaf of a receipt: its method, index and proof.
type LeafProof struct {
	Method    string   `json:"method"`
	LeafIndex uint64   `json:"leaf_index"`
	Proof     []string `json:"proof"`
}

// ReceiptAnswer is GET /v1/receipts/{id}.
type ReceiptAnswer struct {
	Receipt *SignedReceipt `json:"receipt"`
	// Status is "free" (not paid), "unsettled" or "settled".
	Status string        `json:"status"`
	Batch  *ReceiptProof `json:"batch,omitempty"`
}

// BatchAnswer is GET /v1/batches/{root}: the batch and, for each receipt,
// the signed receipt and the answer's text.
type BatchAnswer struct {
	*Batch
	Answers []BatchEntry `json:"answers"`
}

// BatchEntry is one answer of a batch.
type BatchEntry struct {
	Receipt *SignedReceipt `json:"receipt"`
	Output  string         `json:"output"`
}

func (s *Server) handleReceipt(w http.ResponseWriter, r *http.Request) {
	signed, batchID, err := s.opts.Store.Receipt(r.PathValue("id"))
	if errors.Is(err, ErrNotFound) {
		writeError(w, notFound("receipt_not_found", "no receipt %q on this node", r.PathValue("id")))
		return
	} else if err != nil {
		writeError(w, err)
		return
	}
	answer := ReceiptAnswer{Receipt: signed, Status: "unsettled"}
	if signed.Receipt.User == "" {
		answer.Status = "free"
	}
	if batchID != 0 {
		b, receipts, err := BatchReceipts(s.opts.Store, batchID, "")
		if err != nil {
			writeError(w, err)
			return
		}
		var onChain []attributiontypes.Receipt
		var first uint64
		var methods []string
		for _, rc := range receipts {
			leaves, err := rc.Receipt.Leaves()
			if err != nil {
				writeError(w, err)
				return
			}
			if rc.Receipt.Sequence == signed.Receipt.Sequence {
				first = uint64(len(onChain))
				for _, l := range leaves {
					methods = append(methods, l.Method)
				}
			}
			onChain = append(onChain, leaves...)
		}
		hexProof := func(index uint64) ([]string, error) {
			proof, err := attributiontypes.ReceiptProof(onChain, index)
			if err != nil {
				return nil, err
			}
			out := make([]string, len(proof))
			for i, sib := range proof {
				out[i] = hex.EncodeToString(sib)
			}
			return out, nil
		}
		p := &ReceiptProof{BatchID: b.ID, Root: b.Root, LeafIndex: first, LeafCount: uint64(len(onChain)), TxHash: b.TxHash, Height: b.Height}
		if p.Proof, err = hexProof(first); err != nil {
			writeError(w, err)
			return
		}
		for k := 1; k < len(methods); k++ {
			proof, err := hexProof(first + uint64(k))
			if err != nil {
				writeError(w, err)
				return
			}
			p.Extra = append(p.Extra, LeafProof{Method: methods[k], LeafIndex: first + uint64(k), Proof: proof})
		}
		answer.Status, answer.Batch = "settled", p
	}
	writeJSON(w, answer)
}

func (s *Server) handleBatches(w http.ResponseWriter, r *http.Request) {
	batches, err := s.opts.Store.Batches(r.URL.Query().Get("status"))
	if err != nil {
		writeError(w, err)
		return
	}
	if batches == nil {
		batches = []*Batch{}
	}
	writeJSON(w, map[string]any{"batches": batches})
}

// handleBatchReceipts answers with the batch's receipts file (the format
// `tx attribution challenge-receipt` reads); ?answers=true answers with
// the batch, its signed receipts and the answers' texts instead. The path
// names a batch by receipts root (the newest batch with it) or, since two
// batches of identical answers share a root, by ?id=.
func (s *Server) handleBatchReceipts(w http.ResponseWriter, r *http.Request) {
	var id uint64
	if q := r.URL.Query().Get("id"); q != "" {
		var err error
		if id, err = strconv.ParseUint(q, 10, 64); err != nil {
			writeError(w, invalidRequest("id", "invalid_batch_id", "batch id %q is not a number", q))
			return
		}
	}
	b, receipts, err := BatchReceipts(s.opts.Store, id, r.PathValue("root"))
	if errors.Is(err, ErrNotFound) {
		writeError(w, notFound("batch_not_found", "no batch %q on this node", r.PathValue("root")))
		return
	} else if err != nil {
		writeError(w, err)
		return
	}
	if r.URL.Query().Get("answers") == "true" {
		out := BatchAnswer{Batch: b}
		for _, rc := range receipts {
			text, err := s.opts.Store.Output(rc.Receipt.Sequence)
			if err != nil {
				writeError(w, err)
				return
			}
			out.Answers = append(out.Answers, BatchEntry{Receipt: rc, Output: text})
		}
		writeJSON(w, out)
		return
	}
	var onChain []attributiontypes.Receipt
	for _, rc := range receipts {
		leaves, err := rc.Receipt.Leaves()
		if err != nil {
			writeError(w, err)
			return
		}
		onChain = append(onChain, leaves...)
	}
	w.Header().Set("Content-Type", "application/json")
	_ = attributioncli.WriteReceipts(w, onChain)
}
