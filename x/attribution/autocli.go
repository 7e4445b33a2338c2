package attribution

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/clikit"
)

// AutoCLIOptions builds `openledgerd tx attribution ...` and
// `openledgerd query attribution ...` from the Msg and Query services.
// Message arguments (receipt, weights) take JSON; the proof takes one
// sibling hash (hex or base64) per --proof flag, in order from the leaf up.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: clikit.Service(types.Query_serviceDesc.ServiceName, false,
			clikit.ParamsQuery(),
			clikit.Command("Record", "record <record-id>", "Show an attribution record: weights, payouts, deadline and status", "record_id"),
			clikit.Command("Records", "records", "List every attribution record by id"),
			clikit.Command("RecordsByModel", "records-by-model <model-id>", "List the attribution records of a model", "model_id"),
			clikit.Command("RecordsByServingNode", "records-by-serving-node <address>", "List the attribution records a serving node made", "serving_node"),
			clikit.Command("RecordsByContribution", "records-by-contribution <contribution-id>", "List the attribution records that weigh a Datanet contribution", "contribution_id"),
			clikit.Command("Rewards", "rewards <address>", "Show the pending and the claimable data rewards of an address", "address"),
			clikit.Command("ContributionEarnings", "contribution-earnings <contribution-id>", "Show what a contribution earned its contributor from final records", "contribution_id"),
			clikit.Command("AddressEarnings", "earnings <address>", "Show what an address earned from final records (contributions and curator shares)", "address"),
			clikit.Command("Challenge", "challenge <challenge-id>", "Show a challenge: disputed receipt, tally, deadline and status", "challenge_id"),
			clikit.Command("ChallengesByRecord", "challenges-by-record <record-id>", "List the challenges of an attribution record", "record_id"),
			clikit.Command("Votes", "votes <challenge-id>", "List the attestor votes on a challenge", "challenge_id"),
		),
		// challenge-receipt and challenge-usage are hand-written
		// (GetTxCmd); without this AutoCLI would leave out its own
		// commands next to them.
		Tx: clikit.Service(types.Msg_serviceDesc.ServiceName, true,
			clikit.Command("ClaimRewards", "claim-rewards", "Claim every final data reward of the signer (--from)"),
			clikit.Described(clikit.Command("ChallengeAttribution", "challenge <record-id> <receipt-json> <leaf-index> <leaf-count> <recomputed-weights-json> "+
				"--proof <sibling-hex> (x32)", "Dispute one receipt of a pending record, posting the challenge bond", "record_id", "receipt", "leaf_index", "leaf_count", "recomputed_weights..."),
				"Dispute one receipt of a pending record before its challenge deadline. The receipt JSON is "+
					`{"user":"open1...","model_id":"7","output_hash":"<base64 sha256>","weights":[{"contribution_id":"3","ppm":250000}],`+
					`"prompt_tokens":"212","completion_tokens":"96","fee":"1154000000000000"} (token counts and fee only for a record of version 2 receipts); `+
					"the proof is the 32 sibling hashes from the leaf up (one --proof flag each, hex or base64); the recomputed "+
					"weights are what the deterministic PoA engine gives for the receipt. The signer posts params.challenge_bond."),
			// Hand-written (client/cli): the proof and the claim are
			// built from the serving node's receipts file.
			clikit.HandWritten(clikit.Command("ChallengeUsage", "challenge-usage <record-id> <receipts.json> <leaf-index>", "Dispute the usage of one receipt of a pending record (model, fee or token counts)")),
			clikit.Command("VoteChallenge", "vote <challenge-id> <uphold true|false>", "Vote on an open challenge as an active attestor (stake-weighted, once)", "challenge_id", "uphold"),
			clikit.ParamsProposal(),
		),
	}
}
