// Command modelfactory runs OpenLedger's no-code fine-tuning service: a
// web page and a JSON API that train LoRA adapters on Datanet versions,
// evaluate them, chat with them and publish them on chain with a training
// manifest anyone can re-run.
//
//	modelfactory serve --chain-grpc 127.0.0.1:9090 --base-model ./SmolLM2-135M-Instruct --key-file owner.key
//	modelfactory verify 7 --chain-grpc 127.0.0.1:9090 --base-model ./SmolLM2-135M-Instruct --cas http://127.0.0.1:8100/cas
//
// See `modelfactory serve --help` and docs/modelfactory.md.
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
	case "verify":
		return runVerify(args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "modelfactory: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
}

func usage(w io.Writer) {
	fmt.Fprint(w, `modelfactory: no-code fine-tuning on OpenLedger Datanets

Usage:
  modelfactory serve [flags]            serve the web page and the JSON API (see modelfactory serve --help)
  modelfactory verify MODEL_ID [flags]  re-run a registered adapter's training from its manifest and
                                        check that it reproduces the adapter byte for byte
  modelfactory help                     show this help
`)
}
