package cli

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/datanet/merkle"
	"github.com/openledger/openledger/x/datanet/types"
)

const (
	flagOut      = "out"
	flagPageSize = "page-size"
	// progressEvery is how often a long export reports progress.
	progressEvery = 1000
)

// QueryCmd is `openledgerd query datanet`; AutoCLI adds the generated commands.
func QueryCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Query Datanets, contributions and versions; export a version",
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(ExportCmd())
	return cmd
}

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

// ExportCmd writes every accepted contribution of a version as JSONL after
// checking each against the version's Merkle root.
func ExportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export <datanet-id> <version> --out DIR|FILE.jsonl",
		Short: "Export a Datanet version as JSONL, verified against its Merkle root",
		Long: `Export every accepted contribution of a Datanet version, one JSON object per
line: {"id", "datanet", "version", "leaf_index", "contributor", "sha256",
"size_bytes", "media_type", "text" | "data_base64" | "uri"}.

Each on-chain content is hashed and compared with its recorded SHA-256, and the
list as a whole is checked against the version's Merkle root. Nothing is written
unless everything verifies. --out names a .jsonl file, or a folder in which
datanet-<id>-v<version>.jsonl is written.`,
		Example: `  openledgerd query datanet export 1 3 --out exports/
  openledgerd query datanet export 1 3 --out datanet1.jsonl && poa index --input datanet1.jsonl --out idx/`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			datanetID, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("datanet id %q: %w", args[0], err)
			}
			version, err := strconv.ParseUint(args[1], 10, 64)
			if err != nil {
				return fmt.Errorf("version %q: %w", args[1], err)
			}
			out, _ := cmd.Flags().GetString(flagOut)
			if out == "" {
				return fmt.Errorf("--%s is required", flagOut)
			}
			pageSize, _ := cmd.Flags().GetUint64(flagPageSize)
			path := exportPath(out, datanetID, version)
			exporter := &exporter{
				queries: types.NewQueryClient(clientCtx), datanetID: datanetID, version: version,
				pageSize: pageSize, progress: cmd.ErrOrStderr(),
			}
			count, root, err := exporter.writeFile(cmd, path)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %d contributions of datanet %d version %d, Merkle root %x verified\n",
				path, count, datanetID, version, root)
			return nil
		},
	}
	cmd.Flags().String(flagOut, "", "output .jsonl file, or folder for datanet-<id>-v<version>.jsonl")
	cmd.Flags().Uint64(flagPageSize, 500, "contributions fetched per query")
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

func exportPath(out string, datanetID, version uint64) string {
	if strings.HasSuffix(out, ".jsonl") {
		return out
	}
	return filepath.Join(out, fmt.Sprintf("datanet-%d-v%d.jsonl", datanetID, version))
}

type exporter struct {
	queries   types.QueryClient
	datanetID uint64
	version   uint64
	pageSize  uint64
	progress  io.Writer
}

// writeFile exports into a temporary file next to path and renames it into
// place only once the whole version has verified.
func (e *exporter) writeFile(cmd *cobra.Command, path string) (uint64, []byte, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".export-*.jsonl")
	if err != nil {
		return 0, nil, err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()

	buffered := bufio.NewWriter(tmp)
	count, root, err := e.export(cmd, buffered)
	if err != nil {
		return 0, nil, err
	}
	if err := buffered.Flush(); err != nil {
		return 0, nil, err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return 0, nil, err
	}
	if err := tmp.Close(); err != nil {
		return 0, nil, err
	}
	return count, root, os.Rename(tmp.Name(), path)
}

// export streams the version's contributions to w in acceptance order and
// verifies them; it returns the number written and the version root.
func (e *exporter) export(cmd *cobra.Command, w io.Writer) (uint64, []byte, error) {
	ctx := cmd.Context()
	versionRes, err := e.queries.Version(ctx, &types.QueryVersionRequest{DatanetId: e.datanetID, Version: e.version})
	if err != nil {
		return 0, nil, fmt.Errorf("datanet %d version %d: %w", e.datanetID, e.version, err)
	}
	version := versionRes.Version
	items := make([]merkle.Item, 0, version.LeafCount)
	encoder := json.NewEncoder(w)
	encoder.SetEscapeHTML(false)

	var nextKey []byte
	for uint64(len(items)) < version.LeafCount {
		page, err := e.queries.AcceptedContributions(ctx, &types.QueryAcceptedContributionsRequest{
			DatanetId:  e.datanetID,
			Pagination: &query.PageRequest{Key: nextKey, Limit: e.pageSize},
		})
		if err != nil {
			return 0, nil, fmt.Errorf("fetching contributions after %d: %w", len(items), err)
		}
		for _, accepted := range page.Contributions {
			if uint64(len(items)) == version.LeafCount {
				break // accepted after this version
			}
			line, err := exportLine(accepted, uint64(len(items)), version.Version)
			if err != nil {
				return 0, nil, err
			}
			if err := encoder.Encode(line); err != nil {
				return 0, nil, err
			}
			items = append(items, merkle.Item{ContributionID: accepted.Contribution.Id, ContentHash: accepted.Contribution.ContentHash})
			if len(items)%progressEvery == 0 {
				fmt.Fprintf(e.progress, "exported %d/%d contributions\n", len(items), version.LeafCount)
			}
		}
		if page.Pagination == nil || len(page.Pagination.NextKey) == 0 {
			break
		}
		nextKey = page.Pagination.NextKey
	}

	if err := merkle.VerifyItems(version.Root, version.LeafCount, items); err != nil {
		return 0, nil, fmt.Errorf("datanet %d version %d does not verify: %w", e.datanetID, e.version, err)
	}
	return uint64(len(items)), version.Root, nil
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
