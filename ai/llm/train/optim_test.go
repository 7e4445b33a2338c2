package train

import (
	"math"
	"testing"
)

// The schedule is Hugging Face's cosine-with-warm-up: 0 at step 0, linear to
// the peak at the end of warm-up, half the peak midway through the decay, 0
// at the end and after it.
func TestLearningRateSchedule(t *testing.T) {
	const peak = 1e-3
	for _, c := range []struct {
		step int
		want float64
	}{{0, 0}, {2, peak / 2}, {4, peak}, {9, peak / 2}, {14, 0}, {20, 0}} {
		if got := learningRate(peak, c.step, 4, 14); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("step %d: rate %g, want %g", c.step, got, c.want)
		}
	}
}

// Clipping scales to the maximum norm as torch does and leaves small
// gradients alone.
func TestClipGlobalNorm(t *testing.T) {
	g := []float32{3, 4}
	if n := clipGlobalNorm(g, 1); n != 5 || math.Abs(float64(g[0])-0.6) > 1e-6 || math.Abs(float64(g[1])-0.8) > 1e-6 {
		t.Fatalf("norm %g, clipped %v", n, g)
	}
	g = []float32{0.3, 0.4}
	if clipGlobalNorm(g, 1); g[0] != 0.3 || g[1] != 0.4 {
		t.Fatalf("small gradient changed: %v", g)
	}
}

// AdamW's first step moves each parameter by lr·sign(g) (bias correction
// makes m̂ = g and v̂ = g²) after the decoupled decay p·(1 − lr·wd), and the
// second step follows the moment recurrences.
func TestAdamW(t *testing.T) {
	o := adamW{beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.1, m: make([]float32, 2), v: make([]float32, 2)}
	p := []float32{1, -2}
	o.update(p, []float32{0.5, -3}, 0.01, 1)
	want := []float64{1*(1-0.001) - 0.01, -2*(1-0.001) + 0.01}
	for i := range p {
		if math.Abs(float64(p[i])-want[i]) > 1e-6 {
			t.Fatalf("after one step %v, want %v", p, want)
		}
	}
	g := []float64{0.2, 1}
	o.update(p, []float32{0.2, 1}, 0.01, 2)
	for i, g1 := range []float64{0.5, -3} {
		m := 0.9*0.1*g1 + 0.1*g[i]
		v := 0.999*0.001*g1*g1 + 0.001*g[i]*g[i]
		w := want[i]*(1-0.001) - 0.01*(m/(1-0.81))/(math.Sqrt(v/(1-0.999*0.999))+1e-8)
		if math.Abs(float64(p[i])-w) > 1e-6 {
			t.Fatalf("after two steps p[%d] = %v, want %v", i, p[i], w)
		}
	}
}
