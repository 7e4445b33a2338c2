package keeper

import (
	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// AgentIndexes are the reverse look-ups of agents.
type AgentIndexes struct {
	// Kind indexes (kind, operator).
	Kind *indexes.Multi[int32, sdk.AccAddress, types.Agent]
	// Owner indexes (owner, operator).
	Owner *indexes.Multi[sdk.AccAddress, sdk.AccAddress, types.Agent]
	// Model indexes (model id, operator), one entry per model served.
	Model *modulekit.RefsIndex[uint64, sdk.AccAddress, types.Agent]
}

// IndexesList implements collections.Indexes.
func (i AgentIndexes) IndexesList() []collections.Index[sdk.AccAddress, types.Agent] {
	return []collections.Index[sdk.AccAddress, types.Agent]{i.Kind, i.Owner, i.Model}
}

func newAgentIndexes(sb *collections.SchemaBuilder, ac address.Codec) AgentIndexes {
	return AgentIndexes{
		Kind: indexes.NewMulti(sb, types.AgentsByKindKey, "agents_by_kind",
			collections.Int32Key, sdk.AccAddressKey,
			func(_ sdk.AccAddress, a types.Agent) (int32, error) { return int32(a.Kind), nil }),
		Owner: indexes.NewMulti(sb, types.AgentsByOwnerKey, "agents_by_owner",
			sdk.AccAddressKey, sdk.AccAddressKey,
			func(_ sdk.AccAddress, a types.Agent) (sdk.AccAddress, error) { return ac.StringToBytes(a.Owner) }),
		Model: modulekit.NewRefsIndex(sb, types.AgentsByModelKey, "agents_by_model", collections.Uint64Key, sdk.AccAddressKey,
			func(a types.Agent) []uint64 { return a.ModelIds }),
	}
}
