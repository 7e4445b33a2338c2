package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/openledger/openledger/ai/llm/influence"
	"github.com/openledger/openledger/services/openlora"
)

// gradientClaim is what "poa gradient --json" prints and --claim reads.
type gradientClaim struct {
	Method          string                         `json:"method"`
	GradientsSHA256 string                         `json:"gradients_sha256"`
	Weights         []influence.ContributionWeight `json:"weights"`
}

func runGradient(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("gradient", "--base MODEL --gradients FILE --messages MESSAGES.json --answer-file F [--claim CLAIM.json] [--json]",
		`Attributes a fine-tuned adapter's answer to the training rows that shaped it, by
gradients (method `+influence.Method+`): the answer's loss gradient at every
checkpoint of the run, against every row's recorded gradient, as the serving node
computes it. MODEL is the base model (a Hugging Face folder or a GGUF file) the
adapter was trained on; FILE the run's recorded gradients (named by sha256 in the
training manifest); MESSAGES the conversation as a JSON array of {"role",
"content"} objects, without the answer. The result is the same bytes on every
machine. With --claim, compares a claimed result (the JSON this prints with --json)
and exits 0 when it matches, 1 otherwise.`, stderr)
	baseDir := fs.String("base", "", "base model folder or GGUF file")
	gradientsFile := fs.String("gradients", "", "the run's recorded gradients")
	messagesFile := fs.String("messages", "", "the conversation (JSON array of messages)")
	answerFile := fs.String("answer-file", "", "file holding the assistant's answer")
	claimFile := fs.String("claim", "", "file holding a claimed result to verify")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	for _, f := range []struct{ name, value string }{
		{"--base", *baseDir}, {"--gradients", *gradientsFile}, {"--messages", *messagesFile}, {"--answer-file", *answerFile},
	} {
		if f.value == "" {
			fmt.Fprintf(stderr, "poa gradient: %s is required\n", f.name)
			fs.Usage()
			return exitError
		}
	}
	got, err := gradientWeights(*baseDir, *gradientsFile, *messagesFile, *answerFile)
	if err != nil {
		fmt.Fprintf(stderr, "poa gradient: %v\n", err)
		return exitError
	}
	if *claimFile != "" {
		raw, err := os.ReadFile(*claimFile)
		if err != nil {
			fmt.Fprintf(stderr, "poa gradient: %v\n", err)
			return exitError
		}
		var claim gradientClaim
		if err := json.Unmarshal(raw, &claim); err != nil {
			fmt.Fprintf(stderr, "poa gradient: the claim: %v\n", err)
			return exitError
		}
		if diffs := compareGradientClaim(claim, *got); len(diffs) > 0 {
			fmt.Fprintf(stdout, "claim does NOT verify: %d difference(s)\n", len(diffs))
			for _, d := range diffs {
				fmt.Fprintf(stdout, "  %s\n", d)
			}
			return exitMismatch
		}
		fmt.Fprintln(stdout, "claim verified: it equals the recomputation")
		return exitOK
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(got)
		return exitOK
	}
	fmt.Fprintf(stdout, "method %s, gradients %s\n", got.Method, got.GradientsSHA256)
	for _, w := range got.Weights {
		fmt.Fprintf(stdout, "  contribution %d  %7.3f%%\n", w.ContributionID, float64(w.Ppm)/1e4)
	}
	return exitOK
}

// gradientWeights recomputes an answer's gradient attribution.
func gradientWeights(baseDir, gradientsFile, messagesFile, answerFile string) (*gradientClaim, error) {
	raw, err := os.ReadFile(gradientsFile)
	if err != nil {
		return nil, err
	}
	run, err := influence.ReadRun(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", gradientsFile, err)
	}
	var messages []openlora.ChatMessage
	bz, err := os.ReadFile(messagesFile)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(bz, &messages); err != nil {
		return nil, fmt.Errorf("%s: want a JSON array of {\"role\", \"content\"} objects: %w", messagesFile, err)
	}
	if len(messages) == 0 {
		return nil, fmt.Errorf("%s: no messages", messagesFile)
	}
	answer, err := os.ReadFile(answerFile)
	if err != nil {
		return nil, err
	}
	base, err := openlora.NewEmbedded(baseDir, openlora.EmbeddedOptions{})
	if err != nil {
		return nil, err
	}
	example, err := base.ChatExample(messages, string(answer))
	if err != nil {
		return nil, err
	}
	a, err := influence.NewAttributor(base.Model(), run)
	if err != nil {
		return nil, err
	}
	weights, err := a.Attribute(example)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	return &gradientClaim{Method: run.Method, GradientsSHA256: hex.EncodeToString(sum[:]), Weights: weights}, nil
}

// compareGradientClaim lists how a claim differs from the recomputation.
func compareGradientClaim(claim, got gradientClaim) []string {
	var diffs []string
	if claim.Method != got.Method {
		diffs = append(diffs, fmt.Sprintf("method: claimed %q, recomputed %q", claim.Method, got.Method))
	}
	if claim.GradientsSHA256 != got.GradientsSHA256 {
		diffs = append(diffs, fmt.Sprintf("gradients: claimed %s, given %s", claim.GradientsSHA256, got.GradientsSHA256))
	}
	if !slices.Equal(claim.Weights, got.Weights) {
		diffs = append(diffs, fmt.Sprintf("weights: claimed %v, recomputed %v", claim.Weights, got.Weights))
	}
	return diffs
}
