// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @title BridgeHashing
/// @notice The bytes x/bridge signs and commits to, reproduced exactly
/// (x/bridge/types/hashing.go): the EIP-712 domain with a salt, the
/// Checkpoint struct, the validator set hash and the OpenZeppelin
/// StandardMerkleTree withdrawal leaf. A byte of difference would make L1
/// recover other signers than the chain's or verify no withdrawal at all.
library BridgeHashing {
    /// @notice A checkpoint header as x/bridge makes and signs it.
    struct Checkpoint {
        uint64 nonce;
        uint64 height;
        bytes32 withdrawalRoot;
        bytes32 signerValsetHash;
        bytes32 nextValsetHash;
        uint64 lastDepositNonce;
        bytes32 appHash;
    }

    bytes32 internal constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)"
    );
    bytes32 internal constant CHECKPOINT_TYPEHASH = keccak256(
        "Checkpoint(uint64 nonce,uint64 height,bytes32 withdrawalRoot,bytes32 signerValsetHash,bytes32 nextValsetHash,uint64 lastDepositNonce,bytes32 appHash)"
    );
    bytes32 internal constant NAME_HASH = keccak256("OpenLedger Bridge");
    bytes32 internal constant VERSION_HASH = keccak256("1");

    /// @notice hashStruct of the domain {name "OpenLedger Bridge", version "1",
    /// chainId, verifyingContract, salt = bridge id}.
    function domainSeparator(uint256 chainId, address verifyingContract, bytes32 bridgeId)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, NAME_HASH, VERSION_HASH, chainId, verifyingContract, bridgeId));
    }

    /// @notice hashStruct of a checkpoint: each uint64 is ABI-encoded as one
    /// 32-byte word, as EIP-712 encodes atomic types.
    function checkpointStructHash(Checkpoint calldata cp) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                CHECKPOINT_TYPEHASH,
                cp.nonce,
                cp.height,
                cp.withdrawalRoot,
                cp.signerValsetHash,
                cp.nextValsetHash,
                cp.lastDepositNonce,
                cp.appHash
            )
        );
    }

    /// @notice The EIP-712 digest validators sign: keccak256(0x1901 ‖ domain ‖ struct).
    function typedDigest(bytes32 separator, bytes32 structHash) internal pure returns (bytes32 digest) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, hex"1901")
            mstore(add(ptr, 0x02), separator)
            mstore(add(ptr, 0x22), structHash)
            digest := keccak256(ptr, 0x42)
        }
    }

    /// @notice keccak256(abi.encode(address[] signers, uint256[] powers)), the
    /// hash x/bridge puts in signerValsetHash and nextValsetHash.
    function valsetHash(address[] calldata signers, uint256[] calldata powers) internal pure returns (bytes32) {
        return keccak256(abi.encode(signers, powers));
    }

    /// @notice A withdrawal's StandardMerkleTree leaf of ["uint256", "address",
    /// "uint256"]: hashed twice, so a leaf (a 32-byte preimage hashed again) can
    /// never be taken for an inner node (a 64-byte preimage).
    function withdrawalLeaf(uint256 nonce, address recipient, uint256 amount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(nonce, recipient, amount))));
    }
}
