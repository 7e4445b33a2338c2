package modelreg

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/openledger/openledger/x/modelreg/types"
)

// AutoCLIOptions builds `openledgerd tx modelreg ...` and
// `openledgerd query modelreg ...` from the Msg and Query services. Enum
// arguments take kebab-case names without the enum prefix (base,
// full-fine-tune, lora-adapter; safetensors, peft-adapter, gguf). Message
// arguments (artifact, training, price) take JSON.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the module parameters",
				},
				{
					RpcMethod:      "Model",
					Use:            "model <model-id>",
					Short:          "Show a model",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}},
				},
				{
					RpcMethod: "Models",
					Use:       "models [--owner address]",
					Short:     "List models: all, or those of one owner",
				},
				{
					RpcMethod:      "ModelsByBase",
					Use:            "models-by-base <base-model-id>",
					Short:          "List the fine-tunes and adapters of a base model",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "base_model_id"}},
				},
				{
					RpcMethod:      "ModelsByDatanet",
					Use:            "models-by-datanet <datanet-id>",
					Short:          "List the models trained on a Datanet",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "datanet_id"}},
				},
				{
					RpcMethod:      "Lineage",
					Use:            "lineage <model-id>",
					Short:          "Show the ancestors of a model and every Datanet version it depends on",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: types.Msg_serviceDesc.ServiceName,
			// The module also has a hand-written command (GetTxCmd: register);
			// AutoCLI adds its commands next to it.
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "RegisterModel",
					Use: "register-model <name> <kind> <architecture> <license> <artifact-json> <training-json> <price-json> " +
						"[--base-model-id id] [--previous-version-id id] [--eval-metrics json...]",
					Short: "Register a model (pays the registration fee); kind base|full-fine-tune|lora-adapter",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "name"},
						{ProtoField: "kind"},
						{ProtoField: "architecture"},
						{ProtoField: "license"},
						{ProtoField: "artifact"},
						{ProtoField: "training"},
						{ProtoField: "price"},
					},
				},
				{
					RpcMethod: "UpdateModel",
					Use:       "update-model <model-id> <name> <architecture> <license> <price-json> [--eval-metrics json...]",
					Short:     "Replace the metadata and the price of a model you own (metrics left out become empty)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "model_id"},
						{ProtoField: "name"},
						{ProtoField: "architecture"},
						{ProtoField: "license"},
						{ProtoField: "price"},
					},
				},
				{
					RpcMethod:      "DeprecateModel",
					Use:            "deprecate-model <model-id>",
					Short:          "Mark an active model you own as deprecated",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}},
				},
				{
					RpcMethod: "RevokeModel",
					Use:       "revoke-model <model-id> [reason]",
					Short:     "Revoke a model you own for good",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "model_id"}, {ProtoField: "reason", Optional: true},
					},
				},
				{
					RpcMethod: "TransferModelOwnership",
					Use:       "transfer-model-ownership <model-id> <new-owner>",
					Short:     "Hand a model you own to another account",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "model_id"}, {ProtoField: "new_owner"},
					},
				},
				{
					RpcMethod:      "UpdateParams",
					Use:            "update-params-proposal <params-json>",
					Short:          "Propose new module parameters (all fields) to governance",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
					GovProposal:    true,
				},
			},
		},
	}
}
