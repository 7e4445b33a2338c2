// Compiles every precompile interface, precompiles/<name>/I<Name>.sol, into
// precompiles/<name>/abi.json, which the Go precompile embeds.
//
//   npm install --no-save solc@0.8.28 && node precompiles/compile.js
//
// solc-js runs offline; the ABIs are committed, so building needs no compiler.
const fs = require("fs");
const path = require("path");
const solc = require("solc");

for (const dir of fs.readdirSync(__dirname, { withFileTypes: true })) {
  if (!dir.isDirectory()) continue;
  const sources = fs.readdirSync(path.join(__dirname, dir.name)).filter((f) => /^I.*\.sol$/.test(f));
  for (const file of sources) {
    const input = {
      language: "Solidity",
      sources: { [file]: { content: fs.readFileSync(path.join(__dirname, dir.name, file), "utf8") } },
      settings: { outputSelection: { "*": { "*": ["abi"] } } },
    };
    const output = JSON.parse(solc.compile(JSON.stringify(input)));
    const errors = (output.errors || []).filter((e) => e.severity === "error");
    if (errors.length > 0) {
      errors.forEach((e) => console.error(e.formattedMessage));
      process.exit(1);
    }
    const name = file.replace(/\.sol$/, "");
    const abi = output.contracts[file][name].abi;
    fs.writeFileSync(path.join(__dirname, dir.name, "abi.json"), JSON.stringify(abi, null, 2) + "\n");
    console.log(`wrote ${dir.name}/abi.json from ${file} with solc ${solc.version()}`);
  }
}
