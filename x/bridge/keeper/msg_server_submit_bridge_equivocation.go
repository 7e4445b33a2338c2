package keeper

import (
	"bytes"
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/openledger/openledger/x/bridge/types"
)

// SubmitBridgeEquivocation records proof that one registered key signed
// two different checkpoints of one nonce, whichever of them the chain made:
// L1 accepts one checkpoint per nonce, so a second signed one can only
// serve to fork L1's view. Anyone may submit it. The key's validator is
// slashed by equivocation_slash_fraction through x/slashing (which burns
// the slashed stake, as for a double sign) and jailed; one key is punished
// once per nonce.
func (k msgServer) SubmitBridgeEquivocation(ctx context.Context, msg *types.MsgSubmitBridgeEquivocation) (*types.MsgSubmitBridgeEquivocationResponse, error) {
	_, submitter, err := types.ParseAddressStr(k.AddressCodec(), "submitter", msg.Submitter)
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
	nonce := msg.First.Header.Nonce
	if nonce == 0 {
		return nil, errorsmod.Wrap(types.ErrInvalidNonce, "checkpoint nonces start at 1")
	}
	if msg.Second.Header.Nonce != nonce {
		return nil, errorsmod.Wrapf(types.ErrEvidenceNotConflicting, "nonces %d and %d differ", nonce, msg.Second.Header.Nonce)
	}
	if sameHeader(msg.First.Header, msg.Second.Header) {
		return nil, errorsmod.Wrap(types.ErrEvidenceNotConflicting, "the two checkpoints are the same")
	}
	var signers [2]string
	for i, sc := range []types.SignedCheckpoint{msg.First, msg.Second} {
		digest, err := domain.CheckpointDigest(sc.Header)
		if err != nil {
			return nil, err
		}
		signer, err := types.RecoverSigner(digest, sc.Signature)
		if err != nil {
			return nil, err
		}
		signers[i] = signer.Hex()
	}
	if signers[0] != signers[1] {
		return nil, errorsmod.Wrapf(types.ErrEvidenceNotConflicting, "signed by %s and %s", signers[0], signers[1])
	}
	keyBytes := keyAddress(signers[0])
	owner, err := k.KeyOwners.Get(ctx, keyBytes)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return nil, errorsmod.Wrapf(types.ErrUnknownEthKey, "%s", signers[0])
	}
	if err != nil {
		return nil, err
	}
	key := collections.Join(keyBytes, nonce)
	if has, err := k.Equivocations.Has(ctx, key); err != nil || has {
		if err == nil {
			err = errorsmod.Wrapf(types.ErrEvidenceUsed, "%s at checkpoint %d", signers[0], nonce)
		}
		return nil, err
	}
	slashed, err := k.punish(ctx, owner.Validator, nonce, params)
	if err != nil {
		return nil, err
	}
	e := types.BridgeEquivocation{
		EthAddress: signers[0], Validator: owner.Validator, Nonce: nonce, First: msg.First, Second: msg.Second,
		Submitter: submitter, Height: k.Height(ctx), Slashed: slashed,
	}
	if err := k.Equivocations.Set(ctx, key, e); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventBridgeEquivocation{
		Validator: owner.Validator, EthAddress: signers[0], Nonce: nonce, Submitter: submitter, Slashed: slashed,
	}); err != nil {
		return nil, err
	}
	return &types.MsgSubmitBridgeEquivocationResponse{}, nil
}

// punish slashes and jails the validator of an equivocation. The infraction
// height is the chain's checkpoint of the nonce where it exists (so stake
// that left since is slashed too), else the current block. A validator
// that no longer exists, or is tombstoned already, is not slashed again:
// the evidence is still recorded.
func (k Keeper) punish(ctx context.Context, valStr string, nonce uint64, params types.Params) (bool, error) {
	valAddr, err := k.valCodec.StringToBytes(valStr)
	if err != nil {
		return false, err
	}
	val, err := k.stakingKeeper.GetValidator(ctx, valAddr)
	if errorsmod.IsOf(err, stakingtypes.ErrNoValidatorFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	consBz, err := val.GetConsAddr()
	if err != nil {
		return false, err
	}
	consAddr := sdk.ConsAddress(consBz)
	if k.slashingKeeper.IsTombstoned(ctx, consAddr) {
		return false, nil
	}
	// The power slashed is the validator's in the checkpoint's signer set,
	// as x/evidence uses the power at the infraction; without a checkpoint
	// of the nonce, its power now.
	height, power := k.Height(ctx), val.GetConsensusPower(sdk.DefaultPowerReduction)
	if cp, err := k.Checkpoints.Get(ctx, nonce); err == nil {
		height = cp.Header.Height
		for _, m := range cp.SignerValset {
			if m.Validator == valStr {
				power = int64(m.Power) //nolint:gosec // a consensus power, below 2^63
			}
		}
	} else if !errorsmod.IsOf(err, collections.ErrNotFound) {
		return false, err
	}
	if err := k.slashingKeeper.SlashWithInfractionReason(ctx, consAddr, params.EquivocationSlashFraction, power, height,
		stakingtypes.Infraction_INFRACTION_UNSPECIFIED); err != nil {
		return false, err
	}
	if !val.IsJailed() {
		if err := k.slashingKeeper.Jail(ctx, consAddr); err != nil {
			return false, err
		}
	}
	return true, nil
}

// sameHeader reports whether two headers are the same checkpoint (their
// protobuf encodings, deterministic for these scalar fields, are equal).
func sameHeader(a, b types.CheckpointHeader) bool {
	x, errA := a.Marshal()
	y, errB := b.Marshal()
	return errA == nil && errB == nil && bytes.Equal(x, y)
}
