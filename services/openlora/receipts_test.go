package openlora

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
)

// A receipt with an extra attribution is two leaves: the same answer with
// each method's weights, the receipt's own method first.
func TestReceiptLeavesPerMethod(t *testing.T) {
	r := Receipt{
		User: "open1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du", ModelID: 7, OutputSHA256: strings.Repeat("ab", 32),
		PromptTokens: 3, CompletionTokens: 4, Fee: "12",
		Method: "poa-2.exact-spans.bm25-rescored", Weights: []ReceiptWeight{{ContributionID: 2, Ppm: 500_000}},
		Extra: []ReceiptAttribution{{Method: "tracin-1.lora.sparse-sign", Weights: []ReceiptWeight{{ContributionID: 5, Ppm: 1_000_000}}}},
	}
	leaves, err := r.Leaves()
	require.NoError(t, err)
	require.Len(t, leaves, 2)
	require.Equal(t, "poa-2.exact-spans.bm25-rescored", leaves[0].Method)
	require.Equal(t, []attributiontypes.ContributionWeight{{ContributionId: 2, Ppm: 500_000}}, leaves[0].Weights)
	require.Equal(t, "tracin-1.lora.sparse-sign", leaves[1].Method)
	require.Equal(t, []attributiontypes.ContributionWeight{{ContributionId: 5, Ppm: 1_000_000}}, leaves[1].Weights)
	for _, l := range leaves {
		require.Equal(t, leaves[0].OutputHash, l.OutputHash)
		require.Equal(t, uint64(7), l.PromptTokens+l.CompletionTokens)
		require.Equal(t, "12", l.Fee.String())
	}
	a, err := leaves[0].LeafHash()
	require.NoError(t, err)
	b, err := leaves[1].LeafHash()
	require.NoError(t, err)
	require.NotEqual(t, a, b, "each method is a leaf of its own")

	r.Extra = nil
	leaves, err = r.Leaves()
	require.NoError(t, err)
	require.Len(t, leaves, 1)
}
