package gguf

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
	"github.com/openledger/openledger/ai/llm/tokenizer"
)

var trainingText = []string{
	"The quick brown fox jumps over the lazy dog. 12345 numbers and words.",
	"Hello, world! Tokenizers split text into pieces; merges join them again.",
	"<|im_start|>user\nWhat is a ledger?<|im_end|>\n<|im_start|>assistant\nA record of accounts.<|im_end|>",
}

// writeTiny writes a tiny Llama folder with a trained tokenizer and returns
// the folder and the model it holds.
func writeTiny(t testing.TB, cfg model.Config) (string, *model.Model) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tiny")
	m, err := tinymodel.Write(dir, tinymodel.Options{Config: cfg, Seed: 7, TokenizerText: trainingText, VocabSize: 320})
	if err != nil {
		t.Fatal(err)
	}
	return dir, m
}

func logits(t testing.TB, m *model.Model, toks []int) []float32 {
	t.Helper()
	out, err := m.Forward([]model.Sequence{{Tokens: toks, Cache: m.NewCache(), AllLogits: true}})
	if err != nil {
		t.Fatal(err)
	}
	return out[0]
}

func maxRelDiff(got, want []float32) float64 {
	var num, den float64
	for i := range want {
		num = math.Max(num, math.Abs(float64(got[i]-want[i])))
		den = math.Max(den, math.Abs(float64(want[i])))
	}
	return num / den
}

var prompt = []int{1, 40, 41, 42, 100, 7, 8, 200, 3, 250}

// A model written as F32 GGUF and read back computes bit for bit what its
// Hugging Face folder computes: hyperparameters, names and the q/k
// permutation all round-trip. The shape has grouped-query attention and an
// untied output, so both permutations and output.weight are exercised.
func TestF32RoundTripIsExact(t *testing.T) {
	cfg := model.TinyConfig()
	cfg.TieEmbeddings = false
	cfg.Rope.Theta = 50000
	cfg.RMSNormEps = 1e-6
	dir, hfModel := writeTiny(t, cfg)
	path := filepath.Join(t.TempDir(), "tiny.gguf")
	if err := ConvertFolder(dir, path, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	g, err := LoadModel(path)
	if err != nil {
		t.Fatal(err)
	}
	want := hfModel.Config
	got := g.Config
	if got.Hidden != want.Hidden || got.Intermediate != want.Intermediate || got.Layers != want.Layers ||
		got.Heads != want.Heads || got.KVHeads != want.KVHeads || got.HeadDim != want.HeadDim || got.Vocab != want.Vocab ||
		got.MaxPositions != want.MaxPositions || got.RMSNormEps != want.RMSNormEps || got.Rope != want.Rope ||
		got.TieEmbeddings != want.TieEmbeddings || got.BOSTokenID != want.BOSTokenID || got.EOSTokenIDs[0] != want.EOSTokenIDs[0] {
		t.Fatalf("config read back\n%+v\nwant\n%+v", got, want)
	}
	a, b := logits(t, g, prompt), logits(t, hfModel, prompt)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("logit %d: GGUF %v, Hugging Face %v", i, a[i], b[i])
		}
	}
}

// Reduced-precision files give the logits of the model with its weights
// rounded the same way, within the precision of the type.
func TestQuantizedTypes(t *testing.T) {
	dir, hfModel := writeTiny(t, model.TinyConfig())
	want := logits(t, hfModel, prompt)
	for _, tc := range []struct {
		typ TensorType
		tol float64
	}{{F16, 2e-3}, {BF16, 2e-2}, {Q8_0, 3e-2}} {
		path := filepath.Join(t.TempDir(), "tiny.gguf")
		if err := ConvertFolder(dir, path, WriteOptions{Type: tc.typ}); err != nil {
			t.Fatal(err)
		}
		f, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if typ := f.Tensor("blk.0.attn_q.weight").Type; typ != tc.typ {
			t.Errorf("%s: attn_q stored as %s", tc.typ, typ)
		}
		if typ := f.Tensor("output_norm.weight").Type; typ != F32 {
			t.Errorf("%s: norm stored as %s, want F32", tc.typ, typ)
		}
		g, err := f.Model()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if d := maxRelDiff(logits(t, g, prompt), want); d > tc.tol || d == 0 {
			t.Errorf("%s: max relative logit difference %.2e, want in (0, %.0e]", tc.typ, d, tc.tol)
		}
	}
}

// Q8_0 stores each block as round(x/d) with d = max|x|/127, as ggml does.
func TestQ8_0Blocks(t *testing.T) {
	src := make([]float32, 64)
	for i := range src {
		src[i] = float32(math.Sin(float64(i))) * float32(i%7)
	}
	src[40] = 0
	raw := quantize(src, Q8_0)
	if len(raw) != 2*q8BlockBytes {
		t.Fatalf("%d bytes for two blocks", len(raw))
	}
	got := make([]float32, len(src))
	dequantize(got, raw, Q8_0)
	for b := range 2 {
		var amax float64
		for _, v := range src[b*32 : (b+1)*32] {
			amax = math.Max(amax, math.Abs(float64(v)))
		}
		for i := b * 32; i < (b+1)*32; i++ {
			if math.Abs(float64(got[i]-src[i])) > amax/127*0.51+1e-3*amax {
				t.Fatalf("value %d: %v read back as %v (block max %v)", i, src[i], got[i], amax)
			}
		}
	}
	zero := quantize(make([]float32, 32), Q8_0)
	dequantize(got[:32], zero, Q8_0)
	for _, v := range got[:32] {
		if v != 0 {
			t.Fatal("an all-zero block does not read back as zeros")
		}
	}
}

// permuteRows is convert_hf_to_gguf.py's
// w.reshape(n_head, 2, hd/2, cols).swapaxes(1, 2).reshape(w.shape).
func TestPermuteMatchesConverter(t *testing.T) {
	const heads, hd, cols = 2, 4, 1
	w := []float32{0, 1, 2, 3, 4, 5, 6, 7}
	// Head 0 rows [0 1 | 2 3] become [0 2 1 3]; head 1 likewise.
	want := []float32{0, 2, 1, 3, 4, 6, 5, 7}
	got := permuteRows(w, heads, cols)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("permuted %v, want %v", got, want)
		}
	}
	back := unpermuteRows(got, heads, cols)
	for i := range w {
		if back[i] != w[i] {
			t.Fatalf("unpermuted %v, want %v", back, w)
		}
	}
}

// The embedded tokenizer encodes and decodes as the folder's tokenizer.json.
func TestEmbeddedTokenizer(t *testing.T) {
	dir, _ := writeTiny(t, model.TinyConfig())
	path := filepath.Join(t.TempDir(), "tiny.gguf")
	if err := ConvertFolder(dir, path, WriteOptions{Type: Q8_0}); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := f.LoadTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	want, err := tokenizer.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got.ChatTemplate() != want.ChatTemplate() || got.BOSToken() != want.BOSToken() || got.EOSToken() != want.EOSToken() {
		t.Errorf("template or special tokens differ: %q %q %q", got.ChatTemplate(), got.BOSToken(), got.EOSToken())
	}
	texts := append([]string{
		"", " ", "  leading spaces", "tabs\tand\nnew lines\r\n", "digits 1234567 and 3.14",
		"emoji 🦊🐶 and accents é ü ñ 中文", "<|im_start|>user\nhi<|im_end|>", "<|endoftext|>x<|im_end|>",
	}, trainingText...)
	for _, s := range texts {
		a, b := got.Encode(s, true), want.Encode(s, true)
		if !equalInts(a, b) {
			t.Errorf("encode %q: GGUF %v, tokenizer.json %v", s, a, b)
		}
		if da, db := got.Decode(b, false), want.Decode(b, false); da != db {
			t.Errorf("decode %v: GGUF %q, tokenizer.json %q", b, da, db)
		}
	}
}

func equalInts(a, b []int) bool {
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

// tinyFile returns the bytes of a small valid GGUF file.
func tinyFile(t testing.TB) []byte {
	t.Helper()
	dir, _ := writeTiny(t, model.TinyConfig())
	path := filepath.Join(t.TempDir(), "tiny.gguf")
	if err := ConvertFolder(dir, path, WriteOptions{Type: Q8_0}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func loadBytes(t testing.TB, data []byte) error {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bad.gguf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadModel(path)
	if err != nil && !strings.Contains(err.Error(), path) {
		t.Errorf("error does not name the file: %v", err)
	}
	return err
}

// A file cut anywhere is refused with an error naming the file.
func TestTruncatedFiles(t *testing.T) {
	data := tinyFile(t)
	for _, n := range []int{0, 3, 4, 8, 20, 24, 100, 1000, 5000, len(data) / 2, len(data) - 1} {
		if err := loadBytes(t, data[:n]); err == nil {
			t.Errorf("file cut at %d of %d bytes loaded", n, len(data))
		}
	}
	if err := loadBytes(t, data[:len(data)-1]); err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("cut inside the data: %v", err)
	}
}

// Unknown tensor types, misshaped tensors and unsupported architectures are
// refused with errors naming the tensor or key.
func TestMalformedFiles(t *testing.T) {
	_, m := writeTiny(t, model.TinyConfig())
	write := func(meta []kv, ts []outTensor) string {
		path := filepath.Join(t.TempDir(), "bad.gguf")
		if err := writeFile(path, meta, ts); err != nil {
			t.Fatal(err)
		}
		return path
	}
	base := func() ([]kv, []outTensor) {
		path := filepath.Join(t.TempDir(), "ok.gguf")
		if err := Write(path, m, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		f, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var meta []kv
		for _, k := range f.Keys {
			meta = append(meta, kv{k, f.Metadata[k]})
		}
		return meta, ggufTensors(m, F32)
	}
	cases := []struct {
		name, want string
		edit       func([]kv, []outTensor) ([]kv, []outTensor)
	}{
		{"unknown type", `"blk.0.attn_k.weight": unsupported tensor type Q4_K`, func(meta []kv, ts []outTensor) ([]kv, []outTensor) {
			for i := range ts {
				if ts[i].name == "blk.0.attn_k.weight" {
					ts[i].typ = 12 // Q4_K
				}
			}
			return meta, ts
		}},
		{"misshaped", `tensor "blk.1.ffn_up.weight" has dims [64 100], the config needs [64 160]`, func(meta []kv, ts []outTensor) ([]kv, []outTensor) {
			for i := range ts {
				if ts[i].name == "blk.1.ffn_up.weight" {
					ts[i].dims = []uint64{64, 100}
					ts[i].data = ts[i].data[:64*100*4]
				}
			}
			return meta, ts
		}},
		{"missing", `missing tensor "blk.1.attn_norm.weight"`, func(meta []kv, ts []outTensor) ([]kv, []outTensor) {
			var out []outTensor
			for _, t := range ts {
				if t.name != "blk.1.attn_norm.weight" {
					out = append(out, t)
				}
			}
			return meta, out
		}},
		{"architecture", `unsupported architecture "mamba"`, func(meta []kv, ts []outTensor) ([]kv, []outTensor) {
			meta[0].value = "mamba"
			return meta, ts
		}},
		{"missing key", `missing metadata llama.block_count`, func(meta []kv, ts []outTensor) ([]kv, []outTensor) {
			var out []kv
			for _, e := range meta {
				if e.key != "llama.block_count" {
					out = append(out, e)
				}
			}
			return out, ts
		}},
		{"key type", `metadata "llama.embedding_length" is 64 (string), not a non-negative integer`, func(meta []kv, ts []outTensor) ([]kv, []outTensor) {
			for i := range meta {
				if meta[i].key == "llama.embedding_length" {
					meta[i].value = "64"
				}
			}
			return meta, ts
		}},
	}
	for _, tc := range cases {
		meta, ts := base()
		path := write(tc.edit(meta, ts))
		_, err := LoadModel(path)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: got %v, want an error naming %s and containing %s", tc.name, err, path, tc.want)
		}
	}
}

// The reader never panics, whatever the bytes.
func FuzzParse(f *testing.F) {
	data := tinyFile(f)
	f.Add(data)
	f.Add(data[:200])
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := Parse("fuzz.gguf", bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		if m, err := g.Model(); err == nil {
			_ = m.Config
		}
		_, _, _ = g.TokenizerJSON()
	})
}

// tokenizer.ggml.add_bos_token decides whether encoding with special tokens
// puts BOS first, both ways through the file.
func TestAddBOSToken(t *testing.T) {
	dir, m := writeTiny(t, model.TinyConfig())
	tj, err := os.ReadFile(filepath.Join(dir, tokenizer.TokenizerFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, addBOS := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "tiny.gguf")
		if err := Write(path, m, WriteOptions{TokenizerJSON: tj, AddBOS: addBOS}); err != nil {
			t.Fatal(err)
		}
		f, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Metadata["tokenizer.ggml.add_bos_token"]; got != addBOS {
			t.Errorf("add_bos_token written as %v, want %v", got, addBOS)
		}
		tok, err := f.LoadTokenizer()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		ids := tok.Encode("hello", true)
		hasBOS := len(ids) > 0 && ids[0] == m.Config.BOSTokenID
		if hasBOS != addBOS {
			t.Errorf("add_bos_token %v: encoding gives %v (BOS %d)", addBOS, ids, m.Config.BOSTokenID)
		}
		if plain := tok.Encode("hello", false); len(plain) > 0 && plain[0] == m.Config.BOSTokenID {
			t.Errorf("encoding without special tokens adds BOS: %v", plain)
		}
	}
}

// A SentencePiece vocabulary without scores, or with a tokenizer kind the
// package does not know, is refused naming the key.
func TestTokenizerKinds(t *testing.T) {
	_, m := writeTiny(t, model.TinyConfig())
	tokens := make([]string, m.Config.Vocab)
	for i := range tokens {
		tokens[i] = fmt.Sprintf("t%d", i)
	}
	for _, tc := range []struct {
		meta []kv
		want string
	}{
		{[]kv{{"tokenizer.ggml.model", "llama"}, {"tokenizer.ggml.tokens", tokens}}, "without tokenizer.ggml.scores"},
		{[]kv{{"tokenizer.ggml.model", "llama"}, {"tokenizer.ggml.tokens", tokens}, {"tokenizer.ggml.scores", []float32{1}}}, "tokenizer.ggml.scores must be"},
		{[]kv{{"tokenizer.ggml.model", "bert"}, {"tokenizer.ggml.tokens", tokens}}, `unsupported tokenizer.ggml.model "bert"`},
		{[]kv{{"tokenizer.ggml.model", "gpt2"}, {"tokenizer.ggml.tokens", tokens}, {"tokenizer.ggml.pre", "deepseek"}}, `unsupported tokenizer.ggml.pre "deepseek"`},
	} {
		path := filepath.Join(t.TempDir(), "tok.gguf")
		if err := writeFile(path, append([]kv{{"general.architecture", "llama"}}, tc.meta...), nil); err != nil {
			t.Fatal(err)
		}
		f, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.LoadTokenizer()
		f.Close()
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("got %v, want an error naming %s and containing %s", err, path, tc.want)
		}
	}
}
