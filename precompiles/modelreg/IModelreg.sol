// SPDX-License-Identifier: Apache-2.0
pragma solidity >=0.8.18;

/// @dev The model registry precompile lives at this fixed address on every OpenLedger chain.
address constant MODELREG_PRECOMPILE_ADDRESS = 0x0000000000000000000000000000000000000901;

/// @dev The model registry precompile, ready to call.
IModelreg constant MODELREG_CONTRACT = IModelreg(MODELREG_PRECOMPILE_ADDRESS);

/// @dev ModelKind: 1 base, 2 full fine-tune, 3 LoRA adapter.
/// ArtifactFormat: 1 safetensors, 2 PEFT adapter, 3 GGUF.
/// ModelStatus: 1 active, 2 deprecated, 3 revoked.
/// Prices are in aopen (10^-18 OPEN), the EVM's native unit.
struct Artifact {
    string uri;
    bytes32 sha256;
    uint64 sizeBytes;
    uint8 format;
}

/// @dev A Datanet version a model was trained on, pinned by its Merkle root.
struct DatasetRef {
    uint64 datanetId;
    uint64 version;
    bytes32 root;
}

struct KeyValue {
    string key;
    string value;
}

/// @dev How the model was made. A zero configHash or manifestSha256 means none.
struct TrainingRecord {
    DatasetRef[] datasets;
    string method;
    KeyValue[] hyperparameters;
    bytes32 configHash;
    string trainer;
    bytes32 manifestSha256;
}

struct Metric {
    string name;
    string value;
}

struct Price {
    uint256 perCall;
    uint256 per1kTokens;
}

/// @dev What registerModel takes (the owner is msg.sender).
struct ModelRegistration {
    string name;
    uint8 kind;
    uint64 baseModelId;
    string architecture;
    Artifact artifact;
    TrainingRecord training;
    Metric[] evalMetrics;
    string license;
    Price price;
    uint64 previousVersionId;
}

struct Model {
    uint64 id;
    address owner;
    string name;
    uint8 kind;
    uint64 baseModelId;
    string architecture;
    Artifact artifact;
    TrainingRecord training;
    Metric[] evalMetrics;
    string license;
    Price price;
    uint8 status;
    uint64 previousVersionId;
    int64 createdHeight;
    int64 updatedHeight;
}

/// @title Models and LoRA adapters from the EVM
/// @dev msg.sender is the actor of every transaction: a contract can register and own a
/// model. The registration fee is taken from msg.sender's native OPEN; no method accepts
/// msg.value. Writing methods refuse staticcall and delegatecall.
interface IModelreg {
    /// @dev Every failure reverts with the module's registered error: its codespace
    /// ("modelreg", or "sdk" for errors of the SDK such as insufficient funds), its
    /// code, and the full message.
    error CosmosError(string codespace, uint32 code, string message);

    event ModelRegistered(uint64 indexed modelId, address indexed owner, uint8 kind, uint64 baseModelId, string name);
    event ModelUpdated(uint64 indexed modelId);
    event ModelDeprecated(uint64 indexed modelId);
    event OwnershipTransferred(uint64 indexed modelId, address indexed previousOwner, address indexed newOwner);

    function registerModel(ModelRegistration calldata registration) external returns (uint64 modelId);

    function updateModel(
        uint64 modelId,
        string calldata name,
        string calldata architecture,
        Metric[] calldata evalMetrics,
        string calldata license,
        Price calldata price
    ) external returns (bool success);

    function deprecateModel(uint64 modelId) external returns (bool success);

    function transferOwnership(uint64 modelId, address newOwner) external returns (bool success);

    function getModel(uint64 modelId) external view returns (Model memory model);

    /// @dev ancestors: previous versions and base models, transitively, nearest first;
    /// datasets: the Datanet versions used by the model and its ancestors, in ascending
    /// (datanetId, version) order.
    function getLineage(uint64 modelId) external view returns (Model[] memory ancestors, DatasetRef[] memory datasets);
}
