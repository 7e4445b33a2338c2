// SPDX-License-Identifier: Apache-2.0
pragma solidity >=0.8.18;

/// @dev The Datanet precompile lives at this fixed address on every OpenLedger chain.
address constant DATANET_PRECOMPILE_ADDRESS = 0x0000000000000000000000000000000000000900;

/// @dev The Datanet precompile, ready to call.
IDatanet constant DATANET_CONTRACT = IDatanet(DATANET_PRECOMPILE_ADDRESS);

/// @dev Visibility: 1 public (anyone contributes), 2 private (only curators and the owner).
/// CurationPolicy: 1 the owner reviews, 2 the curator set reviews.
/// DatanetStatus: 1 active, 2 archived.
/// ContributionStatus: 1 pending, 2 accepted, 3 rejected, 4 withdrawn.
/// Amounts are in aopen (10^-18 OPEN), the EVM's native unit.
struct Datanet {
    uint64 id;
    address owner;
    string name;
    string summary;
    string description;
    string[] tags;
    string license;
    uint8 visibility;
    uint8 curationPolicy;
    address[] curators;
    uint8 status;
    uint64 currentVersion;
    int64 createdHeight;
    int64 updatedHeight;
}

struct Contribution {
    uint64 id;
    uint64 datanetId;
    address contributor;
    bytes32 contentHash;
    uint64 sizeBytes;
    string mediaType;
    bytes inlineData;
    string uri;
    uint8 status;
    uint256 feePaid;
    uint256 deposit;
    uint8 depositOutcome;
    int64 submittedHeight;
    int64 resolvedHeight;
    address reviewer;
    string reason;
    uint64 acceptedVersion;
    uint64 leafIndex;
}

/// @dev A published version: the Merkle root over its accepted contributions.
struct Version {
    uint64 datanetId;
    uint64 version;
    bytes32 root;
    uint64 leafCount;
    int64 height;
}

struct ReviewDecision {
    uint64 contributionId;
    bool accept;
    string reason;
}

/// @dev Proof that a contribution is a leaf of a version's root (x/datanet's Merkle layout).
struct MembershipProof {
    uint64 datanetId;
    uint64 version;
    bytes32 root;
    uint64 leafCount;
    uint64 leafIndex;
    bytes32 leaf;
    bytes32[] siblings;
}

/// @title Datanets from the EVM
/// @dev msg.sender is the actor of every transaction: a contract can own, curate and
/// contribute to a Datanet. Fees and deposits are taken from msg.sender's native OPEN;
/// no method accepts msg.value. Writing methods refuse staticcall and delegatecall.
interface IDatanet {
    /// @dev Every failure reverts with the module's registered error: its codespace
    /// ("datanet", or "sdk" for errors of the SDK such as insufficient funds), its
    /// code, and the full message.
    error CosmosError(string codespace, uint32 code, string message);

    event DatanetCreated(uint64 indexed datanetId, address indexed owner, string name);
    event DatanetUpdated(uint64 indexed datanetId);
    event CuratorsSet(uint64 indexed datanetId, address[] curators);
    event DatanetArchived(uint64 indexed datanetId, uint64[] closedContributionIds);
    event OwnershipTransferred(uint64 indexed datanetId, address indexed previousOwner, address indexed newOwner);
    event ContributionSubmitted(
        uint64 indexed datanetId,
        uint64 indexed contributionId,
        address indexed contributor,
        bytes32 contentHash,
        uint256 feePaid,
        uint256 deposit
    );
    event ContributionWithdrawn(uint64 indexed contributionId, address indexed contributor, uint256 depositReturned);
    event ContributionsReviewed(
        uint64 indexed datanetId,
        address indexed reviewer,
        uint64[] acceptedIds,
        uint64[] rejectedIds,
        uint64 version,
        bytes32 root
    );

    function createDatanet(
        string calldata name,
        string calldata summary,
        string calldata description,
        string[] calldata tags,
        string calldata license,
        uint8 visibility,
        uint8 curationPolicy
    ) external returns (uint64 datanetId);

    function updateDatanet(
        uint64 datanetId,
        string calldata name,
        string calldata summary,
        string calldata description,
        string[] calldata tags,
        string calldata license,
        uint8 visibility,
        uint8 curationPolicy
    ) external returns (bool success);

    function setCurators(uint64 datanetId, address[] calldata curators) external returns (bool success);

    function archiveDatanet(uint64 datanetId) external returns (uint64[] memory closedContributionIds);

    function transferOwnership(uint64 datanetId, address newOwner) external returns (bool success);

    /// @dev Either inlineData (whose SHA-256 must equal contentHash) or uri, not both.
    function submitContribution(
        uint64 datanetId,
        bytes32 contentHash,
        uint64 sizeBytes,
        string calldata mediaType,
        bytes calldata inlineData,
        string calldata uri
    ) external returns (uint64 contributionId, uint256 feePaid, uint256 deposit);

    function withdrawContribution(uint64 contributionId) external returns (uint256 depositReturned);

    /// @dev Accepting at least one contribution publishes a new version.
    function reviewContributions(uint64 datanetId, ReviewDecision[] calldata decisions)
        external
        returns (uint64[] memory acceptedIds, uint64[] memory rejectedIds, uint64 version, bytes32 root);

    function getDatanet(uint64 datanetId) external view returns (Datanet memory datanet);

    function getContribution(uint64 contributionId) external view returns (Contribution memory contribution);

    function getVersion(uint64 datanetId, uint64 version) external view returns (Version memory);

    /// @dev version 0 means the Datanet's current version.
    function getMembershipProof(uint64 contributionId, uint64 version) external view returns (MembershipProof memory proof);
}
