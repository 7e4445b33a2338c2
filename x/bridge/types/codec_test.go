package types_test

import (
	"testing"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/codectest"
)

// TestMessages checks every message the way the transaction pipeline
// reads it: its signer annotation, its amino name and its amino JSON sign
// bytes.
func TestMessages(t *testing.T) {
	s := codectest.SignerString(t)
	sc := types.SignedCheckpoint{Header: types.CheckpointHeader{Nonce: 1}, Signature: make([]byte, 65)}
	codectest.RequireMessages(t, types.RegisterInterfaces, types.RegisterLegacyAminoCodec, types.ModuleName,
		&types.MsgRegisterEthKey{Operator: s, EthAddress: "0x5FbDB2315678afecb367f032d93F642f64180aa3", Signature: make([]byte, 65)},
		&types.MsgWithdraw{Sender: s, EthRecipient: "0x5FbDB2315678afecb367f032d93F642f64180aa3", Amount: math.NewInt(1)},
		&types.MsgSubmitCheckpointSignature{Operator: s, Nonce: 1, Signature: make([]byte, 65)},
		&types.MsgAttestDeposit{Operator: s, DepositNonce: 1, EthSender: "0x5FbDB2315678afecb367f032d93F642f64180aa3", Recipient: s, Amount: math.NewInt(1), L1Block: 9},
		&types.MsgAttestCheckpointAccepted{Operator: s, Nonce: 1},
		&types.MsgSubmitBridgeEquivocation{Submitter: s, First: sc, Second: sc},
		&types.MsgUpdateParams{Authority: s, Params: types.DefaultParams()},
	)
}
