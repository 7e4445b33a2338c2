package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// Withdraw moves the sender's aopen into escrow and adds the withdrawal as a
// leaf of the current checkpoint's tree; once L1 accepts that checkpoint the
// recipient claims the ERC-20 with the leaf's proof. Nothing is burned: the
// escrow backs the OPEN released on L1.
func (k msgServer) Withdraw(ctx context.Context, msg *types.MsgWithdraw) (*types.MsgWithdrawResponse, error) {
	params, _, err := k.configuredParams(ctx)
	if err != nil {
		return nil, err
	}
	sender, senderStr, err := types.ParseAddressStr(k.AddressCodec(), "sender", msg.Sender)
	if err != nil {
		return nil, err
	}
	recipient, err := types.ParseRecipient("eth_recipient", msg.EthRecipient)
	if err != nil {
		return nil, err
	}
	if msg.Amount.IsNil() || !msg.Amount.IsPositive() || msg.Amount.BigInt().BitLen() > 256 {
		return nil, errorsmod.Wrapf(types.ErrInvalidAmount, "amount %s must be a positive uint256", msg.Amount)
	}
	if msg.Amount.LT(params.MinWithdrawal) {
		return nil, errorsmod.Wrapf(types.ErrBelowMinWithdrawal, "%s is below %s", msg.Amount, params.MinWithdrawal)
	}
	last, found, err := k.lastCheckpoint(ctx)
	if err != nil {
		return nil, err
	}
	nonce, err := modulekit.PeekID(ctx, k.NextWithdrawalNonce)
	if err != nil {
		return nil, err
	}
	if nonce-epochStart(last, found) >= uint64(params.MaxWithdrawalsPerCheckpoint) {
		return nil, errorsmod.Wrapf(types.ErrCheckpointFull, "%d withdrawals", params.MaxWithdrawalsPerCheckpoint)
	}
	leaf, err := types.WithdrawalLeaf(nonce, recipient, msg.Amount)
	if err != nil {
		return nil, err
	}
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, sender, types.ModuleName, coins(msg.Amount)); err != nil {
		return nil, errorsmod.Wrapf(err, "escrowing %s", msg.Amount)
	}
	if _, err := modulekit.NextID(ctx, k.NextWithdrawalNonce); err != nil {
		return nil, err
	}
	w := types.Withdrawal{
		Nonce: nonce, Sender: senderStr, EthRecipient: recipient.Hex(), Amount: msg.Amount,
		CheckpointNonce: last.Header.Nonce + 1, Height: k.Height(ctx),
	}
	if err := k.Withdrawals.Set(ctx, nonce, w); err != nil {
		return nil, err
	}
	if err := k.addInt(ctx, k.PendingWithdrawals, msg.Amount); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventWithdrawal{
		Nonce: nonce, Sender: senderStr, EthRecipient: w.EthRecipient, Amount: w.Amount, CheckpointNonce: w.CheckpointNonce, Leaf: leaf,
	}); err != nil {
		return nil, err
	}
	return &types.MsgWithdrawResponse{Nonce: nonce, CheckpointNonce: w.CheckpointNonce}, nil
}
