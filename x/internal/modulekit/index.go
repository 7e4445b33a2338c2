package modulekit

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
)

// RefsIndex is a multi-valued index: one (reference, primary key) entry for
// every reference refs gives a value (none, one or several). collections'
// Multi index maps a value to exactly one reference, so a value with no
// reference or with several (tags, served models, training Datanets) needs
// this one.
type RefsIndex[R, K, V any] struct {
	refKeys collections.KeySet[collections.Pair[R, K]]
	refs    func(V) []R
}

// NewRefsIndex returns the index of the references refs gives a value,
// stored under prefix with reference keys in refCodec and primary keys in
// pkCodec.
func NewRefsIndex[R, K, V any](
	sb *collections.SchemaBuilder, prefix collections.Prefix, name string,
	refCodec collcodec.KeyCodec[R], pkCodec collcodec.KeyCodec[K], refs func(V) []R,
) *RefsIndex[R, K, V] {
	return &RefsIndex[R, K, V]{
		refKeys: collections.NewKeySet(sb, prefix, name, collections.PairKeyCodec(refCodec, pkCodec),
			collections.WithKeySetSecondaryIndex()),
		refs: refs,
	}
}

// Reference replaces the entries of the previous value (if any) by those of
// the new one.
func (r *RefsIndex[R, K, V]) Reference(ctx context.Context, pk K, newValue V, lazyOldValue func() (V, error)) error {
	old, err := lazyOldValue()
	switch {
	case err == nil:
		if err := r.unreference(ctx, pk, old); err != nil {
			return err
		}
	case errors.Is(err, collections.ErrNotFound):
	default:
		return err
	}
	for _, ref := range r.refs(newValue) {
		if err := r.refKeys.Set(ctx, collections.Join(ref, pk)); err != nil {
			return err
		}
	}
	return nil
}

// Unreference removes the entries of the stored value.
func (r *RefsIndex[R, K, V]) Unreference(ctx context.Context, pk K, lazyOldValue func() (V, error)) error {
	old, err := lazyOldValue()
	if err != nil {
		return err
	}
	return r.unreference(ctx, pk, old)
}

func (r *RefsIndex[R, K, V]) unreference(ctx context.Context, pk K, old V) error {
	for _, ref := range r.refs(old) {
		if err := r.refKeys.Remove(ctx, collections.Join(ref, pk)); err != nil {
			return err
		}
	}
	return nil
}

// Has reports whether the value of pk is indexed under ref.
func (r *RefsIndex[R, K, V]) Has(ctx context.Context, ref R, pk K) (bool, error) {
	return r.refKeys.Has(ctx, collections.Join(ref, pk))
}

// IterateRaw iterates raw keys; with KeyCodec it lets query.CollectionPaginate
// page through the index.
func (r *RefsIndex[R, K, V]) IterateRaw(
	ctx context.Context, start, end []byte, order collections.Order,
) (collections.Iterator[collections.Pair[R, K], collections.NoValue], error) {
	return r.refKeys.IterateRaw(ctx, start, end, order)
}

// KeyCodec is the codec of the index's keys.
func (r *RefsIndex[R, K, V]) KeyCodec() collcodec.KeyCodec[collections.Pair[R, K]] {
	return r.refKeys.KeyCodec()
}
