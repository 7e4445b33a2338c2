// Command poa-bench benchmarks the PoA engine (ai/poa/eval/bench): it
// generates a corpus from prose found on this machine, builds the index and
// an n-gram baseline, and reports build and query figures. It is kept out
// of the production poa binary.
package main

import (
	"os"

	"github.com/openledger/openledger/ai/poa/eval/bench"
)

func main() {
	os.Exit(bench.Main(os.Args[1:], os.Stdout, os.Stderr))
}
