// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

import {BridgeHashing} from "./BridgeHashing.sol";

/// @title OpenLedgerBridge
/// @notice The Ethereum side of OPEN's bridge: a lockbox. It never mints.
/// A deposit locks OPEN here and x/bridge pays the same amount of aopen out
/// of its escrow; a withdrawal escrowed on the chain is released here against
/// a Merkle proof into a checkpoint's withdrawal root.
///
/// Checkpoints are EIP-712 signed by the chain's validator set (x/bridge,
/// "What L1 verifies"). This contract accepts them in nonce order, each signed
/// by more than 2/3 of the power of the set it holds, and gives a guardian a
/// challenge window on each: the checkpoint's withdrawal root is spendable,
/// and the validator set it names takes effect, only once the window passed
/// without a veto. Two conflicting checkpoints of one nonce, both signed by a
/// quorum of the held set, freeze the bridge for good.
contract OpenLedgerBridge {
    using SafeERC20 for IERC20;

    /// @notice A validator set as x/bridge hashes it: keys in ascending
    /// address order and their consensus powers.
    struct Valset {
        address[] signers;
        uint256[] powers;
    }

    /// @notice One validator's signature of a checkpoint digest. signerIndex is
    /// its position in the signer set; signatures come in strictly ascending
    /// index order, which is how a duplicate is refused.
    struct Signature {
        uint256 signerIndex;
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    /// @notice What is kept of an accepted checkpoint.
    struct AcceptedCheckpoint {
        bytes32 withdrawalRoot;
        bytes32 digest;
        uint64 acceptedAt;
        bool vetoed;
    }

    /// @notice The bridged token (OPEN).
    IERC20 public immutable token;
    /// @notice x/bridge's bridge_id, the EIP-712 salt.
    bytes32 public immutable bridgeId;
    /// @notice Seconds between a checkpoint's acceptance and its withdrawal
    /// root becoming spendable (and its next set taking effect).
    uint256 public immutable challengeWindow;
    /// @notice May pause, unpause and veto checkpoints in their window; can
    /// move no funds.
    address public immutable guardian;

    /// @notice Hash of the validator set that signs the next checkpoint.
    bytes32 public valsetHash;
    /// @notice A set named by an accepted checkpoint that has not taken effect
    /// yet (zero when none), when it does, and the checkpoint that named it.
    bytes32 public pendingValsetHash;
    uint64 public pendingValsetEffectiveAt;
    uint64 public pendingValsetNonce;

    /// @notice Nonce of the last accepted checkpoint (0 before the first).
    uint64 public lastCheckpointNonce;
    /// @notice Nonce of the last deposit (deposits run from 1 without a gap).
    uint64 public lastDepositNonce;
    bool public paused;
    /// @notice Set by proven equivocation; nothing but reads works afterwards.
    bool public frozen;

    mapping(uint64 nonce => AcceptedCheckpoint) private _checkpoints;
    /// @notice Digests the guardian vetoed: they can never be accepted again.
    mapping(bytes32 digest => bool) public vetoedDigest;
    /// @dev Bit (nonce % 256) of word (nonce / 256) is set once the withdrawal
    /// of that nonce was paid.
    mapping(uint256 word => uint256 bits) private _claimed;

    event CheckpointAccepted(
        uint64 indexed nonce, bytes32 withdrawalRoot, bytes32 nextValsetHash, bytes32 digest, uint64 maturesAt
    );
    event ValsetUpdated(bytes32 indexed valsetHash, uint64 indexed fromCheckpoint);
    event CheckpointVetoed(uint64 indexed nonce, bytes32 digest);
    event Deposit(uint64 indexed nonce, address indexed sender, bytes32 cosmosRecipient, uint256 amount);
    event WithdrawalFinalized(
        uint256 indexed withdrawalNonce, uint64 indexed checkpointNonce, address indexed recipient, uint256 amount
    );
    event Paused(bool paused);
    event Frozen(uint64 indexed nonce, bytes32 firstDigest, bytes32 secondDigest, address reporter);

    error ZeroArgument();
    error NotGuardian();
    error BridgePaused();
    error BridgeFrozen();
    error UnexpectedNonce(uint64 expected, uint64 got);
    error ValsetNotYetEffective(uint64 effectiveAt);
    error SignerSetMismatch();
    error InvalidValset();
    error NextValsetMismatch();
    error DepositsNotMade(uint64 credited, uint64 made);
    error DigestVetoed();
    error SignaturesNotAscending(uint256 index);
    error InvalidSignature(uint256 index);
    error InsufficientPower(uint256 signed, uint256 total);
    error CheckpointNotAccepted(uint64 nonce);
    error ChallengeWindowOver(uint64 nonce);
    error NoWithdrawals(uint64 nonce);
    error NotMatured(uint64 nonce, uint64 maturesAt);
    error AlreadyClaimed(uint256 withdrawalNonce);
    error InvalidProof();
    error NotConflicting();
    error UntrustedSignerSet();
    error InvalidRecipient();

    modifier onlyGuardian() {
        if (msg.sender != guardian) revert NotGuardian();
        _;
    }

    modifier whenLive() {
        if (frozen) revert BridgeFrozen();
        if (paused) revert BridgePaused();
        _;
    }

    /// @param token_ OPEN on this chain.
    /// @param bridgeId_ x/bridge's bridge_id param.
    /// @param challengeWindow_ seconds (days in production).
    /// @param guardian_ the pauser and vetoer.
    /// @param initialSigners the signer set of checkpoint 1 (its
    /// signerValsetHash), ascending.
    /// @param initialPowers their powers.
    constructor(
        IERC20 token_,
        bytes32 bridgeId_,
        uint256 challengeWindow_,
        address guardian_,
        address[] memory initialSigners,
        uint256[] memory initialPowers
    ) {
        if (address(token_) == address(0) || bridgeId_ == bytes32(0) || challengeWindow_ == 0 || guardian_ == address(0))
        {
            revert ZeroArgument();
        }
        if (challengeWindow_ > type(uint64).max / 2) revert ZeroArgument();
        _checkValset(initialSigners, initialPowers);
        token = token_;
        bridgeId = bridgeId_;
        challengeWindow = challengeWindow_;
        guardian = guardian_;
        valsetHash = keccak256(abi.encode(initialSigners, initialPowers));
        emit ValsetUpdated(valsetHash, 0);
    }

    // ---------------------------------------------------------------------
    // Checkpoints

    /// @notice Accepts checkpoint lastCheckpointNonce + 1.
    /// @param cp the header x/bridge made.
    /// @param signerSet the set that hashes to the held valsetHash.
    /// @param nextSet the set that hashes to cp.nextValsetHash; it must not be
    /// empty or without power, or no later checkpoint could ever be accepted.
    /// @param sigs signatures by members of signerSet, ascending signerIndex.
    function submitCheckpoint(
        BridgeHashing.Checkpoint calldata cp,
        Valset calldata signerSet,
        Valset calldata nextSet,
        Signature[] calldata sigs
    ) external whenLive {
        _applyPendingValset();
        if (pendingValsetHash != bytes32(0)) revert ValsetNotYetEffective(pendingValsetEffectiveAt);
        uint64 expected = lastCheckpointNonce + 1;
        if (cp.nonce != expected) revert UnexpectedNonce(expected, cp.nonce);
        bytes32 held = valsetHash;
        if (cp.signerValsetHash != held || BridgeHashing.valsetHash(signerSet.signers, signerSet.powers) != held) {
            revert SignerSetMismatch();
        }
        if (BridgeHashing.valsetHash(nextSet.signers, nextSet.powers) != cp.nextValsetHash) {
            revert NextValsetMismatch();
        }
        _checkValset(nextSet.signers, nextSet.powers);
        // The chain credits only deposits this contract took: a checkpoint
        // claiming more was signed over deposits that never happened.
        if (cp.lastDepositNonce > lastDepositNonce) revert DepositsNotMade(cp.lastDepositNonce, lastDepositNonce);

        bytes32 digest = checkpointDigest(cp);
        if (vetoedDigest[digest]) revert DigestVetoed();
        _requireQuorum(signerSet, digest, sigs);

        // A zero withdrawalRoot is x/bridge's root of a checkpoint without
        // withdrawals: accepted, so the nonce sequence and set rotation go on,
        // but finalizeWithdrawal refuses it (no proof may verify against it).
        _checkpoints[cp.nonce] = AcceptedCheckpoint({
            withdrawalRoot: cp.withdrawalRoot,
            digest: digest,
            acceptedAt: uint64(block.timestamp),
            vetoed: false
        });
        lastCheckpointNonce = cp.nonce;
        uint64 maturesAt = uint64(block.timestamp + challengeWindow);
        if (cp.nextValsetHash != held) {
            pendingValsetHash = cp.nextValsetHash;
            pendingValsetEffectiveAt = maturesAt;
            pendingValsetNonce = cp.nonce;
        }
        emit CheckpointAccepted(cp.nonce, cp.withdrawalRoot, cp.nextValsetHash, digest, maturesAt);
    }

    /// @notice The guardian voids checkpoint `nonce`, still in its window, and
    /// every later one (they were signed on top of it): their roots are never
    /// spendable, a set they named never takes effect, their digests can never
    /// be accepted again, and the next accepted nonce is `nonce` again.
    function veto(uint64 nonce) external onlyGuardian {
        if (frozen) revert BridgeFrozen();
        if (nonce == 0 || nonce > lastCheckpointNonce) revert CheckpointNotAccepted(nonce);
        AcceptedCheckpoint storage first = _checkpoints[nonce];
        if (block.timestamp >= uint256(first.acceptedAt) + challengeWindow) revert ChallengeWindowOver(nonce);
        for (uint64 n = lastCheckpointNonce; n >= nonce; n--) {
            AcceptedCheckpoint storage c = _checkpoints[n];
            c.vetoed = true;
            vetoedDigest[c.digest] = true;
            emit CheckpointVetoed(n, c.digest);
        }
        if (pendingValsetHash != bytes32(0) && pendingValsetNonce >= nonce) {
            pendingValsetHash = bytes32(0);
            pendingValsetEffectiveAt = 0;
            pendingValsetNonce = 0;
        }
        lastCheckpointNonce = nonce - 1;
    }

    /// @notice Freezes the bridge on proof that the held set (or the set
    /// waiting to take effect) signed two different checkpoints of one nonce.
    /// Anyone may call it.
    function freezeOnEquivocation(
        BridgeHashing.Checkpoint calldata first,
        BridgeHashing.Checkpoint calldata second,
        Valset calldata signerSet,
        Signature[] calldata firstSigs,
        Signature[] calldata secondSigs
    ) external {
        if (frozen) revert BridgeFrozen();
        _applyPendingValset();
        bytes32 setHash = BridgeHashing.valsetHash(signerSet.signers, signerSet.powers);
        // Only a set this contract trusts can freeze it: a set that rotated
        // out holds no stake at risk and could otherwise halt the bridge.
        if (setHash != valsetHash && (pendingValsetHash == bytes32(0) || setHash != pendingValsetHash)) {
            revert UntrustedSignerSet();
        }
        bytes32 firstDigest = checkpointDigest(first);
        bytes32 secondDigest = checkpointDigest(second);
        if (first.nonce != second.nonce || firstDigest == secondDigest) revert NotConflicting();
        _requireQuorum(signerSet, firstDigest, firstSigs);
        _requireQuorum(signerSet, secondDigest, secondSigs);
        frozen = true;
        emit Frozen(first.nonce, firstDigest, secondDigest, msg.sender);
    }

    // ---------------------------------------------------------------------
    // Withdrawals and deposits

    /// @notice Pays the withdrawal (withdrawalNonce, recipient, amount) that
    /// `proof` proves to be a leaf of checkpoint `checkpointNonce`'s root, once
    /// that checkpoint's window passed. Anyone may call it; the tokens go to
    /// recipient. Each withdrawal nonce pays once.
    function finalizeWithdrawal(
        uint64 checkpointNonce,
        uint256 withdrawalNonce,
        address recipient,
        uint256 amount,
        bytes32[] calldata proof
    ) external whenLive {
        if (checkpointNonce == 0 || checkpointNonce > lastCheckpointNonce) {
            revert CheckpointNotAccepted(checkpointNonce);
        }
        AcceptedCheckpoint storage c = _checkpoints[checkpointNonce];
        if (c.vetoed) revert CheckpointNotAccepted(checkpointNonce);
        if (c.withdrawalRoot == bytes32(0)) revert NoWithdrawals(checkpointNonce);
        uint64 maturesAt = uint64(uint256(c.acceptedAt) + challengeWindow);
        if (block.timestamp < maturesAt) revert NotMatured(checkpointNonce, maturesAt);
        uint256 word = withdrawalNonce >> 8;
        uint256 bit = 1 << (withdrawalNonce & 0xff);
        if (_claimed[word] & bit != 0) revert AlreadyClaimed(withdrawalNonce);
        bytes32 leaf = BridgeHashing.withdrawalLeaf(withdrawalNonce, recipient, amount);
        if (!MerkleProof.verifyCalldata(proof, c.withdrawalRoot, leaf)) revert InvalidProof();
        _claimed[word] |= bit;
        emit WithdrawalFinalized(withdrawalNonce, checkpointNonce, recipient, amount);
        token.safeTransfer(recipient, amount);
    }

    /// @notice Locks `amount` of the caller's OPEN (approved beforehand) for
    /// `cosmosRecipient`, the 20 bytes of a chain account right-aligned in 32
    /// (as abi.encode aligns an address). Any 20 bytes are a valid account,
    /// so a deposit can always be credited in its nonce's turn.
    function deposit(bytes32 cosmosRecipient, uint256 amount) external whenLive returns (uint64 nonce) {
        if (amount == 0) revert ZeroArgument();
        if (cosmosRecipient == bytes32(0) || uint256(cosmosRecipient) >> 160 != 0) revert InvalidRecipient();
        nonce = lastDepositNonce + 1;
        lastDepositNonce = nonce;
        token.safeTransferFrom(msg.sender, address(this), amount);
        emit Deposit(nonce, msg.sender, cosmosRecipient, amount);
    }

    // ---------------------------------------------------------------------
    // Guardian

    function setPaused(bool paused_) external onlyGuardian {
        paused = paused_;
        emit Paused(paused_);
    }

    // ---------------------------------------------------------------------
    // Reads

    /// @notice The EIP-712 domain separator x/bridge signs under with
    /// l1_chain_id = this chain's id, bridge_contract = this address and
    /// bridge_id = bridgeId. Computed on each call, so a chain fork with a new
    /// chain id cannot reuse signatures of the old one.
    function domainSeparator() public view returns (bytes32) {
        return BridgeHashing.domainSeparator(block.chainid, address(this), bridgeId);
    }

    /// @notice The digest validators sign for cp.
    function checkpointDigest(BridgeHashing.Checkpoint calldata cp) public view returns (bytes32) {
        return BridgeHashing.typedDigest(domainSeparator(), BridgeHashing.checkpointStructHash(cp));
    }

    /// @notice The set the next checkpoint must be signed by, counting a
    /// pending set whose time came.
    function currentValsetHash() external view returns (bytes32) {
        if (pendingValsetHash != bytes32(0) && block.timestamp >= pendingValsetEffectiveAt) return pendingValsetHash;
        return valsetHash;
    }

    function checkpoint(uint64 nonce) external view returns (AcceptedCheckpoint memory) {
        if (nonce == 0 || nonce > lastCheckpointNonce) revert CheckpointNotAccepted(nonce);
        return _checkpoints[nonce];
    }

    function isClaimed(uint256 withdrawalNonce) external view returns (bool) {
        return _claimed[withdrawalNonce >> 8] & (1 << (withdrawalNonce & 0xff)) != 0;
    }

    // ---------------------------------------------------------------------
    // Internals

    function _applyPendingValset() private {
        bytes32 pending = pendingValsetHash;
        if (pending == bytes32(0) || block.timestamp < pendingValsetEffectiveAt) return;
        valsetHash = pending;
        emit ValsetUpdated(pending, pendingValsetNonce);
        pendingValsetHash = bytes32(0);
        pendingValsetEffectiveAt = 0;
        pendingValsetNonce = 0;
    }

    /// @dev Signatures must come from distinct members (strictly ascending
    /// index) and carry more than 2/3 of the set's power; exactly 2/3 fails.
    /// ECDSA.tryRecover refuses s in the upper half of the curve order and
    /// any v but 27 or 28 (ecrecover yields no address for them).
    function _requireQuorum(Valset calldata set, bytes32 digest, Signature[] calldata sigs) private pure {
        uint256 total;
        for (uint256 i = 0; i < set.powers.length; i++) {
            total += set.powers[i];
        }
        uint256 signed;
        uint256 nextAllowed;
        for (uint256 i = 0; i < sigs.length; i++) {
            Signature calldata sig = sigs[i];
            if (sig.signerIndex < nextAllowed || sig.signerIndex >= set.signers.length) {
                revert SignaturesNotAscending(i);
            }
            (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecover(digest, sig.v, sig.r, sig.s);
            if (err != ECDSA.RecoverError.NoError || recovered != set.signers[sig.signerIndex]) {
                revert InvalidSignature(i);
            }
            signed += set.powers[sig.signerIndex];
            nextAllowed = sig.signerIndex + 1;
        }
        if (signed * 3 <= total * 2) revert InsufficientPower(signed, total);
    }

    /// @dev A set must be non-empty, of matching lengths, strictly ascending
    /// (so one key appears once), without the zero address, and hold power;
    /// each power fits x/bridge's uint64, so sums cannot overflow.
    function _checkValset(address[] memory signers, uint256[] memory powers) private pure {
        if (signers.length == 0 || signers.length != powers.length) revert InvalidValset();
        uint256 total;
        address prev = address(0);
        for (uint256 i = 0; i < signers.length; i++) {
            if (signers[i] <= prev || powers[i] > type(uint64).max) revert InvalidValset();
            prev = signers[i];
            total += powers[i];
        }
        if (total == 0) revert InvalidValset();
    }
}
