package query

import (
	"slices"

	"github.com/openledger/openledger/ai/poa/internal/index"
)

// Engine finds evidence in a fixed list of indexes. Positions in that list
// name the indexes in every span hit and paraphrase match.
type Engine struct {
	indexes []*index.Index
}

// New returns an engine over indexes, in the order given.
func New(indexes []*index.Index) *Engine {
	return &Engine{indexes: slices.Clone(indexes)}
}

// ID returns the id of contribution doc of the i-th index.
func (e *Engine) ID(i, doc int) string { return e.indexes[i].ID(doc) }

// HolderIDs returns the distinct contribution ids holding a span, sorted.
func (e *Engine) HolderIDs(s ExactSpan) []string {
	ids := make([]string, 0, len(s.Hits))
	for _, h := range s.Hits {
		ids = append(ids, e.ID(h.Index, h.Doc))
	}
	return slices.Compact(ids) // hits are sorted by id
}
