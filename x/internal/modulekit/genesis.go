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
