package datanet

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/clikit"
)

// AutoCLIOptions builds `openledgerd tx datanet ...` and
// `openledgerd query datanet ...` from the Msg and Query services. Enum
// arguments take kebab-case names without the enum prefix (public, private,
// owner-reviews, curator-set-reviews, pending, accepted, ...). Bytes
// arguments take hex, base64 or a file path.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		// The module also has hand-written commands (GetQueryCmd);
		// AutoCLI adds its commands next to them.
		Query: clikit.Service(types.Query_serviceDesc.ServiceName, true,
			clikit.ParamsQuery(),
			clikit.Command("Datanet", "datanet <datanet-id>", "Show a Datanet", "datanet_id"),
			clikit.Command("Datanets", "datanets [--owner address | --tag tag]", "List Datanets: all, of one owner, or with one tag"),
			clikit.Command("Contribution", "contribution <contribution-id>", "Show a contribution", "contribution_id"),
			clikit.Command("ContributionsByDatanet", "contributions <datanet-id> [--status pending|accepted|rejected|withdrawn]", "List the contributions of a Datanet", "datanet_id"),
			clikit.Command("ContributionsByContributor", "contributions-by-contributor <contributor>", "List the contributions of an account", "contributor"),
			clikit.Command("Version", "version <datanet-id> [version]", "Show a version of a Datanet (default: the current one)", "datanet_id", "version?"),
			clikit.Command("Versions", "versions <datanet-id>", "List the versions of a Datanet", "datanet_id"),
			clikit.Command("AcceptedContributions", "accepted <datanet-id>", "List the accepted contributions of a Datanet in Merkle leaf order", "datanet_id"),
			clikit.Command("MembershipProof", "membership-proof <contribution-id> [version]", "Prove that an accepted contribution is in a version (default: the current one)", "contribution_id", "version?"),
		),
		// The module also has hand-written commands (GetTxCmd); AutoCLI
		// adds its commands next to them.
		Tx: clikit.Service(types.Msg_serviceDesc.ServiceName, true,
			clikit.Command("CreateDatanet", "create-datanet <name> <license> <visibility> <curation-policy> [--summary s] [--description md] [--tags a,b]", "Create a Datanet (pays the creation fee); visibility public|private, policy owner-reviews|curator-set-reviews", "name", "license", "visibility", "curation_policy"),
			clikit.Command("UpdateDatanet", "update-datanet <datanet-id> <name> <license> <visibility> <curation-policy> [--summary s] [--description md] [--tags a,b]", "Replace the metadata of a Datanet you own (fields left out become empty)", "datanet_id", "name", "license", "visibility", "curation_policy"),
			clikit.Command("SetCurators", "set-curators <datanet-id> [curator...]", "Replace the curator set of a Datanet you own (none: remove all)", "datanet_id", "curators..."),
			clikit.Command("ArchiveDatanet", "archive-datanet <datanet-id>", "Archive a Datanet you own for good; pending contributions are closed and refunded", "datanet_id"),
			clikit.Command("TransferDatanetOwnership", "transfer-datanet-ownership <datanet-id> <new-owner>", "Hand a Datanet you own to another account", "datanet_id", "new_owner"),
			clikit.Command("SubmitContribution", "submit-contribution <datanet-id> <sha256-hex> <size-bytes> <media-type> (--inline-data file|hex|base64 | --uri uri)", "Submit content to a Datanet (pays the per-byte fee and the deposit)", "datanet_id", "content_hash", "size_bytes", "media_type"),
			clikit.Command("WithdrawContribution", "withdraw-contribution <contribution-id>", "Withdraw your pending contribution and get its deposit back", "contribution_id"),
			clikit.Command("ReviewContributions", `review-contributions <datanet-id> <decision-json>... (e.g. '{"contribution_id":"7","accept":true}')`, "Accept or reject pending contributions of a Datanet; accepting any makes a new version", "datanet_id", "decisions..."),
			clikit.ParamsProposal(),
		),
	}
}
