// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {DATANET_CONTRACT, ReviewDecision} from "precompiles/datanet/IDatanet.sol";

/// A Datanet owned and curated by a contract: members vote on each pending
/// contribution, and the contribution is accepted once a quorum of members
/// has voted for it. The contract pays the creation fee from the OPEN sent
/// with its deployment.
contract DatanetDAO {
    uint64 public immutable datanetId;
    uint256 public immutable quorum;
    mapping(address => bool) public isMember;
    mapping(uint64 => uint256) public votes;
    mapping(uint64 => mapping(address => bool)) public voted;

    event Accepted(uint64 indexed contributionId, uint64 version, bytes32 root);

    constructor(address[] memory members, uint256 quorum_, string memory name) payable {
        for (uint256 i = 0; i < members.length; i++) {
            isMember[members[i]] = true;
        }
        quorum = quorum_;
        string[] memory tags = new string[](1);
        tags[0] = "dao";
        // Public contributions, reviewed by the owner: this contract.
        datanetId = DATANET_CONTRACT.createDatanet(name, "curated by its members", "", tags, "CC-BY-4.0", 1, 1);
    }

    function vote(uint64 contributionId) external {
        require(isMember[msg.sender], "not a member");
        require(!voted[contributionId][msg.sender], "already voted");
        voted[contributionId][msg.sender] = true;
        if (++votes[contributionId] != quorum) {
            return;
        }
        ReviewDecision[] memory decisions = new ReviewDecision[](1);
        decisions[0] = ReviewDecision({contributionId: contributionId, accept: true, reason: "quorum"});
        (,, uint64 version, bytes32 root) = DATANET_CONTRACT.reviewContributions(datanetId, decisions);
        emit Accepted(contributionId, version, root);
    }
}
