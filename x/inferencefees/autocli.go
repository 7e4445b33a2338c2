package inferencefees

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/openledger/openledger/x/inferencefees/types"
)

// AutoCLIOptions builds `openledgerd tx inferencefees ...` and
// `openledgerd query inferencefees ...` from the Msg and Query services.
// Amounts are coins in aopen (e.g. 5000000000000000000aopen); message
// arguments take JSON; bytes take hex or base64. The hand-written commands
// sign-voucher and settle-batch (client/cli) sit next to these.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the module parameters (withdrawal delay, fee split, batch limits)",
				},
				{
					RpcMethod:      "Credit",
					Use:            "credit <user>",
					Short:          "Show a user's credit: balance, amount under withdrawal and pending withdrawals",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "user"}},
				},
				{
					RpcMethod:      "Channel",
					Use:            "channel <user> <serving-node>",
					Short:          "Show the payment channel of a user and a serving node (settled amount, last nonce)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "user"}, {ProtoField: "serving_node"}},
				},
				{
					RpcMethod:      "ChannelsByNode",
					Use:            "channels-by-node <serving-node>",
					Short:          "List the payment channels of a serving node",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "serving_node"}},
				},
				{
					RpcMethod:      "ChannelsByUser",
					Use:            "channels-by-user <user>",
					Short:          "List the payment channels of a user",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "user"}},
				},
				{
					RpcMethod: "Totals",
					Use:       "totals",
					Short:     "Show the fees settled since genesis and where they went",
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: types.Msg_serviceDesc.ServiceName,
			// sign-voucher and settle-batch are hand-written (GetTxCmd);
			// AutoCLI adds its commands next to them.
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "DepositCredit",
					Use:            "deposit-credit <amount>",
					Short:          "Add aopen to your inference credit (at least params.min_deposit)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod:      "RequestWithdrawal",
					Use:            "request-withdrawal <amount>",
					Short:          "Withdraw credit: paid out after params.withdrawal_delay, less what settles meanwhile",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod: "SettleBatch",
					Use: "settle-signed-batch <receipts-root> --vouchers <voucher-json>... --usage <usage-json>... " +
						"[--attribution <attribution-json>...]",
					Short: "Settle a batch whose vouchers already carry the node's settlement signatures " +
						"(settle-batch signs them for you)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "receipts_root"}},
				},
				{
					RpcMethod: "PayInference",
					Use: "pay-inference <serving-node> <model-id> <amount> <inference-count> [--tokens n] " +
						"[--receipts-root hex] [--method name --weights json...]",
					Short: "Pay a serving node for inferences of a model directly from your account",
					Long: "Pay a serving node for inference-count inferences of a model. The amount must be the model's price " +
						"for them: per call times inference-count plus the per-1,000-token price for --tokens (their prompt and " +
						"completion tokens in total), rounded up per inference (x/modelreg's UsageFeeBounds).",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "serving_node"}, {ProtoField: "model_id"}, {ProtoField: "amount"}, {ProtoField: "inference_count"},
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
