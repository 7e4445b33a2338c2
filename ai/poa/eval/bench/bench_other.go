//go:build !linux

package bench

import (
	"fmt"
	"io"
)

// Main needs Linux: it reads peak memory from /proc and evicts index pages
// with posix_fadvise to measure cold queries.
func Main(_ []string, _, stderr io.Writer) int {
	fmt.Fprintln(stderr, "poa-bench: runs on Linux only (peak memory from /proc, posix_fadvise cache eviction)")
	return exitError
}
