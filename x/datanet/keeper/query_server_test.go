package keeper_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/datanet/merkle"
	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// queryScenario builds three Datanets with contributions in every status and
// two versions of Datanet 1.
type queryScenario struct {
	f                          *fixture
	d1, d2, d3                 uint64
	c1, c2, c3, c4, c5, c6, c7 uint64
}

func newQueryScenario(t *testing.T) queryScenario {
	f := newFixture(t)
	s := queryScenario{f: f}
	s.d1 = f.createDatanet(func(m *types.MsgCreateDatanet) { m.Tags = []string{"medical", "qa"} })
	s.d2 = f.createDatanet(func(m *types.MsgCreateDatanet) { m.Owner = f.alice.Str; m.Tags = []string{"qa", "code"} })
	s.d3 = f.createDatanet(func(m *types.MsgCreateDatanet) { m.Tags = []string{"code"} })

	s.c1 = f.submit(f.alice, s.d1, "one")
	s.c2 = f.submit(f.bob, s.d1, "two")
	s.c3 = f.submit(f.alice, s.d1, "three")
	s.c4 = f.submit(f.bob, s.d1, "four")
	s.c5 = f.submit(f.carol, s.d1, "five")
	s.c6 = f.submit(f.alice, s.d2, "six")
	s.c7 = f.submit(f.carol, s.d1, "seven")
	f.review(f.owner, s.d1, accept(s.c2), accept(s.c1))              // version 1: c2, c1
	f.review(f.owner, s.d1, accept(s.c3), reject(s.c5, "off topic")) // version 2: c2, c1, c3
	keepertest.MustDeliver(f.Chain(), f.Msgs.WithdrawContribution, &types.MsgWithdrawContribution{Contributor: f.carol.Str, ContributionId: s.c7})
	return s
}

func datanetIDs(ds []types.Datanet) []uint64 {
	out := make([]uint64, len(ds))
	for i, d := range ds {
		out[i] = d.Id
	}
	return out
}

func contributionIDs(cs []types.Contribution) []uint64 {
	out := make([]uint64, len(cs))
	for i, c := range cs {
		out[i] = c.Id
	}
	return out
}

func TestQueryNilRequests(t *testing.T) {
	f := newFixture(t)
	q := f.Queries
	ctx := context.Context(f.Ctx)
	calls := map[string]func() error{
		"Params":                     func() error { _, err := q.Params(ctx, nil); return err },
		"Datanet":                    func() error { _, err := q.Datanet(ctx, nil); return err },
		"Datanets":                   func() error { _, err := q.Datanets(ctx, nil); return err },
		"Contribution":               func() error { _, err := q.Contribution(ctx, nil); return err },
		"ContributionsByDatanet":     func() error { _, err := q.ContributionsByDatanet(ctx, nil); return err },
		"ContributionsByContributor": func() error { _, err := q.ContributionsByContributor(ctx, nil); return err },
		"Version":                    func() error { _, err := q.Version(ctx, nil); return err },
		"Versions":                   func() error { _, err := q.Versions(ctx, nil); return err },
		"AcceptedContributions":      func() error { _, err := q.AcceptedContributions(ctx, nil); return err },
		"MembershipProof":            func() error { _, err := q.MembershipProof(ctx, nil); return err },
	}
	for name, call := range calls {
		require.ErrorIs(t, call(), types.ErrInvalidRequest, name)
	}
}

func TestQueryParamsAndDatanet(t *testing.T) {
	s := newQueryScenario(t)
	f := s.f
	p, err := f.Queries.Params(f.Ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, types.DefaultParams(), p.Params)

	d, err := f.Queries.Datanet(f.Ctx, &types.QueryDatanetRequest{DatanetId: s.d2})
	require.NoError(t, err)
	require.Equal(t, f.alice.Str, d.Datanet.Owner)

	_, err = f.Queries.Datanet(f.Ctx, &types.QueryDatanetRequest{DatanetId: 99})
	require.ErrorIs(t, err, types.ErrDatanetNotFound)
}

func TestQueryDatanets(t *testing.T) {
	s := newQueryScenario(t)
	f := s.f
	cases := []struct {
		name string
		req  *types.QueryDatanetsRequest
		want []uint64
	}{
		{"Success - all", &types.QueryDatanetsRequest{}, []uint64{s.d1, s.d2, s.d3}},
		{"Success - by owner", &types.QueryDatanetsRequest{Owner: f.owner.Str}, []uint64{s.d1, s.d3}},
		{"Success - by other owner", &types.QueryDatanetsRequest{Owner: f.alice.Str}, []uint64{s.d2}},
		{"Success - by owner without Datanets", &types.QueryDatanetsRequest{Owner: f.stranger.Str}, []uint64{}},
		{"Success - by tag", &types.QueryDatanetsRequest{Tag: "qa"}, []uint64{s.d1, s.d2}},
		{"Success - by other tag", &types.QueryDatanetsRequest{Tag: "code"}, []uint64{s.d2, s.d3}},
		{"Success - by unused tag", &types.QueryDatanetsRequest{Tag: "none"}, []uint64{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := f.Queries.Datanets(f.Ctx, tc.req)
			require.NoError(t, err)
			require.Equal(t, tc.want, datanetIDs(resp.Datanets))
		})
	}

	t.Run("Success - paginated by key", func(t *testing.T) {
		resp, err := f.Queries.Datanets(f.Ctx, &types.QueryDatanetsRequest{Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
		require.NoError(t, err)
		require.Equal(t, []uint64{s.d1, s.d2}, datanetIDs(resp.Datanets))
		require.Equal(t, uint64(3), resp.Pagination.Total)
		resp, err = f.Queries.Datanets(f.Ctx, &types.QueryDatanetsRequest{Pagination: &query.PageRequest{Key: resp.Pagination.NextKey}})
		require.NoError(t, err)
		require.Equal(t, []uint64{s.d3}, datanetIDs(resp.Datanets))
	})

	t.Run("Success - tag filter paginated", func(t *testing.T) {
		resp, err := f.Queries.Datanets(f.Ctx, &types.QueryDatanetsRequest{Tag: "code", Pagination: &query.PageRequest{Limit: 1}})
		require.NoError(t, err)
		require.Equal(t, []uint64{s.d2}, datanetIDs(resp.Datanets))
		resp, err = f.Queries.Datanets(f.Ctx, &types.QueryDatanetsRequest{Tag: "code", Pagination: &query.PageRequest{Key: resp.Pagination.NextKey}})
		require.NoError(t, err)
		require.Equal(t, []uint64{s.d3}, datanetIDs(resp.Datanets))
	})

	for _, tc := range []struct {
		name string
		req  *types.QueryDatanetsRequest
	}{
		{"Failure - owner and tag", &types.QueryDatanetsRequest{Owner: f.owner.Str, Tag: "qa"}},
		{"Failure - invalid owner", &types.QueryDatanetsRequest{Owner: "nope"}},
		{"Failure - invalid tag", &types.QueryDatanetsRequest{Tag: "Not A Tag"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.Queries.Datanets(f.Ctx, tc.req)
			require.ErrorIs(t, err, types.ErrInvalidRequest)
		})
	}
}

func TestQueryContributions(t *testing.T) {
	s := newQueryScenario(t)
	f := s.f

	c, err := f.Queries.Contribution(f.Ctx, &types.QueryContributionRequest{ContributionId: s.c4})
	require.NoError(t, err)
	require.Equal(t, types.CONTRIBUTION_STATUS_PENDING, c.Contribution.Status)
	_, err = f.Queries.Contribution(f.Ctx, &types.QueryContributionRequest{ContributionId: 0})
	require.ErrorIs(t, err, types.ErrContributionNotFound)

	byDatanet := []struct {
		name   string
		status types.ContributionStatus
		want   []uint64
	}{
		{"Success - every status", types.CONTRIBUTION_STATUS_UNSPECIFIED, []uint64{s.c1, s.c2, s.c3, s.c4, s.c5, s.c7}},
		{"Success - pending", types.CONTRIBUTION_STATUS_PENDING, []uint64{s.c4}},
		{"Success - accepted", types.CONTRIBUTION_STATUS_ACCEPTED, []uint64{s.c1, s.c2, s.c3}},
		{"Success - rejected", types.CONTRIBUTION_STATUS_REJECTED, []uint64{s.c5}},
		{"Success - withdrawn", types.CONTRIBUTION_STATUS_WITHDRAWN, []uint64{s.c7}},
	}
	for _, tc := range byDatanet {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := f.Queries.ContributionsByDatanet(f.Ctx, &types.QueryContributionsByDatanetRequest{DatanetId: s.d1, Status: tc.status})
			require.NoError(t, err)
			require.Equal(t, tc.want, contributionIDs(resp.Contributions))
		})
	}
	t.Run("Success - by Datanet, paginated by offset", func(t *testing.T) {
		resp, err := f.Queries.ContributionsByDatanet(f.Ctx, &types.QueryContributionsByDatanetRequest{
			DatanetId: s.d1, Pagination: &query.PageRequest{Offset: 2, Limit: 2},
		})
		require.NoError(t, err)
		require.Equal(t, []uint64{s.c3, s.c4}, contributionIDs(resp.Contributions))
	})
	t.Run("Failure - unknown status", func(t *testing.T) {
		_, err := f.Queries.ContributionsByDatanet(f.Ctx, &types.QueryContributionsByDatanetRequest{DatanetId: s.d1, Status: 12})
		require.ErrorIs(t, err, types.ErrInvalidRequest)
	})
	t.Run("Failure - unknown Datanet", func(t *testing.T) {
		_, err := f.Queries.ContributionsByDatanet(f.Ctx, &types.QueryContributionsByDatanetRequest{DatanetId: 9})
		require.ErrorIs(t, err, types.ErrDatanetNotFound)
	})

	t.Run("Success - by contributor", func(t *testing.T) {
		resp, err := f.Queries.ContributionsByContributor(f.Ctx, &types.QueryContributionsByContributorRequest{Contributor: f.alice.Str})
		require.NoError(t, err)
		require.Equal(t, []uint64{s.c1, s.c3, s.c6}, contributionIDs(resp.Contributions))
		resp, err = f.Queries.ContributionsByContributor(f.Ctx, &types.QueryContributionsByContributorRequest{
			Contributor: f.carol.Str, Pagination: &query.PageRequest{Limit: 1, CountTotal: true},
		})
		require.NoError(t, err)
		require.Equal(t, []uint64{s.c5}, contributionIDs(resp.Contributions))
		require.Equal(t, uint64(2), resp.Pagination.Total)
	})
	t.Run("Failure - invalid contributor", func(t *testing.T) {
		_, err := f.Queries.ContributionsByContributor(f.Ctx, &types.QueryContributionsByContributorRequest{Contributor: ""})
		require.ErrorIs(t, err, types.ErrInvalidRequest)
	})
}

func TestQueryVersions(t *testing.T) {
	s := newQueryScenario(t)
	f := s.f

	v1, err := f.Queries.Version(f.Ctx, &types.QueryVersionRequest{DatanetId: s.d1, Version: 1})
	require.NoError(t, err)
	require.Equal(t, uint64(2), v1.Version.LeafCount)
	require.Equal(t, expectedRoot(f, s.c2, s.c1), v1.Version.Root)

	current, err := f.Queries.Version(f.Ctx, &types.QueryVersionRequest{DatanetId: s.d1})
	require.NoError(t, err)
	require.Equal(t, uint64(2), current.Version.Version, "version 0 is the current version")
	require.Equal(t, expectedRoot(f, s.c2, s.c1, s.c3), current.Version.Root)

	_, err = f.Queries.Version(f.Ctx, &types.QueryVersionRequest{DatanetId: s.d1, Version: 3})
	require.ErrorIs(t, err, types.ErrVersionNotFound)
	_, err = f.Queries.Version(f.Ctx, &types.QueryVersionRequest{DatanetId: s.d2})
	require.ErrorIs(t, err, types.ErrVersionNotFound, "no version yet")
	_, err = f.Queries.Version(f.Ctx, &types.QueryVersionRequest{DatanetId: 50})
	require.ErrorIs(t, err, types.ErrDatanetNotFound)

	all, err := f.Queries.Versions(f.Ctx, &types.QueryVersionsRequest{DatanetId: s.d1})
	require.NoError(t, err)
	require.Len(t, all.Versions, 2)
	require.Equal(t, v1.Version, all.Versions[0])
	require.Equal(t, current.Version, all.Versions[1])

	none, err := f.Queries.Versions(f.Ctx, &types.QueryVersionsRequest{DatanetId: s.d3})
	require.NoError(t, err)
	require.Empty(t, none.Versions)
	_, err = f.Queries.Versions(f.Ctx, &types.QueryVersionsRequest{DatanetId: 50})
	require.ErrorIs(t, err, types.ErrDatanetNotFound)
}

func TestQueryAcceptedContributions(t *testing.T) {
	s := newQueryScenario(t)
	f := s.f
	resp, err := f.Queries.AcceptedContributions(f.Ctx, &types.QueryAcceptedContributionsRequest{DatanetId: s.d1})
	require.NoError(t, err)
	require.Len(t, resp.Contributions, 3)
	for i, want := range []uint64{s.c2, s.c1, s.c3} {
		require.Equal(t, uint64(i), resp.Contributions[i].LeafIndex)
		require.Equal(t, want, resp.Contributions[i].Contribution.Id)
	}

	page, err := f.Queries.AcceptedContributions(f.Ctx, &types.QueryAcceptedContributionsRequest{
		DatanetId: s.d1, Pagination: &query.PageRequest{Limit: 2},
	})
	require.NoError(t, err)
	require.Len(t, page.Contributions, 2)
	page, err = f.Queries.AcceptedContributions(f.Ctx, &types.QueryAcceptedContributionsRequest{
		DatanetId: s.d1, Pagination: &query.PageRequest{Key: page.Pagination.NextKey},
	})
	require.NoError(t, err)
	require.Equal(t, s.c3, page.Contributions[0].Contribution.Id)

	_, err = f.Queries.AcceptedContributions(f.Ctx, &types.QueryAcceptedContributionsRequest{DatanetId: 8})
	require.ErrorIs(t, err, types.ErrDatanetNotFound)
}

func TestQueryMembershipProof(t *testing.T) {
	s := newQueryScenario(t)
	f := s.f

	t.Run("Success - every accepted contribution in every version that covers it", func(t *testing.T) {
		for _, tc := range []struct {
			id       uint64
			versions []uint64
		}{{s.c2, []uint64{1, 2, 0}}, {s.c1, []uint64{1, 2, 0}}, {s.c3, []uint64{2, 0}}} {
			for _, version := range tc.versions {
				resp, err := f.Queries.MembershipProof(f.Ctx, &types.QueryMembershipProofRequest{ContributionId: tc.id, Version: version})
				require.NoError(t, err)
				v, err := f.K.GetVersion(f.Ctx, s.d1, version)
				require.NoError(t, err)
				require.Equal(t, v.Version, resp.Version)
				require.Equal(t, v.Root, resp.Root)
				require.Equal(t, v.LeafCount, resp.LeafCount)
				require.Equal(t, s.d1, resp.DatanetId)
				require.Len(t, resp.Siblings, merkle.Depth)

				// A client checks the proof with the merkle package alone.
				leaf, err := merkle.LeafHash(tc.id, f.contribution(tc.id).ContentHash)
				require.NoError(t, err)
				require.Equal(t, leaf.Bytes(), resp.Leaf)
				siblings := make([]merkle.Hash, len(resp.Siblings))
				for i, sib := range resp.Siblings {
					siblings[i], err = merkle.HashFromBytes(sib)
					require.NoError(t, err)
				}
				root, err := merkle.HashFromBytes(resp.Root)
				require.NoError(t, err)
				require.NoError(t, merkle.VerifyProof(root, resp.LeafCount, leaf, resp.LeafIndex, siblings))
			}
		}
	})

	for _, tc := range []struct {
		name string
		req  *types.QueryMembershipProofRequest
		want error
	}{
		{"Failure - accepted after the version", &types.QueryMembershipProofRequest{ContributionId: s.c3, Version: 1}, types.ErrNotInVersion},
		{"Failure - pending contribution", &types.QueryMembershipProofRequest{ContributionId: s.c4}, types.ErrNotInVersion},
		{"Failure - rejected contribution", &types.QueryMembershipProofRequest{ContributionId: s.c5}, types.ErrNotInVersion},
		{"Failure - unknown version", &types.QueryMembershipProofRequest{ContributionId: s.c1, Version: 3}, types.ErrVersionNotFound},
		{"Failure - unknown contribution", &types.QueryMembershipProofRequest{ContributionId: 100}, types.ErrContributionNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.Queries.MembershipProof(f.Ctx, tc.req)
			require.ErrorIs(t, err, tc.want)
		})
	}
}
