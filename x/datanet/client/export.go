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
	versionRes, err := queries.Version(ctx, &types.QueryVersionRequest{DatanetId: datanetID, Version: version})
	if err != nil {
		return 0, nil, fmt.Errorf("datanet %d version %d: %w", datanetID, version, err)
	}
	committed := versionRes.Version
	items := make([]merkle.Item, 0, committed.LeafCount)
	encoder := json.NewEncoder(w)
	encoder.SetEscapeHTML(false)

	var nextKey []byte
	for uint64(len(items)) < committed.LeafCount {
		page, err := queries.AcceptedContributions(ctx, &types.QueryAcceptedContributionsRequest{
			DatanetId:  datanetID,
			Pagination: &query.PageRequest{Key: nextKey, Limit: pageSize},
		})
		if err != nil {
			return 0, nil, fmt.Errorf("fetching contributions after %d: %w", len(items), err)
		}
		for _, accepted := range page.Contributions {
			if uint64(len(items)) == committed.LeafCount {
				break // accepted after this version
			}
			line, err := exportLine(accepted, uint64(len(items)), committed.Version)
			if err != nil {
				return 0, nil, err
			}
			if err := encoder.Encode(line); err != nil {
				return 0, nil, err
			}
			items = append(items, merkle.Item{ContributionID: accepted.Contribution.Id, ContentHash: accepted.Contribution.ContentHash})
			if len(items)%progressEvery == 0 {
				fmt.Fprintf(progress, "exported %d/%d contributions\n", len(items), committed.LeafCount)
			}
		}
		if page.Pagination == nil || len(page.Pagination.NextKey) == 0 {
			break
		}
		nextKey = page.Pagination.NextKey
	}

	if err := merkle.VerifyItems(committed.Root, committed.LeafCount, items); err != nil {
		return 0, nil, fmt.Errorf("datanet %d version %d does not verify: %w", datanetID, version, err)
	}
	return uint64(len(items)), committed.Root, nil
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
