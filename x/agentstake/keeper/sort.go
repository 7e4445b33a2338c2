package keeper

import "slices"

// sortByID sorts records by their id (ids are unique).
func sortByID[T any](xs []T, id func(T) uint64) {
	slices.SortFunc(xs, func(a, b T) int {
		switch ia, ib := id(a), id(b); {
		case ia < ib:
			return -1
		case ia > ib:
			return 1
		}
		return 0
	})
}
