// Compiles the contracts (as compile.js does) and reports which committed
// artifacts in bindings/ differ from what solc makes of src/.
//
// Request: {} (unused). Response: {compiler, checked: [files], stale: [files]}.
const fs = require("fs");
const path = require("path");
const solc = require("solc");
const { compileAll } = require("./compile.js");

const [, , , responsePath] = process.argv;
const checked = [];
const stale = [];
for (const [file, content] of Object.entries(compileAll())) {
  checked.push(file);
  const committedPath = path.join(__dirname, "bindings", file);
  if (!fs.existsSync(committedPath) || fs.readFileSync(committedPath, "utf8") !== content) stale.push(file);
}
fs.writeFileSync(responsePath, JSON.stringify({ compiler: solc.version(), checked, stale }));
