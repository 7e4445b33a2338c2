package cli

import (
	"crypto/sha256"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/datanet/types"
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

func TestExportLine(t *testing.T) {
	text := []byte("hello, datanet")
	hash := sha256.Sum256(text)
	accepted := types.AcceptedContribution{LeafIndex: 3, Contribution: types.Contribution{
		Id: 11, DatanetId: 2, Contributor: "open1c", ContentHash: hash[:], SizeBytes: uint64(len(text)),
		MediaType: "text/plain", InlineData: text, Status: types.CONTRIBUTION_STATUS_ACCEPTED,
	}}

	t.Run("Success - UTF-8 content is text", func(t *testing.T) {
		line, err := exportLine(accepted, 3, 5)
		require.NoError(t, err)
		require.Equal(t, "11", line.ID)
		require.Equal(t, uint64(5), line.Version)
		require.Equal(t, string(text), line.Text)
		require.Empty(t, line.DataBase64)
	})
	t.Run("Success - binary content is base64", func(t *testing.T) {
		binary := []byte{0xff, 0xfe, 0x00}
		sum := sha256.Sum256(binary)
		b := accepted
		b.Contribution.InlineData, b.Contribution.ContentHash = binary, sum[:]
		line, err := exportLine(b, 3, 5)
		require.NoError(t, err)
		require.Empty(t, line.Text)
		require.Equal(t, "//4A", line.DataBase64)
	})
	t.Run("Failure - content does not match its hash", func(t *testing.T) {
		tampered := accepted
		tampered.Contribution.InlineData = []byte("hello, datanet!")
		_, err := exportLine(tampered, 3, 5)
		require.ErrorContains(t, err, "content hashes to")
	})
	t.Run("Failure - out of acceptance order", func(t *testing.T) {
		_, err := exportLine(accepted, 2, 5)
		require.ErrorContains(t, err, "expected")
	})
}

func TestExportPath(t *testing.T) {
	require.Equal(t, "out/d.jsonl", exportPath("out/d.jsonl", 1, 2))
	require.Equal(t, "out/datanet-1-v2.jsonl", exportPath("out", 1, 2))
}
