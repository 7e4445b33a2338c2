package gguf

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tokenizer"
)

// WriteOptions choose how a model is written.
type WriteOptions struct {
	// Type stores the weight matrices as F32 (the default), F16, BF16 or
	// Q8_0. Norms are always F32, as llama.cpp's converter keeps them; a
	// matrix whose rows are not whole Q8_0 blocks is stored as F16.
	Type TensorType
	// Name is general.name.
	Name string
	// TokenizerJSON, when set, is a byte-level BPE tokenizer.json embedded as
	// tokenizer.ggml.*.
	TokenizerJSON []byte
	// ChatTemplate is tokenizer.chat_template, when not empty.
	ChatTemplate string
	// AddBOS is tokenizer.ggml.add_bos_token: whether llama.cpp puts the
	// BOS token before a tokenised prompt.
	AddBOS bool
}

// kv is one metadata entry in the order it is written.
type kv struct {
	key   string
	value any
}

// ConvertFolder writes the Hugging Face folder dir (a Llama model with a
// byte-level BPE tokenizer.json, if any) as the GGUF file path.
func ConvertFolder(dir, path string, opts WriteOptions) error {
	m, err := model.Load(dir)
	if err != nil {
		return err
	}
	if data, err := os.ReadFile(filepath.Join(dir, tokenizer.TokenizerFile)); err == nil {
		opts.TokenizerJSON = data
		tok, err := tokenizer.Load(dir)
		if err != nil {
			return err
		}
		opts.ChatTemplate = tok.ChatTemplate()
		if bos, ok := tok.BOSID(); ok {
			ids := tok.Encode("a", true)
			opts.AddBOS = len(ids) > 0 && ids[0] == bos
		}
	}
	if opts.Name == "" {
		opts.Name = filepath.Base(dir)
	}
	return Write(path, m, opts)
}

// Write writes a Llama model as a GGUF v3 file, permuting the q and k rows
// into llama.cpp's interleaved RoPE layout.
func Write(path string, m *model.Model, opts WriteOptions) error {
	c := &m.Config
	if c.Architecture != model.ArchLlama || c.Rope.Scaling == "llama3" {
		return fmt.Errorf("%s: only Llama models without Llama 3 rope scaling can be written to GGUF", path)
	}
	switch opts.Type {
	case F32, F16, BF16, Q8_0:
	default:
		return fmt.Errorf("%s: cannot write tensors as %s", path, opts.Type)
	}
	meta := []kv{
		{"general.architecture", Architecture},
		{"general.name", opts.Name},
		{"general.file_type", fileType(opts.Type)},
		{"general.alignment", uint32(defaultAlignment)},
		{"llama.vocab_size", uint32(c.Vocab)},
		{"llama.context_length", uint32(c.MaxPositions)},
		{"llama.embedding_length", uint32(c.Hidden)},
		{"llama.block_count", uint32(c.Layers)},
		{"llama.feed_forward_length", uint32(c.Intermediate)},
		{"llama.attention.head_count", uint32(c.Heads)},
		{"llama.attention.head_count_kv", uint32(c.KVHeads)},
		{"llama.attention.key_length", uint32(c.HeadDim)},
		{"llama.attention.value_length", uint32(c.HeadDim)},
		{"llama.rope.dimension_count", uint32(c.HeadDim)},
		{"llama.rope.freq_base", float32(c.Rope.Theta)},
		{"llama.attention.layer_norm_rms_epsilon", c.RMSNormEps},
	}
	if c.MaxPositions == 0 {
		// llama.cpp needs a training context; 0 means unbounded here.
		meta[5].value = uint32(1 << 20)
	}
	if c.Rope.Scaling == "linear" {
		meta = append(meta, kv{"llama.rope.scaling.type", "linear"}, kv{"llama.rope.scaling.factor", float32(c.Rope.Factor)})
	}
	if opts.TokenizerJSON != nil {
		tm, err := tokenizerMetadata(opts.TokenizerJSON, c.Vocab)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		meta = append(meta, tm...)
		if c.BOSTokenID >= 0 {
			meta = append(meta, kv{"tokenizer.ggml.bos_token_id", uint32(c.BOSTokenID)})
		}
		if len(c.EOSTokenIDs) > 0 {
			meta = append(meta, kv{"tokenizer.ggml.eos_token_id", uint32(c.EOSTokenIDs[0])})
		}
		meta = append(meta, kv{"tokenizer.ggml.add_bos_token", opts.AddBOS})
		if opts.ChatTemplate != "" {
			meta = append(meta, kv{"tokenizer.chat_template", opts.ChatTemplate})
		}
	}
	tensors := ggufTensors(m, opts.Type)
	return writeFile(path, meta, tensors)
}

// outTensor is a tensor ready to write: GGUF name and dims, and encoded data.
type outTensor struct {
	name string
	dims []uint64
	typ  TensorType
	data []byte
}

func ggufTensors(m *model.Model, typ TensorType) []outTensor {
	c := &m.Config
	w := m.RowMajorWeights()
	var ts []outTensor
	vector := func(name string, v []float32) {
		ts = append(ts, outTensor{name, []uint64{uint64(len(v))}, F32, quantize(v, F32)})
	}
	matrix := func(name string, v []float32, rows, cols int) {
		t := typ
		if t == Q8_0 && cols%q8Block != 0 {
			t = F16
		}
		ts = append(ts, outTensor{name, []uint64{uint64(cols), uint64(rows)}, t, quantize(v, t)})
	}
	matrix(nameEmbed, w.Embed, c.Vocab, c.Hidden)
	vector(nameFinalNorm, w.FinalNorm)
	if !c.TieEmbeddings {
		matrix(nameOutput, w.LMHead, c.Vocab, c.Hidden)
	}
	for l, L := range w.Layers {
		vector(attnNormName(l), L.AttnNorm)
		vector(ffnNormName(l), L.MLPNorm)
		for mod := range model.NumModules {
			p := L.Proj[mod]
			W, bias := p.W, p.Bias
			if heads := ropeHeads(c, mod); heads > 0 {
				W = permuteRows(W, heads, p.In)
				if bias != nil {
					bias = permuteRows(bias, heads, 1)
				}
			}
			matrix(projName(l, mod, "weight"), W, p.Out, p.In)
			if bias != nil {
				vector(projName(l, mod, "bias"), bias)
			}
		}
	}
	return ts
}

// writeFile writes header, tensor directory and aligned tensor data,
// through a temporary file renamed into place so that a failed write leaves
// no partial model behind.
func writeFile(path string, meta []kv, tensors []outTensor) error {
	tmp := path + ".tmp"
	fh, err := os.Create(tmp)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	bw := bufio.NewWriterSize(fh, 1<<20)
	e := &encoder{w: bw}
	e.u32(magic)
	e.u32(Version)
	e.u64(uint64(len(tensors)))
	e.u64(uint64(len(meta)))
	for _, m := range meta {
		e.str(m.key)
		if err := e.value(m.value); err != nil {
			fh.Close()
			return fmt.Errorf("%s: metadata %q: %w", path, m.key, err)
		}
	}
	var offset uint64
	for _, t := range tensors {
		e.str(t.name)
		e.u32(uint32(len(t.dims)))
		for _, d := range t.dims {
			e.u64(d)
		}
		e.u32(uint32(t.typ))
		e.u64(offset)
		offset = align(offset+uint64(len(t.data)), defaultAlignment)
	}
	e.pad(defaultAlignment)
	for _, t := range tensors {
		e.bytes(t.data)
		e.pad(defaultAlignment)
	}
	if e.err == nil {
		e.err = bw.Flush()
	}
	if err := fh.Close(); e.err == nil {
		e.err = err
	}
	if e.err != nil {
		return fmt.Errorf("%s: %w", path, e.err)
	}
	return os.Rename(tmp, path)
}

func align(n, a uint64) uint64 { return (n + a - 1) / a * a }

// encoder writes little-endian GGUF fields, keeping the first error and the
// byte count.
type encoder struct {
	w   *bufio.Writer
	n   uint64
	err error
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
	e.n += uint64(len(b))
}

func (e *encoder) u32(v uint32) { e.bytes(binary.LittleEndian.AppendUint32(nil, v)) }
func (e *encoder) u64(v uint64) { e.bytes(binary.LittleEndian.AppendUint64(nil, v)) }

func (e *encoder) str(s string) {
	e.u64(uint64(len(s)))
	e.bytes([]byte(s))
}

func (e *encoder) pad(a uint64) {
	e.bytes(make([]byte, align(e.n, a)-e.n))
}

// value writes a metadata value's type tag and contents.
func (e *encoder) value(v any) error {
	switch x := v.(type) {
	case uint32:
		e.u32(uint32(TypeUint32))
		e.u32(x)
	case float32:
		e.u32(uint32(TypeFloat32))
		e.u32(math.Float32bits(x))
	case bool:
		e.u32(uint32(TypeBool))
		if x {
			e.bytes([]byte{1})
		} else {
			e.bytes([]byte{0})
		}
	case string:
		e.u32(uint32(TypeString))
		e.str(x)
	case []string:
		e.u32(uint32(TypeArray))
		e.u32(uint32(TypeString))
		e.u64(uint64(len(x)))
		for _, s := range x {
			e.str(s)
		}
	case []float32:
		e.u32(uint32(TypeArray))
		e.u32(uint32(TypeFloat32))
		e.u64(uint64(len(x)))
		for _, f := range x {
			e.u32(math.Float32bits(f))
		}
	case []int32:
		e.u32(uint32(TypeArray))
		e.u32(uint32(TypeInt32))
		e.u64(uint64(len(x)))
		for _, i := range x {
			e.u32(uint32(i))
		}
	default:
		return fmt.Errorf("cannot write a %T", v)
	}
	return nil
}
