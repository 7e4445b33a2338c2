package main

import (
	"fmt"
	"io"
	"time"

	"github.com/openledger/openledger/ai/poa"
)

func runCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "--index INDEX_DIR [--index ...]",
		`Hashes every file of each index against its manifest (SHA-256) and checks
that the tables agree. A query checks only the 4 KiB blocks it reads; this
checks everything, and reports how long it took.`, stderr)
	var dirs stringList
	fs.Var(&dirs, "index", "index directory (repeatable)")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if len(dirs) == 0 {
		fmt.Fprintln(stderr, "poa check: at least one --index is required")
		return exitError
	}
	for _, dir := range dirs {
		started := time.Now()
		ix, err := poa.Verify(dir)
		if err != nil {
			fmt.Fprintf(stderr, "poa check: %v\n", err)
			return exitError
		}
		took := time.Since(started)
		fmt.Fprintf(stdout, "%s: index %q OK, %d files, %d bytes hashed in %s (%.0f MB/s); manifest sha256 %s\n",
			dir, ix.Name(), len(ix.Manifest.Files)+1, ix.HashedAtOpen, took.Round(time.Millisecond),
			float64(ix.HashedAtOpen)/1e6/took.Seconds(), ix.ManifestSHA256)
		ix.Close()
	}
	return exitOK
}
