package poa_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/ai/poa"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
)

// The method the engine writes into every answer is the one a serving node
// records on chain, so the chain must accept it.
func TestMethodIsValidOnChain(t *testing.T) {
	require.NoError(t, attributiontypes.ValidateMethod(poa.Method))
	require.Equal(t, "poa-4.exact-spans.bm25-rescored", poa.Method)
}
