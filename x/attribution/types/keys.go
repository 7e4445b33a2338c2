package types

const (
	// ModuleName is the name of the module, of its module account (which
	// holds data rewards and challenge bonds) and of its store.
	ModuleName = "attribution"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName

	// PPMTotal is one whole in parts per million: weights sum to at most this.
	PPMTotal = 1_000_000
)
