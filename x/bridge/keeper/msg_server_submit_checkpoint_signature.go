package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/bridge/types"
)

// SubmitCheckpointSignature stores a signer's signature of a checkpoint's
// EIP-712 digest. Only members of the checkpoint's signer set may sign it,
// with the key the set names for them: that is the set L1 holds, so a key
// registered later, or a validator that joined later, signs the next
// checkpoint, never an older one (an old set cannot be replayed against a
// newer checkpoint either, since each digest names its own nonce).
func (k msgServer) SubmitCheckpointSignature(ctx context.Context, msg *types.MsgSubmitCheckpointSignature) (*types.MsgSubmitCheckpointSignatureResponse, error) {
	val, valStr, err := k.operatorOf(msg.Operator)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	domain, err := params.Domain()
	if err != nil {
		return nil, err
	}
	cp, accepted, err := k.pendingCheckpoint(ctx, msg.Nonce)
	if err != nil {
		return nil, err
	}
	if accepted {
		return nil, errorsmod.Wrapf(types.ErrCheckpointAccepted, "checkpoint %d", msg.Nonce)
	}
	var member *types.ValsetMember
	for i := range cp.SignerValset {
		if cp.SignerValset[i].Validator == valStr {
			member = &cp.SignerValset[i]
			break
		}
	}
	if member == nil {
		return nil, errorsmod.Wrapf(types.ErrNotInSignerSet, "%s, checkpoint %d", valStr, msg.Nonce)
	}
	key := collections.Join(msg.Nonce, val)
	if has, err := k.Signatures.Has(ctx, key); err != nil || has {
		if err == nil {
			err = errorsmod.Wrapf(types.ErrAlreadySigned, "%s, checkpoint %d", valStr, msg.Nonce)
		}
		return nil, err
	}
	digest, err := domain.CheckpointDigest(cp.Header)
	if err != nil {
		return nil, err
	}
	signer, err := types.RecoverSigner(digest, msg.Signature)
	if err != nil {
		return nil, err
	}
	if signer.Hex() != member.EthAddress {
		return nil, errorsmod.Wrapf(types.ErrInvalidSignature, "signed by %s, the signer set names %s", signer.Hex(), member.EthAddress)
	}
	sig := types.CheckpointSignature{Nonce: msg.Nonce, Validator: valStr, EthAddress: member.EthAddress, Signature: msg.Signature}
	if err := k.Signatures.Set(ctx, key, sig); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventCheckpointSigned{Nonce: msg.Nonce, Validator: valStr, EthAddress: member.EthAddress}); err != nil {
		return nil, err
	}
	return &types.MsgSubmitCheckpointSignatureResponse{}, nil
}

// pendingCheckpoint loads checkpoint nonce and whether L1 accepted it.
func (k Keeper) pendingCheckpoint(ctx context.Context, nonce uint64) (types.Checkpoint, bool, error) {
	cp, err := k.Checkpoints.Get(ctx, nonce)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return cp, false, errorsmod.Wrapf(types.ErrCheckpointNotFound, "checkpoint %d", nonce)
	}
	if err != nil {
		return cp, false, err
	}
	accepted, err := getOr(ctx, k.L1AcceptedNonce, 0)
	return cp, nonce <= accepted, err
}
