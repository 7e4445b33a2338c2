package agentstake

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/clikit"
)

// AutoCLIOptions builds `openledgerd tx agentstake ...` and
// `openledgerd query agentstake ...` from the Msg and Query services. Enum
// arguments take kebab-case names without the enum prefix (serving-node,
// autonomous-agent, attestor; attribution-fraud, equivocation, governance).
// Amounts are integers in aopen.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: clikit.Service(types.Query_serviceDesc.ServiceName, false,
			clikit.ParamsQuery(),
			clikit.Command("Agent", "agent <operator>", "Show an agent", "operator"),
			clikit.Command("Agents", "agents [--kind serving-node|autonomous-agent|attestor | --owner address | --model-id id]", "List agents: all, or of one kind, one owner or serving one model"),
			clikit.Command("TotalStake", "total-stake", "Show the active stake of each agent kind and the bonded and unbonding totals"),
			clikit.Command("UnbondingEntries", "unbonding-entries <operator>", "List an agent's unbonding entries", "operator"),
			clikit.Command("SlashHistory", "slash-history <operator>", "List an agent's slashes", "operator"),
			clikit.Command("SettlementDomain", "settlement-domain", "Show the EIP-712 domain (EVM chain id, verifying contract) serving nodes sign settlements in"),
		),
		// The module also has hand-written commands (GetTxCmd:
		// sign-settlement, submit-equivocation); AutoCLI adds its
		// commands next to them and never replaces them.
		Tx: clikit.Service(types.Msg_serviceDesc.ServiceName, true,
			clikit.Command("RegisterAgent", "register-agent <kind> <stake-aopen> [--operator address] [--model-ids 1,2] "+
				"[--endpoint https://...] [--metadata-uri uri]", "Register an agent you own and bond its stake; kind serving-node|autonomous-agent|attestor", "kind", "stake"),
			clikit.Command("AddStake", "add-stake <operator> <amount-aopen>", "Bond more stake to an agent you own", "operator", "amount"),
			clikit.Command("UpdateAgent", "update-agent <operator> [--model-ids 1,2] [--endpoint https://...] [--metadata-uri uri]", "Replace the models, endpoint and metadata of an agent you own (fields left out become empty)", "operator"),
			clikit.Command("BeginUnbonding", "begin-unbonding <operator> <amount-aopen>", "Start unbonding stake; it is paid to the owner after the unbonding period", "operator", "amount"),
			clikit.Command("Unjail", "unjail <operator>", "Return a jailed agent you own to the active set after its jail time", "operator"),
			clikit.Proposal("SlashAgent", "slash-agent-proposal <operator> <reason> <evidence-ref> [--infraction-height h]", "Propose to governance to slash an agent; reason attribution-fraud|equivocation|governance", "operator", "reason", "evidence_ref"),
			clikit.Command("SubmitEquivocation", "submit-equivocation <first-json> <second-json>", "Submit two conflicting signed settlements (the hand-written command of the same name reads them from files)", "first", "second"),
			clikit.ParamsProposal(),
		),
	}
}
