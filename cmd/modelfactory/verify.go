package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
)

func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("modelfactory verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c chainFlags
	c.register(fs)
	store := fs.String("cas", "", "the content-addressed store holding the manifest: an http(s) base URL (a ModelFactory's http://HOST:PORT/cas) or a folder")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: modelfactory verify MODEL_ID --cas STORE --base-model DIR [flags]

Re-runs the training of a registered LoRA adapter from its manifest (found
by the hash the chain records): re-exports every Datanet version from the
chain and verifies it against its root, checks every row against the
manifest, trains with the same settings and seed, and compares the adapter
with the artifact hash on chain. Exits 0 when it reproduces byte for byte,
1 when it does not or cannot be checked.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 || *store == "" {
		fs.Usage()
		return 2
	}
	id, err := strconv.ParseUint(fs.Arg(0), 10, 64)
	if err != nil || id == 0 {
		fmt.Fprintf(stderr, "modelfactory verify: %q is not a model id\n", fs.Arg(0))
		return 2
	}
	home, err := os.MkdirTemp("", "modelfactory-verify-home-")
	if err != nil {
		fmt.Fprintln(stderr, "modelfactory verify:", err)
		return 1
	}
	defer os.RemoveAll(home)
	c.home = home
	factory, closeAll, err := c.open(nil, slog.New(slog.NewTextHandler(io.Discard, nil)), 0)
	if err != nil {
		fmt.Fprintln(stderr, "modelfactory verify:", err)
		return 1
	}
	defer closeAll()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	report, err := factory.Verify(ctx, id, *store, func(step, steps int, loss float64) {
		if step == steps || step%10 == 0 {
			fmt.Fprintf(stderr, "step %d/%d loss %.4f\n", step, steps, loss)
		}
	})
	if err != nil {
		fmt.Fprintln(stderr, "modelfactory verify:", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(report)
	} else {
		verdict := "REPRODUCED: the re-run adapter is byte-identical to the registered one"
		if !report.Reproduced {
			verdict = "NOT REPRODUCED"
		}
		fmt.Fprintf(stdout, "model %d: %s\n  chain sha256 %s\n  re-run sha256 %s\n  config matches %v, losses match %v, %d steps over %d rows in %.1f s\n",
			report.ModelID, verdict, report.ChainSHA256, report.RerunSHA256, report.ConfigMatches, report.LossesMatch, report.Steps, report.Rows, report.Seconds)
		if report.GradientsSHA256 != "" {
			fmt.Fprintf(stdout, "  recorded row gradients match %v (re-recorded sha256 %s)\n", report.GradientsMatch, report.GradientsSHA256)
		}
	}
	if !report.Reproduced {
		return 1
	}
	return 0
}

// reorder moves flags before the positional MODEL_ID, so both
// `verify 7 --cas X` and `verify --cas X 7` work.
func reorder(args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			if !strings.Contains(a, "=") && a != "--json" && a != "-json" && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			rest = append(rest, a)
		}
	}
	return append(flags, rest...)
}
