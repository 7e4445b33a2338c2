package poa

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/openledger/openledger/ai/poa/internal/index"
	"github.com/openledger/openledger/ai/poa/internal/query"
	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// DefaultMinSpanWords is the default minimum length of an exact span.
// Shorter shared phrases ("if the file does not exist") are everywhere in
// real text and say little about where an output came from.
const DefaultMinSpanWords = 6

// MaxMinSpanWords bounds the minimum span option.
const MaxMinSpanWords = 10000

// Engine answers attribution queries against one or more indexes (for
// example one per Datanet version). It is safe for concurrent use.
type Engine struct {
	indexes  []*Index
	evidence *query.Engine // over the same indexes, in the same order
}

// ErrEmptyText is returned for an output with no text to attribute.
var ErrEmptyText = errors.New("the text is empty")

// InvalidTextError reports an output that is not valid UTF-8.
type InvalidTextError struct{ Offset int }

func (e *InvalidTextError) Error() string {
	return fmt.Sprintf("the text is not valid UTF-8 (first bad byte at offset %d)", e.Offset)
}

// UnknownIndexError names an index the engine does not have.
type UnknownIndexError struct{ Name string }

func (e *UnknownIndexError) Error() string { return fmt.Sprintf("unknown index %q", e.Name) }

// NewEngine combines indexes; their names must be distinct. The engine
// orders them by name, so the order they are given in does not matter.
func NewEngine(indexes []*Index) (*Engine, error) {
	if len(indexes) == 0 {
		return nil, errors.New("no index given")
	}
	sorted := slices.Clone(indexes)
	slices.SortFunc(sorted, func(a, b *Index) int { return cmp.Compare(a.Name(), b.Name()) })
	for i := 1; i < len(sorted); i++ {
		if sorted[i].Name() == sorted[i-1].Name() {
			return nil, fmt.Errorf("two indexes are named %q (%s and %s); rebuild one with another --name", sorted[i].Name(), sorted[i-1].Dir, sorted[i].Dir)
		}
	}
	opened := make([]*index.Index, len(sorted))
	for i, ix := range sorted {
		opened[i] = ix.ix
	}
	return &Engine{indexes: sorted, evidence: query.New(opened)}, nil
}

// Indexes returns the engine's indexes, ordered by name.
func (e *Engine) Indexes() []*Index { return slices.Clone(e.indexes) }

// Select returns an engine over the named indexes only (all of them when
// names is empty).
func (e *Engine) Select(names []string) (*Engine, error) {
	if len(names) == 0 {
		return e, nil
	}
	var chosen []*Index
	for _, name := range names {
		i := slices.IndexFunc(e.indexes, func(ix *Index) bool { return ix.Name() == name })
		if i < 0 {
			return nil, &UnknownIndexError{name}
		}
		if !slices.Contains(chosen, e.indexes[i]) {
			chosen = append(chosen, e.indexes[i])
		}
	}
	return NewEngine(chosen)
}

// Options tune an attribution query.
type Options struct {
	// MinSpanWords is the minimum exact span length in words; 0 means
	// DefaultMinSpanWords.
	MinSpanWords int
}

func (o Options) minSpan() (int, error) {
	switch {
	case o.MinSpanWords == 0:
		return DefaultMinSpanWords, nil
	case o.MinSpanWords < 1 || o.MinSpanWords > MaxMinSpanWords:
		return 0, fmt.Errorf("min span must be between 1 and %d words, got %d", MaxMinSpanWords, o.MinSpanWords)
	}
	return o.MinSpanWords, nil
}

// validateText checks an output before it is attributed.
func validateText(text []byte) error {
	if !utf8.Valid(text) {
		return &InvalidTextError{textnorm.InvalidUTF8At(text)}
	}
	for _, r := range string(text) {
		if !textnorm.IsSpaceRune(r) {
			return nil
		}
	}
	return ErrEmptyText
}
