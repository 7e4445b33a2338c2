//go:build test

package testutil

import evmtypes "github.com/cosmos/evm/x/vm/types"

// resetEVMConfig clears cosmos/evm's process-wide chain and coin
// configuration, so that another in-process chain can set it at genesis.
// Only builds with the `test` tag allow it.
func resetEVMConfig() error {
	evmtypes.NewEVMConfigurator().ResetTestConfig()
	return nil
}
