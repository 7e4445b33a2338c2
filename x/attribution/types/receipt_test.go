package types_test

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/datanet/merkle"
)

func sampleReceipt(i int) types.Receipt {
	out := sha256.Sum256([]byte(fmt.Sprintf("output %d", i)))
	return types.Receipt{
		User: "open1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du", ModelID: 7, OutputHash: out[:],
		Weights:      []types.ContributionWeight{{ContributionId: 3, Ppm: 250_000}, {ContributionId: 9, Ppm: 1}},
		PromptTokens: 1_200, CompletionTokens: 345, Fee: math.NewInt(0x01_0203), Method: "poa-2.x",
	}
}

// v1Body is what follows the domain in the version 1 encoding of
// sampleReceipt(0); version 2 appends the tokens and the fee to it.
func v1Body(r types.Receipt) []byte {
	var want []byte
	want = binary.BigEndian.AppendUint16(want, uint16(len(r.User)))
	want = append(want, r.User...)
	want = binary.BigEndian.AppendUint64(want, 7)
	want = binary.BigEndian.AppendUint16(want, 32)
	want = append(want, r.OutputHash...)
	want = binary.BigEndian.AppendUint32(want, 2)
	want = binary.BigEndian.AppendUint64(want, 3)
	want = binary.BigEndian.AppendUint32(want, 250_000)
	want = binary.BigEndian.AppendUint64(want, 9)
	return binary.BigEndian.AppendUint32(want, 1)
}

// TestReceiptEncoding pins the version 3 leaf encoding byte by byte, and
// version 2's: serving nodes and challengers in other languages must
// produce the same leaves.
func TestReceiptEncoding(t *testing.T) {
	r := sampleReceipt(0)
	got, err := r.Encode()
	require.NoError(t, err)
	want := append([]byte{0x03}, "openledger/attribution/receipt/v3"...)
	want = append(want, v1Body(r)...)
	want = binary.BigEndian.AppendUint64(want, 1_200)
	want = binary.BigEndian.AppendUint64(want, 345)
	want = append(want, 0x00, 0x03, 0x01, 0x02, 0x03) // fee 0x010203: 3 bytes
	want = append(want, 7)                            // method "poa-2.x": 7 bytes
	want = append(want, "poa-2.x"...)
	require.Equal(t, hex.EncodeToString(want), hex.EncodeToString(got))
	leaf3, err := r.LeafHash()
	require.NoError(t, err)
	require.Equal(t, merkle.Hash(sha256.Sum256(want)), leaf3)
	// The same answer by another method is another leaf.
	other := r
	other.Method = "tracin-1.lora.sparse-sign"
	otherLeaf, err := other.LeafHash()
	require.NoError(t, err)
	require.NotEqual(t, leaf3, otherLeaf)
	r.Method = strings.Repeat("m", 33)
	_, err = r.Encode()
	require.Error(t, err, "a method longer than the chain takes")

	// Version 2 has no method, with its own domain.
	r = sampleReceipt(0)
	r.Method = ""
	got, err = r.EncodeVersion(types.ReceiptVersion2)
	require.NoError(t, err)
	want = append([]byte{0x03}, "openledger/attribution/receipt/v2"...)
	want = append(want, v1Body(r)...)
	want = binary.BigEndian.AppendUint64(want, 1_200)
	want = binary.BigEndian.AppendUint64(want, 345)
	want = append(want, 0x00, 0x03, 0x01, 0x02, 0x03) // fee 0x010203: 3 bytes
	require.Equal(t, hex.EncodeToString(want), hex.EncodeToString(got))
	leaf, err := r.LeafHashVersion(types.ReceiptVersion2)
	require.NoError(t, err)
	require.Equal(t, merkle.Hash(sha256.Sum256(want)), leaf)

	// Zero fee: length 0 whether unset or zero, so both encode the same.
	r.Fee = math.ZeroInt()
	zero, err := r.EncodeVersion(types.ReceiptVersion2)
	require.NoError(t, err)
	require.Equal(t, append(append([]byte{}, want[:len(want)-5]...), 0x00, 0x00), zero)
	r.Fee = math.Int{}
	unset, err := r.EncodeVersion(types.ReceiptVersion2)
	require.NoError(t, err)
	require.Equal(t, zero, unset)

	// A fee of 2^255 takes 32 bytes; a negative fee cannot be encoded.
	r.Fee = math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 255))
	big32, err := r.EncodeVersion(types.ReceiptVersion2)
	require.NoError(t, err)
	require.Equal(t, []byte{0x00, 0x20, 0x80}, big32[len(big32)-34:len(big32)-31])
	r.Fee = math.NewInt(-1)
	_, err = r.Encode()
	require.Error(t, err)

	// Version 1 leaves the tokens and the fee out, with its own domain.
	r = sampleReceipt(0)
	v1, err := r.EncodeVersion(types.ReceiptVersion1)
	require.NoError(t, err)
	require.Equal(t, hex.EncodeToString(append(append([]byte{0x03}, "openledger/attribution/receipt/v1"...), v1Body(r)...)), hex.EncodeToString(v1))
	leaf1, err := r.LeafHashVersion(types.ReceiptVersion1)
	require.NoError(t, err)
	require.NotEqual(t, leaf, leaf1)
	_, err = r.EncodeVersion(4)
	require.Error(t, err)
}

// TestReceiptEncodingV1 pins the version 1 encoding byte by byte (records
// settled before version 2 are still challenged with it).
func TestReceiptEncodingV1(t *testing.T) {
	r := sampleReceipt(0)
	r.PromptTokens, r.CompletionTokens, r.Fee = 0, 0, math.Int{}
	got, err := r.EncodeVersion(types.ReceiptVersion1)
	require.NoError(t, err)

	want := append([]byte{0x03}, "openledger/attribution/receipt/v1"...)
	want = append(want, v1Body(r)...)
	require.Equal(t, hex.EncodeToString(want), hex.EncodeToString(got))

	leaf, err := r.LeafHashVersion(types.ReceiptVersion1)
	require.NoError(t, err)
	require.Equal(t, merkle.Hash(sha256.Sum256(want)), leaf)
}

// TestReceiptLeafBindsEveryField: changing any field of a receipt changes
// its version 2 leaf.
func TestReceiptLeafBindsEveryField(t *testing.T) {
	leaf, err := sampleReceipt(0).LeafHash()
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		mutate func(*types.Receipt)
	}{
		{"user", func(r *types.Receipt) { r.User += "x" }},
		{"model", func(r *types.Receipt) { r.ModelID++ }},
		{"output", func(r *types.Receipt) { r.OutputHash = append([]byte{}, r.OutputHash[:31]...) }},
		{"weight", func(r *types.Receipt) { r.Weights[1].Ppm++ }},
		{"drop", func(r *types.Receipt) { r.Weights = r.Weights[:1] }},
		{"prompt tokens", func(r *types.Receipt) { r.PromptTokens++ }},
		{"completion tokens", func(r *types.Receipt) { r.CompletionTokens++ }},
		{"tokens moved from completion to prompt", func(r *types.Receipt) { r.PromptTokens, r.CompletionTokens = r.CompletionTokens, r.PromptTokens }},
		{"fee", func(r *types.Receipt) { r.Fee = r.Fee.AddRaw(1) }},
		{"fee zero", func(r *types.Receipt) { r.Fee = math.ZeroInt() }},
	} {
		other := sampleReceipt(0)
		other.Weights = append([]types.ContributionWeight(nil), other.Weights...)
		tc.mutate(&other)
		h, err := other.LeafHash()
		require.NoError(t, err)
		require.NotEqual(t, leaf, h, tc.name)
	}
}

func TestReceiptsRootAndProofs(t *testing.T) {
	var receipts []types.Receipt
	for i := 0; i < 5; i++ {
		receipts = append(receipts, sampleReceipt(i))
	}
	root, err := types.ReceiptsRoot(receipts)
	require.NoError(t, err)
	require.Len(t, root, 32)
	for i := range receipts {
		proof, err := types.ReceiptProof(receipts, uint64(i))
		require.NoError(t, err)
		require.NoError(t, types.VerifyReceipt(root, 5, receipts[i], uint64(i), proof))
		require.ErrorIs(t, types.VerifyReceipt(root, 5, receipts[(i+1)%5], uint64(i), proof), types.ErrInvalidProof)
		require.ErrorIs(t, types.VerifyReceipt(root, 6, receipts[i], uint64(i), proof), types.ErrInvalidProof)
	}
	_, err = types.ReceiptProof(receipts, 5)
	require.Error(t, err)
	require.ErrorIs(t, types.VerifyReceipt(root[:31], 5, receipts[0], 0, nil), types.ErrInvalidProof)

	empty, err := types.ReceiptsRoot(nil)
	require.NoError(t, err)
	require.True(t, types.NoReceipts(empty))
	require.False(t, types.NoReceipts(root))
}

func TestReceiptValidate(t *testing.T) {
	ac := addresscodec.NewBech32Codec("open")
	user, err := ac.BytesToString(sdk.AccAddress("user________________"))
	require.NoError(t, err)
	ok := sampleReceipt(0)
	ok.User = user
	require.NoError(t, ok.Validate(ac, 2))
	for _, tc := range []struct {
		name   string
		mutate func(*types.Receipt)
	}{
		{"bad user", func(r *types.Receipt) { r.User = "x" }},
		{"model 0", func(r *types.Receipt) { r.ModelID = 0 }},
		{"short output", func(r *types.Receipt) { r.OutputHash = r.OutputHash[:31] }},
		{"too many weights", func(r *types.Receipt) { r.Weights = append(r.Weights, r.Weights[0]) }},
		{"negative fee", func(r *types.Receipt) { r.Fee = math.NewInt(-1) }},
		{"no method", func(r *types.Receipt) { r.Method = "" }},
		{"bad method", func(r *types.Receipt) { r.Method = "Exact Spans" }},
	} {
		r := sampleReceipt(0)
		r.User = user
		tc.mutate(&r)
		require.ErrorIs(t, r.Validate(ac, 2), types.ErrInvalidReceipt, tc.name)
	}

	// Version 1 receipts carry no tokens or fee: their leaves do not commit
	// to them.
	v1 := ok
	require.ErrorIs(t, v1.ValidateVersion(types.ReceiptVersion1, ac, 2), types.ErrInvalidReceipt)
	require.ErrorIs(t, v1.ValidateVersion(types.ReceiptVersion2, ac, 2), types.ErrInvalidReceipt, "a version 2 receipt has no method")
	v1.Method = ""
	require.NoError(t, v1.ValidateVersion(types.ReceiptVersion2, ac, 2))
	v1.PromptTokens, v1.CompletionTokens, v1.Fee = 0, 0, math.Int{}
	require.NoError(t, v1.ValidateVersion(types.ReceiptVersion1, ac, 2))
	v1.Fee = math.ZeroInt()
	require.NoError(t, v1.ValidateVersion(types.ReceiptVersion1, ac, 2))
	require.ErrorIs(t, v1.ValidateVersion(0, ac, 2), types.ErrInvalidReceipt)
}

func TestReceiptTotalTokens(t *testing.T) {
	r := sampleReceipt(0)
	n, ok := r.TotalTokens()
	require.True(t, ok)
	require.Equal(t, uint64(1_545), n)
	r.PromptTokens, r.CompletionTokens = ^uint64(0), 1
	_, ok = r.TotalTokens()
	require.False(t, ok, "a sum above 64 bits is no token count")
}

func TestReceiptsRootVersion1(t *testing.T) {
	var receipts []types.Receipt
	for i := 0; i < 3; i++ {
		r := sampleReceipt(i)
		r.PromptTokens, r.CompletionTokens, r.Fee = 0, 0, math.Int{}
		receipts = append(receipts, r)
	}
	root1, err := types.ReceiptsRootVersion(types.ReceiptVersion1, receipts)
	require.NoError(t, err)
	root2, err := types.ReceiptsRoot(receipts)
	require.NoError(t, err)
	require.NotEqual(t, root1, root2)
	proof, err := types.ReceiptProofVersion(types.ReceiptVersion1, receipts, 1)
	require.NoError(t, err)
	require.NoError(t, types.VerifyReceiptVersion(types.ReceiptVersion1, root1, 3, receipts[1], 1, proof))
	require.ErrorIs(t, types.VerifyReceipt(root1, 3, receipts[1], 1, proof), types.ErrInvalidProof, "a v1 proof is no v2 proof")
	require.ErrorIs(t, types.VerifyReceiptVersion(9, root1, 3, receipts[1], 1, proof), types.ErrInvalidProof)
}
