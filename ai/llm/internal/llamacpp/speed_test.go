package llamacpp_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/openledger/openledger/ai/llm/gguf"
	"github.com/openledger/openledger/ai/llm/internal/llamacpp"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
	"github.com/openledger/openledger/ai/llm/tokenizer"
)

// Speed protocol shared by both sides: prefill a prompt of speedPrefill
// tokens into an empty cache (timed), then decode speedDecode tokens one at a
// time after it (timed); best of speedRepeats.
const (
	speedPrefill = 256
	speedDecode  = 64
	speedRepeats = 3
)

// TestSpeedBesideLlamaCpp measures the engine and llama.cpp on one random
// model of SmolLM2-135M's shape in float32, at 1 and 2 threads, and logs
// both. It takes a few minutes and asserts nothing, so it runs only when
// LLAMACPP_SPEED=1:
//
//	LLAMACPP_SPEED=1 go test ./ai/llm/internal/llamacpp -run SpeedBeside -v
func TestSpeedBesideLlamaCpp(t *testing.T) {
	if os.Getenv("LLAMACPP_SPEED") != "1" {
		t.Skip("set LLAMACPP_SPEED=1 to compare speed with llama.cpp")
	}
	llamacpp.Install(t)
	m, err := model.NewRandom(tinymodel.SmolLM2_135M(), 1)
	if err != nil {
		t.Fatal(err)
	}
	// llama.cpp needs a vocabulary in the file; a small trained one is
	// padded to the model's 49,152 embeddings.
	tokJSON, err := tokenizer.TrainByteLevelBPE(tokenizerText, 300, []string{tinymodel.EndOfText})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "smollm2-shape.gguf")
	if err := gguf.Write(path, m, gguf.WriteOptions{TokenizerJSON: tokJSON}); err != nil {
		t.Fatal(err)
	}
	m.Compact()
	prompt := make([]int, speedPrefill)
	for i := range prompt {
		prompt[i] = (i*7919 + 11) % m.Config.Vocab
	}
	threads := []int{1, 2}
	engine := map[int][2]float64{}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, n := range threads {
		runtime.GOMAXPROCS(n)
		var best [2]float64
		for range speedRepeats {
			pre, dec := engineSpeed(t, m, prompt)
			best[0], best[1] = max(best[0], pre), max(best[1], dec)
		}
		engine[n] = best
	}
	theirs := map[int][2]float64{}
	for range speedRepeats {
		resp := llamacpp.Run(t, llamacpp.Request{Model: path, Bench: &llamacpp.Bench{Threads: threads, Prompt: prompt, Decode: speedDecode}})
		for _, r := range resp.Bench {
			b := theirs[r.Threads]
			theirs[r.Threads] = [2]float64{max(b[0], r.PrefillTokensPerSec), max(b[1], r.DecodeTokensPerSec)}
		}
	}
	t.Logf("SmolLM2-135M shape, F32, kernels %s, prefill %d tokens then decode %d, best of %d", m.Backend().Name(), speedPrefill, speedDecode, speedRepeats)
	t.Logf("| threads | engine prefill | llama.cpp prefill | engine decode | llama.cpp decode |")
	for _, n := range threads {
		t.Logf("| %d | %.0f | %.0f | %.1f | %.1f |", n, engine[n][0], theirs[n][0], engine[n][1], theirs[n][1])
	}
}

// engineSpeed returns prefill and decode tokens/s of one run.
func engineSpeed(t *testing.T, m *model.Model, prompt []int) (prefill, decode float64) {
	cache := m.NewCache()
	start := time.Now()
	lg, err := m.Forward([]model.Sequence{{Tokens: prompt, Cache: cache}})
	if err != nil {
		t.Fatal(err)
	}
	prefill = float64(len(prompt)) / time.Since(start).Seconds()
	tok := argmax(lg[0])
	start = time.Now()
	for range speedDecode {
		if lg, err = m.Forward([]model.Sequence{{Tokens: []int{tok}, Cache: cache}}); err != nil {
			t.Fatal(err)
		}
		tok = argmax(lg[0])
	}
	return prefill, float64(speedDecode) / time.Since(start).Seconds()
}
