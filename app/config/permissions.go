package config

import (
	"maps"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	corevm "github.com/ethereum/go-ethereum/core/vm"

	erc20types "github.com/cosmos/evm/x/erc20/types"
	feemarkettypes "github.com/cosmos/evm/x/feemarket/types"
	vmtypes "github.com/cosmos/evm/x/vm/types"
	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	protocolpooltypes "github.com/cosmos/cosmos-sdk/x/protocolpool/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	olprecompiles "github.com/openledger/openledger/precompiles"
	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	bridgetypes "github.com/openledger/openledger/x/bridge/types"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// moduleAccountPermissions lists every module account and what it may do.
//
// No module may mint OPEN after genesis. The Minter permissions below are for
// other denoms or net to zero within a transaction:
//   - transfer mints only IBC vouchers (ibc/...) for tokens from other chains;
//     OPEN that leaves is escrowed and comes back out of escrow;
//   - erc20 mints only the bank representation (erc20/0x...) of ERC-20 tokens;
//   - vm settles EVM balance changes by minting and burning the difference,
//     which sums to zero over a transaction (value moves, it is not created).
//
// The supply tests in app/ check that total aopen stays at genesis supply.
var moduleAccountPermissions = map[string][]string{
	authtypes.FeeCollectorName:                  nil,
	distrtypes.ModuleName:                       nil,
	protocolpooltypes.ModuleName:                nil,
	protocolpooltypes.ProtocolPoolEscrowAccount: nil,
	stakingtypes.BondedPoolName:                 {authtypes.Burner, authtypes.Staking},
	stakingtypes.NotBondedPoolName:              {authtypes.Burner, authtypes.Staking},
	govtypes.ModuleName:                         {authtypes.Burner},
	transfertypes.ModuleName:                    {authtypes.Minter, authtypes.Burner},
	vmtypes.ModuleName:                          {authtypes.Minter, authtypes.Burner},
	feemarkettypes.ModuleName:                   nil,
	erc20types.ModuleName:                       {authtypes.Minter, authtypes.Burner},
	// datanet holds contribution deposits and burns fees and forfeited deposits.
	datanettypes.ModuleName: {authtypes.Burner},
	// modelreg collects registration fees and burns them (or funds the
	// community pool).
	modelregtypes.ModuleName: {authtypes.Burner},
	// agentstake holds bonded and unbonding stake and burns slashed stake.
	agentstaketypes.ModuleName: {authtypes.Burner},
	// attribution holds data rewards and challenge bonds; it burns lost bonds
	// (and unattributed rewards when params say so).
	attributiontypes.ModuleName: {authtypes.Burner},
	// inferencefees holds prepaid credit and burns the burn share of each fee.
	inferencefeestypes.ModuleName: {authtypes.Burner},
	// bridge escrows OPEN released on Ethereum: it locks and unlocks, and
	// may neither mint nor burn, since OPEN's supply is fixed on both sides.
	bridgetypes.ModuleName: nil,
}

// ModuleAccountPermissions returns a copy of the module account permissions.
func ModuleAccountPermissions() map[string][]string {
	return maps.Clone(moduleAccountPermissions)
}

// BlockedAddresses returns the addresses that cannot receive funds by a plain
// send: every module account (funds reach them only through their module's
// logic) and every EVM precompile address (a send there would be lost).
func BlockedAddresses() map[string]bool {
	blocked := make(map[string]bool)
	for _, name := range slices.Sorted(maps.Keys(moduleAccountPermissions)) {
		blocked[authtypes.NewModuleAddress(name).String()] = true
	}

	addresses := slices.Concat(vmtypes.AvailableStaticPrecompiles, olprecompiles.Addresses)
	for _, addr := range corevm.PrecompiledAddressesPrague {
		addresses = append(addresses, addr.Hex())
	}
	for _, hexAddr := range addresses {
		blocked[sdk.AccAddress(common.HexToAddress(hexAddr).Bytes()).String()] = true
	}
	return blocked
}
