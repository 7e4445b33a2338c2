package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/openledger/openledger/ai/poa"
)

// maxTextBytes bounds an output read from a file or standard input.
const maxTextBytes = 64 << 20

func runAttribute(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("attribute", "--index INDEX_DIR [--index ...] [--text-file F] [--min-span N] [--json]",
		`Attributes an output text (from --text-file, or standard input) to the
contributions of one or more indexes. --json prints the answer as one JSON
object, byte-identical on every machine for the same indexes and text.`, stderr)
	var ixf indexFlags
	ixf.register(fs)
	textFile := fs.String("text-file", "", "file holding the output text (default: standard input)")
	minSpan := fs.Int("min-span", poa.DefaultMinSpanWords, "minimum exact span length, in words")
	asJSON := fs.Bool("json", false, "print the answer as JSON")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if *minSpan < 1 || *minSpan > poa.MaxMinSpanWords {
		fmt.Fprintf(stderr, "poa attribute: --min-span must be between 1 and %d\n", poa.MaxMinSpanWords)
		return exitError
	}
	text, err := readText(*textFile, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "poa attribute: %v\n", err)
		return exitError
	}
	engine, closeAll, err := ixf.open()
	if err != nil {
		fmt.Fprintf(stderr, "poa attribute: %v\n", err)
		return exitError
	}
	defer closeAll()
	res, err := engine.Attribute(text, poa.Options{MinSpanWords: *minSpan})
	if err != nil {
		fmt.Fprintf(stderr, "poa attribute: %v\n", err)
		return exitError
	}
	if *asJSON {
		return writeJSON(stdout, stderr, res)
	}
	printSummary(stdout, res)
	return exitOK
}

// readText reads the output text from a file or standard input.
func readText(path string, stdin io.Reader) ([]byte, error) {
	r := stdin
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxTextBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxTextBytes {
		return nil, fmt.Errorf("the text is larger than %d bytes", maxTextBytes)
	}
	return data, nil
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	data, err := json.Marshal(v)
	if err != nil {
		fmt.Fprintf(stderr, "poa: %v\n", err)
		return exitError
	}
	data = append(data, '\n')
	if _, err := stdout.Write(data); err != nil {
		fmt.Fprintf(stderr, "poa: %v\n", err)
		return exitError
	}
	return exitOK
}

func printSummary(w io.Writer, res *poa.Result) {
	fmt.Fprintf(w, "%s\n%d words, %.4f%% attributed (%d ppm); %d exact spans, %d paraphrased contributions\n",
		res.Method, res.OutputWords, float64(res.AttributedPPM)/1e4, res.AttributedPPM, len(res.Exact), len(res.Paraphrase))
	for _, a := range res.Attributions {
		fmt.Fprintf(w, "  %10d ppm  %s  (%d spans)\n", a.WeightPPM, a.ID, len(a.Spans))
	}
}
