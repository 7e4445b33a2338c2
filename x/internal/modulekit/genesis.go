package modulekit

import (
	"context"

	"cosmossdk.io/collections"
)

// Values returns every value of a collection (a Map's or IndexedMap's
// Walk) in key order, as a genesis export lists them.
func Values[K, V any](
	ctx context.Context, walk func(context.Context, collections.Ranger[K], func(K, V) (bool, error)) error,
) ([]V, error) {
	var out []V
	err := walk(ctx, nil, func(_ K, v V) (bool, error) {
		out = append(out, v)
		return false, nil
	})
	return out, err
}

// PeekID is the id a sequence hands out next, as a genesis export states
// it: at least 1, since NextID never hands out 0.
func PeekID(ctx context.Context, seq collections.Sequence) (uint64, error) {
	next, err := seq.Peek(ctx)
	if err != nil {
		return 0, err
	}
	return max(next, 1), nil
}

// ExportStep reads one part of the state into its field of a genesis
// state being exported.
type ExportStep func(ctx context.Context) error

// Export runs the steps of a genesis export in order and answers gs, the
// state they fill, or the first error.
func Export[G any](ctx context.Context, gs *G, steps ...ExportStep) (*G, error) {
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return nil, err
		}
	}
	return gs, nil
}

// ExportItem reads a value, as an Item's Get, into into.
func ExportItem[V any](into *V, get func(context.Context) (V, error)) ExportStep {
	return func(ctx context.Context) (err error) {
		*into, err = get(ctx)
		return err
	}
}

// ExportNextID states in into the id a sequence hands out next (PeekID).
func ExportNextID(into *uint64, seq collections.Sequence) ExportStep {
	return func(ctx context.Context) (err error) {
		*into, err = PeekID(ctx, seq)
		return err
	}
}

// ExportValues lists in into every value of a collection in key order
// (Values).
func ExportValues[K, V any](
	into *[]V, walk func(context.Context, collections.Ranger[K], func(K, V) (bool, error)) error,
) ExportStep {
	return func(ctx context.Context) (err error) {
		*into, err = Values(ctx, walk)
		return err
	}
}

// ImportStep writes one part of a genesis state being imported.
type ImportStep func(ctx context.Context) error

// Import runs the steps of a genesis import in order, up to the first
// error.
func Import(ctx context.Context, steps ...ImportStep) error {
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// ImportItem writes v into an Item.
func ImportItem[V any](item collections.Item[V], v V) ImportStep {
	return func(ctx context.Context) error { return item.Set(ctx, v) }
}

// ImportNextID sets the id a sequence hands out next.
func ImportNextID(seq collections.Sequence, next uint64) ImportStep {
	return func(ctx context.Context) error { return seq.Set(ctx, next) }
}

// Setter is a collection that stores values by key: a Map or an IndexedMap.
type Setter[K, V any] interface {
	Set(ctx context.Context, key K, value V) error
}

// ImportValues writes each of values into m under the key that key derives
// from it; a key that cannot be derived (an address that does not parse)
// stops the import with its error.
func ImportValues[K, V any](m Setter[K, V], values []V, key func(V) (K, error)) ImportStep {
	return func(ctx context.Context) error {
		for _, v := range values {
			k, err := key(v)
			if err != nil {
				return err
			}
			if err := m.Set(ctx, k, v); err != nil {
				return err
			}
		}
		return nil
	}
}
