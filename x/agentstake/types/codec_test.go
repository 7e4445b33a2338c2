package types_test

import (
	"testing"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/codectest"
)

// TestMessages checks every message the way the transaction pipeline
// reads it: its signer annotation, its amino name and its amino JSON
// sign bytes.
func TestMessages(t *testing.T) {
	s := codectest.SignerString(t)
	root := make([]byte, 32)
	ss := types.SignedSettlement{ServingNode: "n", User: "u", Nonce: 1, CumulativeAmount: math.NewInt(5), BatchRoot: root, Signature: make([]byte, 65)}
	codectest.RequireMessages(t, types.RegisterInterfaces, types.RegisterLegacyAminoCodec, types.ModuleName,
		&types.MsgRegisterAgent{Owner: s, Kind: types.AGENT_KIND_SERVING_NODE, ModelIds: []uint64{1}, Endpoint: "https://x", Stake: math.NewInt(1)},
		&types.MsgAddStake{Owner: s, Operator: "p", Amount: math.NewInt(1)},
		&types.MsgUpdateAgent{Owner: s, Operator: "p", ModelIds: []uint64{1, 2}},
		&types.MsgBeginUnbonding{Owner: s, Operator: "p", Amount: math.NewInt(1)},
		&types.MsgUnjail{Owner: s, Operator: "p"},
		&types.MsgSlashAgent{Authority: s, Operator: "p", Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "r"},
		&types.MsgSubmitEquivocation{Submitter: s, First: ss, Second: ss},
		&types.MsgUpdateParams{Authority: s, Params: types.DefaultParams()},
	)
}
