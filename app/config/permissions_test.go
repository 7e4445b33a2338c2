package config_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/precompiles"
)

// A plain send to a precompile would strand the coins: every OpenLedger
// precompile address is blocked like cosmos/evm's.
func TestOpenLedgerPrecompilesAreBlocked(t *testing.T) {
	blocked := config.BlockedAddresses()
	for _, hexAddr := range append([]string{"0x0000000000000000000000000000000000000800"}, precompiles.Addresses...) {
		require.True(t, blocked[sdk.AccAddress(common.HexToAddress(hexAddr).Bytes()).String()], hexAddr)
	}
}
