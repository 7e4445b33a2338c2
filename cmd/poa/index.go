package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/openledger/openledger/ai/poa"
)

func runIndex(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("index", "(--input CONTRIBUTIONS.jsonl | --from-chain GRPC_ADDR --datanet ID --version N) --out INDEX_DIR [flags]",
		`Builds an index from JSONL contributions: one JSON object per line with at
least "id" (string, unique) and "text" (string); every other field is kept
as metadata. Bad lines are reported with their line number and nothing is
written. The index appears at INDEX_DIR only once it is complete.

With --from-chain the contributions are those of a Datanet version, read
from an OpenLedger node over gRPC (the same JSONL as 'openledgerd query
datanet export'): every content is re-hashed and the whole list checked
against the version's Merkle root, and nothing is built unless all of it
verifies.

With --previous (repeatable) the build is incremental: contributions that
an index of an earlier version already holds (same id, same text) are left
out, so the new index holds only what the version adds; query it together
with the previous ones (--index each). An id found there with another text
is a bad line.`, stderr)
	input := fs.String("input", "", "contributions file (JSONL); - reads standard input")
	fromChain := fs.String("from-chain", "", "gRPC address of an OpenLedger node (e.g. 127.0.0.1:9090) to read a Datanet version from")
	datanetID := fs.Uint64("datanet", 0, "with --from-chain: the Datanet id")
	version := fs.Uint64("version", 0, "with --from-chain: the version (0: the current one)")
	out := fs.String("out", "", "index directory to create")
	name := fs.String("name", "", "index name used in answers (default: base name of --out)")
	force := fs.Bool("force", false, "replace an existing index at --out")
	quiet := fs.Bool("quiet", false, "no progress output")
	var previous stringList
	fs.Var(&previous, "previous", "index of an earlier version whose contributions are left out (repeatable)")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if *fromChain != "" {
		if *input != "" || *datanetID == 0 {
			fmt.Fprintln(stderr, "poa index: --from-chain takes --datanet (and --version) instead of --input")
			return exitError
		}
		exported, err := exportFromChain(*fromChain, *datanetID, *version, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "poa index: %v\n", err)
			return exitError
		}
		defer os.Remove(exported)
		*input = exported
	}
	if *input == "" || *out == "" {
		fmt.Fprintln(stderr, "poa index: --input (or --from-chain) and --out are required")
		fs.Usage()
		return exitError
	}
	r := stdin
	var sizeHint int64
	if *input != "-" {
		f, err := os.Open(*input)
		if err != nil {
			fmt.Fprintf(stderr, "poa index: %v\n", err)
			return exitError
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			sizeHint = st.Size()
		}
		r = f
	}
	opts := poa.BuildOptions{Name: *name, Replace: *force, SizeHint: sizeHint}
	for _, dir := range previous {
		ix, err := poa.Open(dir, poa.OpenOptions{})
		if err != nil {
			fmt.Fprintf(stderr, "poa index: --previous %s: %v\n", dir, err)
			return exitError
		}
		defer ix.Close()
		opts.Previous = append(opts.Previous, ix)
	}
	if !*quiet {
		opts.Progress = stderr
	}
	stats, err := poa.Build(r, *out, opts)
	if err != nil {
		var ie *poa.InputError
		if errors.As(err, &ie) {
			fmt.Fprintf(stderr, "poa index: %s: %v\n", *input, err)
		} else {
			fmt.Fprintf(stderr, "poa index: %v\n", err)
		}
		return exitError
	}
	if stats.PeakMemoryBytes > 0 && !*quiet {
		fmt.Fprintf(stderr, "poa: peak memory %d bytes\n", stats.PeakMemoryBytes)
	}
	m := stats.Manifest
	carried := ""
	if len(previous) > 0 {
		carried = fmt.Sprintf(" (%d left to the previous indexes)", stats.Carried)
	}
	fmt.Fprintf(stdout, "index %s: %d contributions%s, %d normalised bytes, %d word positions, %d windows; manifest sha256 %s\n",
		m.Name, m.Counts.Documents, carried, m.Counts.NormalizedBytes, m.Counts.WordPositions, m.Counts.Windows, stats.ManifestSHA256)
	return exitOK
}
