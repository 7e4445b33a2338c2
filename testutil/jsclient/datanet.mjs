// The Datanet precompile from ethers.js, step by step as docs/precompiles.md
// shows it: create a Datanet, contribute a text, accept it, read the
// Datanet back, and decode a refused call's CosmosError.
//
// Request: {rpcURL, privateKey, address, abi}. Response: what each step saw.
import fs from "node:fs";
import { Contract, JsonRpcProvider, Wallet, sha256, toUtf8Bytes } from "ethers";

const [requestPath, responsePath] = process.argv.slice(2);
const { rpcURL, privateKey, address, abi } = JSON.parse(fs.readFileSync(requestPath, "utf8"));

const provider = new JsonRpcProvider(rpcURL);
const wallet = new Wallet(privateKey, provider);
const datanets = new Contract(address, abi, wallet);

// The id a transaction's event carries.
function eventArg(receipt, name, arg) {
  for (const log of receipt.logs) {
    const parsed = datanets.interface.parseLog(log);
    if (parsed?.name === name) return parsed.args[arg];
  }
  throw new Error(`no ${name} event`);
}

const result = { owner: wallet.address };

// A precompile call can use slightly more gas on chain than eth_estimateGas
// measured (the estimate runs without the fee deduction of the real
// transaction), so send with a margin, as MetaMask does for contract calls.
// The wallet numbers its own transactions: right after one is included the
// node's pending nonce can still be the old one.
let nonce = await provider.getTransactionCount(wallet.address, "latest");
async function send(method, ...args) {
  const estimate = await datanets[method].estimateGas(...args);
  const tx = await datanets[method](...args, { gasLimit: (estimate * 12n) / 10n, nonce: nonce++ });
  return tx.wait();
}

let receipt = await send("createDatanet", "Recipes", "family recipes, one per contribution", "", ["food"], "CC0-1.0", 1, 1);
const datanetId = eventArg(receipt, "DatanetCreated", "datanetId");
result.datanetId = datanetId.toString();

const text = toUtf8Bytes("Boil the water before the pasta goes in.");
receipt = await send("submitContribution", datanetId, sha256(text), text.length, "text/plain", text, "");
const contributionId = eventArg(receipt, "ContributionSubmitted", "contributionId");
result.contributionId = contributionId.toString();
result.contributionGas = receipt.gasUsed.toString();

receipt = await send("reviewContributions", datanetId, [{ contributionId, accept: true, reason: "tested" }]);
result.root = eventArg(receipt, "ContributionsReviewed", "root");

const datanet = await datanets.getDatanet(datanetId);
result.datanet = { owner: datanet.owner, name: datanet.name, currentVersion: datanet.currentVersion.toString() };

// Someone who does not own the Datanet cannot archive it: the revert names
// the module's error.
const stranger = Wallet.createRandom(provider);
try {
  await datanets.connect(stranger).archiveDatanet.staticCall(datanetId);
  result.refused = null;
} catch (err) {
  const decoded = datanets.interface.parseError(err.data);
  result.refused = { name: decoded.name, codespace: decoded.args.codespace, code: Number(decoded.args.code), message: decoded.args.message };
}

fs.writeFileSync(responsePath, JSON.stringify(result));
