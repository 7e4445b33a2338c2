package types

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/datanet/merkle"
)

// Receipt leaf encodings. A record keeps the version its batch's receipts
// were committed with (AttributionRecord.receipt_version), and a challenge
// proves its receipt with that version.
const (
	// ReceiptVersion1 encodes user, model, output hash and weights: the
	// receipts of records settled before receipts carried tokens and fees.
	ReceiptVersion1 uint32 = 1
	// ReceiptVersion2 adds the prompt tokens, completion tokens and fee.
	ReceiptVersion2 uint32 = 2
	// ReceiptVersion3 adds the attribution method, so an answer can carry
	// a receipt per method.
	ReceiptVersion3 uint32 = 3
	// CurrentReceiptVersion is the encoding of new batches, of Encode,
	// LeafHash, ReceiptsRoot and ReceiptProof.
	CurrentReceiptVersion = ReceiptVersion3
)

// ReceiptDomain follows the tag byte 0x03 that starts every receipt leaf
// encoding (version 3), so a receipt leaf can never be mistaken for a
// Datanet contribution leaf (tag 0x00 followed by 40 bytes), an inner node
// (tag 0x01) or a root (tag 0x02) of x/datanet/merkle, nor for a receipt
// leaf of another version (ReceiptDomainV1, ReceiptDomainV2).
const ReceiptDomain = "openledger/attribution/receipt/v3"

// ReceiptDomainV2 is the domain of version 2 receipt leaves.
const ReceiptDomainV2 = "openledger/attribution/receipt/v2"

// ReceiptDomainV1 is the domain of version 1 receipt leaves.
const ReceiptDomainV1 = "openledger/attribution/receipt/v1"

// MaxReceiptUserLength bounds the bech32 user string of a receipt.
const MaxReceiptUserLength = 255

// receiptTag starts every receipt leaf encoding.
const receiptTag = 0x03

// Encode returns the receipt's binary leaf encoding, version 3 (all
// integers big-endian):
//
//	0x03 || "openledger/attribution/receipt/v3" (33 bytes)
//	|| len(user) (2 bytes) || user (UTF-8 bech32 string)
//	|| model id (8 bytes)
//	|| len(output hash) (2 bytes) || output hash (32 bytes when valid)
//	|| weight count (4 bytes)
//	|| for each weight: contribution id (8 bytes) || ppm (4 bytes)
//	|| prompt tokens (8 bytes)
//	|| completion tokens (8 bytes)
//	|| len(fee) (2 bytes) || fee (big-endian magnitude, no leading zero
//	   bytes; zero is length 0)
//	|| len(method) (1 byte) || method
//
// Version 2 is the same without the method, with the domain
// "openledger/attribution/receipt/v2"; version 1 is version 2 up to and
// including the weights, with the domain "openledger/attribution/receipt/v1"
// and nothing after them. Every variable part is length-prefixed and the fee is
// encoded canonically, so two different receipts never encode the same. A
// negative fee cannot be encoded.
func (r Receipt) Encode() ([]byte, error) { return r.EncodeVersion(CurrentReceiptVersion) }

// EncodeVersion returns the receipt's leaf encoding in a given version (see
// Encode). Version 2 leaves out the method, version 1 the token counts and
// the fee too.
func (r Receipt) EncodeVersion(version uint32) ([]byte, error) {
	domain := ReceiptDomain
	switch version {
	case ReceiptVersion1:
		domain = ReceiptDomainV1
	case ReceiptVersion2:
		domain = ReceiptDomainV2
	case ReceiptVersion3:
		if len(r.Method) > MaxMethodLength {
			return nil, fmt.Errorf("method of %d bytes, at most %d", len(r.Method), MaxMethodLength)
		}
	default:
		return nil, fmt.Errorf("unknown receipt version %d", version)
	}
	if len(r.User) > MaxReceiptUserLength {
		return nil, fmt.Errorf("user of %d bytes, at most %d", len(r.User), MaxReceiptUserLength)
	}
	if len(r.OutputHash) > 0xffff {
		return nil, fmt.Errorf("output hash of %d bytes", len(r.OutputHash))
	}
	var fee []byte
	if version >= ReceiptVersion2 && !r.Fee.IsNil() {
		if r.Fee.IsNegative() {
			return nil, fmt.Errorf("fee %s is negative", r.Fee)
		}
		fee = r.Fee.BigInt().Bytes() // big-endian, no leading zeros; empty for zero
	}
	buf := make([]byte, 0, 1+len(domain)+2+len(r.User)+8+2+len(r.OutputHash)+4+12*len(r.Weights)+8+8+2+len(fee)+1+len(r.Method))
	buf = append(buf, receiptTag)
	buf = append(buf, domain...)
	buf = binary.BigEndian.AppendUint16(buf, uint16(len(r.User)))
	buf = append(buf, r.User...)
	buf = binary.BigEndian.AppendUint64(buf, r.ModelID)
	buf = binary.BigEndian.AppendUint16(buf, uint16(len(r.OutputHash)))
	buf = append(buf, r.OutputHash...)
	buf = binary.BigEndian.AppendUint32(buf, uint32(len(r.Weights)))
	for _, w := range r.Weights {
		buf = binary.BigEndian.AppendUint64(buf, w.ContributionId)
		buf = binary.BigEndian.AppendUint32(buf, w.Ppm)
	}
	if version == ReceiptVersion1 {
		return buf, nil
	}
	buf = binary.BigEndian.AppendUint64(buf, r.PromptTokens)
	buf = binary.BigEndian.AppendUint64(buf, r.CompletionTokens)
	buf = binary.BigEndian.AppendUint16(buf, uint16(len(fee)))
	buf = append(buf, fee...)
	if version == ReceiptVersion2 {
		return buf, nil
	}
	buf = append(buf, byte(len(r.Method)))
	return append(buf, r.Method...), nil
}

// LeafHash is SHA-256 of the receipt's Encode: its leaf in the receipts root.
func (r Receipt) LeafHash() (merkle.Hash, error) { return r.LeafHashVersion(CurrentReceiptVersion) }

// LeafHashVersion is SHA-256 of EncodeVersion(version).
func (r Receipt) LeafHashVersion(version uint32) (merkle.Hash, error) {
	bz, err := r.EncodeVersion(version)
	if err != nil {
		return merkle.Hash{}, err
	}
	return sha256.Sum256(bz), nil
}

// FeeOrZero is the receipt's fee, zero when unset.
func (r Receipt) FeeOrZero() math.Int {
	if r.Fee.IsNil() {
		return math.ZeroInt()
	}
	return r.Fee
}

// TotalTokens is the receipt's prompt plus completion tokens, the token
// count its fee prices; ok is false when the sum does not fit 64 bits (no
// inference has that many tokens, so no fee can be right for it).
func (r Receipt) TotalTokens() (tokens uint64, ok bool) {
	sum := r.PromptTokens + r.CompletionTokens
	return sum, sum >= r.PromptTokens
}

// Validate checks a receipt as a challenge of a version 2 record carries it
// (ValidateVersion with CurrentReceiptVersion).
func (r Receipt) Validate(ac address.Codec, maxWeights uint32) error {
	return r.ValidateVersion(CurrentReceiptVersion, ac, maxWeights)
}

// ValidateVersion checks a receipt as a challenge carries it: a canonical
// bech32 user, a model, a 32-byte output hash, at most maxWeights weights,
// from version 2 a fee that is zero or positive, and from version 3 a valid
// method (earlier versions have none). The weights, token
// counts and fee are what challenges dispute, so their values are not
// checked further. A version 1 receipt has no token counts or fee: they must
// be zero, since its leaf does not commit to them.
func (r Receipt) ValidateVersion(version uint32, ac address.Codec, maxWeights uint32) error {
	if _, canonical, err := ParseAddress(ac, "receipt user", r.User); err != nil {
		return errorsmod.Wrapf(ErrInvalidReceipt, "%v", err)
	} else if canonical != r.User {
		return errorsmod.Wrapf(ErrInvalidReceipt, "user %q is not in canonical form %q", r.User, canonical)
	}
	if r.ModelID == 0 {
		return errorsmod.Wrap(ErrInvalidReceipt, "model id must be above zero")
	}
	if len(r.OutputHash) != HashLength {
		return errorsmod.Wrapf(ErrInvalidReceipt, "output hash of %d bytes, want %d", len(r.OutputHash), HashLength)
	}
	if uint64(len(r.Weights)) > uint64(maxWeights) {
		return errorsmod.Wrapf(ErrInvalidReceipt, "%d weights, at most %d", len(r.Weights), maxWeights)
	}
	switch version {
	case ReceiptVersion1:
		if r.PromptTokens != 0 || r.CompletionTokens != 0 || (!r.Fee.IsNil() && !r.Fee.IsZero()) {
			return errorsmod.Wrap(ErrInvalidReceipt, "a version 1 receipt carries no token counts or fee")
		}
	case ReceiptVersion2, ReceiptVersion3:
		if !r.Fee.IsNil() && r.Fee.IsNegative() {
			return errorsmod.Wrapf(ErrInvalidReceipt, "fee %s is negative", r.Fee)
		}
		if version == ReceiptVersion3 {
			if err := ValidateMethod(r.Method); err != nil {
				return errorsmod.Wrapf(ErrInvalidReceipt, "%v", err)
			}
		}
	default:
		return errorsmod.Wrapf(ErrInvalidReceipt, "unknown receipt version %d", version)
	}
	if version < ReceiptVersion3 && r.Method != "" {
		return errorsmod.Wrapf(ErrInvalidReceipt, "a version %d receipt carries no method", version)
	}
	return nil
}

// ReceiptLeaves returns the leaf hashes of receipts, in order (current
// version).
func ReceiptLeaves(receipts []Receipt) ([]merkle.Hash, error) {
	return ReceiptLeavesVersion(CurrentReceiptVersion, receipts)
}

// ReceiptLeavesVersion returns the leaf hashes of receipts in a version.
func ReceiptLeavesVersion(version uint32, receipts []Receipt) ([]merkle.Hash, error) {
	leaves := make([]merkle.Hash, len(receipts))
	for i, r := range receipts {
		h, err := r.LeafHashVersion(version)
		if err != nil {
			return nil, fmt.Errorf("receipt %d: %w", i, err)
		}
		leaves[i] = h
	}
	return leaves, nil
}

// ReceiptsRoot is the receipts root of a batch: merkle.Root over the leaf
// hashes (it binds the receipt count), in the current version. An empty
// batch gives the all-zero "no receipts" root.
func ReceiptsRoot(receipts []Receipt) ([]byte, error) {
	return ReceiptsRootVersion(CurrentReceiptVersion, receipts)
}

// ReceiptsRootVersion is ReceiptsRoot with the leaves of a version (a
// version 1 record's root is rebuilt with ReceiptVersion1).
func ReceiptsRootVersion(version uint32, receipts []Receipt) ([]byte, error) {
	if len(receipts) == 0 {
		return make([]byte, HashLength), nil
	}
	leaves, err := ReceiptLeavesVersion(version, receipts)
	if err != nil {
		return nil, err
	}
	root, err := merkle.Root(leaves)
	if err != nil {
		return nil, err
	}
	return root.Bytes(), nil
}

// ReceiptProof returns the proof (merkle.Depth sibling hashes) of
// receipts[index], as MsgChallengeAttribution and MsgChallengeUsage take
// it, in the current version.
func ReceiptProof(receipts []Receipt, index uint64) ([][]byte, error) {
	return ReceiptProofVersion(CurrentReceiptVersion, receipts, index)
}

// ReceiptProofVersion is ReceiptProof with the leaves of a version.
func ReceiptProofVersion(version uint32, receipts []Receipt, index uint64) ([][]byte, error) {
	leaves, err := ReceiptLeavesVersion(version, receipts)
	if err != nil {
		return nil, err
	}
	siblings, err := merkle.Proof(leaves, index)
	if err != nil {
		return nil, err
	}
	out := make([][]byte, len(siblings))
	for i, s := range siblings {
		out[i] = s.Bytes()
	}
	return out, nil
}

// VerifyReceipt checks that receipt is leaf index of the batch of leafCount
// receipts whose root is root, in the current version; errors wrap
// ErrInvalidProof.
func VerifyReceipt(root []byte, leafCount uint64, receipt Receipt, index uint64, proof [][]byte) error {
	return VerifyReceiptVersion(CurrentReceiptVersion, root, leafCount, receipt, index, proof)
}

// VerifyReceiptVersion is VerifyReceipt with the leaf of a version: a
// challenge verifies with its record's receipt_version.
func VerifyReceiptVersion(version uint32, root []byte, leafCount uint64, receipt Receipt, index uint64, proof [][]byte) error {
	rootHash, err := merkle.HashFromBytes(root)
	if err != nil {
		return errorsmod.Wrapf(ErrInvalidProof, "receipts root: %v", err)
	}
	if len(proof) != merkle.Depth {
		return errorsmod.Wrapf(ErrInvalidProof, "%d sibling hashes, want %d", len(proof), merkle.Depth)
	}
	siblings := make([]merkle.Hash, len(proof))
	for i, p := range proof {
		if siblings[i], err = merkle.HashFromBytes(p); err != nil {
			return errorsmod.Wrapf(ErrInvalidProof, "sibling %d: %v", i, err)
		}
	}
	leaf, err := receipt.LeafHashVersion(version)
	if err != nil {
		return errorsmod.Wrapf(ErrInvalidProof, "receipt: %v", err)
	}
	if err := merkle.VerifyProof(rootHash, leafCount, leaf, index, siblings); err != nil {
		return errorsmod.Wrapf(ErrInvalidProof, "%v", err)
	}
	return nil
}
