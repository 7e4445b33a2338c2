package cli

import (
	"crypto/sha256"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContributionMsg(t *testing.T) {
	data := []byte("a row of training data")
	hash := sha256.Sum256(data)

	t.Run("Success - small file goes inline", func(t *testing.T) {
		msg, err := contributionMsg("open1x", 7, data, "text/plain", "", 4096)
		require.NoError(t, err)
		require.Equal(t, data, msg.InlineData)
		require.Empty(t, msg.Uri)
		require.Equal(t, hash[:], msg.ContentHash)
		require.Equal(t, uint64(len(data)), msg.SizeBytes)
		require.Equal(t, uint64(7), msg.DatanetId)
	})
	t.Run("Success - a URI keeps the bytes off chain", func(t *testing.T) {
		msg, err := contributionMsg("open1x", 7, data, "text/plain", "ipfs://bafy", 4096)
		require.NoError(t, err)
		require.Empty(t, msg.InlineData)
		require.Equal(t, "ipfs://bafy", msg.Uri)
		require.Equal(t, hash[:], msg.ContentHash)
	})
	t.Run("Failure - too large for inline without a URI", func(t *testing.T) {
		_, err := contributionMsg("open1x", 7, data, "text/plain", "", 4)
		require.ErrorIs(t, err, errTooLargeForInline)
	})
}

func TestExportPath(t *testing.T) {
	require.Equal(t, "out/d.jsonl", exportPath("out/d.jsonl", 1, 2))
	require.Equal(t, "out/datanet-1-v2.jsonl", exportPath("out", 1, 2))
}
