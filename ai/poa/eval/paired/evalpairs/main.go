// Command evalpairs runs the real-paraphrase evaluation (package
// ai/poa/eval/paired) over a pairs file and prints the table:
//
//	go run ./ai/poa/eval/paired/evalpairs -pairs build/poa-pairs/pairs.jsonl
//
// `make eval-poa-paraphrase` makes the full pairs file and runs it.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/openledger/openledger/ai/poa/eval/paired"
)

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	pairsPath := flag.String("pairs", "ai/poa/eval/paired/testdata/pairs.jsonl", "pairs JSONL (genpairs)")
	unrelatedPath := flag.String("unrelated", "ai/poa/eval/testdata/novel.jsonl", "unrelated texts (JSONL with a text field)")
	work := flag.String("work", "", "directory for the index (default: a temporary one)")
	holdOut := flag.Int("hold-out-every", 10, "keep every n-th pair out of the Datanet")
	singles := flag.Int("singles", 2000, "single reworded passages (0: all)")
	mixtures := flag.Int("mixtures", 500, "mixtures")
	verbatim := flag.Int("verbatim", 500, "verbatim passages")
	seed := flag.Uint64("seed", 7, "seed")
	swap := flag.Bool("swap", false, "index the renderings and attribute the sources")
	flag.Parse()

	pairs, err := paired.ReadPairs(*pairsPath)
	if err != nil {
		return err
	}
	if *swap {
		for i := range pairs {
			pairs[i].Source, pairs[i].Rendering = pairs[i].Rendering, pairs[i].Source
		}
	}
	unrelated, err := paired.ReadUnrelated(*unrelatedPath)
	if err != nil {
		return err
	}
	dir := *work
	if dir == "" {
		if dir, err = os.MkdirTemp("", "poa-paired-*"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	started := time.Now()
	rep, err := paired.Evaluate(pairs, unrelated, dir, paired.Config{
		HoldOutEvery: *holdOut, Singles: *singles, Mixtures: *mixtures, MixtureSize: 3, Verbatim: *verbatim,
		UnrelatedWords: 120, ShortUnrelatedWords: 30, Seed: *seed,
	})
	if err != nil {
		return err
	}
	fmt.Printf("pairs: %s (%d), swapped %v, seed %d\n\n%s\n(%s)\n", *pairsPath, len(pairs), *swap, *seed, rep.Markdown(), time.Since(started).Round(time.Second))
	return nil
}
