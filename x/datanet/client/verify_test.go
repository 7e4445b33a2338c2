package client_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/datanet/client"
	"github.com/openledger/openledger/x/datanet/merkle"
	"github.com/openledger/openledger/x/datanet/types"
)

// exportOf builds n accepted contributions of Datanet 4 (version 2 holds
// all of them, version 1 the first half) and version 2.
func exportOf(t *testing.T, n int) ([]types.Contribution, types.Version) {
	t.Helper()
	cs := make([]types.Contribution, n)
	leaves := make([]merkle.Hash, n)
	for i := range cs {
		data := []byte(fmt.Sprintf("row %d", i))
		cs[i] = types.Contribution{
			Id: uint64(10 + 3*i), DatanetId: 4, ContentHash: client.ContentHash(data), SizeBytes: uint64(len(data)),
			InlineData: data, Status: types.CONTRIBUTION_STATUS_ACCEPTED, LeafIndex: uint64(i), AcceptedVersion: 1 + uint64(2*i/n),
		}
		leaf, err := merkle.LeafHash(cs[i].Id, cs[i].ContentHash)
		require.NoError(t, err)
		leaves[i] = leaf
	}
	root, err := merkle.Root(leaves)
	require.NoError(t, err)
	return cs, types.Version{DatanetId: 4, Version: 2, Root: root.Bytes(), LeafCount: uint64(n)}
}

func TestVerifyVersion(t *testing.T) {
	cs, v := exportOf(t, 9)
	require.NoError(t, client.VerifyVersion(v, cs))

	cases := []struct {
		name   string
		mutate func(cs []types.Contribution, v *types.Version) []types.Contribution
	}{
		{"Failure - an item missing", func(cs []types.Contribution, _ *types.Version) []types.Contribution { return cs[:8] }},
		{"Failure - items reordered", func(cs []types.Contribution, _ *types.Version) []types.Contribution {
			cs[0], cs[1] = cs[1], cs[0]
			cs[0].LeafIndex, cs[1].LeafIndex = 0, 1
			return cs
		}},
		{"Failure - inline content altered", func(cs []types.Contribution, _ *types.Version) []types.Contribution {
			cs[3].InlineData = []byte("row X")
			return cs
		}},
		{"Failure - hash and content both replaced", func(cs []types.Contribution, _ *types.Version) []types.Contribution {
			cs[3].InlineData = []byte("row X")
			cs[3].ContentHash = client.ContentHash(cs[3].InlineData)
			return cs
		}},
		{"Failure - another Datanet", func(cs []types.Contribution, _ *types.Version) []types.Contribution {
			cs[2].DatanetId = 5
			return cs
		}},
		{"Failure - accepted after the version", func(cs []types.Contribution, _ *types.Version) []types.Contribution {
			cs[8].AcceptedVersion = 3
			return cs
		}},
		{"Failure - not accepted", func(cs []types.Contribution, _ *types.Version) []types.Contribution {
			cs[8].Status = types.CONTRIBUTION_STATUS_PENDING
			return cs
		}},
		{"Failure - root of another version", func(cs []types.Contribution, v *types.Version) []types.Contribution {
			v.Root[0] ^= 1
			return cs
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cs, v := exportOf(t, 9)
			cs = tc.mutate(cs, &v)
			require.Error(t, client.VerifyVersion(v, cs))
		})
	}
}

func TestVerifyContent(t *testing.T) {
	cs, _ := exportOf(t, 1)
	require.NoError(t, client.VerifyContent(cs[0], []byte("row 0")))
	require.Error(t, client.VerifyContent(cs[0], []byte("row 1")))
	require.Error(t, client.VerifyContent(cs[0], []byte("row 00")))
}

func TestVerifyMembershipProof(t *testing.T) {
	cs, v := exportOf(t, 6)
	leaves := make([]merkle.Hash, len(cs))
	for i, c := range cs {
		leaves[i], _ = merkle.LeafHash(c.Id, c.ContentHash)
	}
	for i, c := range cs {
		siblings, err := merkle.Proof(leaves, uint64(i))
		require.NoError(t, err)
		proof := &types.QueryMembershipProofResponse{
			DatanetId: 4, Version: 2, Root: v.Root, LeafCount: v.LeafCount, LeafIndex: uint64(i), Leaf: leaves[i].Bytes(),
		}
		for _, s := range siblings {
			proof.Siblings = append(proof.Siblings, s.Bytes())
		}
		require.NoError(t, client.VerifyMembershipProof(v.Root, c.Id, c.ContentHash, proof))
		require.Error(t, client.VerifyMembershipProof(v.Root, c.Id+1, c.ContentHash, proof), "wrong id")
		other := append([]byte(nil), v.Root...)
		other[31] ^= 1
		require.Error(t, client.VerifyMembershipProof(other, c.Id, c.ContentHash, proof), "untrusted root")
		proof.Siblings = proof.Siblings[:5]
		require.Error(t, client.VerifyMembershipProof(v.Root, c.Id, c.ContentHash, proof), "short proof")
	}
}
