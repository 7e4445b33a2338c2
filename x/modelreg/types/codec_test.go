package types_test

import (
	"testing"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/internal/codectest"
	"github.com/openledger/openledger/x/modelreg/types"
)

// TestMessages checks every message the way the transaction pipeline
// reads it: its signer annotation, its amino name and its amino JSON
// sign bytes.
func TestMessages(t *testing.T) {
	s := codectest.SignerString(t)
	hash := make([]byte, 32)
	codectest.RequireMessages(t, types.RegisterInterfaces, types.RegisterLegacyAminoCodec, types.ModuleName,
		&types.MsgRegisterModel{
			Owner: s, Name: "n", Kind: types.MODEL_KIND_LORA_ADAPTER, BaseModelId: 1,
			Artifact: types.Artifact{Uri: "ipfs://x", Sha256: hash, SizeBytes: 1, Format: types.ARTIFACT_FORMAT_PEFT_ADAPTER},
			Training: types.TrainingRecord{
				Datasets:        []types.DatasetRef{{DatanetId: 1, Version: 1, Root: hash}},
				Hyperparameters: []types.KeyValue{{Key: "rank", Value: "16"}},
			},
			EvalMetrics: []types.Metric{{Name: "mmlu", Value: "0.500000"}},
			Price:       types.Price{PerCall: math.NewInt(1), Per_1KTokens: math.ZeroInt()},
		},
		&types.MsgUpdateModel{Owner: s, ModelId: 1, Price: types.Price{PerCall: math.NewInt(1), Per_1KTokens: math.NewInt(2)}},
		&types.MsgDeprecateModel{Owner: s, ModelId: 1},
		&types.MsgRevokeModel{Signer: s, ModelId: 1, Reason: "r"},
		&types.MsgTransferModelOwnership{Owner: s, ModelId: 1, NewOwner: "n"},
		&types.MsgUpdateParams{Authority: s, Params: types.DefaultParams()},
	)
}
