package types

import (
	"bytes"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
)

// DefaultGenesis is a bridge with nothing bridged yet.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextWithdrawalNonce: 1, L1Circulating: math.ZeroInt()}
}

// Validate checks a genesis state on its own; the keeper's import checks it
// against the validators and the escrow balance.
func (gs *GenesisState) Validate(ac address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "%v", err)
	}
	if gs.L1Circulating.IsNil() || gs.L1Circulating.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidGenesis, "l1_circulating %s must not be negative", gs.L1Circulating)
	}
	if gs.NextWithdrawalNonce == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_withdrawal_nonce must be at least 1")
	}
	owners := map[string]string{} // look-ups only
	for _, o := range gs.KeyOwners {
		if _, err := ParseEthAddress("key owner", o.EthAddress); err != nil || o.Validator == "" {
			return errorsmod.Wrapf(ErrInvalidGenesis, "key owner %q of %q", o.EthAddress, o.Validator)
		}
		if _, dup := owners[o.EthAddress]; dup {
			return errorsmod.Wrapf(ErrInvalidGenesis, "key %s listed twice", o.EthAddress)
		}
		owners[o.EthAddress] = o.Validator
	}
	seen := map[string]bool{} // look-ups only
	for _, s := range gs.Signers {
		if seen[s.Validator] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "validator %s has two keys", s.Validator)
		}
		seen[s.Validator] = true
		if owners[s.EthAddress] != s.Validator {
			return errorsmod.Wrapf(ErrInvalidGenesis, "key %s of %s is not in key_owners as its", s.EthAddress, s.Validator)
		}
	}
	lastCheckpoint := uint64(len(gs.Checkpoints))
	for i, c := range gs.Checkpoints {
		if c.Header.Nonce != uint64(i)+1 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "checkpoint %d at position %d: nonces run from 1 without a gap", c.Header.Nonce, i)
		}
		if err := c.validate(); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "checkpoint %d: %v", c.Header.Nonce, err)
		}
	}
	if gs.L1AcceptedNonce > lastCheckpoint {
		return errorsmod.Wrapf(ErrInvalidGenesis, "l1_accepted_nonce %d is past the last checkpoint %d", gs.L1AcceptedNonce, lastCheckpoint)
	}
	prev := uint64(0)
	for _, w := range gs.Withdrawals {
		if w.Nonce <= prev || w.Nonce >= gs.NextWithdrawalNonce {
			return errorsmod.Wrapf(ErrInvalidGenesis, "withdrawal %d out of order or not below next_withdrawal_nonce", w.Nonce)
		}
		prev = w.Nonce
		if _, _, err := ParseAddressStr(ac, "sender", w.Sender); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "withdrawal %d: %v", w.Nonce, err)
		}
		if _, err := ParseRecipient("eth_recipient", w.EthRecipient); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "withdrawal %d: %v", w.Nonce, err)
		}
		if w.Amount.IsNil() || !w.Amount.IsPositive() || w.CheckpointNonce == 0 || w.CheckpointNonce > lastCheckpoint+1 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "withdrawal %d: amount %s, checkpoint %d", w.Nonce, w.Amount, w.CheckpointNonce)
		}
	}
	for _, s := range gs.Signatures {
		if s.Nonce <= gs.L1AcceptedNonce || s.Nonce > lastCheckpoint || len(s.Signature) != 65 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "signature of checkpoint %d by %s", s.Nonce, s.Validator)
		}
	}
	for _, a := range gs.DepositAttestations {
		if a.Claim.DepositNonce <= gs.LastDepositNonce || len(a.Validators) == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "attestation of credited or unattested deposit %d", a.Claim.DepositNonce)
		}
		if err := a.Claim.Validate(ac); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%v", err)
		}
	}
	for _, a := range gs.AcceptanceAttestations {
		if a.Nonce <= gs.L1AcceptedNonce || a.Nonce > lastCheckpoint || len(a.Validators) == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "acceptance attestation of checkpoint %d", a.Nonce)
		}
	}
	for _, e := range gs.Equivocations {
		if owners[e.EthAddress] != e.Validator || e.Nonce == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "equivocation of %s at %d", e.EthAddress, e.Nonce)
		}
	}
	return nil
}

// validate checks that a checkpoint's sets hash to its header's hashes.
func (c Checkpoint) validate() error {
	for _, s := range []struct {
		set  []ValsetMember
		hash []byte
	}{{c.SignerValset, c.Header.SignerValsetHash}, {c.NextValset, c.Header.NextValsetHash}} {
		h, err := ValsetHash(s.set)
		if err != nil {
			return err
		}
		if !bytes.Equal(h, s.hash) {
			return errorsmod.Wrap(ErrInvalidCheckpoint, "a validator set does not hash to its header hash")
		}
	}
	if c.WithdrawalTotal.IsNil() || c.WithdrawalTotal.IsNegative() {
		return errorsmod.Wrap(ErrInvalidCheckpoint, "negative withdrawal total")
	}
	_, err := (Domain{}).CheckpointDigest(c.Header)
	return err
}

// Validate checks a deposit claim's fields.
func (c DepositClaim) Validate(ac address.Codec) error {
	if c.DepositNonce == 0 {
		return errorsmod.Wrap(ErrInvalidNonce, "deposit_nonce must be at least 1")
	}
	if _, err := ParseEthAddress("eth_sender", c.EthSender); err != nil {
		return err
	}
	if _, _, err := ParseAddressStr(ac, "recipient", c.Recipient); err != nil {
		return err
	}
	if c.Amount.IsNil() || !c.Amount.IsPositive() || c.Amount.BigInt().BitLen() > 256 {
		return errorsmod.Wrapf(ErrInvalidAmount, "amount %s must be a positive uint256", c.Amount)
	}
	return nil
}
