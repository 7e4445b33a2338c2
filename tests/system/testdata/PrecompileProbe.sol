// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {DATANET_PRECOMPILE_ADDRESS, DATANET_CONTRACT, IDatanet} from "precompiles/datanet/IDatanet.sol";

/// Calls the Datanet precompile in the ways a writing method must refuse,
/// and catches its revert as a contract would.
contract PrecompileProbe {
    function createCall() internal pure returns (bytes memory) {
        return abi.encodeCall(IDatanet.createDatanet, ("probe", "", "", new string[](0), "MIT", 1, 1));
    }

    /// A delegatecall runs the precompile read-only: it must fail.
    function delegateCreate() external returns (bool ok, bytes memory result) {
        (ok, result) = DATANET_PRECOMPILE_ADDRESS.delegatecall(createCall());
    }

    /// A staticcall must not write either.
    function staticCreate() external view returns (bool ok, bytes memory result) {
        (ok, result) = DATANET_PRECOMPILE_ADDRESS.staticcall(createCall());
    }

    /// Archives a Datanet the probe does not own and returns the decoded
    /// CosmosError.
    function archiveForeign(uint64 datanetId) external returns (string memory codespace, uint32 code) {
        try DATANET_CONTRACT.archiveDatanet(datanetId) {
            revert("archived a Datanet it does not own");
        } catch (bytes memory reason) {
            require(bytes4(reason) == IDatanet.CosmosError.selector, "not a CosmosError");
            bytes memory args = new bytes(reason.length - 4);
            for (uint256 i = 0; i < args.length; i++) {
                args[i] = reason[i + 4];
            }
            (codespace, code,) = abi.decode(args, (string, uint32, string));
        }
    }
}
