package keeper

import (
	"bytes"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/bridge/types"
)

// AllInvariants checks the bridge's accounting and records:
//   - the escrow (the module account) holds exactly l1_circulating plus the
//     pending withdrawals: every OPEN released on L1 and every withdrawal on
//     its way there is backed here, and nothing else is escrowed (a
//     deposit is taken out of l1_circulating only when it is paid out of
//     escrow, so an uncredited deposit moves neither side);
//   - the pending total is the sum of the withdrawals of checkpoints L1 has
//     not accepted (and of the current tree), and no total is negative;
//   - checkpoints run from 1 without a gap, each set hashes to its header,
//     and each checkpoint's withdrawal total is the sum of its leaves;
//   - signatures are kept only for checkpoints L1 has not accepted.
//
// The module account has no minter or burner permission, so the bridge
// cannot change the supply; the app's supply test checks that it stays at
// 10^27 aopen.
func AllInvariants(k Keeper) func(sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		msg, broken := k.check(ctx)
		if broken {
			return fmt.Sprintf("x/%s invariant broken: %s", types.ModuleName, msg), true
		}
		return "", false
	}
}

func (k Keeper) check(ctx sdk.Context) (string, bool) {
	circulating, err := k.getInt(ctx, k.L1Circulating)
	if err != nil {
		return err.Error(), true
	}
	pending, err := k.getInt(ctx, k.PendingWithdrawals)
	if err != nil {
		return err.Error(), true
	}
	if circulating.IsNegative() || pending.IsNegative() {
		return fmt.Sprintf("l1_circulating %s or pending %s is negative", circulating, pending), true
	}
	escrow := k.bankKeeper.GetBalance(ctx, k.ModuleAddress(), types.Denom).Amount
	if !escrow.Equal(circulating.Add(pending)) {
		return fmt.Sprintf("escrow %s != l1_circulating %s + pending withdrawals %s", escrow, circulating, pending), true
	}
	accepted, err := getOr(ctx, k.L1AcceptedNonce, 0)
	if err != nil {
		return err.Error(), true
	}
	sum, perCheckpoint := math.ZeroInt(), map[uint64]math.Int{} // look-ups only
	err = k.Withdrawals.Walk(ctx, nil, func(_ uint64, w types.Withdrawal) (bool, error) {
		if w.CheckpointNonce > accepted {
			sum = sum.Add(w.Amount)
		}
		t, ok := perCheckpoint[w.CheckpointNonce]
		if !ok {
			t = math.ZeroInt()
		}
		perCheckpoint[w.CheckpointNonce] = t.Add(w.Amount)
		return false, nil
	})
	if err != nil {
		return err.Error(), true
	}
	if !sum.Equal(pending) {
		return fmt.Sprintf("pending withdrawals %s, the unaccepted withdrawals sum to %s", pending, sum), true
	}
	var problem string
	want := uint64(1)
	err = k.Checkpoints.Walk(ctx, nil, func(nonce uint64, cp types.Checkpoint) (bool, error) {
		if nonce != want || cp.Header.Nonce != nonce {
			problem = fmt.Sprintf("checkpoint %d where %d was next", nonce, want)
			return true, nil
		}
		want++
		for _, s := range []struct {
			set  []types.ValsetMember
			hash []byte
		}{{cp.SignerValset, cp.Header.SignerValsetHash}, {cp.NextValset, cp.Header.NextValsetHash}} {
			h, err := types.ValsetHash(s.set)
			if err != nil || !bytes.Equal(h, s.hash) {
				problem = fmt.Sprintf("checkpoint %d: a validator set does not hash to its header", nonce)
				return true, nil
			}
		}
		t, ok := perCheckpoint[nonce]
		if !ok {
			t = math.ZeroInt()
		}
		if !t.Equal(cp.WithdrawalTotal) {
			problem = fmt.Sprintf("checkpoint %d: withdrawal total %s, its withdrawals sum to %s", nonce, cp.WithdrawalTotal, t)
			return true, nil
		}
		return false, nil
	})
	if err != nil {
		return err.Error(), true
	}
	if problem != "" {
		return problem, true
	}
	err = k.Signatures.Walk(ctx, nil, func(key collections.Pair[uint64, sdk.ValAddress], _ types.CheckpointSignature) (bool, error) {
		if key.K1() <= accepted {
			problem = fmt.Sprintf("a signature of accepted checkpoint %d is kept", key.K1())
			return true, nil
		}
		return false, nil
	})
	if err != nil {
		return err.Error(), true
	}
	return problem, problem != ""
}
