package keeper

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// queryServer implements types.QueryServer; its Params query and request
// checks are the ones every module has.
type queryServer struct {
	modulekit.QueryServer[types.QueryParamsRequest, types.Params, types.QueryParamsResponse]
	k Keeper
}

// NewQueryServerImpl returns the Query service of the keeper.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	requests := modulekit.NewRequests(types.ErrInvalidRequest, k.AddressCodec(), types.ErrInvalidAddress)
	return queryServer{k: k, QueryServer: modulekit.NewQueryServer[types.QueryParamsRequest](requests, k.Params,
		func(p types.Params) *types.QueryParamsResponse { return &types.QueryParamsResponse{Params: p} })}
}

// Agent returns one agent.
func (q queryServer) Agent(ctx context.Context, req *types.QueryAgentRequest) (*types.QueryAgentResponse, error) {
	op, err := q.NeedAddress(req, "operator", req.GetOperator())
	if err != nil {
		return nil, err
	}
	a, err := q.k.GetAgent(ctx, op)
	if err != nil {
		return nil, err
	}
	return &types.QueryAgentResponse{Agent: a}, nil
}

// Agents lists agents: all, or by kind, owner or model (one filter at most).
func (q queryServer) Agents(ctx context.Context, req *types.QueryAgentsRequest) (*types.QueryAgentsResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	filters := 0
	for _, set := range []bool{req.Kind != types.AGENT_KIND_UNSPECIFIED, req.Owner != "", req.ModelId != 0} {
		if set {
			filters++
		}
	}
	if filters > 1 {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "set at most one of kind, owner and model_id")
	}
	byKey := func(key collections.Pair[int32, sdk.AccAddress], _ collections.NoValue) (types.Agent, error) {
		return q.k.GetAgent(ctx, key.K2())
	}
	var (
		agents []types.Agent
		page   *query.PageResponse
		err    error
	)
	switch {
	case req.Kind != types.AGENT_KIND_UNSPECIFIED:
		if err := types.ValidateKind(req.Kind); err != nil {
			return nil, q.Invalid(err)
		}
		agents, page, err = query.CollectionPaginate(ctx, q.k.Agents.Indexes.Kind, req.Pagination, byKey,
			query.WithCollectionPaginationPairPrefix[int32, sdk.AccAddress](int32(req.Kind)))
	case req.Owner != "":
		owner, perr := q.Address("owner", req.Owner)
		if perr != nil {
			return nil, perr
		}
		agents, page, err = modulekit.PageByRef(ctx, q.k.Agents.Indexes.Owner, req.Pagination, owner, q.k.GetAgent)
	case req.ModelId != 0:
		agents, page, err = modulekit.PageByRef(ctx, q.k.Agents.Indexes.Model, req.Pagination, req.ModelId, q.k.GetAgent)
	default:
		agents, page, err = modulekit.PageValues(ctx, q.k.Agents, req.Pagination)
	}
	return modulekit.Respond(&types.QueryAgentsResponse{Agents: agents, Pagination: page}, err)
}

// TotalStake returns the active stake of each kind and the module totals.
func (q queryServer) TotalStake(ctx context.Context, req *types.QueryTotalStakeRequest) (*types.QueryTotalStakeResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	resp := &types.QueryTotalStakeResponse{}
	for _, kind := range allKinds {
		v, err := q.k.activeStake(ctx, kind)
		if err != nil {
			return nil, err
		}
		resp.Kinds = append(resp.Kinds, types.KindStake{Kind: kind, ActiveBonded: v})
	}
	var err error
	if resp.TotalBonded, err = getInt(ctx, q.k.TotalBonded); err != nil {
		return nil, err
	}
	if resp.TotalUnbonding, err = getInt(ctx, q.k.TotalUnbonding); err != nil {
		return nil, err
	}
	return resp, nil
}

// UnbondingEntries lists an agent's unbonding entries by id.
func (q queryServer) UnbondingEntries(ctx context.Context, req *types.QueryUnbondingEntriesRequest) (*types.QueryUnbondingEntriesResponse, error) {
	op, err := q.NeedAddress(req, "operator", req.GetOperator())
	if err != nil {
		return nil, err
	}
	entries, page, err := modulekit.PageValuesUnder(ctx, q.k.UnbondingEntries, req.Pagination, op)
	return modulekit.Respond(&types.QueryUnbondingEntriesResponse{Entries: entries, Pagination: page}, err)
}

// SlashHistory lists an agent's slash records by id.
func (q queryServer) SlashHistory(ctx context.Context, req *types.QuerySlashHistoryRequest) (*types.QuerySlashHistoryResponse, error) {
	op, err := q.NeedAddress(req, "operator", req.GetOperator())
	if err != nil {
		return nil, err
	}
	records, page, err := modulekit.PageValuesUnder(ctx, q.k.SlashRecords, req.Pagination, op)
	return modulekit.Respond(&types.QuerySlashHistoryResponse{Records: records, Pagination: page}, err)
}

// SettlementDomain returns the EIP-712 domain of settlements.
func (q queryServer) SettlementDomain(_ context.Context, req *types.QuerySettlementDomainRequest) (*types.QuerySettlementDomainResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	d := types.SettlementDomain(q.k.evmChainID)
	return &types.QuerySettlementDomainResponse{
		EvmChainId:        d.ChainID,
		VerifyingContract: common.BytesToAddress(d.VerifyingContract).Hex(),
		SettlementType:    types.SettlementType,
	}, nil
}
