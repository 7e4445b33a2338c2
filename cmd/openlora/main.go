// Command openlora runs an OpenLedger serving node: an OpenAI-compatible
// API over one base model and its on-chain LoRA adapters, paid by
// vouchers, with signed, attributed receipts settled on chain.
//
//	openlora serve --base-model ./SmolLM2-135M-Instruct                      # local, free
//	openlora serve --base-model ./base --chain-grpc 127.0.0.1:9090 \
//	    --base-model-id 1 --key-file node.key                                 # paid, on chain
//
// See `openlora serve --help` and docs/openlora.md.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	switch args[0] {
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "demo":
		return runDemo(args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "openlora: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
}

func usage(w io.Writer) {
	fmt.Fprint(w, `openlora: the OpenLedger serving node

Usage:
  openlora serve [flags]   serve the OpenAI-compatible API (see openlora serve --help)
  openlora demo --out DIR  write the demo base model and adapter
  openlora help            show this help
`)
}
