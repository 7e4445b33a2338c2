package types_test

import (
	"testing"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/codectest"
)

// TestAminoJSONSignBytes checks every message's amino JSON sign bytes and
// amino name.
func TestAminoJSONSignBytes(t *testing.T) {
	root := make([]byte, 32)
	ss := types.SignedSettlement{ServingNode: "n", User: "u", Nonce: 1, CumulativeAmount: math.NewInt(5), BatchRoot: root, Signature: make([]byte, 65)}
	codectest.RequireAminoJSON(t, types.RegisterLegacyAminoCodec, types.ModuleName,
		&types.MsgRegisterAgent{Owner: "o", Kind: types.AGENT_KIND_SERVING_NODE, ModelIds: []uint64{1}, Endpoint: "https://x", Stake: math.NewInt(1)},
		&types.MsgAddStake{Owner: "o", Operator: "p", Amount: math.NewInt(1)},
		&types.MsgUpdateAgent{Owner: "o", Operator: "p", ModelIds: []uint64{1, 2}},
		&types.MsgBeginUnbonding{Owner: "o", Operator: "p", Amount: math.NewInt(1)},
		&types.MsgUnjail{Owner: "o", Operator: "p"},
		&types.MsgSlashAgent{Authority: "a", Operator: "p", Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "r"},
		&types.MsgSubmitEquivocation{Submitter: "s", First: ss, Second: ss},
		&types.MsgUpdateParams{Authority: "a", Params: types.DefaultParams()},
	)
}
