package system_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/bech32"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/precompiles/agentstake"
)

// A fresh wallet, funded over the EVM, stakes as an autonomous agent through
// the agent staking precompile; the chain shows the wallet's agent and the
// stake leaves the wallet's OPEN to the aopen.
func TestAgentstakePrecompileFromAWallet(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s := newPrecompileEVM(t, ctx, agentstake.ABIJSON, agentstake.Address)
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	wallet := crypto.PubkeyToAddress(key.PublicKey)
	open := func(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1_000_000_000_000_000_000)) }
	funding := sendEVMTx(ctx, t, s.client, exportEthKey(t, "dev4"), &wallet, open(1_100), nil)
	require.Equal(t, types.ReceiptStatusSuccessful, funding.Status)

	receipt := s.send(key, "registerAgent", wallet, uint8(2), []uint64{}, "", "ipfs://agent-card", open(1_000))
	registered := s.event(receipt, "AgentRegistered")
	require.Equal(t, wallet.Bytes(), registered.Topics[1].Bytes()[12:])
	left, err := s.client.BalanceAt(ctx, wallet, nil)
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Sub(open(100), gasCost(receipt)), left, "the stake and the gas, nothing else")

	owner, err := bech32.ConvertAndEncode(config.Bech32Prefix, wallet.Bytes())
	require.NoError(t, err)
	var onChain struct {
		Agent struct {
			Owner  string `json:"owner"`
			Bonded string `json:"bonded"`
			Status string `json:"status"`
		} `json:"agent"`
	}
	queryJSON(t, &onChain, "query", "agentstake", "agent", owner)
	require.Equal(t, owner, onChain.Agent.Owner)
	require.Equal(t, open(1_000).String(), onChain.Agent.Bonded)
	require.Equal(t, "AGENT_STATUS_ACTIVE", onChain.Agent.Status)
}
