// Package attribution is the attribution precompile: x/attribution's reward
// claims, its attribution and usage challenges and the attestors' votes, and
// its rewards and record views, for Solidity contracts, MetaMask and
// ethers.js at a fixed address. Every transaction goes through the module's
// own Msg service with msg.sender as the claimant, challenger or attestor.
package attribution

import (
	_ "embed"

	"github.com/ethereum/go-ethereum/common"

	cmn "github.com/cosmos/evm/precompiles/common"

	"cosmossdk.io/core/address"

	"github.com/openledger/openledger/precompiles"
	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/attribution/types"
)

// Address is where the attribution precompile lives on every OpenLedger
// chain.
const Address = precompiles.AttributionAddress

// ABIJSON is the ABI of IAttribution.sol, compiled by precompiles/compile.js.
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

// NewPrecompile returns the attribution precompile over the module's Msg and
// Query services.
func NewPrecompile(msgs types.MsgServer, queries types.QueryServer, codec address.Codec, bank cmn.BankKeeper) (*precompilekit.Precompile, error) {
	p := precompile{msgs: msgs, queries: queries, codec: codec}
	return precompilekit.New("attribution", common.HexToAddress(Address), ABIJSON, bank, map[string]precompilekit.Method{
		"claimRewards":         p.claimRewards,
		"challengeAttribution": p.challengeAttribution,
		"challengeUsage":       p.challengeUsage,
		"voteChallenge":        p.voteChallenge,
		"getRewards":           p.getRewards,
		"getRecord":            p.getRecord,
	})
}
