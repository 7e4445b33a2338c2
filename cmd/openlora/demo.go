package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/openledger/openledger/ai/llm/train"
	"github.com/openledger/openledger/services/openlora/demo"
)

// runDemo writes the demo base model and adapter (services/openlora/demo).
func runDemo(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("openlora demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "folder to write base/ and adapter/ into (required)")
	quiet := fs.Bool("quiet", false, "no progress lines")
	printEntries := fs.Bool("print-entries", false, "print the demo Datanet's questions and contributions as JSON and exit")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: openlora demo --out DIR\n\nWrites a tiny demo base model (DIR/base) and a LoRA adapter trained on the demo\nDatanet's contributions (DIR/adapter), deterministically.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *printEntries {
		entries := make([]map[string]string, len(demo.Entries))
		for i, e := range demo.Entries {
			entries[i] = map[string]string{"question": e.Question, "contribution": e.Contribution}
		}
		bz, _ := json.Marshal(entries)
		fmt.Fprintln(stdout, string(bz))
		return 0
	}
	if *out == "" {
		fs.Usage()
		return 2
	}
	err := demo.Write(*out, func(p train.Progress) {
		if !*quiet && (p.Step%20 == 0 || p.Step == p.Steps) {
			fmt.Fprintf(stdout, "training the demo adapter: step %d/%d, loss %.4f\n", p.Step, p.Steps, p.Loss)
		}
	})
	if err != nil {
		fmt.Fprintln(stderr, "openlora demo:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s/%s and %s/%s\n", *out, demo.BaseDir, *out, demo.AdapterDir)
	return 0
}
