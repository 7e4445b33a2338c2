package agentstake_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/header"

	"github.com/openledger/openledger/precompiles/agentstake"
	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/testutil"
	"github.com/openledger/openledger/x/agentstake/keeper"
	"github.com/openledger/openledger/x/agentstake/types"
)

type logs []*ethtypes.Log

func (l *logs) AddLog(log *ethtypes.Log) { *l = append(*l, log) }

func TestAgentstakePrecompileStakesFromMsgSender(t *testing.T) {
	chain := testutil.NewChain(t, 100_000, 1000, 1_000_000)
	a := chain.App
	ctx := chain.Context().WithHeaderInfo(header.Info{Height: 10, Time: chain.Context().BlockTime()})
	p, err := agentstake.NewPrecompile(keeper.NewMsgServerImpl(a.AgentstakeKeeper), keeper.NewQueryServerImpl(a.AgentstakeKeeper),
		a.AccountKeeper.AddressCodec(), a.BankKeeper)
	require.NoError(t, err)
	var emitted logs
	call := func(from common.Address, method string, args ...any) ([]any, error) {
		input, err := p.Pack(method, args...)
		require.NoError(t, err)
		out, err := p.Invoke(ctx, from, input, &emitted)
		if err != nil {
			return nil, err
		}
		return p.Methods[method].Outputs.Unpack(out)
	}
	owner := common.BytesToAddress(chain.Accounts[0].Address)
	stranger := common.BytesToAddress(chain.Accounts[1].Address)
	balance := func(addr common.Address) *big.Int {
		return a.BankKeeper.GetBalance(ctx, addr.Bytes(), "aopen").Amount.BigInt()
	}
	open := func(n int64) *big.Int {
		return new(big.Int).Mul(big.NewInt(n), new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))
	}

	before := balance(owner)
	out, err := call(owner, "registerAgent", common.Address{}, uint8(types.AGENT_KIND_AUTONOMOUS_AGENT), []uint64{}, "", "", open(1000))
	require.NoError(t, err)
	require.Equal(t, owner, out[0], "the zero operator is the owner's own agent")
	require.Equal(t, new(big.Int).Sub(before, open(1000)), balance(owner), "the stake leaves msg.sender")
	require.Equal(t, p.Events["AgentRegistered"].ID, emitted[len(emitted)-1].Topics[0])

	_, err = call(owner, "addStake", common.Address{}, open(500))
	require.NoError(t, err)
	view, err := call(stranger, "getAgent", owner)
	require.NoError(t, err)
	agent := view[0].(struct {
		Operator      common.Address `json:"operator"`
		Owner         common.Address `json:"owner"`
		Kind          uint8          `json:"kind"`
		ModelIds      []uint64       `json:"modelIds"` //nolint:revive // as the ABI decoder names it
		Endpoint      string         `json:"endpoint"`
		MetadataUri   string         `json:"metadataUri"` //nolint:revive // as the ABI decoder names it
		Bonded        *big.Int       `json:"bonded"`
		Status        uint8          `json:"status"`
		JailedUntil   int64          `json:"jailedUntil"`
		CreatedHeight int64          `json:"createdHeight"`
		UpdatedHeight int64          `json:"updatedHeight"`
	})
	require.Equal(t, owner, agent.Owner)
	require.Equal(t, open(1500), agent.Bonded)
	require.Equal(t, uint8(types.AGENT_STATUS_ACTIVE), agent.Status)
	require.Zero(t, agent.JailedUntil)

	out, err = call(owner, "beginUnbonding", owner, open(500))
	require.NoError(t, err)
	require.Positive(t, out[1].(int64), "a completion time")
	log := emitted[len(emitted)-1]
	require.Equal(t, p.Events["UnbondingStarted"].ID, log.Topics[0])
	require.Equal(t, common.BytesToHash(owner.Bytes()), log.Topics[1])

	// Only the owner moves its agent's stake; an agent that is not jailed
	// cannot be unjailed.
	_, err = call(stranger, "addStake", owner, open(1))
	requireModuleError(t, p, err)
	_, err = call(owner, "unjail", common.Address{})
	requireModuleError(t, p, err)
}

func requireModuleError(t *testing.T, p *precompilekit.Precompile, err error) {
	t.Helper()
	require.Error(t, err)
	data, packErr := precompilekit.RevertData(p.ABI, err)
	require.NoError(t, packErr)
	values, unpackErr := p.Errors[precompilekit.RevertErrorName].Inputs.Unpack(data[4:])
	require.NoError(t, unpackErr)
	require.Equal(t, types.ModuleName, values[0], "%v", err)
}
