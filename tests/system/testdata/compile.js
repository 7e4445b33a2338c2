// Compiles the test contracts into <Name>.json (ABI and creation bytecode).
//
//   npm install --no-save solc@0.8.28 && node compile.js
//
// solc-js runs offline; the output is committed so tests need no compiler.
// Imports are read from the repository's root, where the precompile
// interfaces live (precompiles/<name>/I<Name>.sol).
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const contracts = ["TestToken", "DatanetDAO", "PrecompileProbe"];

const sources = {};
for (const name of contracts) {
  sources[name + ".sol"] = { content: fs.readFileSync(path.join(__dirname, name + ".sol"), "utf8") };
}
const input = {
  language: "Solidity",
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: "cancun",
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
  },
};
function findImports(importPath) {
  const file = path.join(__dirname, "..", "..", "..", importPath);
  if (!fs.existsSync(file)) return { error: "not found: " + importPath };
  return { contents: fs.readFileSync(file, "utf8") };
}
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === "error");
if (errors.length > 0) {
  errors.forEach((e) => console.error(e.formattedMessage));
  process.exit(1);
}
for (const name of contracts) {
  const contract = output.contracts[name + ".sol"][name];
  const artifact = {
    contractName: name,
    compiler: "solc " + solc.version(),
    settings: { optimizer: input.settings.optimizer, evmVersion: input.settings.evmVersion },
    abi: contract.abi,
    bytecode: "0x" + contract.evm.bytecode.object,
  };
  fs.writeFileSync(path.join(__dirname, name + ".json"), JSON.stringify(artifact, null, 2) + "\n");
  console.log("wrote " + name + ".json with " + solc.version());
}
