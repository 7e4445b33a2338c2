package app

import (
	"maps"
	"slices"
)

// sortedKeys returns a map's keys in order: wiring that walks a map (store
// keys, genesis defaults) must do so the same way on every node.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
