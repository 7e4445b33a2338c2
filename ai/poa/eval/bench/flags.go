package bench

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// Exit statuses of Main.
const (
	exitOK    = 0
	exitError = 2
)

const usage = `Usage: poa-bench --dir DIR [--size 100MB] [flags]

Generates a corpus of the given size from real prose found on this machine
(Debian documentation in /usr/share/doc and Go source comments), builds the
PoA index and an n-gram hash baseline from it, and measures build speed,
peak memory, index size and attribute latency (1 KB and 8 KB outputs,
warm and cold page cache). Prints a Markdown report and writes it to
DIR/report.md. Nothing here runs in "go test".

Flags:
`

// newFlagSet returns a flag set that prints the usage on -h and reports
// errors without exiting.
func newFlagSet(out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("poa-bench", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprint(out, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; it returns an exit status when Main should stop
// (help asked for, or a usage error).
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
