// Package agentstake is the agent staking precompile: x/agentstake's
// messages for an agent's owner, and its agent view, for Solidity contracts,
// MetaMask and ethers.js at a fixed address. Every transaction goes through
// the module's own Msg service with msg.sender as the owner.
package agentstake

import (
	_ "embed"

	"github.com/ethereum/go-ethereum/common"

	cmn "github.com/cosmos/evm/precompiles/common"

	"cosmossdk.io/core/address"

	"github.com/openledger/openledger/precompiles"
	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/agentstake/types"
)

// Address is where the agent staking precompile lives on every OpenLedger
// chain.
const Address = precompiles.AgentstakeAddress

// ABIJSON is the ABI of IAgentstake.sol, compiled by precompiles/compile.js.
//
//go:embed abi.json
var ABIJSON []byte

// precompile holds what the handlers use: the module's services and the
// chain's account address codec.
type precompile struct {
	msgs    types.MsgServer
	queries types.QueryServer
	codec   address.Codec
}

// NewPrecompile returns the agent staking precompile over the module's Msg
// and Query services.
func NewPrecompile(msgs types.MsgServer, queries types.QueryServer, codec address.Codec, bank cmn.BankKeeper) (*precompilekit.Precompile, error) {
	p := precompile{msgs: msgs, queries: queries, codec: codec}
	return precompilekit.New("agentstake", common.HexToAddress(Address), ABIJSON, bank, map[string]precompilekit.Method{
		"registerAgent":  p.registerAgent,
		"addStake":       p.addStake,
		"updateAgent":    p.updateAgent,
		"beginUnbonding": p.beginUnbonding,
		"unjail":         p.unjail,
		"getAgent":       p.getAgent,
	})
}
