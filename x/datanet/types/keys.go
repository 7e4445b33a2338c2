package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the module, of its module account and of its
	// store.
	ModuleName = "datanet"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
)

// Store prefixes, one per collection. A number is never reused, even after a
// collection is removed: old data under it would be read as the new type.
// collections_test.go pins the resulting key layout.
var (
	// ParamsKey holds Params.
	ParamsKey = collections.NewPrefix(1)
	// NextDatanetIDKey holds the sequence of Datanet ids.
	NextDatanetIDKey = collections.NewPrefix(2)
	// DatanetsKey maps Datanet id -> Datanet.
	DatanetsKey = collections.NewPrefix(3)
	// DatanetsByOwnerKey indexes (owner, Datanet id).
	DatanetsByOwnerKey = collections.NewPrefix(4)
	// DatanetsByTagKey indexes (tag, Datanet id).
	DatanetsByTagKey = collections.NewPrefix(5)
	// NextContributionIDKey holds the sequence of contribution ids.
	NextContributionIDKey = collections.NewPrefix(6)
	// ContributionsKey maps contribution id -> Contribution.
	ContributionsKey = collections.NewPrefix(7)
	// ContributionsByDatanetKey indexes (Datanet id, contribution id).
	ContributionsByDatanetKey = collections.NewPrefix(8)
	// ContributionsByDatanetStatusKey indexes ((Datanet id, status), contribution id).
	ContributionsByDatanetStatusKey = collections.NewPrefix(9)
	// ContributionsByContributorKey indexes (contributor, contribution id).
	ContributionsByContributorKey = collections.NewPrefix(10)
	// AcceptedContentKey maps (Datanet id, content hash) -> the contribution
	// id that owns that content in the Datanet.
	AcceptedContentKey = collections.NewPrefix(11)
	// AcceptedOrderKey maps (Datanet id, leaf index) -> contribution id.
	AcceptedOrderKey = collections.NewPrefix(12)
	// MerkleFrontiersKey maps Datanet id -> MerkleFrontier.
	MerkleFrontiersKey = collections.NewPrefix(13)
	// VersionsKey maps (Datanet id, version) -> Version.
	VersionsKey = collections.NewPrefix(14)
)
