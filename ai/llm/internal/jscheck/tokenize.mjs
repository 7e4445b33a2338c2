// Encodes and decodes a batch with @huggingface/tokenizers so that Go tests
// can compare against an independent implementation.
//
// usage: node tokenize.mjs request.json response.json
// request:  {"tokenizer": path, "config": path, "texts": [...], "ids": [[...]]}
// response: {"encoded": [[ids with special tokens]], "plain": [[ids without]],
//            "decoded": [text], "decodedSkip": [text skipping special tokens]}
import { readFileSync, writeFileSync } from "node:fs";
import { Tokenizer } from "@huggingface/tokenizers";

const [requestPath, responsePath] = process.argv.slice(2);
const request = JSON.parse(readFileSync(requestPath, "utf8"));
const tokenizer = new Tokenizer(
  JSON.parse(readFileSync(request.tokenizer, "utf8")),
  JSON.parse(readFileSync(request.config, "utf8")),
);
const decode = (ids, skip) => (ids.length === 0 ? "" : tokenizer.decode(ids, { skip_special_tokens: skip }));
const response = {
  encoded: request.texts.map((t) => tokenizer.encode(t).ids),
  plain: request.texts.map((t) => tokenizer.encode(t, { add_special_tokens: false }).ids),
  decoded: request.ids.map((ids) => decode(ids, false)),
  decodedSkip: request.ids.map((ids) => decode(ids, true)),
};
writeFileSync(responsePath, JSON.stringify(response));
