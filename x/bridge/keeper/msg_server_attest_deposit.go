package keeper

import (
	"context"
	"crypto/sha256"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/bridge/types"
)

// AttestDeposit records a bonded validator's attestation of an L1 deposit.
// Each validator attests one claim per nonce; different claims of a nonce
// are tallied apart, so validators must agree on every field. Deposits are
// credited strictly in nonce order: the next nonce is credited as soon as
// the validators attesting one claim of it hold more than 2/3 of the bonded
// power, and so on for the nonces after it whose quorum was already there.
func (k msgServer) AttestDeposit(ctx context.Context, msg *types.MsgAttestDeposit) (*types.MsgAttestDepositResponse, error) {
	val, valStr, err := k.operatorOf(msg.Operator)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	claim := types.DepositClaim{
		DepositNonce: msg.DepositNonce, EthSender: msg.EthSender, Recipient: msg.Recipient, Amount: msg.Amount, L1Block: msg.L1Block,
	}
	if err := claim.Validate(k.AddressCodec()); err != nil {
		return nil, err
	}
	sender, _ := types.ParseEthAddress("eth_sender", claim.EthSender)
	recipient, recipientStr, _ := types.ParseAddressStr(k.AddressCodec(), "recipient", claim.Recipient)
	claim.EthSender, claim.Recipient = sender.Hex(), recipientStr
	if _, err := k.bondedPower(ctx, val, valStr); err != nil {
		return nil, err
	}
	last, err := getOr(ctx, k.LastDepositNonce, 0)
	if err != nil {
		return nil, err
	}
	if claim.DepositNonce <= last {
		return nil, errorsmod.Wrapf(types.ErrDepositCredited, "deposit %d (last credited %d)", claim.DepositNonce, last)
	}
	if claim.DepositNonce-last > params.MaxDepositLookahead {
		return nil, errorsmod.Wrapf(types.ErrDepositTooFarAhead, "deposit %d, last credited %d, lookahead %d", claim.DepositNonce, last, params.MaxDepositLookahead)
	}
	if k.bankKeeper.BlockedAddr(recipient) {
		return nil, errorsmod.Wrapf(types.ErrBlockedRecipient, "%s", recipientStr)
	}
	claims, err := k.claimsOf(ctx, claim.DepositNonce)
	if err != nil {
		return nil, err
	}
	for _, c := range claims {
		if attested(c.Validators, valStr) {
			return nil, errorsmod.Wrapf(types.ErrAlreadyAttested, "%s, deposit %d", valStr, claim.DepositNonce)
		}
	}
	bz, err := claim.Marshal()
	if err != nil {
		return nil, err
	}
	hash := sha256.Sum256(bz)
	key := collections.Join(claim.DepositNonce, hash[:])
	att, err := k.DepositAttestations.Get(ctx, key)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		att, err = types.DepositAttestation{Claim: claim}, nil
	}
	if err != nil {
		return nil, err
	}
	att.Validators = append(att.Validators, valStr)
	if claim.DepositNonce == last+1 {
		// The attestation that completes the next deposit's quorum must be
		// able to credit it; one the escrow cannot back is refused.
		quorum, err := k.hasQuorum(ctx, att.Validators)
		if err != nil {
			return nil, err
		}
		circulating, err := k.getInt(ctx, k.L1Circulating)
		if err != nil {
			return nil, err
		}
		if quorum && claim.Amount.GT(circulating) {
			return nil, errorsmod.Wrapf(types.ErrDepositExceedsBacking, "deposit %d of %s, %s released on L1", claim.DepositNonce, claim.Amount, circulating)
		}
	}
	if err := k.DepositAttestations.Set(ctx, key, att); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventDepositAttested{DepositNonce: claim.DepositNonce, Validator: valStr, ClaimHash: hash[:]}); err != nil {
		return nil, err
	}
	credited, err := k.creditDeposits(ctx, last)
	if err != nil {
		return nil, err
	}
	return &types.MsgAttestDepositResponse{LastDepositNonce: credited}, nil
}

// claimsOf lists the attested claims of a deposit nonce, by claim hash.
func (k Keeper) claimsOf(ctx context.Context, nonce uint64) ([]types.DepositAttestation, error) {
	var out []types.DepositAttestation
	err := k.DepositAttestations.Walk(ctx, collections.NewPrefixedPairRange[uint64, []byte](nonce),
		func(_ collections.Pair[uint64, []byte], a types.DepositAttestation) (bool, error) {
			out = append(out, a)
			return false, nil
		})
	return out, err
}

// creditDeposits credits, from last+1 on, every deposit one of whose claims
// has a quorum, and stops at the first without one (or one the escrow's L1
// accounting cannot back). It returns the last credited nonce.
func (k Keeper) creditDeposits(ctx context.Context, last uint64) (uint64, error) {
	for {
		next := last + 1
		claims, err := k.claimsOf(ctx, next)
		if err != nil {
			return last, err
		}
		var winner *types.DepositAttestation
		for i := range claims {
			quorum, err := k.hasQuorum(ctx, claims[i].Validators)
			if err != nil {
				return last, err
			}
			if quorum {
				winner = &claims[i]
				break
			}
		}
		if winner == nil {
			return last, nil
		}
		circulating, err := k.getInt(ctx, k.L1Circulating)
		if err != nil {
			return last, err
		}
		if winner.Claim.Amount.GT(circulating) {
			return last, nil
		}
		recipient, _, err := types.ParseAddressStr(k.AddressCodec(), "recipient", winner.Claim.Recipient)
		if err != nil {
			return last, err
		}
		if err := k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, recipient, coins(winner.Claim.Amount)); err != nil {
			return last, err
		}
		if err := k.L1Circulating.Set(ctx, circulating.Sub(winner.Claim.Amount)); err != nil {
			return last, err
		}
		if err := k.LastDepositNonce.Set(ctx, next); err != nil {
			return last, err
		}
		if err := k.DepositAttestations.Clear(ctx, collections.NewPrefixedPairRange[uint64, []byte](next)); err != nil {
			return last, err
		}
		if err := k.Emit(ctx, &types.EventDepositCredited{
			DepositNonce: next, Recipient: winner.Claim.Recipient, Amount: winner.Claim.Amount, EthSender: winner.Claim.EthSender,
		}); err != nil {
			return last, err
		}
		last = next
	}
}
