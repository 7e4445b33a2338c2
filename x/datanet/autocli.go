package datanet

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/openledger/openledger/x/datanet/types"
)

// AutoCLIOptions builds `openledgerd tx datanet ...` and
// `openledgerd query datanet ...` from the Msg and Query services. Enum
// arguments take kebab-case names without the enum prefix (public, private,
// owner-reviews, curator-set-reviews, pending, accepted, ...). Bytes
// arguments take hex, base64 or a file path.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			// The module also has hand-written commands (GetQueryCmd);
			// AutoCLI adds its commands next to them.
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the module parameters",
				},
				{
					RpcMethod:      "Datanet",
					Use:            "datanet <datanet-id>",
					Short:          "Show a Datanet",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "datanet_id"}},
				},
				{
					RpcMethod: "Datanets",
					Use:       "datanets [--owner address | --tag tag]",
					Short:     "List Datanets: all, of one owner, or with one tag",
				},
				{
					RpcMethod:      "Contribution",
					Use:            "contribution <contribution-id>",
					Short:          "Show a contribution",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "contribution_id"}},
				},
				{
					RpcMethod:      "ContributionsByDatanet",
					Use:            "contributions <datanet-id> [--status pending|accepted|rejected|withdrawn]",
					Short:          "List the contributions of a Datanet",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "datanet_id"}},
				},
				{
					RpcMethod:      "ContributionsByContributor",
					Use:            "contributions-by-contributor <contributor>",
					Short:          "List the contributions of an account",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "contributor"}},
				},
				{
					RpcMethod: "Version",
					Use:       "version <datanet-id> [version]",
					Short:     "Show a version of a Datanet (default: the current one)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "datanet_id"}, {ProtoField: "version", Optional: true},
					},
				},
				{
					RpcMethod:      "Versions",
					Use:            "versions <datanet-id>",
					Short:          "List the versions of a Datanet",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "datanet_id"}},
				},
				{
					RpcMethod:      "AcceptedContributions",
					Use:            "accepted <datanet-id>",
					Short:          "List the accepted contributions of a Datanet in Merkle leaf order",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "datanet_id"}},
				},
				{
					RpcMethod: "MembershipProof",
					Use:       "membership-proof <contribution-id> [version]",
					Short:     "Prove that an accepted contribution is in a version (default: the current one)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "contribution_id"}, {ProtoField: "version", Optional: true},
					},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: types.Msg_serviceDesc.ServiceName,
			// The module also has hand-written commands (GetTxCmd); AutoCLI
			// adds its commands next to them.
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "CreateDatanet",
					Use:       "create-datanet <name> <license> <visibility> <curation-policy> [--summary s] [--description md] [--tags a,b]",
					Short:     "Create a Datanet (pays the creation fee); visibility public|private, policy owner-reviews|curator-set-reviews",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "name"}, {ProtoField: "license"}, {ProtoField: "visibility"}, {ProtoField: "curation_policy"},
					},
				},
				{
					RpcMethod: "UpdateDatanet",
					Use:       "update-datanet <datanet-id> <name> <license> <visibility> <curation-policy> [--summary s] [--description md] [--tags a,b]",
					Short:     "Replace the metadata of a Datanet you own (fields left out become empty)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "datanet_id"},
						{ProtoField: "name"},
						{ProtoField: "license"},
						{ProtoField: "visibility"},
						{ProtoField: "curation_policy"},
					},
				},
				{
					RpcMethod: "SetCurators",
					Use:       "set-curators <datanet-id> [curator...]",
					Short:     "Replace the curator set of a Datanet you own (none: remove all)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "datanet_id"}, {ProtoField: "curators", Varargs: true},
					},
				},
				{
					RpcMethod:      "ArchiveDatanet",
					Use:            "archive-datanet <datanet-id>",
					Short:          "Archive a Datanet you own for good; pending contributions are closed and refunded",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "datanet_id"}},
				},
				{
					RpcMethod: "TransferDatanetOwnership",
					Use:       "transfer-datanet-ownership <datanet-id> <new-owner>",
					Short:     "Hand a Datanet you own to another account",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "datanet_id"}, {ProtoField: "new_owner"},
					},
				},
				{
					RpcMethod: "SubmitContribution",
					Use:       "submit-contribution <datanet-id> <sha256-hex> <size-bytes> <media-type> (--inline-data file|hex|base64 | --uri uri)",
					Short:     "Submit content to a Datanet (pays the per-byte fee and the deposit)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "datanet_id"}, {ProtoField: "content_hash"}, {ProtoField: "size_bytes"}, {ProtoField: "media_type"},
					},
				},
				{
					RpcMethod:      "WithdrawContribution",
					Use:            "withdraw-contribution <contribution-id>",
					Short:          "Withdraw your pending contribution and get its deposit back",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "contribution_id"}},
				},
				{
					RpcMethod: "ReviewContributions",
					Use:       `review-contributions <datanet-id> <decision-json>... (e.g. '{"contribution_id":"7","accept":true}')`,
					Short:     "Accept or reject pending contributions of a Datanet; accepting any makes a new version",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "datanet_id"}, {ProtoField: "decisions", Varargs: true},
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
