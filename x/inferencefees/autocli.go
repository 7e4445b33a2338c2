package inferencefees

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/clikit"
)

// AutoCLIOptions builds `openledgerd tx inferencefees ...` and
// `openledgerd query inferencefees ...` from the Msg and Query services.
// Amounts are coins in aopen (e.g. 5000000000000000000aopen); message
// arguments take JSON; bytes take hex or base64. The hand-written commands
// sign-voucher and settle-batch (client/cli) sit next to these.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: clikit.Service(types.Query_serviceDesc.ServiceName, false,
			clikit.Command("Params", "params", "Show the module parameters (withdrawal delay, fee split, batch limits)"),
			clikit.Command("Credit", "credit <user>", "Show a user's credit: balance, amount under withdrawal and pending withdrawals", "user"),
			clikit.Command("Channel", "channel <user> <serving-node>", "Show the payment channel of a user and a serving node (settled amount, last nonce)", "user", "serving_node"),
			clikit.Command("ChannelsByNode", "channels-by-node <serving-node>", "List the payment channels of a serving node", "serving_node"),
			clikit.Command("ChannelsByUser", "channels-by-user <user>", "List the payment channels of a user", "user"),
			clikit.Command("Totals", "totals", "Show the fees settled since genesis and where they went"),
		),
		// sign-voucher and settle-batch are hand-written (GetTxCmd);
		// AutoCLI adds its commands next to them.
		Tx: clikit.Service(types.Msg_serviceDesc.ServiceName, true,
			clikit.Command("DepositCredit", "deposit-credit <amount>", "Add aopen to your inference credit (at least params.min_deposit)", "amount"),
			clikit.Command("RequestWithdrawal", "request-withdrawal <amount>", "Withdraw credit: paid out after params.withdrawal_delay, less what settles meanwhile", "amount"),
			clikit.Command("SettleBatch", "settle-signed-batch <receipts-root> --vouchers <voucher-json>... --usage <usage-json>... "+
				"[--attribution <attribution-json>...]", "Settle a batch whose vouchers already carry the node's settlement signatures "+
				"(settle-batch signs them for you)", "receipts_root"),
			clikit.Described(clikit.Command("PayInference", "pay-inference <serving-node> <model-id> <amount> <inference-count> [--tokens n] "+
				"[--receipts-root hex] [--method name --weights json...]", "Pay a serving node for inferences of a model directly from your account", "serving_node", "model_id", "amount", "inference_count"),
				"Pay a serving node for inference-count inferences of a model. The amount must be the model's price "+
					"for them: per call times inference-count plus the per-1,000-token price for --tokens (their prompt and "+
					"completion tokens in total), rounded up per inference (x/modelreg's UsageFeeBounds)."),
			clikit.ParamsProposal(),
		),
	}
}
