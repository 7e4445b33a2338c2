package types

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/datanet/merkle"
)

// ReceiptDomain follows the tag byte 0x03 that starts every receipt leaf
// encoding, so a receipt leaf can
// never be mistaken for a Datanet contribution leaf (tag 0x00 followed by 40
// bytes), an inner node (tag 0x01) or a root (tag 0x02) of x/datanet/merkle.
const ReceiptDomain = "openledger/attribution/receipt/v1"

// MaxReceiptUserLength bounds the bech32 user string of a receipt.
const MaxReceiptUserLength = 255

// Encode returns the receipt's binary leaf encoding:
//
//	0x03 || "openledger/attribution/receipt/v1" (33 bytes)
//	|| len(user) (2 bytes, big-endian) || user (UTF-8 bech32 string)
//	|| model id (8 bytes, big-endian)
//	|| len(output hash) (2 bytes, big-endian) || output hash (32 bytes when valid)
//	|| weight count (4 bytes, big-endian)
//	|| for each weight: contribution id (8 bytes, big-endian) || ppm (4 bytes, big-endian)
//
// Every variable part is length-prefixed, so two different receipts never
// encode the same.
func (r Receipt) Encode() ([]byte, error) {
	if len(r.User) > MaxReceiptUserLength {
		return nil, fmt.Errorf("user of %d bytes, at most %d", len(r.User), MaxReceiptUserLength)
	}
	if len(r.OutputHash) > 0xffff {
		return nil, fmt.Errorf("output hash of %d bytes", len(r.OutputHash))
	}
	buf := make([]byte, 0, 1+len(ReceiptDomain)+2+len(r.User)+8+2+len(r.OutputHash)+4+12*len(r.Weights))
	buf = append(buf, 0x03)
	buf = append(buf, ReceiptDomain...)
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
	return buf, nil
}

// LeafHash is SHA-256 of the receipt's Encode: its leaf in the receipts root.
func (r Receipt) LeafHash() (merkle.Hash, error) {
	bz, err := r.Encode()
	if err != nil {
		return merkle.Hash{}, err
	}
	return sha256.Sum256(bz), nil
}

// Validate checks a receipt as a challenge carries it: a canonical bech32
// user, a model, a 32-byte output hash and at most maxWeights weights (the
// weights themselves are what the challenge disputes, so their values are
// not checked).
func (r Receipt) Validate(ac address.Codec, maxWeights uint32) error {
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
	return nil
}

// ReceiptLeaves returns the leaf hashes of receipts, in order.
func ReceiptLeaves(receipts []Receipt) ([]merkle.Hash, error) {
	leaves := make([]merkle.Hash, len(receipts))
	for i, r := range receipts {
		h, err := r.LeafHash()
		if err != nil {
			return nil, fmt.Errorf("receipt %d: %w", i, err)
		}
		leaves[i] = h
	}
	return leaves, nil
}

// ReceiptsRoot is the receipts root of a batch: merkle.Root over the leaf
// hashes (it binds the receipt count). An empty batch gives the all-zero
// "no receipts" root.
func ReceiptsRoot(receipts []Receipt) ([]byte, error) {
	if len(receipts) == 0 {
		return make([]byte, HashLength), nil
	}
	leaves, err := ReceiptLeaves(receipts)
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
// receipts[index], as MsgChallengeAttribution takes it.
func ReceiptProof(receipts []Receipt, index uint64) ([][]byte, error) {
	leaves, err := ReceiptLeaves(receipts)
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
// receipts whose root is root; errors wrap ErrInvalidProof.
func VerifyReceipt(root []byte, leafCount uint64, receipt Receipt, index uint64, proof [][]byte) error {
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
	leaf, err := receipt.LeafHash()
	if err != nil {
		return errorsmod.Wrapf(ErrInvalidProof, "receipt: %v", err)
	}
	if err := merkle.VerifyProof(rootHash, leafCount, leaf, index, siblings); err != nil {
		return errorsmod.Wrapf(ErrInvalidProof, "%v", err)
	}
	return nil
}
