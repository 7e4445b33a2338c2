// Command poa answers "which contributions shaped this output, and by how
// much", identically for anyone who runs it. See ai/poa/README.md.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// Exit codes.
const (
	exitOK       = 0
	exitMismatch = 1 // verify: the claim differs from the recomputation
	exitError    = 2 // bad usage, bad input, unreadable or corrupt index
)

type command struct {
	name, summary string
	run           func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands []command

func init() {
	commands = []command{
		{"index", "build an index from contributions (JSONL)", runIndex},
		{"attribute", "attribute an output text to contributions", runAttribute},
		{"verify", "check a claimed attribution against a recomputation", runVerify},
		{"serve", "serve attribute and verify over HTTP", runServe},
		{"check", "verify every byte of an index against its manifest", runCheck},
		{"gradient", "attribute a fine-tuned adapter's answer by gradients", runGradient},
		{"help", "show help for a command", runHelp},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitError
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "poa: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitError
}

func usage(w io.Writer) {
	fmt.Fprint(w, `poa: proof-of-attribution for OpenLedger Datanets.

Usage:
  poa <command> [flags]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "poa help <command>" or "poa <command> -h" for a command's flags.
Exit status: 0 success, 1 claim does not verify, 2 error.
`)
}

func runHelp(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] && c.name != "help" {
			return c.run([]string{"-h"}, nil, stdout, stdout)
		}
	}
	fmt.Fprintf(stderr, "poa help: unknown command %q\n", args[0])
	return exitError
}

// newFlagSet returns a flag set that prints its usage (with a description)
// on -h and reports errors without exiting.
func newFlagSet(name, synopsis, description string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("poa "+name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprintf(out, "Usage: poa %s %s\n\n%s\n\nFlags:\n", name, synopsis, description)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; it returns an exit code when the command should
// stop (help asked for, or a usage error).
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, true
		}
		return exitError, true
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitError, true
	}
	return 0, false
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return fmt.Sprint(*l) }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }
