package model_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/openledger/openledger/ai/llm/kernels"
	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
)

// benchContext is the number of cached positions each decoded token attends
// to in the decode benchmarks.
const benchContext = 128

func benchModel(b *testing.B, cfg model.Config) *model.Model {
	m, err := model.NewRandom(cfg, 1)
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// prefilled returns caches holding benchContext positions.
func prefilled(b *testing.B, m *model.Model, n int) []*model.KVCache {
	caches := make([]*model.KVCache, n)
	toks := make([]int, benchContext)
	for i := range toks {
		toks[i] = (i*31 + 7) % m.Config.Vocab
	}
	first := m.NewCache()
	if _, err := m.Forward([]model.Sequence{{Tokens: toks, Cache: first}}); err != nil {
		b.Fatal(err)
	}
	for i := range caches {
		caches[i] = first.Clone()
	}
	return caches
}

// decode runs b.N batched decode steps and reports tokens per second; every
// 64 steps the caches are cut back so the context stays near benchContext.
func decode(b *testing.B, m *model.Model, batch int, adapters []model.Adapter) {
	caches := prefilled(b, m, batch)
	seqs := make([]model.Sequence, batch)
	b.ResetTimer()
	step := 0
	for b.Loop() {
		for i := range seqs {
			seqs[i] = model.Sequence{Tokens: []int{(step*7 + i) % m.Config.Vocab}, Cache: caches[i]}
			if len(adapters) > 0 {
				// Requests of one adapter are adjacent, as the engine orders them.
				seqs[i].Adapter = adapters[i*len(adapters)/batch]
			}
		}
		if _, err := m.Forward(seqs); err != nil {
			b.Fatal(err)
		}
		if step++; step%64 == 0 {
			for _, c := range caches {
				c.Truncate(benchContext)
			}
		}
	}
	b.ReportMetric(float64(batch)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkDecode(b *testing.B) {
	m := benchModel(b, tinymodel.Small30M())
	for _, be := range kernels.Available() {
		m.SetBackend(be)
		for _, batch := range []int{1, 8, 32, 64} {
			b.Run(fmt.Sprintf("30M/%s/batch%d", be.Name(), batch), func(b *testing.B) { decode(b, m, batch, nil) })
		}
	}
}

// BenchmarkDecodeAdapters decodes batches of 32 and 64 with no adapter,
// one adapter for every row, and one distinct adapter per row (rank 16 on
// all projections), with the factors in float32 and in bfloat16.
func BenchmarkDecodeAdapters(b *testing.B) {
	m := benchModel(b, tinymodel.Small30M())
	var adapters []model.Adapter
	for i := range 64 {
		a, err := lora.NewRandom(&m.Config, lora.Config{R: 16, LoraAlpha: 32, TargetModules: lora.TargetModules{
			"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj",
		}}, uint64(i))
		if err != nil {
			b.Fatal(err)
		}
		adapters = append(adapters, a)
	}
	for _, batch := range []int{32, 64} {
		for _, n := range []int{0, 1, batch} {
			b.Run(fmt.Sprintf("30M/batch%d/adapters%d", batch, n), func(b *testing.B) { decode(b, m, batch, adapters[:n]) })
		}
	}
	// The same adapters with their factors kept in bfloat16.
	for _, a := range adapters {
		a.(*lora.Adapter).UseBF16()
	}
	for _, batch := range []int{32, 64} {
		for _, n := range []int{1, batch} {
			b.Run(fmt.Sprintf("30M/batch%d/adapters%d-bf16", batch, n), func(b *testing.B) { decode(b, m, batch, adapters[:n]) })
		}
	}
}

// BenchmarkDistinctAdapters measures the cost of serving a batch of 64
// requests across 64 distinct adapters against the same batch on one
// adapter, side by side: each iteration decodes one step of each, in
// alternating order, so that whatever else the machine runs slows both
// alike. It reports the median over iterations of the throughput of the
// distinct batch as a fraction of the one-adapter batch, with factors in
// float32 and in bfloat16, by wall-clock time and (-cpu 1 makes it the
// work of one core) by the process's CPU time.
func BenchmarkDistinctAdapters(b *testing.B) {
	const batch = 64
	m := benchModel(b, tinymodel.Small30M())
	make64 := func() []model.Adapter {
		var adapters []model.Adapter
		for i := range batch {
			a, err := lora.NewRandom(&m.Config, lora.Config{R: 16, LoraAlpha: 32, TargetModules: lora.TargetModules{
				"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj",
			}}, uint64(i))
			if err != nil {
				b.Fatal(err)
			}
			adapters = append(adapters, a)
		}
		return adapters
	}
	f32, bf16 := make64(), make64()
	for _, a := range bf16 {
		a.(*lora.Adapter).UseBF16()
	}
	type run struct {
		name     string
		adapters []model.Adapter
		steps    *stepper
	}
	runs := []run{
		{"f32/one", f32[:1], nil},
		{"f32/distinct", f32, nil},
		{"bf16/one", bf16[:1], nil},
		{"bf16/distinct", bf16, nil},
	}
	for i := range runs {
		runs[i].steps = newStepper(b, m, batch, runs[i].adapters)
		runs[i].steps.step(b) // warm up
	}
	ratios := map[string][]float64{}
	b.ResetTimer()
	for n := 0; b.Loop(); n++ {
		for pair := 0; pair < len(runs); pair += 2 {
			one, distinct := runs[pair], runs[pair+1]
			var tOne, tDistinct, cOne, cDistinct time.Duration
			if n%2 == 0 {
				tOne, cOne = one.steps.step(b)
				tDistinct, cDistinct = distinct.steps.step(b)
			} else {
				tDistinct, cDistinct = distinct.steps.step(b)
				tOne, cOne = one.steps.step(b)
			}
			key := one.name[:strings.IndexByte(one.name, '/')]
			ratios[key] = append(ratios[key], tOne.Seconds()/tDistinct.Seconds())
			if cDistinct > 0 {
				ratios[key+"-cpu"] = append(ratios[key+"-cpu"], cOne.Seconds()/cDistinct.Seconds())
			}
		}
	}
	for _, key := range []string{"f32", "bf16", "f32-cpu", "bf16-cpu"} {
		if r := ratios[key]; len(r) > 0 {
			slices.Sort(r)
			b.ReportMetric(r[len(r)/2], "distinct/one-"+key)
		}
	}
}

// stepper decodes one batch step at a time on its own caches.
type stepper struct {
	m        *model.Model
	caches   []*model.KVCache
	seqs     []model.Sequence
	adapters []model.Adapter
	n        int
}

func newStepper(b *testing.B, m *model.Model, batch int, adapters []model.Adapter) *stepper {
	return &stepper{m: m, caches: prefilled(b, m, batch), seqs: make([]model.Sequence, batch), adapters: adapters}
}

// step decodes one token of every sequence and returns how long it took,
// in wall-clock and in the process's CPU time.
func (s *stepper) step(b *testing.B) (wall, cpu time.Duration) {
	for i := range s.seqs {
		s.seqs[i] = model.Sequence{
			Tokens: []int{(s.n*7 + i) % s.m.Config.Vocab}, Cache: s.caches[i],
			Adapter: s.adapters[i*len(s.adapters)/len(s.seqs)], // one adapter's requests adjacent
		}
	}
	start, startCPU := time.Now(), processCPU()
	if _, err := s.m.Forward(s.seqs); err != nil {
		b.Fatal(err)
	}
	wall, cpu = time.Since(start), processCPU()-startCPU
	if s.n++; s.n%64 == 0 {
		for _, c := range s.caches {
			c.Truncate(benchContext)
		}
	}
	return wall, cpu
}

// BenchmarkPrefill feeds a 256-token prompt into an empty cache.
func BenchmarkPrefill(b *testing.B) {
	b.Run("30M", func(b *testing.B) { prefill(b, benchModel(b, tinymodel.Small30M())) })
}

func prefill(b *testing.B, m *model.Model) {
	toks := make([]int, 256)
	for i := range toks {
		toks[i] = (i*17 + 3) % m.Config.Vocab
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := m.Forward([]model.Sequence{{Tokens: toks, Cache: m.NewCache()}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkSmolLM2Shape decodes one stream and prefills 256 tokens on a
// random model of SmolLM2-135M's shape.
func BenchmarkSmolLM2Shape(b *testing.B) {
	m := benchModel(b, tinymodel.SmolLM2_135M())
	b.Run("decode/batch1", func(b *testing.B) { decode(b, m, 1, nil) })
	b.Run("prefill256", func(b *testing.B) { prefill(b, m) })
	m.SetWeightFormat(kernels.BF16)
	b.Run("bf16/decode/batch1", func(b *testing.B) { decode(b, m, 1, nil) })
	b.Run("bf16/prefill256", func(b *testing.B) { prefill(b, m) })
}
