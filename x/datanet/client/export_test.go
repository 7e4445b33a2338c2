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

	"github.com/cosmos/cosmos-sdk/types/query"

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

// AcceptedContributions serves one page from the request's offset; the
// page key, as the node's, is the position of the next entry.
func (q versionQueries) AcceptedContributions(_ context.Context, req *types.QueryAcceptedContributionsRequest, _ ...grpc.CallOption) (*types.QueryAcceptedContributionsResponse, error) {
	from := req.Pagination.Offset
	if len(req.Pagination.Key) > 0 {
		from = uint64(req.Pagination.Key[0])
	}
	to := min(from+req.Pagination.Limit, uint64(len(q.accepted)))
	res := &types.QueryAcceptedContributionsResponse{Contributions: q.accepted[from:to], Pagination: &query.PageResponse{}}
	if to < uint64(len(q.accepted)) {
		res.Pagination.NextKey = []byte{byte(to)}
	}
	return res, nil
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
	q.version = types.Version{DatanetId: 1, Version: uint64(len(texts)), Root: root.Bytes(), LeafCount: uint64(len(texts))}
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

func TestExportVersionFrom(t *testing.T) {
	texts := []string{"first row", "second row", "third row", "fourth row", "fifth row"}
	earlier, later := newVersionQueries(t, texts[:2]...), newVersionQueries(t, texts...)
	ctx := context.Background()
	first, err := ExportVersionFrom(ctx, earlier, 1, 2, Prefix{}, 1, io.Discard, io.Discard)
	require.NoError(t, err)
	require.Equal(t, uint64(2), first.Prefix.LeafCount)

	t.Run("Success - only the contributions after the prefix, the later root verified", func(t *testing.T) {
		var out bytes.Buffer
		next, err := ExportVersionFrom(ctx, later, 1, 5, first.Prefix, 2, &out, io.Discard)
		require.NoError(t, err)
		require.Equal(t, uint64(3), next.Lines)
		require.Equal(t, later.version.Root, next.Root)
		require.Equal(t, 3, strings.Count(out.String(), "\n"))
		require.NotContains(t, out.String(), "second row")
		require.Contains(t, out.String(), `"leaf_index":2`)
		whole, err := ExportVersionFrom(ctx, later, 1, 5, Prefix{}, 2, io.Discard, io.Discard)
		require.NoError(t, err)
		require.Equal(t, whole.Prefix, next.Prefix, "the prefix of the whole version, however exported")
	})
	t.Run("Success - a version with nothing new", func(t *testing.T) {
		var out bytes.Buffer
		next, err := ExportVersionFrom(ctx, earlier, 1, 2, first.Prefix, 2, &out, io.Discard)
		require.NoError(t, err)
		require.Zero(t, next.Lines)
		require.Empty(t, out.String())
	})
	t.Run("Failure - a prefix of other contributions", func(t *testing.T) {
		other, err := ExportVersionFrom(ctx, newVersionQueries(t, "first row", "another row"), 1, 2, Prefix{}, 2, io.Discard, io.Discard)
		require.NoError(t, err)
		_, err = ExportVersionFrom(ctx, later, 1, 5, other.Prefix, 2, io.Discard, io.Discard)
		require.ErrorIs(t, err, merkle.ErrInvalidProof)
	})
	t.Run("Failure - a prefix longer than the version", func(t *testing.T) {
		whole, err := ExportVersionFrom(ctx, later, 1, 5, Prefix{}, 2, io.Discard, io.Discard)
		require.NoError(t, err)
		_, err = ExportVersionFrom(ctx, earlier, 1, 2, whole.Prefix, 2, io.Discard, io.Discard)
		require.ErrorContains(t, err, "fewer than the 5 already exported")
	})
	t.Run("Failure - a malformed prefix", func(t *testing.T) {
		_, err := ExportVersionFrom(ctx, later, 1, 5, Prefix{LeafCount: 2}, 2, io.Discard, io.Discard)
		require.ErrorIs(t, err, merkle.ErrInvalidFrontier)
	})
}
