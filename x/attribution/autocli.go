package attribution

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/openledger/openledger/x/attribution/types"
)

// AutoCLIOptions builds `openledgerd tx attribution ...` and
// `openledgerd query attribution ...` from the Msg and Query services.
// Message arguments (receipt, weights) take JSON; the proof takes one
// sibling hash (hex or base64) per --proof flag, in order from the leaf up.
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
					RpcMethod:      "Record",
					Use:            "record <record-id>",
					Short:          "Show an attribution record: weights, payouts, deadline and status",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "record_id"}},
				},
				{
					RpcMethod: "Records",
					Use:       "records",
					Short:     "List every attribution record by id",
				},
				{
					RpcMethod:      "RecordsByModel",
					Use:            "records-by-model <model-id>",
					Short:          "List the attribution records of a model",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}},
				},
				{
					RpcMethod:      "RecordsByServingNode",
					Use:            "records-by-serving-node <address>",
					Short:          "List the attribution records a serving node made",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "serving_node"}},
				},
				{
					RpcMethod:      "RecordsByContribution",
					Use:            "records-by-contribution <contribution-id>",
					Short:          "List the attribution records that weigh a Datanet contribution",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "contribution_id"}},
				},
				{
					RpcMethod:      "Rewards",
					Use:            "rewards <address>",
					Short:          "Show the pending and the claimable data rewards of an address",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod:      "ContributionEarnings",
					Use:            "contribution-earnings <contribution-id>",
					Short:          "Show what a contribution earned its contributor from final records",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "contribution_id"}},
				},
				{
					RpcMethod:      "AddressEarnings",
					Use:            "earnings <address>",
					Short:          "Show what an address earned from final records (contributions and curator shares)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod:      "Challenge",
					Use:            "challenge <challenge-id>",
					Short:          "Show a challenge: disputed receipt, tally, deadline and status",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "challenge_id"}},
				},
				{
					RpcMethod:      "ChallengesByRecord",
					Use:            "challenges-by-record <record-id>",
					Short:          "List the challenges of an attribution record",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "record_id"}},
				},
				{
					RpcMethod:      "Votes",
					Use:            "votes <challenge-id>",
					Short:          "List the attestor votes on a challenge",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "challenge_id"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: types.Msg_serviceDesc.ServiceName,
			// challenge-receipt and challenge-usage are hand-written
			// (GetTxCmd); without this AutoCLI would leave out its own
			// commands next to them.
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "ClaimRewards",
					Use:       "claim-rewards",
					Short:     "Claim every final data reward of the signer (--from)",
				},
				{
					RpcMethod: "ChallengeAttribution",
					Use: "challenge <record-id> <receipt-json> <leaf-index> <leaf-count> <recomputed-weights-json> " +
						"--proof <sibling-hex> (x32)",
					Short: "Dispute one receipt of a pending record, posting the challenge bond",
					Long: "Dispute one receipt of a pending record before its challenge deadline. The receipt JSON is " +
						`{"user":"open1...","model_id":"7","output_hash":"<base64 sha256>","weights":[{"contribution_id":"3","ppm":250000}],` +
						`"prompt_tokens":"212","completion_tokens":"96","fee":"1154000000000000"} (token counts and fee only for a record of version 2 receipts); ` +
						"the proof is the 32 sibling hashes from the leaf up (one --proof flag each, hex or base64); the recomputed " +
						"weights are what the deterministic PoA engine gives for the receipt. The signer posts params.challenge_bond.",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "record_id"},
						{ProtoField: "receipt"},
						{ProtoField: "leaf_index"},
						{ProtoField: "leaf_count"},
						{ProtoField: "recomputed_weights", Varargs: true},
					},
				},
				{
					// Hand-written (client/cli): the proof and the claim are
					// built from the serving node's receipts file.
					RpcMethod: "ChallengeUsage",
					Use:       "challenge-usage <record-id> <receipts.json> <leaf-index>",
					Short:     "Dispute the usage of one receipt of a pending record (model, fee or token counts)",
					Skip:      true,
				},
				{
					RpcMethod: "VoteChallenge",
					Use:       "vote <challenge-id> <uphold true|false>",
					Short:     "Vote on an open challenge as an active attestor (stake-weighted, once)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "challenge_id"}, {ProtoField: "uphold"},
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
