// Package inferencefees is the inference fees precompile: x/inferencefees'
// credit and direct payment messages for a user, and its credit and channel
// views, for Solidity contracts, MetaMask and ethers.js at a fixed address.
// Every transaction goes through the module's own Msg service with
// msg.sender as the user; depositCredit deposits msg.value.
package inferencefees

import (
	_ "embed"

	"github.com/ethereum/go-ethereum/common"

	cmn "github.com/cosmos/evm/precompiles/common"

	"cosmossdk.io/core/address"

	"github.com/openledger/openledger/precompiles"
	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/inferencefees/types"
)

// Address is where the inference fees precompile lives on every OpenLedger
// chain.
const Address = precompiles.InferencefeesAddress

// ABIJSON is the ABI of IInferencefees.sol, compiled by precompiles/compile.js.
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

// NewPrecompile returns the inference fees precompile over the module's Msg
// and Query services.
func NewPrecompile(msgs types.MsgServer, queries types.QueryServer, codec address.Codec, bank cmn.BankKeeper) (*precompilekit.Precompile, error) {
	p := precompile{msgs: msgs, queries: queries, codec: codec}
	return precompilekit.New("inferencefees", common.HexToAddress(Address), ABIJSON, bank, map[string]precompilekit.Method{
		"depositCredit":     p.depositCredit,
		"requestWithdrawal": p.requestWithdrawal,
		"payInference":      p.payInference,
		"getCredit":         p.getCredit,
		"getChannel":        p.getChannel,
	})
}
