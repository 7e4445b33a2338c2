package types_test

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/datanet/merkle"
)

func sampleReceipt(i int) types.Receipt {
	out := sha256.Sum256([]byte(fmt.Sprintf("output %d", i)))
	return types.Receipt{
		User: "open1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du", ModelID: 7, OutputHash: out[:],
		Weights: []types.ContributionWeight{{ContributionId: 3, Ppm: 250_000}, {ContributionId: 9, Ppm: 1}},
	}
}

// TestReceiptEncoding pins the leaf encoding byte by byte: serving nodes and
// challengers in other languages must produce the same leaves.
func TestReceiptEncoding(t *testing.T) {
	r := sampleReceipt(0)
	got, err := r.Encode()
	require.NoError(t, err)

	var want []byte
	want = append(want, 0x03)
	want = append(want, "openledger/attribution/receipt/v1"...)
	want = binary.BigEndian.AppendUint16(want, uint16(len(r.User)))
	want = append(want, r.User...)
	want = binary.BigEndian.AppendUint64(want, 7)
	want = binary.BigEndian.AppendUint16(want, 32)
	want = append(want, r.OutputHash...)
	want = binary.BigEndian.AppendUint32(want, 2)
	want = binary.BigEndian.AppendUint64(want, 3)
	want = binary.BigEndian.AppendUint32(want, 250_000)
	want = binary.BigEndian.AppendUint64(want, 9)
	want = binary.BigEndian.AppendUint32(want, 1)
	require.Equal(t, hex.EncodeToString(want), hex.EncodeToString(got))

	leaf, err := r.LeafHash()
	require.NoError(t, err)
	require.Equal(t, merkle.Hash(sha256.Sum256(want)), leaf)

	// Every field is bound.
	for _, tc := range []struct {
		name   string
		mutate func(*types.Receipt)
	}{
		{"user", func(r *types.Receipt) { r.User += "x" }},
		{"model", func(r *types.Receipt) { r.ModelID++ }},
		{"output", func(r *types.Receipt) { r.OutputHash = append([]byte{}, r.OutputHash[:31]...) }},
		{"weight", func(r *types.Receipt) { r.Weights[1].Ppm++ }},
		{"drop", func(r *types.Receipt) { r.Weights = r.Weights[:1] }},
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
	} {
		r := sampleReceipt(0)
		r.User = user
		tc.mutate(&r)
		require.ErrorIs(t, r.Validate(ac, 2), types.ErrInvalidReceipt, tc.name)
	}
}
