package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/attribution/types"
)

// VoteChallenge records an active attestor's vote, weighted by its bonded
// stake, on an open challenge before its voting deadline; one vote per
// attestor. As soon as the uphold stake reaches the quorum of the total
// active attestor stake the challenge is UPHELD; as soon as the reject stake
// does it is REJECTED.
func (k msgServer) VoteChallenge(ctx context.Context, msg *types.MsgVoteChallenge) (*types.MsgVoteChallengeResponse, error) {
	addr, attestor, err := types.ParseAddress(k.AddressCodec(), "attestor", msg.Attestor)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	ch, err := k.GetChallenge(ctx, msg.ChallengeId)
	if err != nil {
		return nil, err
	}
	if ch.Status != types.CHALLENGE_STATUS_OPEN {
		return nil, errorsmod.Wrapf(types.ErrChallengeNotOpen, "challenge %d is %s", ch.Id, ch.Status)
	}
	now := k.BlockTime(ctx)
	if !now.Before(ch.VotingDeadline) {
		return nil, errorsmod.Wrapf(types.ErrVotingClosed, "challenge %d: voting closed at %s", ch.Id, ch.VotingDeadline)
	}
	key := collections.Join(ch.Id, addr)
	voted, err := k.Votes.Has(ctx, key)
	if err != nil {
		return nil, err
	}
	if voted {
		return nil, errorsmod.Wrapf(types.ErrAlreadyVoted, "%s on challenge %d", attestor, ch.Id)
	}
	stake, err := k.agentstakeKeeper.AttestorStake(ctx, addr)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrNotActiveAttestor, "%s: %v", attestor, err)
	}
	if stake.IsNil() || !stake.IsPositive() {
		return nil, errorsmod.Wrapf(types.ErrNotActiveAttestor, "%s has no bonded stake", attestor)
	}
	total, err := k.agentstakeKeeper.TotalAttestorStake(ctx)
	if err != nil {
		return nil, err
	}

	if err := k.Votes.Set(ctx, key, types.Vote{ChallengeId: ch.Id, Attestor: attestor, Uphold: msg.Uphold, Stake: stake}); err != nil {
		return nil, err
	}
	if msg.Uphold {
		ch.UpholdStake = ch.UpholdStake.Add(stake)
	} else {
		ch.RejectStake = ch.RejectStake.Add(stake)
	}
	if err := k.Emit(ctx, &types.EventChallengeVoted{ChallengeId: ch.Id, Attestor: attestor, Uphold: msg.Uphold, Stake: stake}); err != nil {
		return nil, err
	}
	switch {
	case quorumReached(ch.UpholdStake, total, params.QuorumBps):
		err = k.uphold(ctx, ch, params)
		ch.Status = types.CHALLENGE_STATUS_UPHELD
	case quorumReached(ch.RejectStake, total, params.QuorumBps):
		err = k.reject(ctx, ch, now, params)
		ch.Status = types.CHALLENGE_STATUS_REJECTED
	default:
		err = k.Challenges.Set(ctx, ch.Id, ch)
	}
	if err != nil {
		return nil, err
	}
	return &types.MsgVoteChallengeResponse{Status: ch.Status}, nil
}
