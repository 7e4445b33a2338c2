// Package precompiles lists OpenLedger's EVM precompiles: one per AI module,
// at fixed addresses, each in its own package with its Solidity interface
// (I<Module>.sol) and the ABI compiled from it (abi.json).
package precompiles

// DatanetAddress is the Datanet precompile's (package datanet).
const DatanetAddress = "0x0000000000000000000000000000000000000900"

// Addresses are the OpenLedger precompiles, in ascending order. Genesis
// enables them beside cosmos/evm's; governance turns any of them off or on
// through x/vm's active_static_precompiles parameter. Like every precompile
// address, they cannot receive plain bank sends.
var Addresses = []string{
	DatanetAddress,
}
