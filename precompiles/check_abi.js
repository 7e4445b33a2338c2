// Compiles every precompile interface (as compile.js does) and reports
// which committed abi.json files differ from what solc makes of them.
//
// Request: {} (unused). Response: {compiler, checked: [dirs], stale: [dirs]}.
const fs = require("fs");
const path = require("path");
const solc = require("solc");
const { compileAll } = require("./compile.js");

const [, , , responsePath] = process.argv;
const checked = [];
const stale = [];
for (const [dir, abi] of Object.entries(compileAll())) {
  checked.push(dir);
  const committed = fs.readFileSync(path.join(__dirname, dir, "abi.json"), "utf8");
  if (committed !== abi) stale.push(dir);
}
fs.writeFileSync(responsePath, JSON.stringify({ compiler: solc.version(), checked, stale }));
