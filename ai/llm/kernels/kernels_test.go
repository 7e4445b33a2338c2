package kernels

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func randSlice(r *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = r.Float32()*2 - 1
	}
	return s
}

func relErr(got, want []float32) float64 {
	var num, den float64
	for i := range want {
		d := float64(got[i] - want[i])
		num += d * d
		den += float64(want[i]) * float64(want[i])
	}
	return math.Sqrt(num / max(den, 1e-30))
}

// naiveMatMulT is the textbook triple loop in float64: the reference every
// backend is held to.
func naiveMatMulT(a, b []float32, m, n, k int) []float32 {
	out := make([]float32, m*n)
	for i := range m {
		for j := range n {
			var s float64
			for p := range k {
				s += float64(a[i*k+p]) * float64(b[j*k+p])
			}
			out[i*n+j] = float32(s)
		}
	}
	return out
}

var shapes = [][3]int{
	{1, 1, 16},
	{1, 7, 32},
	{3, 5, 48},
	{4, 4, 64},
	{5, 9, 80},
	{17, 13, 96},
	{70, 33, 128},
	{2, 3, 7},
	{9, 6, 13},
	{1, 64, 576},
	{65, 67, 24},
}

func TestBackendsMatchReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, be := range Available() {
		for _, s := range shapes {
			m, n, k := s[0], s[1], s[2]
			a, b := randSlice(r, m*k), randSlice(r, n*k)
			got := make([]float32, m*n)
			be.MatMulT(got, a, b, m, n, k)
			if e := relErr(got, naiveMatMulT(a, b, m, n, k)); e > 1e-5 {
				t.Errorf("%s MatMulT %v: relative error %g", be.Name(), s, e)
			}
			want := make([]float32, m*n)
			goBackend{}.MatMulT(want, a, b, m, n, k)
			if e := relErr(got, want); e > 1e-5 {
				t.Errorf("%s MatMulT %v differs from pure Go by %g", be.Name(), s, e)
			}
		}
		for _, n := range []int{0, 1, 5, 8, 16, 31, 64, 100, 257} {
			a, b := randSlice(r, n), randSlice(r, n)
			got := be.Dot(a, b)
			want := naiveMatMulT(a, b, 1, 1, n)
			if n > 0 && math.Abs(float64(got-want[0])) > 1e-5*float64(n) {
				t.Errorf("%s Dot n=%d: %g want %g", be.Name(), n, got, want[0])
			}
			y := randSlice(r, n)
			y2 := append([]float32(nil), y...)
			be.Axpy(0.37, a, y)
			axpyGo(0.37, a, y2)
			if n > 0 && relErr(y, y2) > 1e-6 {
				t.Errorf("%s Axpy n=%d differs from pure Go", be.Name(), n)
			}
		}
	}
}

func TestPackedMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, be := range Available() {
		for _, s := range append(shapes, [3]int{13, 130, 40}, [3]int{7, 64, 1}, [3]int{100, 200, 64}) {
			m, n, k := s[0], s[1], s[2]
			a, b := randSlice(r, m*k), randSlice(r, n*k)
			p := be.Pack(b, n, k, F32)
			got := make([]float32, m*n)
			be.MatMulPacked(got, a, m, p)
			if e := relErr(got, naiveMatMulT(a, b, m, n, k)); e > 1e-5 {
				t.Errorf("%s MatMulPacked %v: relative error %g", be.Name(), s, e)
			}
			// A row alone equals the row in the batch, bit for bit.
			one := make([]float32, n)
			last := m - 1
			be.MatMulPacked(one, a[last*k:], 1, p)
			for j := range n {
				if one[j] != got[last*n+j] {
					t.Fatalf("%s MatMulPacked %v: last row alone differs at column %d", be.Name(), s, j)
				}
			}
		}
	}
}

func TestRowOps(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, be := range Available() {
		for _, n := range []int{16, 64, 80, 12, 128} {
			rows, stride := 37, n*3+5
			a, b := randSlice(r, n), randSlice(r, rows*stride)
			got := make([]float32, rows)
			be.DotRows(got, a, b, stride)
			for i := range rows {
				want := naiveMatMulT(a, b[i*stride:i*stride+n], 1, 1, n)[0]
				if math.Abs(float64(got[i]-want)) > 1e-5*float64(n) {
					t.Fatalf("%s DotRows n=%d row %d: %v want %v", be.Name(), n, i, got[i], want)
				}
			}
			w := randSlice(r, rows)
			y := randSlice(r, n)
			want := append([]float32(nil), y...)
			be.AxpyRows(y, w, b, stride)
			for i, wt := range w {
				be.Axpy(wt, b[i*stride:i*stride+n], want)
			}
			for i := range y {
				if y[i] != want[i] {
					t.Fatalf("%s AxpyRows n=%d: element %d is %v, repeated Axpy gives %v", be.Name(), n, i, y[i], want[i])
				}
			}
		}
	}
}

func TestUnpack(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	n, k := 70, 33
	b := randSlice(r, n*k)
	rounded := roundBF16(b)
	for _, be := range Available() {
		for f, want := range map[Format][]float32{F32: b, BF16: rounded} {
			p := be.Pack(b, n, k, f)
			p.DropRows()
			got := p.Unpack()
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("%s format %d: element %d unpacks to %v, want %v", be.Name(), f, i, got[i], want[i])
				}
			}
		}
	}
}

// BF16 packing computes exactly what F32 packing computes on the weights
// rounded to bfloat16.
func TestPackedBF16(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	m, n, k := 9, 130, 48
	a, b := randSlice(r, m*k), randSlice(r, n*k)
	rounded := roundBF16(b)
	for _, be := range Available() {
		// One row and many rows take different paths through the bfloat16
		// panels; a row's result must not depend on which.
		full := make([]float32, m*n)
		p := be.Pack(b, n, k, BF16)
		be.MatMulPacked(full, a, m, p)
		one := make([]float32, n)
		be.MatMulPacked(one, a[(m-1)*k:], 1, p)
		for j := range n {
			if one[j] != full[(m-1)*n+j] {
				t.Fatalf("%s: BF16 row alone differs at column %d", be.Name(), j)
			}
		}
		got := make([]float32, m*n)
		be.MatMulPacked(got, a, m, be.Pack(b, n, k, BF16))
		want := make([]float32, m*n)
		be.MatMulPacked(want, a, m, be.Pack(rounded, n, k, F32))
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: BF16 output %d is %v, F32 on rounded weights %v", be.Name(), i, got[i], want[i])
			}
		}
		if e := relErr(got, naiveMatMulT(a, b, m, n, k)); e > 1e-2 || e == 0 {
			t.Fatalf("%s: BF16 error %g vs float32 weights", be.Name(), e)
		}
	}
	if toBF16(1) != 0x3f80 || toBF16(float32(math.NaN()))&0x7f == 0 && toBF16(float32(math.NaN())) == 0x7f80 {
		t.Fatal("toBF16")
	}
}

// A row's result must be bit-for-bit the same whether it is computed alone
// or inside a larger batch, in a full tile or an edge tile.
func TestRowResultIndependentOfBatch(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	m, n, k := 23, 19, 64
	a, b := randSlice(r, m*k), randSlice(r, n*k)
	for _, be := range Available() {
		full := make([]float32, m*n)
		be.MatMulT(full, a, b, m, n, k)
		for i := range m {
			one := make([]float32, n)
			be.MatMulT(one, a[i*k:(i+1)*k], b, 1, n, k)
			for j := range n {
				if one[j] != full[i*n+j] {
					t.Fatalf("%s: row %d col %d alone %v, in batch %v", be.Name(), i, j, one[j], full[i*n+j])
				}
			}
		}
	}
}

func TestExpf(t *testing.T) {
	worst := 0.0
	for x := -87.0; x <= 88.5; x += 0.001 {
		got, want := float64(expf(float32(x))), math.Exp(float64(float32(x)))
		worst = max(worst, math.Abs(got-want)/want)
	}
	if worst > 3e-7 {
		t.Fatalf("expf relative error up to %g", worst)
	}
	if expf(100) != float32(math.Inf(1)) || expf(-100) != 0 || expf(0) != 1 {
		t.Fatal("expf limits")
	}
}

func TestOps(t *testing.T) {
	x := []float32{1, -2, 3, 0.5}
	w := []float32{1, 2, 0.5, -1}
	dst := make([]float32, 4)
	RMSNorm(dst, x, w, 1e-6)
	var ss float64
	for _, v := range x {
		ss += float64(v * v)
	}
	inv := 1 / math.Sqrt(ss/4+1e-6)
	for i := range x {
		if math.Abs(float64(dst[i])-float64(x[i])*inv*float64(w[i])) > 1e-6 {
			t.Fatalf("RMSNorm[%d] = %v", i, dst[i])
		}
	}
	p := []float32{1000, 1001, 999}
	Softmax(p)
	if s := p[0] + p[1] + p[2]; math.Abs(float64(s-1)) > 1e-6 || p[1] <= p[0] || p[0] <= p[2] {
		t.Fatalf("Softmax = %v", p)
	}
	g := []float32{0, 2}
	u := []float32{3, 1}
	SiLUMul(dst[:2], g, u)
	if dst[0] != 0 || math.Abs(float64(dst[1])-2/(1+math.Exp(-2))) > 1e-6 {
		t.Fatalf("SiLUMul = %v", dst[:2])
	}
}

// BenchmarkGEMM measures the matrix product on the prefill shapes of a
// SmolLM2-135M-sized layer (256 tokens, width 576, MLP 1536) and the decode
// shape (one row), with packed weights and, where packing changes the
// layout, with the row-major MatMulT.
func BenchmarkGEMM(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, s := range [][3]int{{256, 576, 576}, {256, 1536, 576}, {1, 1536, 576}} {
		m, n, k := s[0], s[1], s[2]
		x, w := randSlice(r, m*k), randSlice(r, n*k)
		dst := make([]float32, m*n)
		for _, be := range Available() {
			p := be.Pack(w, n, k, F32)
			b.Run(fmt.Sprintf("%s/m%d_n%d_k%d", be.Name(), m, n, k), func(b *testing.B) {
				for b.Loop() {
					be.MatMulPacked(dst, x, m, p)
				}
				b.ReportMetric(2*float64(m*n*k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOPS")
			})
			if p.panels == nil {
				continue // this backend's packed product is MatMulT itself
			}
			b.Run(fmt.Sprintf("%s-rowmajor/m%d_n%d_k%d", be.Name(), m, n, k), func(b *testing.B) {
				for b.Loop() {
					be.MatMulT(dst, x, w, m, n, k)
				}
				b.ReportMetric(2*float64(m*n*k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOPS")
			})
		}
	}
}

// The bfloat16 row operations give what the float32 ones give over the
// widened rows, bit for bit, on every backend and length (with and without
// a tail, and empty).
func TestRowOpsBF16(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	for _, be := range Available() {
		for _, n := range []int{0, 1, 15, 16, 17, 64, 100, 576} {
			for _, rows := range []int{0, 1, 16, 37} {
				stride := n*2 + 3
				b := ToBF16(randSlice(r, rows*stride))
				wide := make([]float32, len(b))
				for i, v := range b {
					wide[i] = math.Float32frombits(uint32(v) << 16)
				}
				a := randSlice(r, n)
				got, want := make([]float32, rows), make([]float32, rows)
				be.DotRowsBF16(got, a, b, stride)
				be.DotRows(want, a, wide, stride)
				for i := range rows {
					if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
						t.Fatalf("%s DotRowsBF16 n=%d rows=%d: row %d is %v, DotRows gives %v", be.Name(), n, rows, i, got[i], want[i])
					}
				}
				w := randSlice(r, rows)
				y := randSlice(r, n)
				yWant := append([]float32(nil), y...)
				be.AxpyRowsBF16(y, w, b, stride)
				be.AxpyRows(yWant, w, wide, stride)
				for i := range y {
					if math.Float32bits(y[i]) != math.Float32bits(yWant[i]) {
						t.Fatalf("%s AxpyRowsBF16 n=%d rows=%d: element %d is %v, AxpyRows gives %v", be.Name(), n, rows, i, y[i], yWant[i])
					}
				}
			}
		}
	}
}
