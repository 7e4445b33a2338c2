package types

import (
	"bytes"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/datanet/merkle"
)

// DefaultGenesis is the genesis state of a new chain: default params, no
// Datanets, ids starting at 1.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params:             DefaultParams(),
		NextDatanetId:      1,
		NextContributionId: 1,
	}
}

// Validate checks the genesis state as a whole: every record on its own, the
// references between them, and every version root against a Merkle tree
// rebuilt from the accepted contributions. Records must be sorted as
// ExportGenesis writes them (Datanets and contributions by id, versions by
// Datanet and number), which also rules out duplicates.
func (gs GenesisState) Validate(ac address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "params: %v", err)
	}
	if gs.NextDatanetId == 0 || gs.NextContributionId == 0 {
		return errorsmod.Wrapf(ErrInvalidGenesis, "next ids start at 1, got datanet %d, contribution %d",
			gs.NextDatanetId, gs.NextContributionId)
	}

	// Lookups only; nothing below ranges over these maps.
	datanets := make(map[uint64]*Datanet, len(gs.Datanets))
	accepted := make(map[uint64][]*Contribution, len(gs.Datanets))
	for i := range gs.Datanets {
		d := &gs.Datanets[i]
		if i > 0 && d.Id <= gs.Datanets[i-1].Id {
			return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d after %d: not in ascending id order", d.Id, gs.Datanets[i-1].Id)
		}
		if err := validateGenesisDatanet(ac, *d, gs.NextDatanetId); err != nil {
			return err
		}
		datanets[d.Id] = d
	}

	for i := range gs.Contributions {
		c := &gs.Contributions[i]
		if i > 0 && c.Id <= gs.Contributions[i-1].Id {
			return errorsmod.Wrapf(ErrInvalidGenesis, "contribution %d after %d: not in ascending id order", c.Id, gs.Contributions[i-1].Id)
		}
		d, ok := datanets[c.DatanetId]
		if !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "contribution %d: datanet %d does not exist", c.Id, c.DatanetId)
		}
		if err := validateGenesisContribution(ac, *c, *d, gs.NextContributionId); err != nil {
			return err
		}
		if c.Status == CONTRIBUTION_STATUS_ACCEPTED {
			accepted[c.DatanetId] = append(accepted[c.DatanetId], c)
		}
	}

	// Per Datanet, in the order of gs.Datanets: the accepted contributions
	// must fill leaf indexes 0..n-1 with distinct content, and the versions
	// must be 1..current_version with roots that match the rebuilt tree.
	v := 0
	for i := range gs.Datanets {
		d := &gs.Datanets[i]
		leaves, err := orderLeaves(d.Id, accepted[d.Id])
		if err != nil {
			return err
		}
		start := v
		for v < len(gs.Versions) && gs.Versions[v].DatanetId == d.Id {
			v++
		}
		if err := validateGenesisVersions(*d, gs.Versions[start:v], leaves); err != nil {
			return err
		}
	}
	if v != len(gs.Versions) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "version %d of datanet %d: datanet missing or versions out of order",
			gs.Versions[v].Version, gs.Versions[v].DatanetId)
	}
	return nil
}

func validateGenesisDatanet(ac address.Codec, d Datanet, nextID uint64) error {
	if d.Id == 0 || d.Id >= nextID {
		return errorsmod.Wrapf(ErrInvalidGenesis, "datanet id %d outside 1..%d", d.Id, nextID-1)
	}
	_, owner, err := ParseAddress(ac, "owner", d.Owner)
	if err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: %v", d.Id, err)
	}
	if owner != d.Owner {
		return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: owner %q is not in canonical form %q", d.Id, d.Owner, owner)
	}
	if err := MetadataOf(d).Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: %v", d.Id, err)
	}
	curators, err := CanonicalCurators(ac, d.Owner, d.Curators)
	if err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: %v", d.Id, err)
	}
	for i := range curators {
		if curators[i] != d.Curators[i] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: curator %q is not in canonical form", d.Id, d.Curators[i])
		}
	}
	if d.Status != DATANET_STATUS_ACTIVE && d.Status != DATANET_STATUS_ARCHIVED {
		return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: status %s", d.Id, d.Status)
	}
	if d.CreatedHeight < 0 || d.UpdatedHeight < d.CreatedHeight {
		return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: heights created %d, updated %d", d.Id, d.CreatedHeight, d.UpdatedHeight)
	}
	return nil
}

func validateGenesisContribution(ac address.Codec, c Contribution, d Datanet, nextID uint64) error {
	if c.Id == 0 || c.Id >= nextID {
		return errorsmod.Wrapf(ErrInvalidGenesis, "contribution id %d outside 1..%d", c.Id, nextID-1)
	}
	_, contributor, err := ParseAddress(ac, "contributor", c.Contributor)
	if err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "contribution %d: %v", c.Id, err)
	}
	if contributor != c.Contributor {
		return errorsmod.Wrapf(ErrInvalidGenesis, "contribution %d: contributor %q is not in canonical form", c.Id, c.Contributor)
	}
	// Inline size is checked against the ceiling, not the current param: a
	// later, lower max_inline_bytes does not invalidate earlier content.
	if err := ValidateContent(c.ContentHash, c.SizeBytes, c.MediaType, c.InlineData, c.Uri, MaxInlineBytesCeiling); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "contribution %d: %v", c.Id, err)
	}
	for _, coin := range []sdk.Coin{c.FeePaid, c.Deposit} {
		if err := validateParamCoin("contribution coin", coin); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "contribution %d: %v", c.Id, err)
		}
	}
	if c.SubmittedHeight < d.CreatedHeight {
		return errorsmod.Wrapf(ErrInvalidGenesis, "contribution %d: submitted at %d, before datanet %d was created at %d",
			c.Id, c.SubmittedHeight, d.Id, d.CreatedHeight)
	}
	if err := ValidateReason(c.Reason); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "contribution %d: %v", c.Id, err)
	}

	resolved := c.ResolvedHeight >= c.SubmittedHeight
	reviewed := false
	if c.Reviewer != "" {
		_, reviewer, err := ParseAddress(ac, "reviewer", c.Reviewer)
		if err != nil || reviewer != c.Reviewer {
			return errorsmod.Wrapf(ErrInvalidGenesis, "contribution %d: reviewer %q is not a canonical address", c.Id, c.Reviewer)
		}
		reviewed = true
	}
	var ok bool
	switch c.Status {
	case CONTRIBUTION_STATUS_PENDING:
		ok = d.Status == DATANET_STATUS_ACTIVE && c.DepositOutcome == DEPOSIT_OUTCOME_UNSPECIFIED &&
			c.ResolvedHeight == 0 && !reviewed && c.Reason == "" && c.AcceptedVersion == 0 && c.LeafIndex == 0
	case CONTRIBUTION_STATUS_ACCEPTED:
		ok = c.DepositOutcome == DEPOSIT_OUTCOME_RETURNED && resolved && reviewed && c.AcceptedVersion > 0
	case CONTRIBUTION_STATUS_REJECTED:
		ok = (c.DepositOutcome == DEPOSIT_OUTCOME_RETURNED || c.DepositOutcome == DEPOSIT_OUTCOME_BURNED) &&
			resolved && reviewed && c.AcceptedVersion == 0 && c.LeafIndex == 0
	case CONTRIBUTION_STATUS_WITHDRAWN:
		ok = c.DepositOutcome == DEPOSIT_OUTCOME_RETURNED && resolved && !reviewed && c.AcceptedVersion == 0 && c.LeafIndex == 0
	}
	if !ok {
		return errorsmod.Wrapf(ErrInvalidGenesis,
			"contribution %d: status %s inconsistent with deposit outcome %s, resolved height %d, reviewer %q, accepted version %d, leaf index %d (datanet %s)",
			c.Id, c.Status, c.DepositOutcome, c.ResolvedHeight, c.Reviewer, c.AcceptedVersion, c.LeafIndex, d.Status)
	}
	return nil
}

// orderLeaves places a Datanet's accepted contributions at their leaf
// indexes, which must be exactly 0..n-1, and checks that no content is
// accepted twice.
func orderLeaves(datanetID uint64, accepted []*Contribution) ([]*Contribution, error) {
	ordered := make([]*Contribution, len(accepted))
	for _, c := range accepted {
		if c.LeafIndex >= uint64(len(accepted)) || ordered[c.LeafIndex] != nil {
			return nil, errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: contribution %d has leaf index %d; %d accepted contributions need indexes 0..%d, each once",
				datanetID, c.Id, c.LeafIndex, len(accepted), len(accepted)-1)
		}
		ordered[c.LeafIndex] = c
	}
	seen := make(map[string]uint64, len(ordered))
	for _, c := range ordered {
		if first, dup := seen[string(c.ContentHash)]; dup {
			return nil, errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: content %X accepted twice, by contributions %d and %d",
				datanetID, c.ContentHash, first, c.Id)
		}
		seen[string(c.ContentHash)] = c.Id
	}
	return ordered, nil
}

// validateGenesisVersions checks a Datanet's versions against its accepted
// contributions in leaf order.
func validateGenesisVersions(d Datanet, versions []Version, leaves []*Contribution) error {
	if uint64(len(versions)) != d.CurrentVersion {
		return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: current version %d, but %d versions", d.Id, d.CurrentVersion, len(versions))
	}
	frontier := &merkle.Frontier{}
	prevHeight := d.CreatedHeight
	for i, ver := range versions {
		if ver.Version != uint64(i+1) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: version %d where %d was expected", d.Id, ver.Version, i+1)
		}
		if ver.LeafCount <= frontier.Count() || ver.LeafCount > uint64(len(leaves)) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d version %d: leaf count %d must exceed the previous %d and not exceed %d accepted",
				d.Id, ver.Version, ver.LeafCount, frontier.Count(), len(leaves))
		}
		if ver.Height < prevHeight {
			return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d version %d: height %d before %d", d.Id, ver.Version, ver.Height, prevHeight)
		}
		prevHeight = ver.Height
		for idx := frontier.Count(); idx < ver.LeafCount; idx++ {
			c := leaves[idx]
			if c.AcceptedVersion != ver.Version {
				return errorsmod.Wrapf(ErrInvalidGenesis, "contribution %d at leaf %d: accepted version %d, first covered by version %d",
					c.Id, idx, c.AcceptedVersion, ver.Version)
			}
			leaf, err := merkle.LeafHash(c.Id, c.ContentHash)
			if err != nil {
				return errorsmod.Wrapf(ErrInvalidGenesis, "contribution %d: %v", c.Id, err)
			}
			if err := frontier.Append(leaf); err != nil {
				return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: %v", d.Id, err)
			}
		}
		if root := frontier.Root(); !bytes.Equal(root[:], ver.Root) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d version %d: root %X, accepted contributions give %s",
				d.Id, ver.Version, ver.Root, root)
		}
	}
	if frontier.Count() != uint64(len(leaves)) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "datanet %d: %d accepted contributions, newest version covers %d",
			d.Id, len(leaves), frontier.Count())
	}
	return nil
}
