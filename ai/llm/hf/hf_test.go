package hf

import (
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sample() []Tensor {
	return []Tensor{
		{Name: "a", Shape: []int{2, 3}, Data: []float32{1, -2, 3.5, 0, 1e-3, -7}},
		{Name: "b.half", Shape: []int{4}, Data: []float32{0.5, -1.25, 65504, 6e-8}, DType: F16},
		{Name: "c.bf16", Shape: []int{3}, Data: []float32{1, -3, 0.15625}, DType: BF16},
	}
}

func TestSafetensorsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "model.safetensors")
	if err := WriteSafetensors(path, sample(), map[string]string{"format": "pt"}); err != nil {
		t.Fatal(err)
	}
	w, err := OpenWeights(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, want := range sample() {
		got, err := w.Float32(want.Name, want.Shape...)
		if err != nil {
			t.Fatal(err)
		}
		for i := range got {
			tol := 1e-6 * math.Abs(float64(want.Data[i]))
			if want.DType == F16 {
				tol = 1e-3*math.Abs(float64(want.Data[i])) + 1e-8
			}
			if math.Abs(float64(got[i]-want.Data[i])) > tol {
				t.Errorf("%s[%d] = %v, want %v", want.Name, i, got[i], want.Data[i])
			}
		}
	}
}

func TestShardedRoundTrip(t *testing.T) {
	dir := t.TempDir()
	if err := WriteShardedSafetensors(dir, sample(), 16); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "model-00002-of-00002.safetensors")); err != nil {
		t.Fatal(err)
	}
	w, err := OpenWeights(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if got := w.Names(); len(got) != 3 {
		t.Fatalf("names = %v", got)
	}
	if v, err := w.Float32("a", 2, 3); err != nil || v[2] != 3.5 {
		t.Fatalf("a = %v, %v", v, err)
	}
}

func TestHalfConversion(t *testing.T) {
	for _, f := range []float32{0, 1, -1, 0.1, 65504, 1e-5, 6e-8, -2.5e-6, 3.14159} {
		h := Float32ToHalf(f)
		back := HalfToFloat32(h)
		if math.Abs(float64(back-f)) > 1e-3*math.Abs(float64(f))+6e-8 {
			t.Errorf("half(%v) -> %v", f, back)
		}
	}
	if HalfToFloat32(0x7c00) != float32(math.Inf(1)) || !math.IsNaN(float64(HalfToFloat32(0x7e00))) {
		t.Error("half specials")
	}
	if Float32ToBFloat16(1) != 0x3f80 {
		t.Error("bf16(1)")
	}
}

func expectErr(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("expected an error containing %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Fatalf("error %q does not mention %q", err, p)
		}
	}
}

func TestLoaderErrors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "model.safetensors")
	if err := WriteSafetensors(path, sample(), nil); err != nil {
		t.Fatal(err)
	}
	w, err := OpenWeights(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.Float32("a", 3, 2)
	expectErr(t, err, "model.safetensors", `"a"`, "[2 3]", "[3 2]")
	_, err = w.Float32("nope", 4)
	expectErr(t, err, `"nope"`, "missing")
	w.Close()

	// Truncated data.
	raw, _ := os.ReadFile(path)
	if err := os.WriteFile(path, raw[:len(raw)-3], 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = OpenWeights(dir)
	expectErr(t, err, "model.safetensors", "truncated", `"c.bf16"`)

	// Truncated header.
	if err := os.WriteFile(path, raw[:20], 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = OpenWeights(dir)
	expectErr(t, err, "truncated", "header")

	// Unsupported dtype: a header naming I8 data.
	hdr := []byte(`{"q":{"dtype":"I8","shape":[2],"data_offsets":[0,2]}}`)
	buf := binary.LittleEndian.AppendUint64(nil, uint64(len(hdr)))
	buf = append(append(buf, hdr...), 1, 2)
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err = OpenWeights(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.Float32("q", 2)
	expectErr(t, err, "model.safetensors", `"q"`, "unsupported dtype I8")
	w.Close()

	// Garbage.
	if err := os.WriteFile(path, []byte("not a safetensors file at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = OpenWeights(dir)
	expectErr(t, err, "model.safetensors")

	// Index naming a tensor its shard lacks.
	os.Remove(path)
	if err := WriteShardedSafetensors(dir, sample(), 1<<20); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(filepath.Join(dir, "model.safetensors.index.json"), map[string]any{
		"weight_map": map[string]string{"a": "model-00001-of-00001.safetensors", "zz": "model-00001-of-00001.safetensors"},
	}); err != nil {
		t.Fatal(err)
	}
	_, err = OpenWeights(dir)
	expectErr(t, err, `"zz"`, "index")
}

func TestConfigDefaults(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(`{"architectures":["LlamaForCausalLM"],"num_attention_heads":8,"eos_token_id":[1,2]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := ReadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.NumKeyValueHeads != 8 || c.RopeTheta != 10000 || len(c.EOSTokenID) != 2 {
		t.Fatalf("config = %+v", c)
	}
	if _, ok, err := ReadGenerationConfig(dir); ok || err != nil {
		t.Fatalf("missing generation config: ok=%v err=%v", ok, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(`{"hidden_size":"x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = ReadConfig(dir)
	expectErr(t, err, "config.json")
}

// Corrupting any byte of a valid file gives an error or valid tensors, never
// a panic.
func TestCorruptFilesDoNotPanic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "model.safetensors")
	if err := WriteSafetensors(path, sample(), map[string]string{"format": "pt"}); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(path)
	check := func(raw []byte) {
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		w, err := OpenWeights(dir)
		if err != nil {
			return
		}
		// A corrupt tensor may fail to read; it must not panic.
		for _, n := range w.Names() {
			_, _, _ = w.Float32Any(n)
		}
		w.Close()
	}
	for i := 0; i < len(good); i += 3 {
		for _, b := range []byte{0xff, '9', '"'} {
			raw := append([]byte(nil), good...)
			raw[i] = b
			check(raw)
		}
	}
	for n := 0; n < len(good); n += 5 {
		check(good[:n])
	}
	// Shapes whose element count overflows.
	hdr := []byte(`{"x":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,0]}}`)
	check(append(binary.LittleEndian.AppendUint64(nil, uint64(len(hdr))), hdr...))
}
