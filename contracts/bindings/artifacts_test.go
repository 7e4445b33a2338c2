package bindings_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/testutil/npmtest"
)

// The committed ABIs and bytecode are what the pinned solc makes of
// contracts/src, and the committed bindings are what abigen makes of them:
// the contracts tested are the contracts in the source.
func TestArtifactsAreCompiledFromTheSources(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(filepath.Dir(file))
	var res struct {
		Compiler string   `json:"compiler"`
		Checked  []string `json:"checked"`
		Stale    []string `json:"stale"`
	}
	npmtest.Run(t, dir, "check.js", struct{}{}, &res)
	require.ElementsMatch(t, []string{"OpenToken.abi", "OpenToken.bin", "OpenLedgerBridge.abi", "OpenLedgerBridge.bin"}, res.Checked)
	require.Empty(t, res.Stale, "run `make contracts-gen` (solc %s) and commit", res.Compiler)
}

func TestBindingsAreGeneratedFromTheArtifacts(t *testing.T) {
	for contract, goFile := range map[string]string{"OpenToken": "opentoken.go", "OpenLedgerBridge": "openledgerbridge.go"} {
		abiJSON, err := os.ReadFile(contract + ".abi")
		require.NoError(t, err)
		bin, err := os.ReadFile(contract + ".bin")
		require.NoError(t, err)
		want, err := abigen.BindV2([]string{contract}, []string{string(abiJSON)}, []string{string(bin)}, "bindings", map[string]string{}, map[string]string{})
		require.NoError(t, err)
		got, err := os.ReadFile(goFile)
		require.NoError(t, err)
		require.Equal(t, want, string(got), "%s is stale: run `make contracts-gen` and commit", goFile)
	}
}
