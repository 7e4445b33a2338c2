// Renders chat templates with @huggingface/jinja so that Go tests can
// compare against an independent implementation.
//
// usage: node render.mjs request.json response.json
// request:  {"cases": [{"template": source, "context": {...}}]}
// response: {"results": [{"output": text} | {"error": message}]}
import { readFileSync, writeFileSync } from "node:fs";
import { Template } from "@huggingface/jinja";

const [requestPath, responsePath] = process.argv.slice(2);
const request = JSON.parse(readFileSync(requestPath, "utf8"));
const results = request.cases.map((c) => {
  try {
    return { output: new Template(c.template).render(c.context) };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
});
writeFileSync(responsePath, JSON.stringify({ results }));
