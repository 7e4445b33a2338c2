package client

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/datanet/merkle"
	"github.com/openledger/openledger/x/datanet/types"
)

// progressEvery is how often a long export reports progress.
const progressEvery = 1000

// ExportLine is one line of an export: the input format of the attribution
// engine (`poa index`) and of trainers.
type ExportLine struct {
	ID          string `json:"id"`
	Datanet     uint64 `json:"datanet"`
	Version     uint64 `json:"version"`
	LeafIndex   uint64 `json:"leaf_index"`
	Contributor string `json:"contributor"`
	SHA256      string `json:"sha256"`
	SizeBytes   uint64 `json:"size_bytes"`
	MediaType   string `json:"media_type"`
	// Text is the content when it is stored on chain and is UTF-8.
	Text string `json:"text,omitempty"`
	// DataBase64 is on-chain content that is not UTF-8 text.
	DataBase64 string `json:"data_base64,omitempty"`
	// URI is where off-chain content is stored; its hash is SHA256.
	URI string `json:"uri,omitempty"`
}

// ExportVersion streams the accepted contributions of a Datanet version to w
// as JSONL, in acceptance order, re-hashing every on-chain content and
// checking the whole list against the version's Merkle root. It returns the
// number of lines and the root; on any mismatch it returns an error, and what
// was written to w must be discarded. Progress goes to progress every
// progressEvery contributions.
func ExportVersion(ctx context.Context, queries types.QueryClient, datanetID, version, pageSize uint64, w, progress io.Writer) (uint64, []byte, error) {
	out, err := ExportVersionFrom(ctx, queries, datanetID, version, Prefix{}, pageSize, w, progress)
	return out.Lines, out.Root, err
}

// Prefix is the first LeafCount accepted contributions of a Datanet, as an
// earlier export verified them: the Merkle frontier over their leaves
// (merkle.Frontier's Branch). Together with the contributions after it, it
// is enough to check a later version's root without the earlier
// contributions.
type Prefix struct {
	LeafCount uint64
	Branch    [][]byte
}

// Export is what ExportVersionFrom verified: the lines it wrote, the
// version's root, and the prefix the whole version now is.
type Export struct {
	Lines  uint64
	Root   []byte
	Prefix Prefix
}

// ExportVersionFrom is ExportVersion for the contributions of a version
// after a prefix that an earlier export verified: it writes only those,
// and checks the version's root from the prefix's frontier and their
// leaves, so a new version is exported (and indexed) without the
// contributions of the one before. The zero Prefix exports the whole
// version.
func ExportVersionFrom(
	ctx context.Context, queries types.QueryClient, datanetID, version uint64, prefix Prefix, pageSize uint64, w, progress io.Writer,
) (Export, error) {
	versionRes, err := queries.Version(ctx, &types.QueryVersionRequest{DatanetId: datanetID, Version: version})
	if err != nil {
		return Export{}, fmt.Errorf("datanet %d version %d: %w", datanetID, version, err)
	}
	committed := versionRes.Version
	if prefix.LeafCount > committed.LeafCount {
		return Export{}, fmt.Errorf("datanet %d version %d holds %d contributions, fewer than the %d already exported",
			datanetID, version, committed.LeafCount, prefix.LeafCount)
	}
	frontier, err := merkle.NewFrontierFromBranch(prefix.LeafCount, prefix.Branch)
	if err != nil {
		return Export{}, fmt.Errorf("the exported prefix: %w", err)
	}
	encoder := json.NewEncoder(w)
	encoder.SetEscapeHTML(false)

	// The first page starts at the prefix's end by offset; the node skips
	// the earlier entries without loading their contributions.
	page := &query.PageRequest{Offset: prefix.LeafCount, Limit: pageSize}
	for frontier.Count() < committed.LeafCount {
		res, err := queries.AcceptedContributions(ctx, &types.QueryAcceptedContributionsRequest{DatanetId: datanetID, Pagination: page})
		if err != nil {
			return Export{}, fmt.Errorf("fetching contributions after %d: %w", frontier.Count(), err)
		}
		for _, accepted := range res.Contributions {
			if frontier.Count() == committed.LeafCount {
				break // accepted after this version
			}
			line, err := exportLine(accepted, frontier.Count(), committed.Version)
			if err != nil {
				return Export{}, err
			}
			if err := encoder.Encode(line); err != nil {
				return Export{}, err
			}
			leaf, err := merkle.LeafHash(accepted.Contribution.Id, accepted.Contribution.ContentHash)
			if err != nil {
				return Export{}, fmt.Errorf("contribution %d: %w", accepted.Contribution.Id, err)
			}
			if err := frontier.Append(leaf); err != nil {
				return Export{}, err
			}
			if exported := frontier.Count() - prefix.LeafCount; exported%progressEvery == 0 {
				fmt.Fprintf(progress, "exported %d/%d contributions\n", exported, committed.LeafCount-prefix.LeafCount)
			}
		}
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			break
		}
		page = &query.PageRequest{Key: res.Pagination.NextKey, Limit: pageSize}
	}

	out := Export{Lines: frontier.Count() - prefix.LeafCount, Root: committed.Root, Prefix: Prefix{LeafCount: frontier.Count(), Branch: frontier.Branch()}}
	if frontier.Count() != committed.LeafCount {
		return out, fmt.Errorf("datanet %d version %d does not verify: %w: %d contributions for a version of %d",
			datanetID, version, merkle.ErrInvalidProof, frontier.Count(), committed.LeafCount)
	}
	if root := frontier.Root(); !bytes.Equal(root[:], committed.Root) {
		return out, fmt.Errorf("datanet %d version %d does not verify: %w: contributions give root %s, version root is %x",
			datanetID, version, merkle.ErrInvalidProof, root, committed.Root)
	}
	return out, nil
}

// exportLine checks one contribution and turns it into its JSONL line.
func exportLine(accepted types.AcceptedContribution, wantIndex, version uint64) (ExportLine, error) {
	c := accepted.Contribution
	if accepted.LeafIndex != wantIndex || c.Status != types.CONTRIBUTION_STATUS_ACCEPTED {
		return ExportLine{}, fmt.Errorf("contribution %d: leaf %d with status %s where accepted leaf %d was expected",
			c.Id, accepted.LeafIndex, c.Status, wantIndex)
	}
	line := ExportLine{
		ID: strconv.FormatUint(c.Id, 10), Datanet: c.DatanetId, Version: version, LeafIndex: wantIndex,
		Contributor: c.Contributor, SHA256: hex.EncodeToString(c.ContentHash),
		SizeBytes: c.SizeBytes, MediaType: c.MediaType, URI: c.Uri,
	}
	if len(c.InlineData) == 0 {
		return line, nil
	}
	if sum := sha256.Sum256(c.InlineData); !bytes.Equal(sum[:], c.ContentHash) {
		return ExportLine{}, fmt.Errorf("contribution %d: content hashes to %x, recorded %x", c.Id, sum, c.ContentHash)
	}
	if utf8.Valid(c.InlineData) {
		line.Text = string(c.InlineData)
	} else {
		line.DataBase64 = base64.StdEncoding.EncodeToString(c.InlineData)
	}
	return line, nil
}
