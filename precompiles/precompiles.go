// Package precompiles lists OpenLedger's EVM precompiles: one per AI module,
// at fixed addresses, each in its own package with its Solidity interface
// (I<Module>.sol) and the ABI compiled from it (abi.json).
package precompiles

// DatanetAddress is the Datanet precompile's (package datanet).
const DatanetAddress = "0x0000000000000000000000000000000000000900"

// ModelregAddress is the model registry precompile's (package modelreg).
const ModelregAddress = "0x0000000000000000000000000000000000000901"

// AgentstakeAddress is the agent staking precompile's (package agentstake).
const AgentstakeAddress = "0x0000000000000000000000000000000000000902"

// InferencefeesAddress is the inference fees precompile's (package
// inferencefees). Its depositCredit is the one OpenLedger method that accepts
// msg.value; the value passes to the module account within the call, so the
// address stays blocked and never holds OPEN.
const InferencefeesAddress = "0x0000000000000000000000000000000000000903"

// AttributionAddress is the attribution precompile's (package attribution).
const AttributionAddress = "0x0000000000000000000000000000000000000904"

// OPENTokenAddress is native OPEN as an ERC-20: cosmos/evm's WERC20
// precompile over aopen, registered in genesis as x/erc20's token pair of the
// native denom. balanceOf is the bank balance, transfer moves native OPEN,
// and deposit and withdraw change nothing, so wallets and DeFi contracts see
// OPEN as on Ethereum without a wrapped copy. Unlike the precompiles below,
// it is not blocked from receiving: deposit receives value and sends it back.
const OPENTokenAddress = "0x0000000000000000000000000000000000000A00"

// Addresses are the OpenLedger precompiles, in ascending order. Genesis
// enables them beside cosmos/evm's; governance turns any of them off or on
// through x/vm's active_static_precompiles parameter. Like every static
// precompile address, they cannot receive plain bank sends.
var Addresses = []string{
	DatanetAddress,
	ModelregAddress,
	AgentstakeAddress,
	InferencefeesAddress,
	AttributionAddress,
}
