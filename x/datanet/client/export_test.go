package client

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"

	"github.com/openledger/openledger/x/datanet/merkle"
	"github.com/openledger/openledger/x/datanet/types"
)

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

// versionQueries serves one version and its accepted contributions, as a
// node would, for ExportVersion.
type versionQueries struct {
	types.QueryClient
	version  types.Version
	accepted []types.AcceptedContribution
}

func (q versionQueries) Version(context.Context, *types.QueryVersionRequest, ...grpc.CallOption) (*types.QueryVersionResponse, error) {
	return &types.QueryVersionResponse{Version: q.version}, nil
}

func (q versionQueries) AcceptedContributions(_ context.Context, req *types.QueryAcceptedContributionsRequest, _ ...grpc.CallOption) (*types.QueryAcceptedContributionsResponse, error) {
	return &types.QueryAcceptedContributionsResponse{Contributions: q.accepted}, nil
}

func newVersionQueries(t *testing.T, texts ...string) versionQueries {
	t.Helper()
	q := versionQueries{}
	leaves := make([]merkle.Hash, len(texts))
	for i, text := range texts {
		sum := sha256.Sum256([]byte(text))
		c := types.Contribution{
			Id: uint64(10 + i), DatanetId: 1, Contributor: "open1c", ContentHash: sum[:],
			SizeBytes: uint64(len(text)), MediaType: "text/plain", InlineData: []byte(text),
			Status: types.CONTRIBUTION_STATUS_ACCEPTED, LeafIndex: uint64(i),
		}
		q.accepted = append(q.accepted, types.AcceptedContribution{LeafIndex: uint64(i), Contribution: c})
		leaf, err := merkle.LeafHash(c.Id, c.ContentHash)
		require.NoError(t, err)
		leaves[i] = leaf
	}
	root, err := merkle.Root(leaves)
	require.NoError(t, err)
	q.version = types.Version{DatanetId: 1, Version: 1, Root: root.Bytes(), LeafCount: uint64(len(texts))}
	return q
}

func TestExportVersion(t *testing.T) {
	t.Run("Success - every line, root verified", func(t *testing.T) {
		q := newVersionQueries(t, "first row", "second row")
		var out bytes.Buffer
		count, root, err := ExportVersion(context.Background(), q, 1, 1, 100, &out, io.Discard)
		require.NoError(t, err)
		require.Equal(t, uint64(2), count)
		require.Equal(t, q.version.Root, root)
		require.Equal(t, 2, strings.Count(out.String(), "\n"))
		require.Contains(t, out.String(), `"text":"second row"`)
	})
	t.Run("Failure - a contribution the root does not cover", func(t *testing.T) {
		q := newVersionQueries(t, "first row", "second row")
		other := newVersionQueries(t, "first row", "another row")
		q.accepted = other.accepted
		_, _, err := ExportVersion(context.Background(), q, 1, 1, 100, io.Discard, io.Discard)
		require.ErrorContains(t, err, "does not verify")
	})
	t.Run("Failure - fewer contributions than the version holds", func(t *testing.T) {
		q := newVersionQueries(t, "first row", "second row")
		q.accepted = q.accepted[:1]
		_, _, err := ExportVersion(context.Background(), q, 1, 1, 100, io.Discard, io.Discard)
		require.ErrorContains(t, err, "does not verify")
	})
}
