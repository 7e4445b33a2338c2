package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/datanet/merkle"
	"github.com/openledger/openledger/x/datanet/types"
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

// Datanet returns one Datanet.
func (q queryServer) Datanet(ctx context.Context, req *types.QueryDatanetRequest) (*types.QueryDatanetResponse, error) {
	return modulekit.Answer(req, q.ErrNil, func() (types.Datanet, error) { return q.k.GetDatanet(ctx, req.DatanetId) },
		func(d types.Datanet) *types.QueryDatanetResponse { return &types.QueryDatanetResponse{Datanet: d} })
}

// Datanets lists Datanets: all, by owner or by tag.
func (q queryServer) Datanets(ctx context.Context, req *types.QueryDatanetsRequest) (*types.QueryDatanetsResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	byID := func(key collections.Pair[sdk.AccAddress, uint64], _ collections.NoValue) (types.Datanet, error) {
		return q.k.GetDatanet(ctx, key.K2())
	}
	var (
		datanets []types.Datanet
		page     *query.PageResponse
		err      error
	)
	switch {
	case req.Owner != "" && req.Tag != "":
		return nil, errorsmod.Wrapf(types.ErrInvalidRequest, "filter by owner %q or by tag %q, not both", req.Owner, req.Tag)
	case req.Owner != "":
		owner, perr := q.Address("owner", req.Owner)
		if perr != nil {
			return nil, perr
		}
		datanets, page, err = query.CollectionPaginate(ctx, q.k.Datanets.Indexes.Owner, req.Pagination, byID,
			query.WithCollectionPaginationPairPrefix[sdk.AccAddress, uint64](owner))
	case req.Tag != "":
		if terr := types.ValidateTag(req.Tag); terr != nil {
			return nil, q.Invalid(terr)
		}
		datanets, page, err = modulekit.PageByRef(ctx, q.k.Datanets.Indexes.Tag, req.Pagination, req.Tag, q.k.GetDatanet)
	default:
		datanets, page, err = modulekit.PageValues(ctx, q.k.Datanets, req.Pagination)
	}
	return modulekit.Respond(&types.QueryDatanetsResponse{Datanets: datanets, Pagination: page}, err)
}

// Contribution returns one contribution.
func (q queryServer) Contribution(ctx context.Context, req *types.QueryContributionRequest) (*types.QueryContributionResponse, error) {
	return modulekit.Answer(req, q.ErrNil, func() (types.Contribution, error) { return q.k.GetContribution(ctx, req.ContributionId) },
		func(c types.Contribution) *types.QueryContributionResponse {
			return &types.QueryContributionResponse{Contribution: c}
		})
}

// ContributionsByDatanet lists a Datanet's contributions, optionally of one
// status.
func (q queryServer) ContributionsByDatanet(ctx context.Context, req *types.QueryContributionsByDatanetRequest) (*types.QueryContributionsByDatanetResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	if _, known := types.ContributionStatus_name[int32(req.Status)]; !known {
		return nil, errorsmod.Wrapf(types.ErrInvalidRequest, "unknown status %d", req.Status)
	}
	if _, err := q.k.GetDatanet(ctx, req.DatanetId); err != nil {
		return nil, err
	}
	var (
		contributions []types.Contribution
		page          *query.PageResponse
		err           error
	)
	if req.Status == types.CONTRIBUTION_STATUS_UNSPECIFIED {
		contributions, page, err = modulekit.PageByRef(ctx, q.k.Contributions.Indexes.Datanet, req.Pagination, req.DatanetId, q.k.GetContribution)
	} else {
		contributions, page, err = query.CollectionPaginate(ctx, q.k.Contributions.Indexes.DatanetStatus, req.Pagination,
			func(key collections.Pair[collections.Pair[uint64, int32], uint64], _ collections.NoValue) (types.Contribution, error) {
				return q.k.GetContribution(ctx, key.K2())
			},
			query.WithCollectionPaginationPairPrefix[collections.Pair[uint64, int32], uint64](
				collections.Join(req.DatanetId, int32(req.Status))))
	}
	return modulekit.Respond(&types.QueryContributionsByDatanetResponse{Contributions: contributions, Pagination: page}, err)
}

// ContributionsByContributor lists an account's contributions.
func (q queryServer) ContributionsByContributor(ctx context.Context, req *types.QueryContributionsByContributorRequest) (*types.QueryContributionsByContributorResponse, error) {
	contributor, err := q.NeedAddress(req, "contributor", req.GetContributor())
	if err != nil {
		return nil, err
	}
	contributions, page, err := modulekit.PageByRef(ctx, q.k.Contributions.Indexes.Contributor, req.Pagination, contributor, q.k.GetContribution)
	return modulekit.Respond(&types.QueryContributionsByContributorResponse{Contributions: contributions, Pagination: page}, err)
}

// Version returns one version of a Datanet, 0 meaning the current one.
func (q queryServer) Version(ctx context.Context, req *types.QueryVersionRequest) (*types.QueryVersionResponse, error) {
	return modulekit.Answer(req, q.ErrNil, func() (types.Version, error) { return q.k.GetVersion(ctx, req.DatanetId, req.Version) },
		func(v types.Version) *types.QueryVersionResponse { return &types.QueryVersionResponse{Version: v} })
}

// Versions lists the versions of a Datanet.
func (q queryServer) Versions(ctx context.Context, req *types.QueryVersionsRequest) (*types.QueryVersionsResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	if _, err := q.k.GetDatanet(ctx, req.DatanetId); err != nil {
		return nil, err
	}
	versions, page, err := modulekit.PageValuesUnder(ctx, q.k.Versions, req.Pagination, req.DatanetId)
	return modulekit.Respond(&types.QueryVersionsResponse{Versions: versions, Pagination: page}, err)
}

// AcceptedContributions lists a Datanet's accepted contributions in leaf order.
func (q queryServer) AcceptedContributions(ctx context.Context, req *types.QueryAcceptedContributionsRequest) (*types.QueryAcceptedContributionsResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	if _, err := q.k.GetDatanet(ctx, req.DatanetId); err != nil {
		return nil, err
	}
	accepted, page, err := query.CollectionPaginate(ctx, q.k.AcceptedOrder, req.Pagination,
		func(key collections.Pair[uint64, uint64], id uint64) (types.AcceptedContribution, error) {
			c, err := q.k.GetContribution(ctx, id)
			return types.AcceptedContribution{LeafIndex: key.K2(), Contribution: c}, err
		},
		query.WithCollectionPaginationPairPrefix[uint64, uint64](req.DatanetId))
	return modulekit.Respond(&types.QueryAcceptedContributionsResponse{Contributions: accepted, Pagination: page}, err)
}

// MembershipProof proves that an accepted contribution is covered by a
// version of its Datanet. It rebuilds the tree of that version from the
// accepted order: O(leaf count) reads and hashes.
func (q queryServer) MembershipProof(ctx context.Context, req *types.QueryMembershipProofRequest) (*types.QueryMembershipProofResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	c, err := q.k.GetContribution(ctx, req.ContributionId)
	if err != nil {
		return nil, err
	}
	if c.Status != types.CONTRIBUTION_STATUS_ACCEPTED {
		return nil, errorsmod.Wrapf(types.ErrNotInVersion, "contribution %d is %s", c.Id, c.Status)
	}
	v, err := q.k.GetVersion(ctx, c.DatanetId, req.Version)
	if err != nil {
		return nil, err
	}
	if c.LeafIndex >= v.LeafCount {
		return nil, errorsmod.Wrapf(types.ErrNotInVersion, "contribution %d was accepted in version %d, after version %d",
			c.Id, c.AcceptedVersion, v.Version)
	}
	leaves, err := q.k.Leaves(ctx, c.DatanetId, v.LeafCount)
	if err != nil {
		return nil, err
	}
	siblings, err := merkle.Proof(leaves, c.LeafIndex)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrMerkleTree, "%v", err)
	}
	root, err := merkle.HashFromBytes(v.Root)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrMerkleTree, "version %d root: %v", v.Version, err)
	}
	// A proof that does not verify means stored state is inconsistent; say
	// so rather than hand out a proof that fails on the client.
	if err := merkle.VerifyProof(root, v.LeafCount, leaves[c.LeafIndex], c.LeafIndex, siblings); err != nil {
		return nil, errorsmod.Wrapf(types.ErrMerkleTree, "datanet %d version %d: %v", c.DatanetId, v.Version, err)
	}
	resp := &types.QueryMembershipProofResponse{
		DatanetId: c.DatanetId, Version: v.Version, Root: v.Root, LeafCount: v.LeafCount,
		LeafIndex: c.LeafIndex, Leaf: leaves[c.LeafIndex].Bytes(), Siblings: make([][]byte, len(siblings)),
	}
	for i, s := range siblings {
		resp.Siblings[i] = s.Bytes()
	}
	return resp, nil
}
