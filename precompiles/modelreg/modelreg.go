// Package modelreg is the model registry precompile: x/modelreg's messages
// and queries for Solidity contracts, MetaMask and ethers.js, at a fixed
// address. Every transaction goes through the module's own Msg service with
// msg.sender as the signer.
package modelreg

import (
	_ "embed"

	"github.com/ethereum/go-ethereum/common"

	cmn "github.com/cosmos/evm/precompiles/common"

	"cosmossdk.io/core/address"

	"github.com/openledger/openledger/precompiles"
	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

// Address is where the model registry precompile lives on every OpenLedger
// chain.
const Address = precompiles.ModelregAddress

// ABIJSON is the ABI of IModelreg.sol, compiled by precompiles/compile.js.
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

// NewPrecompile returns the model registry precompile over the module's Msg
// and Query services.
func NewPrecompile(msgs types.MsgServer, queries types.QueryServer, codec address.Codec, bank cmn.BankKeeper) (*precompilekit.Precompile, error) {
	p := precompile{msgs: msgs, queries: queries, codec: codec}
	return precompilekit.New("modelreg", common.HexToAddress(Address), ABIJSON, bank, map[string]precompilekit.Method{
		"registerModel":     p.registerModel,
		"updateModel":       p.updateModel,
		"deprecateModel":    p.deprecateModel,
		"transferOwnership": p.transferOwnership,
		"getModel":          p.getModel,
		"getLineage":        p.getLineage,
	})
}
