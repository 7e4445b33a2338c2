package gguf

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
)

// Limits far above any real file, so that a corrupt header is refused before
// anything is allocated from it.
const (
	maxStringLen = 1 << 26
	maxDims      = 4
	maxDim       = 1 << 40
)

// TensorInfo describes one tensor of a GGUF file.
type TensorInfo struct {
	Name string
	// Dims are GGUF's ne, fastest-varying first: a Hugging Face [out × in]
	// matrix has Dims [in, out].
	Dims   []uint64
	Type   TensorType
	Offset uint64 // from the start of the data section
	size   uint64
}

// Elements is the number of values the tensor holds.
func (t *TensorInfo) Elements() uint64 {
	n := uint64(1)
	for _, d := range t.Dims {
		n *= d
	}
	return n
}

// File is an open GGUF file: its metadata and tensor directory, with the
// tensor data read on demand.
type File struct {
	Path      string
	Version   uint32
	Metadata  map[string]any // values as Go types: uint32, float32, string, []string, []int32, ...
	Keys      []string       // metadata keys in file order
	Tensors   []TensorInfo   // in file order
	Alignment uint64
	byName    map[string]*TensorInfo
	data      int64 // file offset of the data section
	r         io.ReaderAt
	closer    io.Closer
}

// Open reads the header of the GGUF file at path.
func Open(path string) (*File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, err
	}
	f, err := Parse(path, fh, st.Size())
	if err != nil {
		fh.Close()
		return nil, err
	}
	f.closer = fh
	return f, nil
}

// Parse reads a GGUF header from r, whose contents are size bytes long; name
// is used in errors.
func Parse(name string, r io.ReaderAt, size int64) (*File, error) {
	f := &File{Path: name, Metadata: map[string]any{}, byName: map[string]*TensorInfo{}, r: r}
	hr := &headerReader{r: bufio.NewReader(io.NewSectionReader(r, 0, size)), size: size}
	if err := f.readHeader(hr); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("%s: truncated GGUF header (%d bytes)", name, size)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := f.placeTensors(hr.pos, size); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}

// Close closes the underlying file when Open opened it.
func (f *File) Close() error {
	if f.closer != nil {
		return f.closer.Close()
	}
	return nil
}

func (f *File) readHeader(hr *headerReader) error {
	if m := hr.u32(); hr.err == nil && m != magic {
		return fmt.Errorf("not a GGUF file (magic %#x)", m)
	}
	f.Version = hr.u32()
	if hr.err == nil && f.Version != 2 && f.Version != Version {
		return fmt.Errorf("unsupported GGUF version %d (the engine reads 2 and 3)", f.Version)
	}
	nTensors, nKV := hr.u64(), hr.u64()
	if hr.err != nil {
		return hr.err
	}
	// Each entry takes at least 8 bytes, so larger counts cannot fit.
	if nTensors > uint64(hr.size)/8 || nKV > uint64(hr.size)/8 {
		return fmt.Errorf("header claims %d tensors and %d metadata keys, more than the file can hold", nTensors, nKV)
	}
	for range nKV {
		key := hr.str()
		typ := ValueType(hr.u32())
		if hr.err != nil {
			return hr.err
		}
		v, err := hr.value(typ, 0)
		if err != nil {
			return fmt.Errorf("metadata %q: %w", key, err)
		}
		if _, dup := f.Metadata[key]; dup {
			return fmt.Errorf("metadata key %q appears twice", key)
		}
		f.Metadata[key] = v
		f.Keys = append(f.Keys, key)
	}
	f.Alignment = defaultAlignment
	if v, ok := f.Metadata["general.alignment"]; ok {
		a, ok := asUint(v)
		if !ok || a == 0 || a&(a-1) != 0 || a > 1<<20 {
			return fmt.Errorf("general.alignment %v is not a power of two", v)
		}
		f.Alignment = a
	}
	f.Tensors = make([]TensorInfo, 0, nTensors)
	for range nTensors {
		var t TensorInfo
		t.Name = hr.str()
		nd := hr.u32()
		if hr.err != nil {
			return hr.err
		}
		if nd == 0 || nd > maxDims {
			return fmt.Errorf("tensor %q: %d dimensions (1 to %d allowed)", t.Name, nd, maxDims)
		}
		t.Dims = make([]uint64, nd)
		for i := range t.Dims {
			t.Dims[i] = hr.u64()
			if hr.err == nil && (t.Dims[i] == 0 || t.Dims[i] > maxDim) {
				return fmt.Errorf("tensor %q: dimension %d is %d", t.Name, i, t.Dims[i])
			}
		}
		t.Type = TensorType(hr.u32())
		t.Offset = hr.u64()
		if hr.err != nil {
			return hr.err
		}
		f.Tensors = append(f.Tensors, t)
	}
	return nil
}

// placeTensors checks every tensor lies inside the data section, which
// starts at the first aligned offset after the header.
func (f *File) placeTensors(headerEnd, size int64) error {
	a := int64(f.Alignment)
	f.data = (headerEnd + a - 1) / a * a
	for i := range f.Tensors {
		t := &f.Tensors[i]
		if _, dup := f.byName[t.Name]; dup {
			return fmt.Errorf("tensor %q appears twice", t.Name)
		}
		n := t.Elements()
		if n > maxDim {
			return fmt.Errorf("tensor %q: %d elements", t.Name, n)
		}
		var err error
		if t.size, err = t.Type.dataSize(n); err != nil {
			return fmt.Errorf("tensor %q: %w", t.Name, err)
		}
		if t.Offset%f.Alignment != 0 {
			return fmt.Errorf("tensor %q: offset %d is not aligned to %d", t.Name, t.Offset, f.Alignment)
		}
		if end := uint64(f.data) + t.Offset + t.size; t.Offset > uint64(size) || end > uint64(size) {
			return fmt.Errorf("tensor %q: data ends at byte %d but the file has %d bytes (truncated)", t.Name, end, size)
		}
		f.byName[t.Name] = t
	}
	return nil
}

// Tensor returns the named tensor's description, or nil.
func (f *File) Tensor(name string) *TensorInfo { return f.byName[name] }

// Float32 reads a tensor as float32, checking that its dims (GGUF order,
// fastest first) are the given ones.
func (f *File) Float32(name string, dims ...uint64) ([]float32, error) {
	t := f.byName[name]
	if t == nil {
		return nil, fmt.Errorf("%s: missing tensor %q", f.Path, name)
	}
	if !sameDims(t.Dims, dims) {
		return nil, fmt.Errorf("%s: tensor %q has dims %v, the config needs %v", f.Path, name, t.Dims, dims)
	}
	raw := make([]byte, t.size)
	if _, err := f.r.ReadAt(raw, f.data+int64(t.Offset)); err != nil {
		return nil, fmt.Errorf("%s: tensor %q: %w", f.Path, name, err)
	}
	out := make([]float32, t.Elements())
	dequantize(out, raw, t.Type)
	return out, nil
}

func sameDims(a, b []uint64) bool {
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

// headerReader decodes little-endian header fields, keeping the first error
// and the byte position.
type headerReader struct {
	r    *bufio.Reader
	pos  int64
	size int64
	err  error
	buf  [8]byte
}

func (h *headerReader) read(n int) []byte {
	if h.err != nil {
		return h.buf[:n]
	}
	if _, err := io.ReadFull(h.r, h.buf[:n]); err != nil {
		h.err = io.ErrUnexpectedEOF
	}
	h.pos += int64(n)
	return h.buf[:n]
}

func (h *headerReader) u8() uint8   { return h.read(1)[0] }
func (h *headerReader) u16() uint16 { return binary.LittleEndian.Uint16(h.read(2)) }
func (h *headerReader) u32() uint32 { return binary.LittleEndian.Uint32(h.read(4)) }
func (h *headerReader) u64() uint64 { return binary.LittleEndian.Uint64(h.read(8)) }

func (h *headerReader) str() string {
	n := h.u64()
	if h.err != nil {
		return ""
	}
	if n > maxStringLen || int64(n) > h.size-h.pos {
		h.err = io.ErrUnexpectedEOF
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(h.r, b); err != nil {
		h.err = io.ErrUnexpectedEOF
	}
	h.pos += int64(n)
	return string(b)
}

// value decodes one metadata value; arrays become typed Go slices.
func (h *headerReader) value(t ValueType, depth int) (any, error) {
	switch t {
	case TypeUint8:
		return h.u8(), h.err
	case TypeInt8:
		return int8(h.u8()), h.err
	case TypeUint16:
		return h.u16(), h.err
	case TypeInt16:
		return int16(h.u16()), h.err
	case TypeUint32:
		return h.u32(), h.err
	case TypeInt32:
		return int32(h.u32()), h.err
	case TypeFloat32:
		return math.Float32frombits(h.u32()), h.err
	case TypeBool:
		b := h.u8()
		if h.err == nil && b > 1 {
			return nil, fmt.Errorf("bool value %d", b)
		}
		return b == 1, h.err
	case TypeString:
		return h.str(), h.err
	case TypeUint64:
		return h.u64(), h.err
	case TypeInt64:
		return int64(h.u64()), h.err
	case TypeFloat64:
		return math.Float64frombits(h.u64()), h.err
	case TypeArray:
		if depth > 2 {
			return nil, fmt.Errorf("arrays nested too deep")
		}
		et := ValueType(h.u32())
		n := h.u64()
		if h.err != nil {
			return nil, h.err
		}
		// Every element takes at least one byte.
		if n > uint64(h.size-h.pos) {
			return nil, io.ErrUnexpectedEOF
		}
		return h.array(et, int(n), depth)
	}
	return nil, fmt.Errorf("unknown metadata value type %d", t)
}

func (h *headerReader) array(et ValueType, n, depth int) (any, error) {
	switch et {
	case TypeString:
		out := make([]string, n)
		for i := range out {
			out[i] = h.str()
		}
		return out, h.err
	case TypeInt32:
		out := make([]int32, n)
		for i := range out {
			out[i] = int32(h.u32())
		}
		return out, h.err
	case TypeFloat32:
		out := make([]float32, n)
		for i := range out {
			out[i] = math.Float32frombits(h.u32())
		}
		return out, h.err
	}
	out := make([]any, n)
	for i := range out {
		v, err := h.value(et, depth+1)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
