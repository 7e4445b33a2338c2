package keeper

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/bridge/types"
)

// RegisterEthKey registers the validator's Ethereum key, or rotates it. The
// key must sign EthKeyRegistration(validator, cosmos chain id) in the bridge
// domain, so nobody can register a key they do not hold (and claim another's
// signatures), and a registration on one chain or bridge is no proof on
// another. A key belongs to one validator for good: a rotated-out key stays
// attributed to its validator, so its old signatures stay punishable.
func (k msgServer) RegisterEthKey(ctx context.Context, msg *types.MsgRegisterEthKey) (*types.MsgRegisterEthKeyResponse, error) {
	_, domain, err := k.configuredParams(ctx)
	if err != nil {
		return nil, err
	}
	val, valStr, err := k.operatorOf(msg.Operator)
	if err != nil {
		return nil, err
	}
	key, err := types.ParseRecipient("eth_address", msg.EthAddress)
	if err != nil {
		return nil, err
	}
	if _, err := k.stakingKeeper.GetValidator(ctx, val); err != nil {
		return nil, errorsmod.Wrapf(types.ErrNotValidator, "%s: %v", valStr, err)
	}
	owner, err := k.KeyOwners.Get(ctx, key.Bytes())
	switch {
	case err == nil && owner.Validator != valStr:
		return nil, errorsmod.Wrapf(types.ErrEthKeyInUse, "%s belongs to %s", key.Hex(), owner.Validator)
	case err != nil && !errorsmod.IsOf(err, collections.ErrNotFound):
		return nil, err
	}
	previous := ""
	current, err := k.Signers.Get(ctx, val)
	switch {
	case err == nil && current.EthAddress == key.Hex():
		return nil, errorsmod.Wrapf(types.ErrEthKeyUnchanged, "%s", key.Hex())
	case err == nil:
		previous = current.EthAddress
	case !errorsmod.IsOf(err, collections.ErrNotFound):
		return nil, err
	}
	digest, err := domain.RegistrationDigest(val, sdk.UnwrapSDKContext(ctx).ChainID())
	if err != nil {
		return nil, err
	}
	signer, err := types.RecoverSigner(digest, msg.Signature)
	if err != nil {
		return nil, err
	}
	if signer != key {
		return nil, errorsmod.Wrapf(types.ErrInvalidSignature, "signed by %s, not %s", signer.Hex(), key.Hex())
	}
	if err := k.KeyOwners.Set(ctx, key.Bytes(), types.KeyOwner{EthAddress: key.Hex(), Validator: valStr}); err != nil {
		return nil, err
	}
	if err := k.Signers.Set(ctx, val, types.EthSigner{Validator: valStr, EthAddress: key.Hex(), RegisteredHeight: k.Height(ctx)}); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventEthKeyRegistered{Validator: valStr, EthAddress: key.Hex(), Previous: previous}); err != nil {
		return nil, err
	}
	return &types.MsgRegisterEthKeyResponse{}, nil
}

// keyAddress is the 20 bytes of a stored checksummed key address.
func keyAddress(s string) []byte { return common.HexToAddress(s).Bytes() }
