package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"

	datanetclient "github.com/openledger/openledger/x/datanet/client"
	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/clikit"
)

const (
	flagOut      = "out"
	flagPageSize = "page-size"
)

// QueryCmd is `openledgerd query datanet`; AutoCLI adds the generated commands.
func QueryCmd() *cobra.Command {
	return clikit.Group(types.ModuleName, "Query Datanets, contributions and versions; export a version", ExportCmd())
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
	count, root, err := datanetclient.ExportVersion(cmd.Context(), e.queries, e.datanetID, e.version, e.pageSize, buffered, e.progress)
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
