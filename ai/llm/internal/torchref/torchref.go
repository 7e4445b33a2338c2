// Package torchref runs an independent reference forward pass, written in
// plain torch in forward.py, over Hugging Face model folders (and optional
// PEFT adapters) so tests can compare the Go engine's logits with it. Tests
// skip when Debian's python3-torch is not installed.
package torchref

import (
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/openledger/openledger/testutil/reference"
)

//go:embed forward.py
var script []byte

// python is Debian's interpreter, where apt's python3-torch installs.
const python = "/usr/bin/python3"

// Job is one reference forward: a model folder, an optional adapter folder
// and the token ids to run.
type Job struct {
	ModelDir   string
	AdapterDir string // "" for the base model
	Tokens     []int
}

// Logits returns, per job, [len(Tokens) × vocab] logits computed by torch,
// running every job in one Python process. It skips the test when torch is
// unavailable.
func Logits(t testing.TB, jobs []Job) [][]float32 {
	t.Helper()
	if err := exec.Command(python, "-c", "import torch").Run(); err != nil {
		reference.Unavailable(t, "torch reference: python3-torch is not installed (scripts/test-deps.sh installs it)")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "forward.py")
	if err := os.WriteFile(path, script, 0o644); err != nil {
		t.Fatal(err)
	}
	type jobJSON struct {
		Model   string `json:"model"`
		Adapter string `json:"adapter"`
		Tokens  []int  `json:"tokens"`
		Out     string `json:"out"`
	}
	list := make([]jobJSON, len(jobs))
	for i, j := range jobs {
		list[i] = jobJSON{j.ModelDir, j.AdapterDir, j.Tokens, filepath.Join(dir, fmt.Sprintf("logits%d.f32", i))}
	}
	spec, _ := json.Marshal(list)
	jobsPath := filepath.Join(dir, "jobs.json")
	if err := os.WriteFile(jobsPath, spec, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, path, jobsPath)
	cmd.Env = append(os.Environ(), "OMP_NUM_THREADS=1")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("torch reference: %v\n%s", err, b)
	}
	out := make([][]float32, len(jobs))
	for i, j := range list {
		raw, err := os.ReadFile(j.Out)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = make([]float32, len(raw)/4)
		for k := range out[i] {
			out[i][k] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*k:]))
		}
	}
	return out
}
