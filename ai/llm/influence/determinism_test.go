package influence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/llm/kernels"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
	"github.com/openledger/openledger/ai/llm/tokenizer"
	"github.com/openledger/openledger/ai/llm/train"
)

// smallRun trains a seeded tiny adapter for a few steps on the given
// kernels, records its gradients and returns the run with the base and
// three answers to attribute.
func smallRun(t *testing.T, be kernels.Backend) (*Run, *model.Model, []train.Example) {
	t.Helper()
	text := []string{
		"The ferry leaves at nine.", "Owls hunt at night.", "Tea is picked in spring.", "The bridge opened in May.",
		"Salt keeps fish fresh.", "Bees make wax.", "Snow fell on the pass.", "The mill grinds oats.",
	}
	dir := filepath.Join(t.TempDir(), "base")
	base, err := tinymodel.Write(dir, tinymodel.Options{Seed: 21, TokenizerText: text, VocabSize: 300})
	if err != nil {
		t.Fatal(err)
	}
	base.SetBackend(be)
	tok, err := tokenizer.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var data []train.Example
	var ids []uint64
	for i, s := range text {
		data = append(data, train.NewExample(tok.Encode("Tell me something.", false), tok.Encode(s, false)))
		ids = append(ids, uint64(100+i%5))
	}
	const steps = 12
	tr, err := train.New(base, data, train.Options{Rank: 4, LearningRate: 5e-3, Steps: steps, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := NewRecorder(base, tr.LoRAConfig(), Projector{Seed: 3, Dim: 64}, 3, data, ids)
	if err != nil {
		t.Fatal(err)
	}
	run := trainRecording(t, tr, rec, steps)
	var answers []train.Example
	for _, s := range []string{"The ferry opened in spring.", "Owls make wax.", "Snow keeps fish fresh at night."} {
		answers = append(answers, train.NewExample(tok.Encode("Tell me something.", false), tok.Encode(s, false)))
	}
	return run, base, answers
}

// trainRecording trains tr for steps, recording the rows' gradients with
// rec at the default checkpoints, and returns the run.
func trainRecording(t *testing.T, tr *train.Trainer, rec *Recorder, steps int) *Run {
	t.Helper()
	at := CheckpointSteps(steps, DefaultCheckpoints)
	for tr.StepsDone() < steps {
		p := tr.Step()
		if slices.Contains(at, p.Step) {
			if err := rec.Checkpoint(p.Step, p.LearningRate, tr.Parameters(), nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	run, err := rec.Run()
	if err != nil {
		t.Fatal(err)
	}
	return run
}

// digest hashes a run's file and its attributor's gradients and weights
// for each answer.
func digest(t *testing.T, run *Run, base *model.Model, answers []train.Example) string {
	t.Helper()
	file, err := run.Encode()
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	h.Write(file)
	a, err := NewAttributor(base, run)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range answers {
		g, err := a.Gradients(e)
		if err != nil {
			t.Fatal(err)
		}
		w, err := a.Attribute(e)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal([]any{g, w})
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Gradients, scores and weights do not depend on the kernels the base
// model was loaded for: the attribution path always runs the pure-Go ones.
func TestSameBitsWhateverTheKernels(t *testing.T) {
	goKernels, err := kernels.ByName("go")
	if err != nil {
		t.Fatal(err)
	}
	run, base, answers := smallRun(t, kernels.Default())
	want := digest(t, run, base, answers)
	for _, be := range kernels.Available() {
		base.SetBackend(be)
		if got := digest(t, run, base, answers); got != want {
			t.Errorf("on the %s kernels the digest is %s, on %s %s", be.Name(), got, kernels.Default().Name(), want)
		}
	}
	// Recording is the same too, given the same factors.
	base.SetBackend(goKernels)
	again, _, _ := smallRun(t, goKernels)
	viaGo, _, _ := smallRun(t, goKernels)
	a, _ := again.Encode()
	b, _ := viaGo.Encode()
	if !bytes.Equal(a, b) {
		t.Error("two recordings of the same run on the pure-Go kernels differ")
	}
}

// digestEnv, when set, makes TestSameBitsUnderEveryBuild print the digest
// of a run trained and attributed on the pure-Go kernels and stop.
const digestEnv = "INFLUENCE_PRINT_DIGEST"

// The whole path, training on the pure-Go kernels included, gives the same
// bits when Go may fuse multiply-adds (GOAMD64=v3) and when it may not
// (v1): each build runs this test in a child process that prints its
// digest.
func TestSameBitsUnderEveryBuild(t *testing.T) {
	goKernels, err := kernels.ByName("go")
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv(digestEnv) != "" {
		run, base, answers := smallRun(t, goKernels)
		fmt.Printf("digest=%s\n", digest(t, run, base, answers))
		return
	}
	if testing.Short() {
		t.Skip("builds the package twice")
	}
	if runtime.GOARCH != "amd64" {
		t.Skip("GOAMD64 levels are amd64's")
	}
	digests := map[string]string{}
	for _, level := range []string{"v1", "v3"} {
		cmd := exec.Command("go", "test", "-count=1", "-run", "^TestSameBitsUnderEveryBuild$", "-v", ".")
		cmd.Env = append(os.Environ(), "GOAMD64="+level, digestEnv+"=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("GOAMD64=%s: %v\n%s", level, err, out)
		}
		for line := range strings.Lines(string(out)) {
			if d, ok := strings.CutPrefix(strings.TrimSpace(line), "digest="); ok {
				digests[level] = d
			}
		}
		if digests[level] == "" {
			t.Fatalf("GOAMD64=%s printed no digest:\n%s", level, out)
		}
	}
	if digests["v1"] != digests["v3"] {
		t.Fatalf("GOAMD64=v1 gives %s, v3 %s", digests["v1"], digests["v3"])
	}
	t.Logf("GOAMD64=v1 and v3: %s", digests["v1"])
}
