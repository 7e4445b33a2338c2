package agentstake

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/openledger/openledger/x/agentstake/types"
)

// AutoCLIOptions builds `openledgerd tx agentstake ...` and
// `openledgerd query agentstake ...` from the Msg and Query services. Enum
// arguments take kebab-case names without the enum prefix (serving-node,
// autonomous-agent, attestor; attribution-fraud, equivocation, governance).
// Amounts are integers in aopen.
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
					RpcMethod:      "Agent",
					Use:            "agent <operator>",
					Short:          "Show an agent",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "operator"}},
				},
				{
					RpcMethod: "Agents",
					Use:       "agents [--kind serving-node|autonomous-agent|attestor | --owner address | --model-id id]",
					Short:     "List agents: all, or of one kind, one owner or serving one model",
				},
				{
					RpcMethod: "TotalStake",
					Use:       "total-stake",
					Short:     "Show the active stake of each agent kind and the bonded and unbonding totals",
				},
				{
					RpcMethod:      "UnbondingEntries",
					Use:            "unbonding-entries <operator>",
					Short:          "List an agent's unbonding entries",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "operator"}},
				},
				{
					RpcMethod:      "SlashHistory",
					Use:            "slash-history <operator>",
					Short:          "List an agent's slashes",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "operator"}},
				},
				{
					RpcMethod: "SettlementDomain",
					Use:       "settlement-domain",
					Short:     "Show the EIP-712 domain (EVM chain id, verifying contract) serving nodes sign settlements in",
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: types.Msg_serviceDesc.ServiceName,
			// The module also has hand-written commands (GetTxCmd:
			// sign-settlement, submit-equivocation); AutoCLI adds its
			// commands next to them and never replaces them.
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "RegisterAgent",
					Use: "register-agent <kind> <stake-aopen> [--operator address] [--model-ids 1,2] " +
						"[--endpoint https://...] [--metadata-uri uri]",
					Short: "Register an agent you own and bond its stake; kind serving-node|autonomous-agent|attestor",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "kind"}, {ProtoField: "stake"},
					},
				},
				{
					RpcMethod: "AddStake",
					Use:       "add-stake <operator> <amount-aopen>",
					Short:     "Bond more stake to an agent you own",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "operator"}, {ProtoField: "amount"},
					},
				},
				{
					RpcMethod:      "UpdateAgent",
					Use:            "update-agent <operator> [--model-ids 1,2] [--endpoint https://...] [--metadata-uri uri]",
					Short:          "Replace the models, endpoint and metadata of an agent you own (fields left out become empty)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "operator"}},
				},
				{
					RpcMethod: "BeginUnbonding",
					Use:       "begin-unbonding <operator> <amount-aopen>",
					Short:     "Start unbonding stake; it is paid to the owner after the unbonding period",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "operator"}, {ProtoField: "amount"},
					},
				},
				{
					RpcMethod:      "Unjail",
					Use:            "unjail <operator>",
					Short:          "Return a jailed agent you own to the active set after its jail time",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "operator"}},
				},
				{
					RpcMethod: "SlashAgent",
					Use:       "slash-agent-proposal <operator> <reason> <evidence-ref> [--infraction-height h]",
					Short:     "Propose to governance to slash an agent; reason attribution-fraud|equivocation|governance",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "operator"}, {ProtoField: "reason"}, {ProtoField: "evidence_ref"},
					},
					GovProposal: true,
				},
				{
					RpcMethod: "SubmitEquivocation",
					Use:       "submit-equivocation <first-json> <second-json>",
					Short:     "Submit two conflicting signed settlements (the hand-written command of the same name reads them from files)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "first"}, {ProtoField: "second"},
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
