package cli_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/attribution/client/cli"
	"github.com/openledger/openledger/x/attribution/types"
)

// FuzzReadReceipts reads arbitrary receipts files, as challenge-receipt and
// challenge-usage do with a file a serving node published. Whatever reads
// must write back (WriteReceipts, what the node publishes) to a file that
// reads to receipts with the same leaf encoding, and so the same receipts
// root; the written form must be stable.
func FuzzReadReceipts(f *testing.F) {
	for _, doc := range []string{
		`[]`,
		`[{"user":"open1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du","model_id":"7","output_hash":"0x00ff","weights":[{"contribution_id":"3","ppm":"250000"}]}]`,
		`[{"user":"u","model_id":7,"output_hash":"AAEC","weights":[],"prompt_tokens":"12","completion_tokens":30,"fee":"123456789012345678901234567890","method":"m"}]`,
	} {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := cli.ReadReceipts(bytes.NewReader(data))
		if err != nil {
			return
		}
		var written bytes.Buffer
		require.NoError(t, cli.WriteReceipts(&written, rs))
		again, err := cli.ReadReceipts(bytes.NewReader(written.Bytes()))
		require.NoError(t, err, "a written receipts file does not read back:\n%s", written.String())
		require.Len(t, again, len(rs))
		for i := range rs {
			requireSameLeaf(t, rs[i], again[i])
		}
		var rewritten bytes.Buffer
		require.NoError(t, cli.WriteReceipts(&rewritten, again))
		require.Equal(t, written.String(), rewritten.String())
	})
}

// requireSameLeaf checks that two receipts encode to the same leaf bytes of
// every receipt version, or fail to alike.
func requireSameLeaf(t *testing.T, want, got types.Receipt) {
	t.Helper()
	for _, v := range []uint32{1, types.CurrentReceiptVersion} {
		wantBz, wantErr := want.EncodeVersion(v)
		gotBz, gotErr := got.EncodeVersion(v)
		require.Equal(t, wantErr == nil, gotErr == nil, "version %d: %v, then %v", v, wantErr, gotErr)
		require.Equal(t, wantBz, gotBz, "version %d", v)
	}
}
