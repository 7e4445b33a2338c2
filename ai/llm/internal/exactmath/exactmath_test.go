package exactmath

import (
	"math"
	"math/rand/v2"
	"testing"
)

// ulps is how many float64 steps lie between a and b.
func ulps(a, b float64) float64 {
	if a == b {
		return 0
	}
	return math.Abs(a-b) / math.Abs(math.Nextafter(b, math.Inf(1))-b)
}

func TestAgreesWithTheStandardLibrary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	worst := map[string]float64{}
	// A power carries ln x's rounding error times y·ln x (up to 14 here).
	limit := map[string]float64{"Exp": 2, "Log": 2, "Pow": 32}
	check := func(name string, got, want, x float64) {
		t.Helper()
		u := ulps(got, want)
		worst[name] = max(worst[name], u)
		if u > limit[name] {
			t.Fatalf("%s(%v) = %v, math gives %v (%v ulps apart)", name, x, got, want, u)
		}
	}
	for range 200_000 {
		x := (rng.Float64()*2 - 1) * 700
		check("Exp", Exp(x), math.Exp(x), x)
		y := math.Exp((rng.Float64()*2 - 1) * 700)
		check("Log", Log(y), math.Log(y), y)
		// Sines near a multiple of π are small and relative error is
		// meaningless there; the angles of rotary embeddings are p·f.
		a := rng.Float64() * 200_000
		s, c := Sincos(a)
		ws, wc := math.Sincos(a)
		if math.Abs(s-ws) > 1e-15*max(1, math.Abs(a)*1e-5) || math.Abs(c-wc) > 1e-15*max(1, math.Abs(a)*1e-5) {
			t.Fatalf("Sincos(%v) = %v, %v; math gives %v, %v", a, s, c, ws, wc)
		}
		b, e := 1+rng.Float64()*1e6, rng.Float64()*2-1
		check("Pow", Pow(b, e), math.Pow(b, e), b)
	}
	t.Logf("largest distance from package math in ulps: %v", worst)
}

func TestSpecialValues(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"Exp(0)", Exp(0), 1},
		{"Exp(+big)", Exp(1000), math.Inf(1)},
		{"Exp(-big)", Exp(-1000), 0},
		{"Log(1)", Log(1), 0},
		{"Log(0)", Log(0), math.Inf(-1)},
		{"Log(+Inf)", Log(math.Inf(1)), math.Inf(1)},
		{"Pow(10000, 0)", Pow(10000, 0), 1},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	for name, v := range map[string]float64{"Exp(NaN)": Exp(math.NaN()), "Log(-1)": Log(-1), "Pow(-2, 0.5)": Pow(-2, 0.5)} {
		if !math.IsNaN(v) {
			t.Errorf("%s = %v, want NaN", name, v)
		}
	}
	if u := ulps(Exp(1), math.E); u > 1 {
		t.Errorf("Exp(1) = %v, %v ulps from e", Exp(1), u)
	}
	if s, c := Sincos(0); s != 0 || c != 1 {
		t.Errorf("Sincos(0) = %v, %v", s, c)
	}
	if s, _ := Sincos(1e7); !math.IsNaN(s) {
		t.Errorf("Sincos beyond its range = %v, want NaN", s)
	}
}
