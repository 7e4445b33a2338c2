// Package datanet is the Datanet precompile: x/datanet's messages and queries
// for Solidity contracts, MetaMask and ethers.js, at a fixed address. Every
// transaction goes through the module's own Msg service with msg.sender as
// the signer, so it is validated, charged and evented exactly as the Cosmos
// transaction is; the precompile adds Solidity events and CosmosError
// reverts.
package datanet

import (
	_ "embed"

	"github.com/ethereum/go-ethereum/common"

	cmn "github.com/cosmos/evm/precompiles/common"

	"cosmossdk.io/core/address"

	"github.com/openledger/openledger/precompiles"
	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/datanet/types"
)

// Address is where the Datanet precompile lives on every OpenLedger chain.
const Address = precompiles.DatanetAddress

// ABIJSON is the ABI of IDatanet.sol, compiled by precompiles/compile.js.
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

// NewPrecompile returns the Datanet precompile over the module's Msg and
// Query services.
func NewPrecompile(msgs types.MsgServer, queries types.QueryServer, codec address.Codec, bank cmn.BankKeeper) (*precompilekit.Precompile, error) {
	p := precompile{msgs: msgs, queries: queries, codec: codec}
	return precompilekit.New("datanet", common.HexToAddress(Address), ABIJSON, bank, map[string]precompilekit.Method{
		"createDatanet":        p.createDatanet,
		"updateDatanet":        p.updateDatanet,
		"setCurators":          p.setCurators,
		"archiveDatanet":       p.archiveDatanet,
		"transferOwnership":    p.transferOwnership,
		"submitContribution":   p.submitContribution,
		"withdrawContribution": p.withdrawContribution,
		"reviewContributions":  p.reviewContributions,
		"getDatanet":           p.getDatanet,
		"getContribution":      p.getContribution,
		"getVersion":           p.getVersion,
		"getMembershipProof":   p.getMembershipProof,
	})
}
