// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title OpenToken
/// @notice OPEN on Ethereum: a fixed-supply ERC-20 of 18 decimals. The whole
/// supply, 10^27 base units (the chain's 10^27 aopen), is minted once to
/// `holder`; nothing can mint or burn afterwards, so the L1 supply and the
/// chain's supply stay the same integer and the bridge only moves tokens
/// between its lockbox and holders. Used by tests and local dev chains.
contract OpenToken is ERC20 {
    /// @notice The fixed supply: one billion OPEN of 18 decimals.
    uint256 public constant TOTAL_SUPPLY = 1e27;

    constructor(address holder) ERC20("OpenLedger", "OPEN") {
        _mint(holder, TOTAL_SUPPLY);
    }
}
