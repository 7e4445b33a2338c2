package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the module, of its module account (which
	// holds bonded and unbonding stake) and of its store.
	ModuleName = "agentstake"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
)

// Store prefixes, one per collection. A number is never reused, even after a
// collection is removed: old data under it would be read as the new type.
// keeper/collections_test.go pins the resulting key layout.
var (
	// ParamsKey holds Params.
	ParamsKey = collections.NewPrefix(1)
	// AgentsKey maps operator -> Agent.
	AgentsKey = collections.NewPrefix(2)
	// AgentsByKindKey indexes (kind, operator).
	AgentsByKindKey = collections.NewPrefix(3)
	// AgentsByOwnerKey indexes (owner, operator).
	AgentsByOwnerKey = collections.NewPrefix(4)
	// AgentsByModelKey indexes (model id, operator), one entry per model served.
	AgentsByModelKey = collections.NewPrefix(5)
	// NextUnbondingIDKey holds the sequence of unbonding entry ids.
	NextUnbondingIDKey = collections.NewPrefix(6)
	// UnbondingEntriesKey maps (operator, entry id) -> UnbondingEntry.
	UnbondingEntriesKey = collections.NewPrefix(7)
	// UnbondingQueueKey holds (completion time in unix nanoseconds, operator,
	// entry id), so EndBlock walks only the matured entries.
	UnbondingQueueKey = collections.NewPrefix(8)
	// NextSlashIDKey holds the sequence of slash record ids.
	NextSlashIDKey = collections.NewPrefix(9)
	// SlashRecordsKey maps (operator, slash id) -> SlashRecord.
	SlashRecordsKey = collections.NewPrefix(10)
	// UsedEvidenceKey holds (serving node, user, nonce) of punished equivocations.
	UsedEvidenceKey = collections.NewPrefix(11)
	// ActiveStakeKey maps kind -> bonded stake of the kind's ACTIVE agents.
	ActiveStakeKey = collections.NewPrefix(12)
	// TotalBondedKey holds the bond of all agents, whatever their status.
	TotalBondedKey = collections.NewPrefix(13)
	// TotalUnbondingKey holds the stake in unbonding entries.
	TotalUnbondingKey = collections.NewPrefix(14)
)
