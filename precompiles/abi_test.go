package precompiles_test

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/testutil/npmtest"
)

// The committed abi.json of every precompile is what npm's solc compiles its
// Solidity interface to: the interface developers read and the ABI the
// chain decodes cannot drift apart.
func TestABIsAreCompiledFromTheInterfaces(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	var res struct {
		Compiler string   `json:"compiler"`
		Checked  []string `json:"checked"`
		Stale    []string `json:"stale"`
	}
	npmtest.Run(t, filepath.Dir(file), "check_abi.js", struct{}{}, &res)
	require.ElementsMatch(t, []string{"agentstake", "attribution", "datanet", "inferencefees", "modelreg"}, res.Checked)
	require.Empty(t, res.Stale, "run `npm ci && node compile.js` in precompiles/ (solc %s) and commit", res.Compiler)
}
