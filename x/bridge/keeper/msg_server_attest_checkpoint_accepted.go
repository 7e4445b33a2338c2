package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/bridge/types"
)

// AttestCheckpointAccepted records a bonded validator's attestation that L1
// accepted checkpoint nonce. L1 accepts checkpoints strictly one after the
// other, so once the attesters of a nonce hold more than 2/3 of the bonded
// power, it and every nonce before it count as accepted: their withdrawals
// move from pending to released on L1, and their signatures, which L1 no
// longer needs, are dropped. A single relayer cannot do this alone: a false
// report would misstate the escrow's accounting.
func (k msgServer) AttestCheckpointAccepted(ctx context.Context, msg *types.MsgAttestCheckpointAccepted) (*types.MsgAttestCheckpointAcceptedResponse, error) {
	val, valStr, err := k.operatorOf(msg.Operator)
	if err != nil {
		return nil, err
	}
	if _, accepted, err := k.pendingCheckpoint(ctx, msg.Nonce); err != nil || accepted {
		if err == nil {
			err = errorsmod.Wrapf(types.ErrCheckpointAccepted, "checkpoint %d", msg.Nonce)
		}
		return nil, err
	}
	if _, err := k.bondedPower(ctx, val, valStr); err != nil {
		return nil, err
	}
	att, err := k.AcceptanceAttestations.Get(ctx, msg.Nonce)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		att, err = types.AcceptanceAttestation{Nonce: msg.Nonce}, nil
	}
	if err != nil {
		return nil, err
	}
	if attested(att.Validators, valStr) {
		return nil, errorsmod.Wrapf(types.ErrAlreadyAttested, "%s, checkpoint %d", valStr, msg.Nonce)
	}
	att.Validators = append(att.Validators, valStr)
	if err := k.AcceptanceAttestations.Set(ctx, msg.Nonce, att); err != nil {
		return nil, err
	}
	quorum, err := k.hasQuorum(ctx, att.Validators)
	if err != nil {
		return nil, err
	}
	if quorum {
		if err := k.acceptUpTo(ctx, msg.Nonce); err != nil {
			return nil, err
		}
	}
	accepted, err := getOr(ctx, k.L1AcceptedNonce, 0)
	if err != nil {
		return nil, err
	}
	return &types.MsgAttestCheckpointAcceptedResponse{L1AcceptedNonce: accepted}, nil
}

// acceptUpTo marks every checkpoint up to nonce accepted by L1.
func (k Keeper) acceptUpTo(ctx context.Context, nonce uint64) error {
	from, err := getOr(ctx, k.L1AcceptedNonce, 0)
	if err != nil {
		return err
	}
	released := math.ZeroInt()
	for n := from + 1; n <= nonce; n++ {
		cp, err := k.Checkpoints.Get(ctx, n)
		if err != nil {
			return err
		}
		released = released.Add(cp.WithdrawalTotal)
	}
	if err := k.addInt(ctx, k.PendingWithdrawals, released.Neg()); err != nil {
		return err
	}
	if err := k.addInt(ctx, k.L1Circulating, released); err != nil {
		return err
	}
	if err := k.L1AcceptedNonce.Set(ctx, nonce); err != nil {
		return err
	}
	upTo := new(collections.Range[uint64]).EndInclusive(nonce)
	if err := k.AcceptanceAttestations.Clear(ctx, upTo); err != nil {
		return err
	}
	if err := k.Signatures.Clear(ctx, collections.NewPrefixUntilPairRange[uint64, sdk.ValAddress](nonce)); err != nil {
		return err
	}
	return k.Emit(ctx, &types.EventCheckpointAccepted{Nonce: nonce, Released: released})
}
