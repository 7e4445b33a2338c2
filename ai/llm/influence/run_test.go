package influence

import (
	"bytes"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/llm/kernels"
)

func TestRunFileRoundTrip(t *testing.T) {
	goKernels, err := kernels.ByName("go")
	if err != nil {
		t.Fatal(err)
	}
	run, _, _ := smallRun(t, goKernels)
	file, err := run.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ReadRun(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	again, err := back.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(file, again) {
		t.Fatal("a run read back encodes to other bytes")
	}
	// 8 bytes of contribution id and, per checkpoint, a 4-byte exponent and
	// Dim int16 coordinates per row.
	perRow := 8 + len(run.Checkpoints)*(4+2*run.Projector.Dim)
	t.Logf("%d rows, %d checkpoints, %d parameters: %d bytes (%d per row)", len(run.Rows), len(run.Checkpoints), len(run.Parameters[0]), len(file), perRow)

	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"empty", nil, "bad magic"},
		{"other file", []byte("PK\x03\x04 not gradients at all......."), "bad magic"},
		{"truncated header", file[:len(magic)+6], "truncated header"},
		{"truncated parameters", file[:len(file)-len(run.Rows)*perRow-10], "truncated parameters"},
		{"truncated row", file[:len(file)-3], "truncated row"},
		{"trailing bytes", append(bytes.Clone(file), 0), "bytes after the last row"},
	} {
		_, err := ReadRun(bytes.NewReader(c.file))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}

	bad := *run
	bad.Method = "poa-1.exact-spans.minhash-lsh"
	if _, err := bad.Encode(); err == nil || !strings.Contains(err.Error(), "method") {
		t.Errorf("a run of another method encoded: %v", err)
	}
	bad = *run
	bad.Rows = append([]Row{{Contribution: 0, Gradients: run.Rows[0].Gradients}}, run.Rows[1:]...)
	if _, err := bad.Encode(); err == nil || !strings.Contains(err.Error(), "no contribution id") {
		t.Errorf("a row without a contribution encoded: %v", err)
	}
}

func TestWeights(t *testing.T) {
	scores := []*big.Int{big.NewInt(3), big.NewInt(-5), big.NewInt(1), big.NewInt(1), big.NewInt(2)}
	got, err := Weights(scores, []uint64{7, 8, 9, 7, 10}, 3)
	if err != nil {
		t.Fatal(err)
	}
	// The top three rows are 0 (3), 4 (2) and, of the tie at 1, row 2;
	// contribution 7 gets row 0 only: 3/6, 10 gets 2/6, 9 gets 1/6.
	want := []ContributionWeight{{7, 500_000}, {9, 166_667}, {10, 333_333}}
	if len(got) != len(want) {
		t.Fatalf("weights %v, want %v", got, want)
	}
	var sum uint32
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("weights %v, want %v", got, want)
		}
		sum += got[i].Ppm
	}
	if sum != 1_000_000 {
		t.Fatalf("weights add up to %d", sum)
	}
	if _, err := Weights([]*big.Int{big.NewInt(-1), big.NewInt(0)}, []uint64{1, 2}, 4); !errors.Is(err, ErrNoInfluence) {
		t.Fatalf("no positive score: %v", err)
	}
	if _, err := Weights(scores, []uint64{1}, 4); err == nil {
		t.Fatal("scores and rows of different lengths were accepted")
	}
}

func TestCheckpointSteps(t *testing.T) {
	for _, c := range []struct {
		total, n int
		want     []int
	}{{600, 3, []int{200, 400, 600}}, {10, 3, []int{3, 6, 10}}, {2, 3, []int{1, 2}}, {5, 0, []int{5}}} {
		got := CheckpointSteps(c.total, c.n)
		if len(got) != len(c.want) {
			t.Fatalf("CheckpointSteps(%d, %d) = %v, want %v", c.total, c.n, got, c.want)
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Fatalf("CheckpointSteps(%d, %d) = %v, want %v", c.total, c.n, got, c.want)
			}
		}
	}
}
