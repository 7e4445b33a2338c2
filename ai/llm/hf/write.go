package hf

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Tensor is a named float32 tensor to write. DType chooses the stored
// element type (F32 when empty).
type Tensor struct {
	Name  string
	Shape []int
	Data  []float32
	DType string
}

// WriteSafetensors writes tensors to path in the safetensors format, in name
// order so the same tensors always give the same bytes.
func WriteSafetensors(path string, tensors []Tensor, metadata map[string]string) error {
	sorted := append([]Tensor(nil), tensors...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	header := map[string]any{}
	if len(metadata) > 0 {
		header["__metadata__"] = metadata
	}
	var offset int64
	for _, t := range sorted {
		dt := t.DType
		if dt == "" {
			dt = F32
		}
		es, err := dtypeSize(dt)
		if err != nil {
			return fmt.Errorf("%s: tensor %q: %w", path, t.Name, err)
		}
		n := 1
		for _, d := range t.Shape {
			n *= d
		}
		if n != len(t.Data) {
			return fmt.Errorf("%s: tensor %q: shape %v holds %d elements, data has %d", path, t.Name, t.Shape, n, len(t.Data))
		}
		size := int64(n * es)
		header[t.Name] = headerEntry{DType: dt, Shape: append([]int{}, t.Shape...), DataOffsets: [2]int64{offset, offset + size}}
		offset += size
	}
	hdr, err := json.Marshal(header)
	if err != nil {
		return err
	}
	// Pad the header with spaces to 8 bytes so the data is aligned, as the
	// reference implementation does.
	for len(hdr)%8 != 0 {
		hdr = append(hdr, ' ')
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	var lenBuf [8]byte
	binary.LittleEndian.PutUint64(lenBuf[:], uint64(len(hdr)))
	// A bufio.Writer keeps its first error and Flush below returns it, so
	// the writes' own results add nothing.
	_, _ = bw.Write(lenBuf[:])
	_, _ = bw.Write(hdr)
	for _, t := range sorted {
		dt := t.DType
		if dt == "" {
			dt = F32
		}
		_, _ = bw.Write(encode(t.Data, dt))
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// WriteShardedSafetensors splits tensors (in name order) into shards of about
// shardBytes each, named model-0000i-of-0000n.safetensors, and writes
// model.safetensors.index.json beside them.
func WriteShardedSafetensors(dir string, tensors []Tensor, shardBytes int64) error {
	sorted := append([]Tensor(nil), tensors...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	var shards [][]Tensor
	var cur []Tensor
	var curBytes, total int64
	for _, t := range sorted {
		size := int64(len(t.Data) * 4)
		if t.DType == F16 || t.DType == BF16 {
			size /= 2
		}
		if len(cur) > 0 && curBytes+size > shardBytes {
			shards = append(shards, cur)
			cur, curBytes = nil, 0
		}
		cur = append(cur, t)
		curBytes += size
		total += size
	}
	if len(cur) > 0 {
		shards = append(shards, cur)
	}
	weightMap := map[string]string{}
	for i, s := range shards {
		name := fmt.Sprintf("model-%05d-of-%05d.safetensors", i+1, len(shards))
		if err := WriteSafetensors(filepath.Join(dir, name), s, map[string]string{"format": "pt"}); err != nil {
			return err
		}
		for _, t := range s {
			weightMap[t.Name] = name
		}
	}
	return WriteJSON(filepath.Join(dir, "model.safetensors.index.json"), map[string]any{
		"metadata":   map[string]any{"total_size": total},
		"weight_map": weightMap,
	})
}
