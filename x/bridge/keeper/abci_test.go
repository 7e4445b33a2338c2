package keeper_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func (f *fixture) checkpoints() uint64 {
	s, err := f.Queries.Status(f.Ctx, &types.QueryStatusRequest{})
	require.NoError(f.T, err)
	return s.LastCheckpointNonce
}

func TestEndBlock(t *testing.T) {
	keepertest.Run(t, "Success - nothing while unconfigured or without keys", newFixture, func(t *testing.T, f *fixture) {
		f.endBlock()
		require.Zero(t, f.checkpoints(), "no validator has a key")
		f.register(f.val1)
		keepertest.SetParams(f, func(p *types.Params) { p.BridgeContract = "0x0000000000000000000000000000000000000000" })
		f.endBlock()
		require.Zero(t, f.checkpoints(), "no bridge contract")
	})
	keepertest.Run(t, "Success - the first checkpoint commits the set and the withdrawals", withCheckpoint, func(t *testing.T, f *fixture) {
		cp := f.checkpoint(1)
		require.Len(t, cp.NextValset, 3)
		require.Equal(t, cp.NextValset, cp.SignerValset, "the first set signs its own checkpoint")
		require.True(t, bytes.Compare(keyBytes(cp.NextValset[0].EthAddress), keyBytes(cp.NextValset[1].EthAddress)) < 0)
		require.Equal(t, uint64(1), cp.WithdrawalCount)
		require.Equal(t, open(10), cp.WithdrawalTotal)
		require.Equal(t, bytes.Repeat([]byte{0xab}, 32), cp.Header.AppHash)
		ev := keepertest.EventsOfType(f.Ctx, "openledger.bridge.v1.EventCheckpointCreated")
		require.Len(t, ev, 1)
	})
	keepertest.Run(t, "Success - every checkpoint_interval blocks", withCheckpoint, func(t *testing.T, f *fixture) {
		f.advance(9)
		f.endBlock()
		require.Equal(t, uint64(1), f.checkpoints())
		f.advance(1)
		f.endBlock()
		require.Equal(t, uint64(2), f.checkpoints())
		cp := f.checkpoint(2)
		require.Equal(t, make([]byte, 32), cp.Header.WithdrawalRoot, "no withdrawal: the zero root")
		require.Equal(t, f.checkpoint(1).Header.NextValsetHash, cp.Header.SignerValsetHash)
	})
	keepertest.Run(t, "Success - at once on a chain restarted below the last checkpoint's height", withCheckpoint, func(t *testing.T, f *fixture) {
		f.advance(-startHeight + 1)
		f.endBlock()
		require.Equal(t, uint64(2), f.checkpoints())
		f.advance(1)
		f.endBlock()
		require.Equal(t, uint64(2), f.checkpoints(), "then every checkpoint_interval blocks again")
	})
	keepertest.Run(t, "Success - a power change above the threshold", withCheckpoint, func(t *testing.T, f *fixture) {
		f.advance(1)
		f.staking.vals[0].power = 42 // 2 of 100: under 5%
		f.endBlock()
		require.Equal(t, uint64(1), f.checkpoints())
		f.staking.vals[0].power = 46 // 6 of 100
		f.endBlock()
		require.Equal(t, uint64(2), f.checkpoints())
		require.Equal(t, uint64(46), f.checkpoint(2).NextValset[indexOf(f.checkpoint(2).NextValset, f.val1.ethHex())].Power)
	})
	keepertest.Run(t, "Success - a full tree", withCheckpoint, func(t *testing.T, f *fixture) {
		f.advance(1)
		for range 5 {
			f.withdraw(f.bob, recipient, open(1))
		}
		f.endBlock()
		require.Equal(t, uint64(2), f.checkpoints())
		require.Equal(t, uint64(5), f.checkpoint(2).WithdrawalCount)
		require.Equal(t, uint64(2), f.checkpoint(2).FirstWithdrawalNonce)
	})
}

func indexOf(set []types.ValsetMember, eth string) int {
	for i, m := range set {
		if m.EthAddress == eth {
			return i
		}
	}
	return -1
}
