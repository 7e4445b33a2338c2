// Compiles every precompile interface, precompiles/<name>/I<Name>.sol, into
// precompiles/<name>/abi.json, which the Go precompile embeds.
//
//   npm ci && node compile.js            (in this folder)
//
// solc-js (pinned by package-lock.json) runs offline; the ABIs are committed,
// so building needs no compiler. check_abi.js, run by the Go tests, compiles
// the same way and compares with the committed files.
const fs = require("fs");
const path = require("path");
const solc = require("solc");

// compileAll returns, for each precompile folder, the abi.json its interface
// compiles to.
function compileAll() {
  const abis = {};
  for (const dir of fs.readdirSync(__dirname, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === "node_modules") continue;
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
        throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
      }
      const name = file.replace(/\.sol$/, "");
      abis[dir.name] = JSON.stringify(output.contracts[file][name].abi, null, 2) + "\n";
    }
  }
  return abis;
}

module.exports = { compileAll };

if (require.main === module) {
  for (const [dir, abi] of Object.entries(compileAll())) {
    fs.writeFileSync(path.join(__dirname, dir, "abi.json"), abi);
    console.log(`wrote ${dir}/abi.json with solc ${solc.version()}`);
  }
}
