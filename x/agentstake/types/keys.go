package types

const (
	// ModuleName is the name of the module, of its module account (which
	// holds bonded and unbonding stake) and of its store.
	ModuleName = "agentstake"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
)
