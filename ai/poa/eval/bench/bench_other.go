//go:build !linux

package main

import (
	"fmt"
	"io"
)

// runBench needs Linux: it reads peak memory from rusage and evicts index
// pages with posix_fadvise to measure cold queries.
func runBench(_ []string, _ io.Reader, _, stderr io.Writer) int {
	fmt.Fprintln(stderr, "poa bench: runs on Linux only (rusage peak memory, posix_fadvise cache eviction)")
	return exitError
}
