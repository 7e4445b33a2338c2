package influence

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/openledger/openledger/ai/llm/lora"
)

// Run is what gradient attribution keeps of a training run: the adapter's
// LoRA factors at a few checkpoints and, for every training row, its
// projected loss gradient at each of them. It is stored beside the adapter
// and named by its SHA-256 in the training manifest, so that anyone can
// recompute an answer's weights from it.
type Run struct {
	Method    string      `json:"method"`
	Projector Projector   `json:"projector"`
	LoRA      lora.Config `json:"lora"`
	// TopRows is how many of the highest-scoring rows share an answer's
	// weight.
	TopRows     int          `json:"top_rows"`
	Checkpoints []Checkpoint `json:"checkpoints"`
	// Parameters[c] are the LoRA factors at checkpoint c, flat in the
	// trainer's layout.
	Parameters [][]float32 `json:"-"`
	Rows       []Row       `json:"-"`
}

// Row is one training row: the Datanet contribution it came from and its
// projected gradient at every checkpoint.
type Row struct {
	Contribution uint64
	Gradients    []Vector
}

// DefaultTopRows is how many rows share an answer's weight unless another
// number is chosen.
const DefaultTopRows = 4

// The file is a magic line, a JSON header's length (uint32) and the header,
// then little-endian binary: every checkpoint's parameters (float32), then
// every row's contribution id (uint64) and, per checkpoint, its vector's
// exponent (int32) and coordinates (int16).
const magic = "openledger-gradients/1\n"

type header struct {
	Run
	NumParameters int `json:"num_parameters"`
	NumRows       int `json:"num_rows"`
}

// Validate checks that the run is complete and consistent.
func (r *Run) Validate() error {
	if r.Method != Method {
		return fmt.Errorf("influence: method %q, this engine computes %q", r.Method, Method)
	}
	if err := r.Projector.validate(); err != nil {
		return err
	}
	if err := r.LoRA.Validate(); err != nil {
		return fmt.Errorf("influence: %w", err)
	}
	if r.TopRows < 1 {
		return fmt.Errorf("influence: top rows %d, want at least 1", r.TopRows)
	}
	if len(r.Checkpoints) == 0 || len(r.Parameters) != len(r.Checkpoints) {
		return fmt.Errorf("influence: %d checkpoints with %d parameter sets", len(r.Checkpoints), len(r.Parameters))
	}
	for c, p := range r.Parameters {
		if len(p) != len(r.Parameters[0]) {
			return fmt.Errorf("influence: checkpoint %d has %d parameters, checkpoint 0 %d", c, len(p), len(r.Parameters[0]))
		}
		if c > 0 && r.Checkpoints[c].Step <= r.Checkpoints[c-1].Step {
			return fmt.Errorf("influence: checkpoint steps are not increasing")
		}
	}
	for i, row := range r.Rows {
		if row.Contribution == 0 {
			return fmt.Errorf("influence: row %d has no contribution id", i)
		}
		if len(row.Gradients) != len(r.Checkpoints) {
			return fmt.Errorf("influence: row %d has gradients at %d checkpoints, the run %d", i, len(row.Gradients), len(r.Checkpoints))
		}
		for _, v := range row.Gradients {
			if len(v.Q) != r.Projector.Dim {
				return fmt.Errorf("influence: row %d has a vector of %d numbers, the projection %d", i, len(v.Q), r.Projector.Dim)
			}
		}
	}
	return nil
}

// WriteTo writes the run in its file format.
func (r *Run) WriteTo(w io.Writer) (int64, error) {
	if err := r.Validate(); err != nil {
		return 0, err
	}
	h, err := json.Marshal(header{Run: *r, NumParameters: len(r.Parameters[0]), NumRows: len(r.Rows)})
	if err != nil {
		return 0, err
	}
	cw := &countingWriter{w: bufio.NewWriter(w)}
	le := binary.LittleEndian
	cw.write([]byte(magic))
	cw.write(le.AppendUint32(nil, uint32(len(h))))
	cw.write(h)
	buf := make([]byte, 0, 8+2*r.Projector.Dim)
	for _, p := range r.Parameters {
		for _, x := range p {
			buf = le.AppendUint32(buf[:0], math.Float32bits(x))
			cw.write(buf)
		}
	}
	for _, row := range r.Rows {
		cw.write(le.AppendUint64(buf[:0], row.Contribution))
		for _, v := range row.Gradients {
			buf = le.AppendUint32(buf[:0], uint32(v.Exp))
			for _, q := range v.Q {
				buf = le.AppendUint16(buf, uint16(q))
			}
			cw.write(buf)
		}
	}
	if cw.err == nil {
		cw.err = cw.w.Flush()
	}
	return cw.n, cw.err
}

type countingWriter struct {
	w   *bufio.Writer
	n   int64
	err error
}

func (c *countingWriter) write(p []byte) {
	if c.err != nil {
		return
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
}

// Encode returns the run's file bytes.
func (r *Run) Encode() ([]byte, error) {
	var b bytes.Buffer
	if _, err := r.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// maxHeader bounds the JSON header, which holds no per-row data.
const maxHeader = 1 << 20

// ReadRun reads a run written by WriteTo and validates it.
func ReadRun(rd io.Reader) (*Run, error) {
	br := bufio.NewReader(rd)
	got := make([]byte, len(magic))
	if _, err := io.ReadFull(br, got); err != nil || string(got) != magic {
		return nil, errors.New("influence: not a gradients file (bad magic line)")
	}
	le := binary.LittleEndian
	var n [4]byte
	if _, err := io.ReadFull(br, n[:]); err != nil {
		return nil, fmt.Errorf("influence: truncated header: %w", err)
	}
	size := le.Uint32(n[:])
	if size > maxHeader {
		return nil, fmt.Errorf("influence: header of %d bytes, more than %d", size, maxHeader)
	}
	hb := make([]byte, size)
	if _, err := io.ReadFull(br, hb); err != nil {
		return nil, fmt.Errorf("influence: truncated header: %w", err)
	}
	var h header
	if err := json.Unmarshal(hb, &h); err != nil {
		return nil, fmt.Errorf("influence: header: %w", err)
	}
	if err := h.Projector.validate(); err != nil {
		return nil, err
	}
	if h.NumParameters < 1 || h.NumParameters > 1<<30 || h.NumRows < 0 || h.NumRows > 1<<30 || len(h.Checkpoints) > 64 {
		return nil, fmt.Errorf("influence: header gives %d parameters, %d rows, %d checkpoints", h.NumParameters, h.NumRows, len(h.Checkpoints))
	}
	r := h.Run
	buf := make([]byte, 4*h.NumParameters)
	for c := range h.Checkpoints {
		if _, err := io.ReadFull(br, buf); err != nil {
			return nil, fmt.Errorf("influence: truncated parameters of checkpoint %d: %w", c, err)
		}
		p := make([]float32, h.NumParameters)
		for i := range p {
			p[i] = math.Float32frombits(le.Uint32(buf[4*i:]))
		}
		r.Parameters = append(r.Parameters, p)
	}
	vec := make([]byte, 4+2*h.Projector.Dim)
	var id [8]byte
	for i := range h.NumRows {
		if _, err := io.ReadFull(br, id[:]); err != nil {
			return nil, fmt.Errorf("influence: truncated row %d: %w", i, err)
		}
		row := Row{Contribution: le.Uint64(id[:])}
		for range h.Checkpoints {
			if _, err := io.ReadFull(br, vec); err != nil {
				return nil, fmt.Errorf("influence: truncated row %d: %w", i, err)
			}
			v := Vector{Exp: int32(le.Uint32(vec)), Q: make([]int16, h.Projector.Dim)}
			for j := range v.Q {
				v.Q[j] = int16(le.Uint16(vec[4+2*j:]))
			}
			row.Gradients = append(row.Gradients, v)
		}
		r.Rows = append(r.Rows, row)
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, errors.New("influence: bytes after the last row")
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return &r, nil
}
