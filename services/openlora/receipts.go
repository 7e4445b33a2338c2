package openlora

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/cosmos/evm/crypto/ethsecp256k1"

	"cosmossdk.io/math"

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
)

// ReceiptVersion is the version of the Receipt layout below.
const ReceiptVersion = 1

// receiptSigningPrefix starts the bytes a node signs for a receipt, so a
// receipt signature can never be taken for a transaction or an EIP-712
// signature by the same key (those start with 0x19 0x01 or an RLP list).
const receiptSigningPrefix = "\x19OpenLedger receipt v1\n"

// Receipt is what a serving node attests about one answer. Hashes are
// lowercase hex; amounts are aopen in decimal.
type Receipt struct {
	Version int    `json:"version"`
	ID      string `json:"id"`
	// Sequence orders the node's receipts; batches list receipts in it.
	Sequence    uint64 `json:"sequence"`
	ServingNode string `json:"serving_node"`
	// User paid with a voucher; empty when the node serves for free.
	User string `json:"user,omitempty"`
	// ModelID is the on-chain model (0 for a model served only locally).
	ModelID          uint64 `json:"model_id"`
	BaseModelID      uint64 `json:"base_model_id"`
	ModelSHA256      string `json:"model_sha256"`
	BaseSHA256       string `json:"base_sha256"`
	PromptSHA256     string `json:"prompt_sha256"`
	OutputSHA256     string `json:"output_sha256"`
	PromptTokens     uint64 `json:"prompt_tokens"`
	CompletionTokens uint64 `json:"completion_tokens"`
	// Fee is what the answer cost at the model's on-chain price.
	Fee string `json:"fee"`
	// VoucherNonce and VoucherAmount are the voucher the request carried
	// (the channel's payment for everything served before it).
	VoucherNonce  uint64 `json:"voucher_nonce,omitempty"`
	VoucherAmount string `json:"voucher_amount,omitempty"`
	// CumulativeDue is what the channel owes after this answer: the amount
	// the user's next voucher must carry.
	CumulativeDue string `json:"cumulative_due,omitempty"`
	// Method, Weights and Datasets are the answer's attribution.
	Method   string           `json:"method,omitempty"`
	Weights  []ReceiptWeight  `json:"weights"`
	Datasets []ReceiptDataset `json:"datasets"`
	// Extra are the answer's attributions by further methods (gradient
	// attribution for an adapter whose training recorded row gradients);
	// each is a leaf of its own on chain (Leaves).
	Extra []ReceiptAttribution `json:"extra_attributions,omitempty"`
	// Created is the unix time the answer was finished (informational).
	Created int64 `json:"created"`
}

// ReceiptWeight is one contribution's attribution weight, in ppm.
type ReceiptWeight struct {
	ContributionID uint64 `json:"contribution_id"`
	Ppm            uint32 `json:"ppm"`
}

// ReceiptDataset is a Datanet version the answer was attributed over, with
// the Merkle root the chain records for it.
type ReceiptDataset struct {
	DatanetID uint64 `json:"datanet_id"`
	Version   uint64 `json:"version"`
	Root      string `json:"root"`
}

// SignedReceipt is a receipt with the node's signature: 65 bytes r ‖ s ‖ v
// (v 0/1) over keccak256(receiptSigningPrefix ‖ canonical JSON of Receipt),
// by the key of Signer (0x address, EIP-55 checksummed).
type SignedReceipt struct {
	Receipt   Receipt `json:"receipt"`
	Signer    string  `json:"signer"`
	Signature string  `json:"signature"`
}

// canonicalJSON is the receipt's JSON as signed: Go's field order, no HTML
// escaping, no indentation.
func (r *Receipt) canonicalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Digest is what the node signs.
func (r *Receipt) Digest() ([]byte, error) {
	bz, err := r.canonicalJSON()
	if err != nil {
		return nil, err
	}
	return crypto.Keccak256(append([]byte(receiptSigningPrefix), bz...)), nil
}

// SignReceipt signs r with the node's key.
func SignReceipt(key *ethsecp256k1.PrivKey, r Receipt) (*SignedReceipt, error) {
	digest, err := r.Digest()
	if err != nil {
		return nil, err
	}
	sig, err := key.Sign(digest)
	if err != nil {
		return nil, err
	}
	return &SignedReceipt{
		Receipt: r, Signer: common.BytesToAddress(key.PubKey().Address()).Hex(), Signature: "0x" + hex.EncodeToString(sig),
	}, nil
}

// Verify checks the signature against the signer address.
func (s *SignedReceipt) Verify() error {
	digest, err := s.Receipt.Digest()
	if err != nil {
		return err
	}
	sig, err := hex.DecodeString(trim0x(s.Signature))
	if err != nil {
		return fmt.Errorf("signature: %w", err)
	}
	if len(sig) != crypto.SignatureLength {
		return fmt.Errorf("signature of %d bytes, want %d", len(sig), crypto.SignatureLength)
	}
	pub, err := crypto.SigToPub(digest, sig)
	if err != nil {
		return fmt.Errorf("signature: %w", err)
	}
	if signer := crypto.PubkeyToAddress(*pub); !strings.EqualFold(signer.Hex(), s.Signer) {
		return fmt.Errorf("signed by %s, not by %s", signer.Hex(), s.Signer)
	}
	return nil
}

// OnChain is the receipt as the chain sees it in a batch's receipts root
// and in a challenge.
func (r *Receipt) OnChain() (attributiontypes.Receipt, error) {
	out, err := hex.DecodeString(r.OutputSHA256)
	if err != nil {
		return attributiontypes.Receipt{}, fmt.Errorf("output hash: %w", err)
	}
	weights := make([]attributiontypes.ContributionWeight, len(r.Weights))
	for i, w := range r.Weights {
		weights[i] = attributiontypes.ContributionWeight{ContributionId: w.ContributionID, Ppm: w.Ppm}
	}
	return attributiontypes.Receipt{
		User: r.User, ModelID: r.ModelID, OutputHash: out, Weights: weights,
		PromptTokens: r.PromptTokens, CompletionTokens: r.CompletionTokens, Fee: r.FeeInt(), Method: r.Method,
	}, nil
}

// Leaves are the receipt's leaves in a batch's receipts root: OnChain,
// then the same answer with each extra method's weights.
func (r *Receipt) Leaves() ([]attributiontypes.Receipt, error) {
	primary, err := r.OnChain()
	if err != nil {
		return nil, err
	}
	out := []attributiontypes.Receipt{primary}
	for _, e := range r.Extra {
		leaf := primary
		leaf.Method = e.Method
		leaf.Weights = make([]attributiontypes.ContributionWeight, len(e.Weights))
		for i, w := range e.Weights {
			leaf.Weights[i] = attributiontypes.ContributionWeight{ContributionId: w.ContributionID, Ppm: w.Ppm}
		}
		out = append(out, leaf)
	}
	return out, nil
}

// FeeInt is the receipt's fee.
func (r *Receipt) FeeInt() math.Int {
	fee, ok := math.NewIntFromString(r.Fee)
	if !ok {
		return math.ZeroInt()
	}
	return fee
}

func trim0x(s string) string {
	if len(s) >= 2 && (s[:2] == "0x" || s[:2] == "0X") {
		return s[2:]
	}
	return s
}
