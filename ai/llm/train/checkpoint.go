package train

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"

	"github.com/openledger/openledger/ai/llm/hf"
	"github.com/openledger/openledger/ai/llm/model"
)

// Checkpoint files inside a checkpoint folder.
const (
	checkpointStateFile   = "trainer_state.json"
	checkpointTensorsFile = "trainer_tensors.safetensors"
)

// checkpointState is everything but the float arrays: where training is and
// what it was configured with, so that a resume with other settings is
// refused instead of silently diverging.
type checkpointState struct {
	Step   int    `json:"step"`
	Epoch  int    `json:"epoch"`
	Order  []int  `json:"order"`
	Cursor int    `json:"cursor"`
	PCG    []byte `json:"pcg"` // rand.PCG's binary state
	// Settings that decide the parameter layout and the trajectory.
	Rank      int     `json:"rank"`
	Alpha     float64 `json:"alpha"`
	RSLoRA    bool    `json:"rslora"`
	Dropout   float64 `json:"dropout,omitempty"`
	Targets   []int   `json:"targets"`
	Examples  int     `json:"examples"`
	Data      string  `json:"data_sha256"` // of every example's tokens and mask
	Params    int     `json:"params"`
	BatchSize int     `json:"batch_size"`
	Accum     int     `json:"accumulation"`
	Seed      uint64  `json:"seed"`
}

// dataDigest fingerprints the examples in order, so that a resume on other
// data is refused.
func dataDigest(data []Example) string {
	h := sha256.New()
	var buf [8]byte
	for _, e := range data {
		binary.LittleEndian.PutUint64(buf[:], uint64(len(e.Tokens)))
		h.Write(buf[:])
		for i, tok := range e.Tokens {
			v := uint64(tok) << 1
			if e.Mask[i] {
				v |= 1
			}
			binary.LittleEndian.PutUint64(buf[:], v)
			h.Write(buf[:])
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (t *Trainer) state() (checkpointState, error) {
	pcg, err := t.pcg.MarshalBinary()
	if err != nil {
		return checkpointState{}, err
	}
	o := &t.opts
	s := checkpointState{
		Step: t.step, Epoch: t.epoch, Order: t.order, Cursor: t.cursor, PCG: pcg,
		Rank: o.Rank, Alpha: o.Alpha, RSLoRA: o.RSLoRA, Dropout: o.Dropout, Examples: len(t.data), Data: dataDigest(t.data), Params: len(t.params),
		BatchSize: o.BatchSize, Accum: o.Accumulation, Seed: o.Seed,
	}
	for _, m := range o.Targets {
		s.Targets = append(s.Targets, int(m))
	}
	return s, nil
}

// SaveCheckpoint writes the LoRA factors, the AdamW moments, the step, the
// data cursor and the generator state into dir, replacing what was there.
// The files are written into a sibling folder first and moved into place,
// so an interrupted save leaves no half-written checkpoint under dir.
func (t *Trainer) SaveCheckpoint(dir string) error {
	tmp := filepath.Clean(dir) + ".partial"
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	if err := t.writeCheckpoint(tmp); err != nil {
		return err
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return os.Rename(tmp, dir)
}

func (t *Trainer) writeCheckpoint(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	s, err := t.state()
	if err != nil {
		return err
	}
	n := len(t.params)
	ts := []hf.Tensor{
		{Name: "params", Shape: []int{n}, Data: t.params},
		{Name: "adam_m", Shape: []int{n}, Data: t.opt.m},
		{Name: "adam_v", Shape: []int{n}, Data: t.opt.v},
	}
	if err := hf.WriteSafetensors(filepath.Join(dir, checkpointTensorsFile), ts, nil); err != nil {
		return err
	}
	return hf.WriteJSON(filepath.Join(dir, checkpointStateFile), s)
}

// Resume rebuilds a trainer from a checkpoint folder. base, data and opts
// must be those the checkpoint was made with (Steps, the schedule and the
// Progress callback may change); settings that would change the parameter
// layout or the data order are checked.
func Resume(base *model.Model, data []Example, opts Options, dir string) (*Trainer, error) {
	t, err := New(base, data, opts)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, checkpointStateFile)
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var saved checkpointState
	if err := json.Unmarshal(raw, &saved); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	want, err := t.state()
	if err != nil {
		return nil, err
	}
	if saved.Rank != want.Rank || saved.Alpha != want.Alpha || saved.RSLoRA != want.RSLoRA || saved.Dropout != want.Dropout ||
		!slices.Equal(saved.Targets, want.Targets) || saved.Params != want.Params ||
		saved.BatchSize != want.BatchSize || saved.Accum != want.Accum || saved.Seed != want.Seed {
		return nil, fmt.Errorf("%s: the checkpoint was made with other settings (rank, alpha, dropout, targets, batch or seed)", path)
	}
	if saved.Examples != want.Examples || saved.Data != want.Data {
		return nil, fmt.Errorf("%s: the checkpoint was made on other data (%d examples, sha256 %s)", path, saved.Examples, saved.Data)
	}
	if saved.Cursor < 0 || saved.Cursor > len(data) || len(saved.Order) != len(data) {
		return nil, fmt.Errorf("%s: data cursor does not fit %d examples", path, len(data))
	}
	for _, i := range saved.Order {
		if i < 0 || i >= len(data) {
			return nil, fmt.Errorf("%s: data order names example %d of %d", path, i, len(data))
		}
	}
	pcg := &rand.PCG{}
	if err := pcg.UnmarshalBinary(saved.PCG); err != nil {
		return nil, fmt.Errorf("%s: generator state: %w", path, err)
	}
	tpath := filepath.Join(dir, checkpointTensorsFile)
	ws, err := hf.OpenSafetensors(tpath)
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	n := len(t.params)
	for _, dst := range []struct {
		name string
		v    []float32
	}{{"params", t.params}, {"adam_m", t.opt.m}, {"adam_v", t.opt.v}} {
		v, err := ws.Float32(dst.name, n)
		if err != nil {
			return nil, err
		}
		copy(dst.v, v)
	}
	t.step, t.epoch, t.order, t.cursor = saved.Step, saved.Epoch, saved.Order, saved.Cursor
	t.pcg = pcg
	t.rng = rand.New(pcg)
	return t, nil
}
