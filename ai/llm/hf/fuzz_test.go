package hf

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// FuzzSafetensors opens arbitrary bytes as a safetensors file, as a node
// does with downloaded weights or an adapter, and reads every tensor: no
// input may panic or allocate beyond the file's size. What reads in full is
// written back as float32 and must read back with the same names, shapes
// and values (NaNs by their bits).
func FuzzSafetensors(f *testing.F) {
	dir := f.TempDir()
	for i, tensors := range [][]Tensor{sample(), nil, {{Name: "empty", Shape: []int{0, 4}}}} {
		path := filepath.Join(dir, "seed"+string(rune('0'+i)))
		if err := WriteSafetensors(path, tensors, map[string]string{"format": "pt"}); err != nil {
			f.Fatal(err)
		}
		bz, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(bz)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "in.safetensors")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		tensors, ok := readAll(t, path)
		if !ok {
			return
		}
		out := filepath.Join(dir, "out.safetensors")
		if err := WriteSafetensors(out, tensors, nil); err != nil {
			t.Fatalf("writing back what was read: %v", err)
		}
		again, ok := readAll(t, out)
		if !ok {
			t.Fatal("a written file does not read back")
		}
		if len(again) != len(tensors) {
			t.Fatalf("%d tensors read back, %d written", len(again), len(tensors))
		}
		for i, want := range tensors {
			got := again[i]
			if got.Name != want.Name || !sameShape(got.Shape, want.Shape) || len(got.Data) != len(want.Data) {
				t.Fatalf("tensor %q of shape %v read back as %q of shape %v", want.Name, want.Shape, got.Name, got.Shape)
			}
			for j := range want.Data {
				if math.Float32bits(got.Data[j]) != math.Float32bits(want.Data[j]) {
					t.Fatalf("tensor %q element %d: wrote %v, read %v", want.Name, j, want.Data[j], got.Data[j])
				}
			}
		}
	})
}

// readAll opens a safetensors file and reads every tensor as float32, in
// name order; it reports false if the file or any tensor does not read.
func readAll(t *testing.T, path string) ([]Tensor, bool) {
	t.Helper()
	w, err := OpenSafetensors(path)
	if err != nil {
		return nil, false
	}
	defer w.Close()
	var out []Tensor
	for _, name := range w.Names() {
		data, info, err := w.Float32Any(name)
		if err != nil {
			return nil, false
		}
		if len(data) != info.Elements() {
			t.Fatalf("tensor %q: %d values for shape %v", name, len(data), info.Shape)
		}
		out = append(out, Tensor{Name: name, Shape: info.Shape, Data: data})
	}
	return out, true
}
