package modelreg

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/openledger/openledger/x/internal/clikit"
	"github.com/openledger/openledger/x/modelreg/types"
)

// AutoCLIOptions builds `openledgerd tx modelreg ...` and
// `openledgerd query modelreg ...` from the Msg and Query services. Enum
// arguments take kebab-case names without the enum prefix (base,
// full-fine-tune, lora-adapter; safetensors, peft-adapter, gguf). Message
// arguments (artifact, training, price) take JSON.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: clikit.Service(types.Query_serviceDesc.ServiceName, false,
			clikit.ParamsQuery(),
			clikit.Command("Model", "model <model-id>", "Show a model", "model_id"),
			clikit.Command("Models", "models [--owner address]", "List models: all, or those of one owner"),
			clikit.Command("ModelsByBase", "models-by-base <base-model-id>", "List the fine-tunes and adapters of a base model", "base_model_id"),
			clikit.Command("ModelsByDatanet", "models-by-datanet <datanet-id>", "List the models trained on a Datanet", "datanet_id"),
			clikit.Command("Lineage", "lineage <model-id>", "Show the ancestors of a model and every Datanet version it depends on", "model_id"),
		),
		// The module also has a hand-written command (GetTxCmd: register);
		// AutoCLI adds its commands next to it.
		Tx: clikit.Service(types.Msg_serviceDesc.ServiceName, true,
			clikit.Command("RegisterModel", "register-model <name> <kind> <architecture> <license> <artifact-json> <training-json> <price-json> "+
				"[--base-model-id id] [--previous-version-id id] [--eval-metrics json...]", "Register a model (pays the registration fee); kind base|full-fine-tune|lora-adapter", "name", "kind", "architecture", "license", "artifact", "training", "price"),
			clikit.Command("UpdateModel", "update-model <model-id> <name> <architecture> <license> <price-json> [--eval-metrics json...]", "Replace the metadata and the price of a model you own (metrics left out become empty)", "model_id", "name", "architecture", "license", "price"),
			clikit.Command("DeprecateModel", "deprecate-model <model-id>", "Mark an active model you own as deprecated", "model_id"),
			clikit.Command("RevokeModel", "revoke-model <model-id> [reason]", "Revoke a model you own for good", "model_id", "reason?"),
			clikit.Command("TransferModelOwnership", "transfer-model-ownership <model-id> <new-owner>", "Hand a model you own to another account", "model_id", "new_owner"),
			clikit.ParamsProposal(),
		),
	}
}
