package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the module, of its module account and of its
	// store.
	ModuleName = "modelreg"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
)

// Store prefixes, one per collection. A number is never reused, even after a
// collection is removed: old data under it would be read as the new type.
// collections_test.go pins the resulting key layout.
var (
	// ParamsKey holds Params.
	ParamsKey = collections.NewPrefix(1)
	// NextModelIDKey holds the sequence of model ids.
	NextModelIDKey = collections.NewPrefix(2)
	// ModelsKey maps model id -> Model.
	ModelsKey = collections.NewPrefix(3)
	// ModelsByOwnerKey indexes (owner, model id).
	ModelsByOwnerKey = collections.NewPrefix(4)
	// ModelsByBaseKey indexes (base model id, model id) for models with a base.
	ModelsByBaseKey = collections.NewPrefix(5)
	// ModelsByDatanetKey indexes (Datanet id, model id), one entry per
	// Datanet a model was trained on.
	ModelsByDatanetKey = collections.NewPrefix(6)
)
