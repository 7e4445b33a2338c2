package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/agentstake/types"
)

// SubmitEquivocation checks two signed settlements of one voucher (same
// serving node, user and nonce) that state different amounts or batch
// roots, both signed by the serving node for this chain. The node is slashed
// for equivocation (every unbonding entry included), tombstoned, and the
// submitter earns the challenger reward. Evidence about one voucher is
// accepted once.
func (k msgServer) SubmitEquivocation(ctx context.Context, msg *types.MsgSubmitEquivocation) (*types.MsgSubmitEquivocationResponse, error) {
	submitter, _, err := types.ParseAddress(k.AddressCodec(), "submitter", msg.Submitter)
	if err != nil {
		return nil, err
	}
	first, err := msg.First.Settlement(k.AddressCodec())
	if err != nil {
		return nil, errorsmod.Wrapf(err, "first settlement")
	}
	second, err := msg.Second.Settlement(k.AddressCodec())
	if err != nil {
		return nil, errorsmod.Wrapf(err, "second settlement")
	}
	if err := first.VerifySignature(k.evmChainID, msg.First.Signature); err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidSettlementSig, "first settlement: %v", err)
	}
	if err := second.VerifySignature(k.evmChainID, msg.Second.Signature); err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidSettlementSig, "second settlement: %v", err)
	}
	if !first.SameVoucher(second) {
		return nil, errorsmod.Wrap(types.ErrEvidenceNotConflicting, "the settlements are about different vouchers")
	}
	if !first.Conflicts(second) {
		return nil, errorsmod.Wrap(types.ErrEvidenceNotConflicting, "the settlements state the same amount and batch root")
	}
	node, user, nonce := first.UsedEvidenceKey()
	key := collections.Join3(node, user, nonce)
	used, err := k.UsedEvidence.Has(ctx, key)
	if err != nil {
		return nil, err
	}
	if used {
		return nil, errorsmod.Wrapf(types.ErrEvidenceUsed, "serving node %s user %s nonce %d", msg.First.ServingNode, msg.First.User, nonce)
	}
	nodeStr, _ := k.AddressCodec().BytesToString(node)
	userStr, _ := k.AddressCodec().BytesToString(user)
	ref := fmt.Sprintf("equivocation node %s user %s nonce %d", nodeStr, userStr, nonce)
	slashed, err := k.Slash(ctx, node, types.SLASH_REASON_EQUIVOCATION, ref, submitter, 0)
	if err != nil {
		return nil, err
	}
	if err := k.UsedEvidence.Set(ctx, key); err != nil {
		return nil, err
	}
	return &types.MsgSubmitEquivocationResponse{Slashed: slashed}, nil
}
