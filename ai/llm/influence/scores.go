package influence

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
)

// Method names gradient attribution in x/attribution records: TracIn over
// checkpoints, on LoRA gradients, with a sparse sign projection.
const Method = "tracin-1.lora.sparse-sign"

// Checkpoint is one point of a run at which gradients are taken:
// LearningRate is η_c as parts per 2^32 of one (an integer, so scores are
// exact).
type Checkpoint struct {
	Step         int    `json:"step"`
	LearningRate uint64 `json:"learning_rate_q32"`
}

// LearningRateQ32 writes a learning rate as parts per 2^32.
func LearningRateQ32(lr float64) uint64 { return uint64(math.RoundToEven(lr * (1 << 32))) }

// Scores are every row's influence on an answer: rows[r][c] is row r's
// projected gradient at checkpoint c and answer[c] the answer's. A score
// is Σ_c η_c · ⟨row, answer⟩ exactly, as big integers in one unit (a power
// of two) shared by every row of the call.
func Scores(checkpoints []Checkpoint, rows [][]Vector, answer []Vector) ([]*big.Int, error) {
	if len(answer) != len(checkpoints) {
		return nil, fmt.Errorf("influence: the answer has gradients at %d checkpoints, the run %d", len(answer), len(checkpoints))
	}
	// Every term is brought to the smallest exponent of any term, so the
	// sums are exact integers.
	type term struct {
		v   int64
		exp int32
	}
	terms := make([][]term, len(rows))
	low := int32(math.MaxInt32)
	for r, row := range rows {
		if len(row) != len(checkpoints) {
			return nil, fmt.Errorf("influence: row %d has gradients at %d checkpoints, the run %d", r, len(row), len(checkpoints))
		}
		for c := range checkpoints {
			v, exp, err := dot(row[c], answer[c])
			if err != nil {
				return nil, fmt.Errorf("influence: row %d checkpoint %d: %w", r, c, err)
			}
			terms[r] = append(terms[r], term{v, exp})
			if v != 0 {
				low = min(low, exp)
			}
		}
	}
	out := make([]*big.Int, len(rows))
	for r := range rows {
		sum := new(big.Int)
		for c, t := range terms[r] {
			if t.v == 0 {
				continue
			}
			x := new(big.Int).Mul(big.NewInt(t.v), new(big.Int).SetUint64(checkpoints[c].LearningRate))
			sum.Add(sum, x.Lsh(x, uint(t.exp-low)))
		}
		out[r] = sum
	}
	return out, nil
}

// ContributionWeight is a contribution's share of an answer in parts per
// million, as x/attribution records it.
type ContributionWeight struct {
	ContributionID uint64 `json:"contribution_id"`
	Ppm            uint32 `json:"ppm"`
}

// ErrNoInfluence is returned when no row has a positive score.
var ErrNoInfluence = errors.New("influence: no training row has a positive influence on the answer")

// Weights turns scores into the chain's weights: the top rows by score
// (at most topRows, positive scores only; ties to the lower row), summed
// per contribution (rowContribution[r]), as parts per million that add up
// to exactly 1,000,000 (largest remainders, ties to the lower
// contribution id), sorted by contribution id.
func Weights(scores []*big.Int, rowContribution []uint64, topRows int) ([]ContributionWeight, error) {
	if len(scores) != len(rowContribution) {
		return nil, fmt.Errorf("influence: %d scores for %d rows", len(scores), len(rowContribution))
	}
	order := make([]int, 0, len(scores))
	for r, s := range scores {
		if s.Sign() > 0 {
			order = append(order, r)
		}
	}
	if len(order) == 0 {
		return nil, ErrNoInfluence
	}
	slices.SortStableFunc(order, func(a, b int) int { return -scores[a].Cmp(scores[b]) })
	order = order[:min(topRows, len(order))]
	byContribution := map[uint64]*big.Int{}
	total := new(big.Int)
	for _, r := range order {
		id := rowContribution[r]
		if byContribution[id] == nil {
			byContribution[id] = new(big.Int)
		}
		byContribution[id].Add(byContribution[id], scores[r])
		total.Add(total, scores[r])
	}
	ids := make([]uint64, 0, len(byContribution))
	for id := range byContribution {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	type share struct {
		id        uint64
		ppm       uint64
		remainder *big.Int
	}
	shares := make([]share, len(ids))
	var given uint64
	million := big.NewInt(1_000_000)
	for i, id := range ids {
		q, rem := new(big.Int).QuoRem(new(big.Int).Mul(byContribution[id], million), total, new(big.Int))
		shares[i] = share{id, q.Uint64(), rem}
		given += q.Uint64()
	}
	byRemainder := slices.Clone(shares)
	slices.SortStableFunc(byRemainder, func(a, b share) int {
		if c := -a.remainder.Cmp(b.remainder); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	extra := map[uint64]uint64{}
	for i := uint64(0); i < 1_000_000-given; i++ {
		extra[byRemainder[i%uint64(len(byRemainder))].id]++
	}
	out := make([]ContributionWeight, 0, len(shares))
	for _, s := range shares {
		if ppm := s.ppm + extra[s.id]; ppm > 0 {
			out = append(out, ContributionWeight{ContributionID: s.id, Ppm: uint32(ppm)})
		}
	}
	return out, nil
}
