// Package client holds the checks a client runs on data read from the chain:
// that an exported Datanet version is exactly what its root commits to, and
// that a membership proof holds. They need no chain connection, so the CLI,
// an SDK or a training pipeline can all use them.
package client

import (
	"bytes"
	"crypto/sha256"
	"fmt"

	"github.com/openledger/openledger/x/datanet/merkle"
	"github.com/openledger/openledger/x/datanet/types"
)

// ContentHash is the content hash a contribution of data carries: its SHA-256.
func ContentHash(data []byte) []byte {
	sum := sha256.Sum256(data)
	return sum[:]
}

// VerifyContent checks downloaded content against a contribution's hash and
// size.
func VerifyContent(c types.Contribution, data []byte) error {
	if uint64(len(data)) != c.SizeBytes {
		return fmt.Errorf("contribution %d: %d bytes, declared size is %d", c.Id, len(data), c.SizeBytes)
	}
	if got := ContentHash(data); !bytes.Equal(got, c.ContentHash) {
		return fmt.Errorf("contribution %d: content hashes to %X, declared %X", c.Id, got, c.ContentHash)
	}
	return nil
}

// VerifyVersion checks that contributions, in leaf order (as the
// AcceptedContributions query lists them), are exactly the contributions
// version v commits to: the right Datanet, leaf indexes 0..n-1, inline
// content matching its hash, and the Merkle root over (id, content hash)
// equal to v.Root. An export runs it before writing anything out.
func VerifyVersion(v types.Version, contributions []types.Contribution) error {
	items := make([]merkle.Item, len(contributions))
	for i, c := range contributions {
		if c.DatanetId != v.DatanetId {
			return fmt.Errorf("item %d: contribution %d belongs to datanet %d, not %d", i, c.Id, c.DatanetId, v.DatanetId)
		}
		if c.Status != types.CONTRIBUTION_STATUS_ACCEPTED || c.LeafIndex != uint64(i) {
			return fmt.Errorf("item %d: contribution %d is %s at leaf %d", i, c.Id, c.Status, c.LeafIndex)
		}
		if c.AcceptedVersion == 0 || c.AcceptedVersion > v.Version {
			return fmt.Errorf("item %d: contribution %d was accepted in version %d, after version %d", i, c.Id, c.AcceptedVersion, v.Version)
		}
		if len(c.InlineData) > 0 {
			if err := VerifyContent(c, c.InlineData); err != nil {
				return fmt.Errorf("item %d: %w", i, err)
			}
		}
		items[i] = merkle.Item{ContributionID: c.Id, ContentHash: c.ContentHash}
	}
	if err := merkle.VerifyItems(v.Root, v.LeafCount, items); err != nil {
		return fmt.Errorf("datanet %d version %d: %w", v.DatanetId, v.Version, err)
	}
	return nil
}

// VerifyMembershipProof checks a MembershipProof answer for a contribution
// with the given id and content hash against a version root the client
// already trusts (for example one named in a model's training record).
func VerifyMembershipProof(trustedRoot []byte, contributionID uint64, contentHash []byte, proof *types.QueryMembershipProofResponse) error {
	if !bytes.Equal(trustedRoot, proof.Root) {
		return fmt.Errorf("proof is for root %X, not %X", proof.Root, trustedRoot)
	}
	root, err := merkle.HashFromBytes(proof.Root)
	if err != nil {
		return fmt.Errorf("root: %w", err)
	}
	leaf, err := merkle.LeafHash(contributionID, contentHash)
	if err != nil {
		return err
	}
	siblings := make([]merkle.Hash, len(proof.Siblings))
	for i, s := range proof.Siblings {
		if siblings[i], err = merkle.HashFromBytes(s); err != nil {
			return fmt.Errorf("sibling %d: %w", i, err)
		}
	}
	return merkle.VerifyProof(root, proof.LeafCount, leaf, proof.LeafIndex, siblings)
}
