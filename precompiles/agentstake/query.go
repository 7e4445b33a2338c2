package agentstake

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/agentstake/types"
)

// agentABI is IAgentstake.sol's Agent, field for field.
type agentABI struct {
	Operator      common.Address
	Owner         common.Address
	Kind          uint8
	ModelIds      []uint64 //nolint:revive // the ABI field is modelIds
	Endpoint      string
	MetadataUri   string //nolint:revive // the ABI field is metadataUri
	Bonded        *big.Int
	Status        uint8
	JailedUntil   int64
	CreatedHeight int64
	UpdatedHeight int64
}

func (p precompile) getAgent(c *precompilekit.Call) ([]any, error) {
	var a struct {
		Operator common.Address
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	operator, err := precompilekit.Bech32(p.codec, a.Operator)
	if err != nil {
		return nil, err
	}
	res, err := p.queries.Agent(c.Ctx, &types.QueryAgentRequest{Operator: operator})
	if err != nil {
		return nil, err
	}
	g := res.Agent
	owner, err := precompilekit.EVMAddress(p.codec, g.Owner)
	if err != nil {
		return nil, err
	}
	var jailedUntil int64
	if !g.JailedUntil.IsZero() {
		jailedUntil = g.JailedUntil.Unix()
	}
	return []any{agentABI{
		Operator: a.Operator, Owner: owner, Kind: precompilekit.Enum8(g.Kind), ModelIds: g.ModelIds,
		Endpoint: g.Endpoint, MetadataUri: g.MetadataUri, Bonded: precompilekit.Amount(g.Bonded),
		Status: precompilekit.Enum8(g.Status), JailedUntil: jailedUntil,
		CreatedHeight: g.CreatedHeight, UpdatedHeight: g.UpdatedHeight,
	}}, nil
}
