package hf

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// maxHeaderBytes bounds the JSON header so a corrupt length cannot make the
// reader allocate gigabytes; real headers are far below it.
const maxHeaderBytes = 100 << 20

// TensorInfo describes one tensor in a safetensors file.
type TensorInfo struct {
	Name  string
	DType string
	Shape []int
	File  string // path of the file holding the tensor
	start int64  // absolute byte offset of the data in File
	size  int64
}

// Elements returns the product of the shape.
func (t *TensorInfo) Elements() int {
	n := 1
	for _, d := range t.Shape {
		n *= d
	}
	return n
}

// Weights is a set of tensors read lazily from one or more safetensors files.
type Weights struct {
	tensors map[string]*TensorInfo
	files   map[string]*os.File
}

// OpenWeights opens the weights of a model folder: model.safetensors, or the
// shards named by model.safetensors.index.json.
func OpenWeights(dir string) (*Weights, error) {
	index := filepath.Join(dir, "model.safetensors.index.json")
	if _, err := os.Stat(index); err == nil {
		return openSharded(dir, index)
	}
	return OpenSafetensors(filepath.Join(dir, "model.safetensors"))
}

// OpenSafetensors opens one safetensors file and validates its header.
func OpenSafetensors(paths ...string) (*Weights, error) {
	w := &Weights{tensors: map[string]*TensorInfo{}, files: map[string]*os.File{}}
	for _, p := range paths {
		if err := w.add(p); err != nil {
			w.Close()
			return nil, err
		}
	}
	return w, nil
}

func openSharded(dir, index string) (*Weights, error) {
	var idx struct {
		WeightMap map[string]string `json:"weight_map"`
	}
	if err := readJSON(index, &idx); err != nil {
		return nil, err
	}
	if len(idx.WeightMap) == 0 {
		return nil, fmt.Errorf("%s: weight_map is empty", index)
	}
	shardSet := map[string]bool{}
	for _, f := range idx.WeightMap {
		if filepath.Base(f) != f {
			return nil, fmt.Errorf("%s: shard name %q must be a file in the model folder", index, f)
		}
		shardSet[f] = true
	}
	shards := make([]string, 0, len(shardSet))
	for f := range shardSet {
		shards = append(shards, filepath.Join(dir, f))
	}
	sort.Strings(shards)
	w, err := OpenSafetensors(shards...)
	if err != nil {
		return nil, err
	}
	for name, f := range idx.WeightMap {
		t, ok := w.tensors[name]
		if !ok {
			w.Close()
			return nil, fmt.Errorf("%s: tensor %q is listed in %s but not in it", index, name, f)
		}
		if filepath.Base(t.File) != f {
			w.Close()
			return nil, fmt.Errorf("%s: tensor %q is listed in %s but stored in %s", index, name, f, filepath.Base(t.File))
		}
	}
	return w, nil
}

type headerEntry struct {
	DType       string   `json:"dtype"`
	Shape       []int    `json:"shape"`
	DataOffsets [2]int64 `json:"data_offsets"`
}

func (w *Weights) add(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	w.files[path] = f
	st, err := f.Stat()
	if err != nil {
		return err
	}
	var lenBuf [8]byte
	if _, err := io.ReadFull(f, lenBuf[:]); err != nil {
		return fmt.Errorf("%s: truncated: no safetensors header", path)
	}
	hlen := binary.LittleEndian.Uint64(lenBuf[:])
	if hlen > maxHeaderBytes {
		return fmt.Errorf("%s: header length %d is not plausible; not a safetensors file?", path, hlen)
	}
	if int64(8+hlen) > st.Size() {
		return fmt.Errorf("%s: truncated: header needs %d bytes, file has %d", path, 8+hlen, st.Size())
	}
	hdr := make([]byte, hlen)
	if _, err := io.ReadFull(f, hdr); err != nil {
		return fmt.Errorf("%s: reading header: %w", path, err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(hdr, &raw); err != nil {
		return fmt.Errorf("%s: header is not valid JSON: %w", path, err)
	}
	dataStart := int64(8 + hlen)
	dataLen := st.Size() - dataStart
	for name, msg := range raw {
		if name == "__metadata__" {
			continue
		}
		var e headerEntry
		if err := json.Unmarshal(msg, &e); err != nil {
			return fmt.Errorf("%s: tensor %q: bad header entry: %w", path, name, err)
		}
		if _, dup := w.tensors[name]; dup {
			return fmt.Errorf("%s: tensor %q is stored twice (also in %s)", path, name, w.tensors[name].File)
		}
		t := &TensorInfo{
			Name: name, DType: e.DType, Shape: e.Shape, File: path,
			start: dataStart + e.DataOffsets[0], size: e.DataOffsets[1] - e.DataOffsets[0],
		}
		// The element count must not overflow: no tensor holds more
		// elements than the file has bytes.
		elems := int64(1)
		for _, d := range e.Shape {
			if d < 0 {
				return fmt.Errorf("%s: tensor %q: negative dimension in shape %v", path, name, e.Shape)
			}
			if d > 0 && elems > (dataLen+1)/int64(d) {
				return fmt.Errorf("%s: truncated: tensor %q of shape %v is larger than the file", path, name, e.Shape)
			}
			elems *= int64(d)
		}
		if e.DataOffsets[0] < 0 || t.size < 0 {
			return fmt.Errorf("%s: tensor %q: bad data_offsets %v", path, name, e.DataOffsets)
		}
		if e.DataOffsets[1] > dataLen {
			return fmt.Errorf("%s: truncated: tensor %q ends at data byte %d, file has %d data bytes", path, name, e.DataOffsets[1], dataLen)
		}
		if es, err := dtypeSize(e.DType); err == nil && int64(t.Elements()*es) != t.size {
			return fmt.Errorf("%s: tensor %q: shape %v of %s needs %d bytes, data_offsets give %d", path, name, e.Shape, e.DType, t.Elements()*es, t.size)
		}
		w.tensors[name] = t
	}
	return nil
}

// Close releases the open files.
func (w *Weights) Close() error {
	var first error
	for _, f := range w.files {
		if err := f.Close(); err != nil && first == nil {
			first = err
		}
	}
	w.files = nil
	return first
}

// Names returns every tensor name, sorted.
func (w *Weights) Names() []string {
	names := make([]string, 0, len(w.tensors))
	for n := range w.tensors {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Info returns a tensor's description, or nil if there is no such tensor.
func (w *Weights) Info(name string) *TensorInfo { return w.tensors[name] }

// Has reports whether a tensor is present.
func (w *Weights) Has(name string) bool { return w.tensors[name] != nil }

// Float32 reads a tensor as float32 and checks it has exactly the given
// shape. The error names the file and tensor.
func (w *Weights) Float32(name string, shape ...int) ([]float32, error) {
	t := w.tensors[name]
	if t == nil {
		return nil, fmt.Errorf("missing tensor %q (expected shape %v)", name, shape)
	}
	if !sameShape(t.Shape, shape) {
		return nil, fmt.Errorf("%s: tensor %q has shape %v, expected %v", t.File, name, t.Shape, shape)
	}
	return w.read(t)
}

// Float32Any reads a tensor as float32 whatever its shape.
func (w *Weights) Float32Any(name string) ([]float32, *TensorInfo, error) {
	t := w.tensors[name]
	if t == nil {
		return nil, nil, fmt.Errorf("missing tensor %q", name)
	}
	data, err := w.read(t)
	return data, t, err
}

func (w *Weights) read(t *TensorInfo) ([]float32, error) {
	if _, err := dtypeSize(t.DType); err != nil {
		return nil, fmt.Errorf("%s: tensor %q: %w", t.File, t.Name, err)
	}
	raw := make([]byte, t.size)
	if _, err := w.files[t.File].ReadAt(raw, t.start); err != nil {
		return nil, fmt.Errorf("%s: tensor %q: %w", t.File, t.Name, err)
	}
	out := make([]float32, t.Elements())
	decode(out, raw, t.DType)
	return out, nil
}

func sameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
