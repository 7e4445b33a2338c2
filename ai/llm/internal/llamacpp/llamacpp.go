// Package llamacpp runs llama.cpp through npm's node-llama-cpp, pinned by
// this folder's package-lock.json, so that Go tests can compare the engine's
// forward pass and speed with an independent implementation. Only the
// prebuilt linux-x64 CPU binary is installed (node-llama-cpp's other
// platforms' binaries are optional dependencies, left out), and the node
// script loads it with build "never": nothing is compiled or downloaded when
// a test runs. run.mjs takes one JSON request file and writes one JSON
// response file, so a test starts one node process per batch.
package llamacpp

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/openledger/openledger/testutil/npmtest"
)

// Dir is the folder holding package.json and run.mjs.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// Install makes sure the pinned packages are installed, skipping the test
// when npm is not on PATH. Test binaries of several packages may call it at
// once, so the install holds a file lock.
//
// It runs `npm install --no-save` rather than `npm ci`: npm ci insists that
// the lock lists every optional platform binary of node-llama-cpp, and
// registries that serve only some platforms cannot produce such a lock.
// With the lock present and in step with package.json, npm install installs
// exactly the locked versions and integrity hashes and leaves the lock
// unchanged. Scripts are not run, since node-llama-cpp's postinstall would
// look for a binary to build or download.
func Install(t testing.TB) {
	t.Helper()
	npmtest.InstallWith(t, Dir(), "install", "--no-save", "--omit=optional", "--ignore-scripts", "--no-audit", "--no-fund")
}

// Request is one batch for run.mjs.
type Request struct {
	Model       string  `json:"model"` // GGUF path
	Threads     int     `json:"threads,omitempty"`
	ContextSize int     `json:"contextSize,omitempty"`
	Prompts     [][]int `json:"prompts,omitempty"`
	Steps       int     `json:"steps,omitempty"` // greedy tokens per prompt
	Logits      bool    `json:"logits,omitempty"`
	// Tokenize lists texts for llama.cpp's tokenizer (special tokens
	// parsed, no BOS added).
	Tokenize []string `json:"tokenize,omitempty"`
	Bench    *Bench   `json:"bench,omitempty"`
}

// Bench asks for prefill and single-stream decode timings.
type Bench struct {
	Threads []int `json:"threads"`
	Prompt  []int `json:"prompt"` // prefilled, then decoded after
	Decode  int   `json:"decode"` // decode steps
}

// Response is run.mjs's answer.
type Response struct {
	Results   []Result      `json:"results"`
	Tokenized [][]int       `json:"tokenized"`
	Bench     []BenchResult `json:"bench"`
}

// Result is one prompt's greedy tokens and, when asked, the logits each was
// chosen from.
type Result struct {
	Tokens []int       `json:"tokens"`
	Logits [][]float32 `json:"logits"`
}

// BenchResult is llama.cpp's speed at one thread count.
type BenchResult struct {
	Threads             int     `json:"threads"`
	PrefillTokensPerSec float64 `json:"prefillTokensPerSec"`
	DecodeTokensPerSec  float64 `json:"decodeTokensPerSec"`
}

// Run installs the packages if needed and runs one batch.
func Run(t testing.TB, req Request) Response {
	t.Helper()
	Install(t)
	tmp := t.TempDir()
	reqPath := filepath.Join(tmp, "request.json")
	respPath := filepath.Join(tmp, "response.json")
	data, err := json.Marshal(req)
	if err != nil {
		t.Fatalf("llamacpp: %v", err)
	}
	if err := os.WriteFile(reqPath, data, 0o644); err != nil {
		t.Fatalf("llamacpp: %v", err)
	}
	cmd := exec.Command("node", filepath.Join(Dir(), "run.mjs"), reqPath, respPath)
	cmd.Dir = Dir()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("llamacpp: node run.mjs: %v\n%s", err, out)
	}
	var resp Response
	data, err = os.ReadFile(respPath)
	if err == nil {
		err = json.Unmarshal(data, &resp)
	}
	if err != nil {
		t.Fatalf("llamacpp: response: %v", err)
	}
	return resp
}
