package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the module, of its module account (which
	// holds every user's credit) and of its store.
	ModuleName = "inferencefees"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
)

// Store prefixes, one per collection. A number is never reused, even after a
// collection is removed: old data under it would be read as the new type.
// keeper/collections_test.go pins the resulting key layout.
var (
	// ParamsKey holds Params.
	ParamsKey = collections.NewPrefix(1)
	// TotalsKey holds Totals.
	TotalsKey = collections.NewPrefix(2)
	// CreditsKey maps user address -> Credit.
	CreditsKey = collections.NewPrefix(3)
	// NextWithdrawalIDKey holds the sequence of withdrawal ids.
	NextWithdrawalIDKey = collections.NewPrefix(4)
	// WithdrawalsKey maps (user address, withdrawal id) -> Withdrawal.
	WithdrawalsKey = collections.NewPrefix(5)
	// WithdrawalQueueKey is the set of (release time, user address,
	// withdrawal id) that EndBlock pays out once the time has come.
	WithdrawalQueueKey = collections.NewPrefix(6)
	// ChannelsKey maps (user address, serving node address) -> Channel.
	ChannelsKey = collections.NewPrefix(7)
	// ChannelsByNodeKey indexes (serving node address, (user, serving node)).
	ChannelsByNodeKey = collections.NewPrefix(8)
)
