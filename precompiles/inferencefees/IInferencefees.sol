// SPDX-License-Identifier: Apache-2.0
pragma solidity >=0.8.18;

/// @dev The inference fees precompile lives at this fixed address on every OpenLedger chain.
address constant INFERENCEFEES_PRECOMPILE_ADDRESS = 0x0000000000000000000000000000000000000903;

/// @dev The inference fees precompile, ready to call.
IInferencefees constant INFERENCEFEES_CONTRACT = IInferencefees(INFERENCEFEES_PRECOMPILE_ADDRESS);

/// @dev Amounts are in aopen (10^-18 OPEN), the EVM's native unit; times are Unix seconds.

/// @dev One pending withdrawal: requested amount; the payout at releaseTime is
/// min(amount, credit balance then).
struct Withdrawal {
    uint64 id;
    uint256 amount;
    int64 requestedHeight;
    int64 releaseTime;
}

/// @dev A user's prepaid credit. locked is the part of the balance under withdrawal,
/// min(pendingWithdrawal, balance); available = balance - locked is what may still be
/// requested for withdrawal. Settled vouchers and matured withdrawals pay out of balance.
struct Credit {
    uint256 balance;
    uint256 pendingWithdrawal;
    uint256 locked;
    uint256 available;
    Withdrawal[] withdrawals;
}

/// @dev The payment channel of a user and a serving node: the cumulative amount and
/// nonce of the last voucher the node settled.
struct Channel {
    address user;
    address servingNode;
    uint256 settledAmount;
    uint64 lastNonce;
    int64 lastSettledHeight;
}

/// @dev An attribution weight: a Datanet contribution's share of the data reward, in
/// parts per million.
struct ContributionWeight {
    uint64 contributionId;
    uint32 ppm;
}

/// @title Inference credit and direct inference payments from the EVM
/// @dev msg.sender is the user: it owns the credit and pays. depositCredit is payable
/// and deposits exactly msg.value; every other method refuses msg.value, and payInference
/// pays from msg.sender's native OPEN. Writing methods refuse staticcall and delegatecall.
interface IInferencefees {
    /// @dev Every failure reverts with the registered error: its codespace
    /// ("inferencefees"; "modelreg", "agentstake" or "attribution" for a model, node or
    /// attribution those modules refuse; "sdk" for errors of the SDK such as insufficient
    /// funds; "precompile" for msg.value sent to a method that is not payable), its code,
    /// and the full message.
    error CosmosError(string codespace, uint32 code, string message);

    event CreditDeposited(address indexed user, uint256 amount, uint256 balance);
    event WithdrawalRequested(address indexed user, uint64 indexed withdrawalId, uint256 amount, int64 releaseTime);
    event InferencePaid(
        address indexed payer, address indexed servingNode, uint64 indexed modelId, uint256 amount, uint64 attributionRecordId
    );

    /// @dev Adds msg.value to msg.sender's credit; at least the module's min_deposit.
    function depositCredit() external payable returns (uint256 balance);

    /// @dev The amount stays in the credit, paying settlements of vouchers already handed
    /// out, until releaseTime; then min(amount, balance) returns to msg.sender.
    function requestWithdrawal(uint256 amount) external returns (uint64 withdrawalId, int64 releaseTime);

    /// @dev Pays servingNode for inferenceCount inferences of modelId from msg.sender's
    /// OPEN, split as a settled batch is. amount is the model's price for the inferences
    /// and tokens. receiptsRoot is the receipts' Merkle root, zero for none. method and
    /// weights (contribution ids strictly ascending) are the attribution: an empty method
    /// with no weights records none. attributionRecordId is 0 when no record is made.
    function payInference(
        address servingNode,
        uint64 modelId,
        uint256 amount,
        uint64 inferenceCount,
        bytes32 receiptsRoot,
        string calldata method,
        ContributionWeight[] calldata weights,
        uint64 tokens
    ) external returns (uint64 attributionRecordId);

    /// @dev A user without credit has a zero one.
    function getCredit(address user) external view returns (Credit memory credit);

    /// @dev Reverts with inferencefees code 31 (channel not found) for a pair that never settled.
    function getChannel(address user, address servingNode) external view returns (Channel memory channel);
}
