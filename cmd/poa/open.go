package main

import (
	"flag"
	"fmt"

	"github.com/openledger/openledger/ai/poa"
)

// indexFlags are the flags every querying command shares.
type indexFlags struct {
	dirs   stringList
	verify string
}

func (f *indexFlags) register(fs *flag.FlagSet) {
	fs.Var(&f.dirs, "index", "index directory (repeat to query several, e.g. one per Datanet version)")
	fs.StringVar(&f.verify, "verify", "blocks", `index verification: "blocks" (each 4 KiB block on first use) or "full" (hash every file at open)`)
}

// open opens the indexes and combines them.
func (f *indexFlags) open() (*poa.Engine, func(), error) {
	if len(f.dirs) == 0 {
		return nil, nil, fmt.Errorf("at least one --index is required")
	}
	var mode poa.VerifyMode
	switch f.verify {
	case "blocks":
		mode = poa.VerifyBlocks
	case "full":
		mode = poa.VerifyFull
	default:
		return nil, nil, fmt.Errorf(`--verify must be "blocks" or "full", not %q`, f.verify)
	}
	var indexes []*poa.Index
	closeAll := func() {
		for _, ix := range indexes {
			ix.Close()
		}
	}
	for _, dir := range f.dirs {
		ix, err := poa.Open(dir, poa.OpenOptions{Verify: mode})
		if err != nil {
			closeAll()
			return nil, nil, err
		}
		indexes = append(indexes, ix)
	}
	engine, err := poa.NewEngine(indexes)
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	return engine, closeAll, nil
}
