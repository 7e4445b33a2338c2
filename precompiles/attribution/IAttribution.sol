// SPDX-License-Identifier: Apache-2.0
pragma solidity >=0.8.18;

/// @dev The attribution precompile lives at this fixed address on every OpenLedger chain.
address constant ATTRIBUTION_PRECOMPILE_ADDRESS = 0x0000000000000000000000000000000000000904;

/// @dev The attribution precompile, ready to call.
IAttribution constant ATTRIBUTION_CONTRACT = IAttribution(ATTRIBUTION_PRECOMPILE_ADDRESS);

/// @dev Amounts are in aopen (10^-18 OPEN), the EVM's native unit; times are Unix seconds.
/// Record status: 1 pending, 2 challenged, 3 final, 4 overturned. Challenge status: 1 open,
/// 2 upheld, 3 rejected, 4 expired. Usage claim: 1 model, 2 fee, 3 tokens.

/// @dev An attribution weight: a Datanet contribution's share of the data reward, in
/// parts per million.
struct ContributionWeight {
    uint64 contributionId;
    uint32 ppm;
}

/// @dev A Datanet version a record's model was trained on, pinned by its Merkle root.
struct DatasetVersion {
    uint64 datanetId;
    uint64 version;
    bytes32 root;
}

/// @dev What one account earns from a record; contributionId 0 is a Datanet owner's
/// curator share.
struct Payout {
    address recipient;
    uint64 contributionId;
    uint256 amount;
}

/// @dev An attribution record: one model's part of a settled batch or direct payment.
/// receiptsRoot is zero for a record without receipts, which cannot be challenged.
struct Record {
    uint64 id;
    address servingNode;
    uint64 modelId;
    string method;
    DatasetVersion[] datasets;
    bytes32 receiptsRoot;
    uint64 inferenceCount;
    ContributionWeight[] weights;
    uint256 dataReward;
    Payout[] payouts;
    uint256 unattributed;
    int64 createdHeight;
    int64 challengeDeadline;
    uint8 status;
    uint64 openChallengeId;
    int64 resolvedHeight;
    uint32 receiptVersion;
    uint256 pricePerCall;
    uint256 pricePer1kTokens;
    uint64 tokens;
    uint64[] batchModelIds;
    bool nodeSignedRoot;
}

/// @dev A serving node's receipt of one inference, as it committed to it in the batch's
/// receipts root: outputHash is the SHA-256 of the output text, fee the aopen charged,
/// method the attribution method that computed the weights.
struct Receipt {
    address user;
    uint64 modelId;
    bytes32 outputHash;
    ContributionWeight[] weights;
    uint64 promptTokens;
    uint64 completionTokens;
    uint256 fee;
    string method;
}

/// @title Proof of Attribution rewards and challenges from the EVM
/// @dev msg.sender is the claimant, the challenger or the attestor. No method accepts
/// msg.value: a challenge's bond is taken from msg.sender's native OPEN. Writing methods
/// refuse staticcall and delegatecall.
interface IAttribution {
    /// @dev Every failure reverts with the registered error: its codespace ("attribution";
    /// "sdk" for errors of the SDK such as insufficient funds; "precompile" for msg.value),
    /// its code, and the full message.
    error CosmosError(string codespace, uint32 code, string message);

    event RewardsClaimed(address indexed claimant, uint256 amount);
    event AttributionChallenged(
        address indexed challenger, uint64 indexed recordId, uint64 indexed challengeId, int64 votingDeadline
    );
    event UsageChallenged(
        address indexed challenger,
        uint64 indexed recordId,
        uint64 indexed challengeId,
        uint8 claim,
        uint8 status,
        int64 votingDeadline
    );
    event ChallengeVoted(address indexed attestor, uint64 indexed challengeId, bool uphold, uint8 status);

    /// @dev Pays msg.sender everything that became claimable for it, in one transfer.
    /// Reverts with attribution code 32 (nothing to claim) when there is nothing.
    function claimRewards() external returns (uint256 amount);

    /// @dev Disputes one receipt of a pending record, posting the challenge bond: the
    /// receipt is leaf leafIndex of leafCount under the record's receipts root (proof: the
    /// 32 sibling hashes from the leaf up), and recomputedWeights are the weights the PoA
    /// engine gives it, different from the receipt's.
    function challengeAttribution(
        uint64 recordId,
        Receipt calldata receipt,
        uint64 leafIndex,
        uint64 leafCount,
        bytes32[] calldata proof,
        ContributionWeight[] calldata recomputedWeights
    ) external returns (uint64 challengeId, int64 votingDeadline);

    /// @dev Disputes one receipt's usage (claim 1 model, 2 fee, 3 tokens with the true
    /// counts), posting the challenge bond. A model claim is decided at once: status 2
    /// (upheld); otherwise status 1 (open) and attestors vote.
    function challengeUsage(
        uint64 recordId,
        Receipt calldata receipt,
        uint64 leafIndex,
        uint64 leafCount,
        bytes32[] calldata proof,
        uint8 claim,
        uint64 claimedPromptTokens,
        uint64 claimedCompletionTokens
    ) external returns (uint64 challengeId, uint8 status, int64 votingDeadline);

    /// @dev An active attestor's stake-weighted vote; status is the challenge's after it.
    function voteChallenge(uint64 challengeId, bool uphold) external returns (uint8 status);

    /// @dev pending waits for its records to become final; claimable is paid by claimRewards.
    function getRewards(address account) external view returns (uint256 pending, uint256 claimable);

    /// @dev Reverts with attribution code 18 (record not found) for an unknown id.
    function getRecord(uint64 recordId) external view returns (Record memory record);
}
