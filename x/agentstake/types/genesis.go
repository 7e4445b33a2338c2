package types

import (
	"bytes"
	"fmt"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis is the genesis state of a new chain: default params, no agents.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextUnbondingId: 1, NextSlashId: 1}
}

// Validate checks a genesis state: params; agents valid and in strictly
// ascending operator order; unbonding entries and slash records valid, in
// strictly ascending id order below the next ids, each of a listed agent
// (entries with that agent's owner); used evidence of listed agents, without
// duplicates.
func (gs GenesisState) Validate(ac address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "%v", err)
	}
	if gs.NextUnbondingId == 0 || gs.NextSlashId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_unbonding_id and next_slash_id must be at least 1")
	}
	owners := make(map[string]string, len(gs.Agents)) // look-ups only, never iterated
	var last []byte
	for i, a := range gs.Agents {
		if err := a.Validate(ac, gs.Params); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "agent %d: %v", i, err)
		}
		op, _ := ac.StringToBytes(a.Operator)
		if i > 0 && bytes.Compare(last, op) >= 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "agents must be in strictly ascending operator order: %s", a.Operator)
		}
		last = op
		owners[a.Operator] = a.Owner
	}
	var lastID uint64
	for _, e := range gs.UnbondingEntries {
		if err := recordInOrder("unbonding entry", e.Id, &lastID, "next_unbonding_id", gs.NextUnbondingId, e.Validate(ac)); err != nil {
			return err
		}
		owner, ok := owners[e.Operator]
		if !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "unbonding entry %d of unknown agent %s", e.Id, e.Operator)
		}
		if owner != e.Owner {
			return errorsmod.Wrapf(ErrInvalidGenesis, "unbonding entry %d owner %s is not the agent's owner %s", e.Id, e.Owner, owner)
		}
	}
	lastID = 0
	for _, r := range gs.SlashRecords {
		if err := recordInOrder("slash record", r.Id, &lastID, "next_slash_id", gs.NextSlashId, r.Validate(ac)); err != nil {
			return err
		}
		if _, ok := owners[r.Operator]; !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "slash record %d of unknown agent %s", r.Id, r.Operator)
		}
	}
	seen := make(map[string]bool, len(gs.UsedEvidence)) // look-ups only
	for _, u := range gs.UsedEvidence {
		node, err := canonicalAddress(ac, "serving_node", u.ServingNode)
		if err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "used evidence: %v", err)
		}
		user, err := canonicalAddress(ac, "user", u.User)
		if err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "used evidence: %v", err)
		}
		if len(node) != EVMAddressLength || len(user) != EVMAddressLength {
			return errorsmod.Wrapf(ErrInvalidGenesis, "used evidence addresses must be %d bytes", EVMAddressLength)
		}
		if _, ok := owners[u.ServingNode]; !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "used evidence of unknown agent %s", u.ServingNode)
		}
		key := fmt.Sprintf("%s/%s/%d", u.ServingNode, u.User, u.Nonce)
		if seen[key] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate used evidence %s/%s/%d", u.ServingNode, u.User, u.Nonce)
		}
		seen[key] = true
	}
	return nil
}

// recordInOrder checks one listed record of a kind: valid (invalid is its
// validation error), its id above the last one and below the next id.
func recordInOrder(kind string, id uint64, last *uint64, nextField string, next uint64, invalid error) error {
	if invalid != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "%s %d: %v", kind, id, invalid)
	}
	if id <= *last || id >= next {
		return errorsmod.Wrapf(ErrInvalidGenesis, "%s ids must ascend below %s %d: %d after %d", kind, nextField, next, id, *last)
	}
	*last = id
	return nil
}
