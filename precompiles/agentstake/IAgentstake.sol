// SPDX-License-Identifier: Apache-2.0
pragma solidity >=0.8.18;

/// @dev The agent staking precompile lives at this fixed address on every OpenLedger chain.
address constant AGENTSTAKE_PRECOMPILE_ADDRESS = 0x0000000000000000000000000000000000000902;

/// @dev The agent staking precompile, ready to call.
IAgentstake constant AGENTSTAKE_CONTRACT = IAgentstake(AGENTSTAKE_PRECOMPILE_ADDRESS);

/// @dev AgentKind: 1 serving node, 2 autonomous agent.
/// AgentStatus: 1 active, 2 inactive (below the minimum stake), 3 jailed.
/// Amounts are in aopen (10^-18 OPEN), the EVM's native unit; times are Unix seconds.
struct Agent {
    address operator;
    address owner;
    uint8 kind;
    uint64[] modelIds;
    string endpoint;
    string metadataUri;
    uint256 bonded;
    uint8 status;
    int64 jailedUntil;
    int64 createdHeight;
    int64 updatedHeight;
}

/// @title Agents and serving nodes stake OPEN from the EVM
/// @dev msg.sender is the owner: it pays the stake and controls it. An agent's operator
/// is the key that signs its work; in every method the zero address names the owner's
/// own agent (operator = msg.sender). Stake is
/// taken from msg.sender's native OPEN; no method accepts msg.value. Writing methods
/// refuse staticcall and delegatecall.
interface IAgentstake {
    /// @dev Every failure reverts with the module's registered error: its codespace
    /// ("agentstake", or "sdk" for errors of the SDK such as insufficient funds), its
    /// code, and the full message.
    error CosmosError(string codespace, uint32 code, string message);

    event AgentRegistered(address indexed operator, address indexed owner, uint8 kind, uint256 stake);
    event StakeAdded(address indexed operator, address indexed owner, uint256 amount);
    event AgentUpdated(address indexed operator);
    event UnbondingStarted(address indexed operator, address indexed owner, uint64 entryId, uint256 amount, int64 completionTime);
    event AgentUnjailed(address indexed operator);

    /// @dev modelIds strictly ascending, each an active model.
    function registerAgent(
        address operator,
        uint8 kind,
        uint64[] calldata modelIds,
        string calldata endpoint,
        string calldata metadataUri,
        uint256 stake
    ) external returns (address agent);

    function addStake(address operator, uint256 amount) external returns (bool success);

    function updateAgent(address operator, uint64[] calldata modelIds, string calldata endpoint, string calldata metadataUri)
        external
        returns (bool success);

    /// @dev The amount returns to the owner at completionTime, unless slashed before.
    function beginUnbonding(address operator, uint256 amount) external returns (uint64 entryId, int64 completionTime);

    function unjail(address operator) external returns (bool success);

    function getAgent(address operator) external view returns (Agent memory agent);
}
