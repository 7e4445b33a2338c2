package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the module, of its module account (which
	// holds data rewards and challenge bonds) and of its store.
	ModuleName = "attribution"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName

	// PPMTotal is one whole in parts per million: weights sum to at most this.
	PPMTotal = 1_000_000
)

// Store prefixes, one per collection. A number is never reused, even after a
// collection is removed: old data under it would be read as the new type.
// keeper/collections_test.go pins the resulting key layout.
var (
	// ParamsKey holds Params.
	ParamsKey = collections.NewPrefix(1)
	// NextRecordIDKey holds the sequence of record ids.
	NextRecordIDKey = collections.NewPrefix(2)
	// RecordsKey maps record id -> AttributionRecord.
	RecordsKey = collections.NewPrefix(3)
	// RecordsByModelKey indexes (model id, record id).
	RecordsByModelKey = collections.NewPrefix(4)
	// RecordsByServingNodeKey indexes (serving node address, record id).
	RecordsByServingNodeKey = collections.NewPrefix(5)
	// RecordsByContributionKey indexes (contribution id, record id), one
	// entry per weight of a record.
	RecordsByContributionKey = collections.NewPrefix(6)
	// RecordQueueKey holds (challenge deadline in unix nanoseconds, record id)
	// of every PENDING record, so EndBlock walks only the matured ones.
	RecordQueueKey = collections.NewPrefix(7)
	// PendingKey maps address -> sum of its payouts in PENDING and
	// CHALLENGED records.
	PendingKey = collections.NewPrefix(8)
	// ClaimableKey maps address -> its final, unclaimed rewards.
	ClaimableKey = collections.NewPrefix(9)
	// ContributionEarningsKey maps contribution id -> lifetime final
	// contributor earnings.
	ContributionEarningsKey = collections.NewPrefix(10)
	// AddressEarningsKey maps address -> lifetime final earnings.
	AddressEarningsKey = collections.NewPrefix(11)
	// NextChallengeIDKey holds the sequence of challenge ids.
	NextChallengeIDKey = collections.NewPrefix(12)
	// ChallengesKey maps challenge id -> Challenge.
	ChallengesKey = collections.NewPrefix(13)
	// ChallengesByRecordKey indexes (record id, challenge id).
	ChallengesByRecordKey = collections.NewPrefix(14)
	// ChallengeQueueKey holds (voting deadline in unix nanoseconds,
	// challenge id) of every OPEN challenge.
	ChallengeQueueKey = collections.NewPrefix(15)
	// VotesKey maps (challenge id, attestor address) -> Vote.
	VotesKey = collections.NewPrefix(16)
	// ProvenReceiptsKey holds (receipts root, leaf index) of every receipt
	// an upheld usage challenge proved wrong, so one wrong receipt is held
	// against its node once, whichever of its batch's records it was shown
	// against. Rebuilt from the challenges at genesis.
	ProvenReceiptsKey = collections.NewPrefix(17)
)
