package keeper

import (
	"bytes"
	"context"
	"slices"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/bridge/types"
)

// EndBlock makes a checkpoint when one is due: when there is none yet, when
// checkpoint_interval blocks passed since the last, when the current
// withdrawal tree is full, or when the signing set moved by more than
// power_change_threshold_bps of its power. Nothing is made while the bridge
// contract is unset or no bonded validator has registered a key (there
// would be nobody to sign).
func (k Keeper) EndBlock(ctx context.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if !params.Configured() {
		return nil
	}
	current, err := k.CurrentValset(ctx)
	if err != nil || len(current) == 0 {
		return err
	}
	last, found, err := k.lastCheckpoint(ctx)
	if err != nil {
		return err
	}
	next, err := k.NextWithdrawalNonce.Peek(ctx)
	if err != nil {
		return err
	}
	next = max(next, 1)
	start := epochStart(last, found)
	height := k.Height(ctx)
	// A chain restarted from a zero-height export is below its last
	// checkpoint's height: it checkpoints at once, so heights grow again.
	due := !found || height < last.Header.Height ||
		uint64(height-last.Header.Height) >= params.CheckpointInterval ||
		next-start >= uint64(params.MaxWithdrawalsPerCheckpoint) ||
		powerChanged(last.NextValset, current, params.PowerChangeThresholdBps)
	if !due {
		return nil
	}
	return k.makeCheckpoint(ctx, params, last, found, current, start, next)
}

// CurrentValset is the set that would sign the next checkpoint: every
// validator bonded at the last block's end that has a registered key, with
// its consensus power, in ascending key address order.
func (k Keeper) CurrentValset(ctx context.Context) ([]types.ValsetMember, error) {
	var set []types.ValsetMember
	var iterErr error
	err := k.stakingKeeper.IterateLastValidatorPowers(ctx, func(operator sdk.ValAddress, power int64) bool {
		if power <= 0 {
			return false
		}
		signer, err := k.Signers.Get(ctx, operator)
		if err != nil {
			if has, hasErr := k.Signers.Has(ctx, operator); hasErr != nil || has {
				iterErr = err
				return true
			}
			return false
		}
		set = append(set, types.ValsetMember{EthAddress: signer.EthAddress, Power: uint64(power), Validator: signer.Validator})
		return false
	})
	if err == nil {
		err = iterErr
	}
	slices.SortFunc(set, func(a, b types.ValsetMember) int {
		return bytes.Compare(common.HexToAddress(a.EthAddress).Bytes(), common.HexToAddress(b.EthAddress).Bytes())
	})
	return set, err
}

// powerChanged reports whether Σ|power change| per key between two sets
// exceeds thresholdBPS of the previous set's power. A key that is in one set
// only counts its whole power.
func powerChanged(prev, cur []types.ValsetMember, thresholdBPS uint32) bool {
	prevPower := map[string]uint64{} // look-ups only
	total := math.ZeroInt()
	for _, m := range prev {
		prevPower[m.EthAddress] = m.Power
		total = total.Add(math.NewIntFromUint64(m.Power))
	}
	curPower := map[string]uint64{} // look-ups only
	change := math.ZeroInt()
	for _, m := range cur {
		curPower[m.EthAddress] = m.Power
		p := prevPower[m.EthAddress]
		if m.Power > p {
			change = change.Add(math.NewIntFromUint64(m.Power - p))
		} else {
			change = change.Add(math.NewIntFromUint64(p - m.Power))
		}
	}
	for _, m := range prev {
		if _, kept := curPower[m.EthAddress]; !kept {
			change = change.Add(math.NewIntFromUint64(m.Power))
		}
	}
	return change.MulRaw(types.BPSTotal).GT(total.MulRaw(int64(thresholdBPS)))
}

// makeCheckpoint stores the next checkpoint over the withdrawals [start,
// next) and announces it with its digest.
func (k Keeper) makeCheckpoint(
	ctx context.Context, params types.Params, last types.Checkpoint, found bool,
	current []types.ValsetMember, start, next uint64,
) error {
	signerSet := current
	if found {
		signerSet = last.NextValset
	}
	leaves := make([][]byte, 0, next-start)
	total := math.ZeroInt()
	for n := start; n < next; n++ {
		w, err := k.Withdrawals.Get(ctx, n)
		if err != nil {
			return err
		}
		leaf, err := types.WithdrawalLeaf(w.Nonce, common.HexToAddress(w.EthRecipient), w.Amount)
		if err != nil {
			return err
		}
		leaves = append(leaves, leaf)
		total = total.Add(w.Amount)
	}
	signerHash, err := types.ValsetHash(signerSet)
	if err != nil {
		return err
	}
	nextHash, err := types.ValsetHash(current)
	if err != nil {
		return err
	}
	lastDeposit, err := getOr(ctx, k.LastDepositNonce, 0)
	if err != nil {
		return err
	}
	header := types.CheckpointHeader{
		Nonce: last.Header.Nonce + 1, Height: k.Height(ctx), WithdrawalRoot: types.MerkleRoot(leaves),
		SignerValsetHash: signerHash, NextValsetHash: nextHash, LastDepositNonce: lastDeposit,
		AppHash: appHash32(sdk.UnwrapSDKContext(ctx).HeaderInfo().AppHash),
	}
	cp := types.Checkpoint{
		Header: header, SignerValset: signerSet, NextValset: current,
		FirstWithdrawalNonce: start, WithdrawalCount: next - start, WithdrawalTotal: total,
	}
	domain, err := params.Domain()
	if err != nil {
		return err
	}
	digest, err := domain.CheckpointDigest(header)
	if err != nil {
		return err
	}
	if err := k.Checkpoints.Set(ctx, header.Nonce, cp); err != nil {
		return err
	}
	return k.Emit(ctx, &types.EventCheckpointCreated{Header: header, Digest: digest[:], WithdrawalCount: cp.WithdrawalCount})
}

// appHash32 is the header's app hash as a bytes32: CometBFT's is 32 bytes;
// anything else (a test context without one) is committed as zero.
func appHash32(h []byte) []byte {
	if len(h) == 32 {
		return bytes.Clone(h)
	}
	return make([]byte, 32)
}
