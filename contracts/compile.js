// Compiles the contracts in src/ into bindings/<Name>.abi and
// bindings/<Name>.bin, the inputs of the Go bindings abigen makes
// (scripts/contracts-gen.sh; `make contracts-gen`).
//
//   npm ci && node compile.js            (in this folder)
//
// solc-js and OpenZeppelin are pinned by package-lock.json and run offline;
// the artifacts are committed, so building Go needs no compiler. check.js,
// run by the Go tests, compiles the same way and compares with them.
const fs = require("fs");
const path = require("path");
const solc = require("solc");

// The deployable contracts; BridgeHashing is a library they inline.
const CONTRACTS = ["OpenToken", "OpenLedgerBridge"];

const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: "cancun",
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
};

function findImport(importPath) {
  for (const base of [path.join(__dirname, "src"), path.join(__dirname, "node_modules")]) {
    const file = path.join(base, importPath);
    if (fs.existsSync(file)) return { contents: fs.readFileSync(file, "utf8") };
  }
  return { error: `not found: ${importPath}` };
}

// compileAll returns, for each artifact file name in bindings/, its content.
function compileAll() {
  const sources = {};
  for (const file of fs.readdirSync(path.join(__dirname, "src")).filter((f) => f.endsWith(".sol"))) {
    sources[file] = { content: fs.readFileSync(path.join(__dirname, "src", file), "utf8") };
  }
  const input = { language: "Solidity", sources, settings: SETTINGS };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const errors = (output.errors || []).filter((e) => e.severity === "error");
  if (errors.length > 0) {
    throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  }
  const artifacts = {};
  for (const name of CONTRACTS) {
    const contract = output.contracts[`${name}.sol`][name];
    artifacts[`${name}.abi`] = JSON.stringify(contract.abi, null, 2) + "\n";
    artifacts[`${name}.bin`] = contract.evm.bytecode.object + "\n";
  }
  return artifacts;
}

module.exports = { compileAll };

if (require.main === module) {
  const out = path.join(__dirname, "bindings");
  fs.mkdirSync(out, { recursive: true });
  for (const [file, content] of Object.entries(compileAll())) {
    fs.writeFileSync(path.join(out, file), content);
    console.log(`wrote bindings/${file} with solc ${solc.version()}`);
  }
}
