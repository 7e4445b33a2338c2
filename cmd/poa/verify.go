package main

import (
	"fmt"
	"io"
	"os"
)

func runVerify(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("verify", "--index INDEX_DIR [--index ...] --text-file F --claim CLAIM.json",
		`Recomputes the attribution of the text and compares it with a claimed answer
(the JSON printed by "poa attribute --json"), using the claim's min_span.
Exits 0 when every field matches, 1 with a list of differences otherwise.`, stderr)
	var ixf indexFlags
	ixf.register(fs)
	textFile := fs.String("text-file", "", "file holding the output text (default: standard input)")
	claimFile := fs.String("claim", "", "file holding the claimed answer (JSON)")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if *claimFile == "" {
		fmt.Fprintln(stderr, "poa verify: --claim is required")
		fs.Usage()
		return exitError
	}
	if *textFile == "" && *claimFile == "-" {
		fmt.Fprintln(stderr, "poa verify: the text and the claim cannot both come from standard input")
		return exitError
	}
	claim, err := os.ReadFile(*claimFile)
	if err != nil {
		fmt.Fprintf(stderr, "poa verify: %v\n", err)
		return exitError
	}
	text, err := readText(*textFile, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "poa verify: %v\n", err)
		return exitError
	}
	engine, closeAll, err := ixf.open()
	if err != nil {
		fmt.Fprintf(stderr, "poa verify: %v\n", err)
		return exitError
	}
	defer closeAll()
	v, err := engine.VerifyClaim(text, claim)
	if err != nil {
		fmt.Fprintf(stderr, "poa verify: %v\n", err)
		return exitError
	}
	if v.OK() {
		fmt.Fprintln(stdout, "claim verified: it equals the recomputation")
		return exitOK
	}
	fmt.Fprintf(stdout, "claim does NOT verify: %d difference(s)\n", len(v.Differences)+v.Omitted)
	for _, d := range v.Differences {
		fmt.Fprintf(stdout, "  %s\n", d)
	}
	if v.Omitted > 0 {
		fmt.Fprintf(stdout, "  ... and %d more\n", v.Omitted)
	}
	return exitMismatch
}
