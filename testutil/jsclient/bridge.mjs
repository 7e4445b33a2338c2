// x/bridge's hashing as the L1 side computes it, with ethers.js alone:
// EIP-712 digests (TypedDataEncoder, what eth_signTypedData_v4 signs),
// abi.encode + keccak256 for validator set hashes, and OpenZeppelin
// StandardMerkleTree leaves. The Go tests compare the chain's bytes to these.
//
// Request: {domain: {chainId, verifyingContract, salt}, checkpoint: {nonce,
// height, withdrawalRoot, signerValsetHash, nextValsetHash,
// lastDepositNonce, appHash}, registration: {validator, cosmosChainId},
// valset: {signers, powers}, withdrawals: [{nonce, recipient, amount}]}.
// Response: {checkpointDigest, registrationDigest, valsetHash, leaves}.
import fs from "node:fs";
import { AbiCoder, TypedDataEncoder, getAddress, keccak256 } from "ethers";

const [requestPath, responsePath] = process.argv.slice(2);
const req = JSON.parse(fs.readFileSync(requestPath, "utf8"));

const domain = {
  name: "OpenLedger Bridge",
  version: "1",
  chainId: req.domain.chainId,
  verifyingContract: getAddress(req.domain.verifyingContract),
  salt: req.domain.salt,
};
const checkpointTypes = {
  Checkpoint: [
    { name: "nonce", type: "uint64" },
    { name: "height", type: "uint64" },
    { name: "withdrawalRoot", type: "bytes32" },
    { name: "signerValsetHash", type: "bytes32" },
    { name: "nextValsetHash", type: "bytes32" },
    { name: "lastDepositNonce", type: "uint64" },
    { name: "appHash", type: "bytes32" },
  ],
};
const registrationTypes = {
  EthKeyRegistration: [
    { name: "validator", type: "address" },
    { name: "cosmosChainId", type: "string" },
  ],
};
const abi = AbiCoder.defaultAbiCoder();

const result = {
  checkpointDigest: TypedDataEncoder.hash(domain, checkpointTypes, req.checkpoint),
  registrationDigest: TypedDataEncoder.hash(domain, registrationTypes, req.registration),
  valsetHash: keccak256(abi.encode(["address[]", "uint256[]"], [req.valset.signers, req.valset.powers])),
  leaves: req.withdrawals.map((w) =>
    keccak256(keccak256(abi.encode(["uint256", "address", "uint256"], [w.nonce, w.recipient, w.amount])))),
};
fs.writeFileSync(responsePath, JSON.stringify(result));
