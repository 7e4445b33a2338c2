// Runs llama.cpp (node-llama-cpp's prebuilt CPU binary) on one JSON batch:
//
//   node run.mjs request.json response.json
//
// request:  {"model": "x.gguf", "threads": 1, "contextSize": 256,
//            "prompts": [[1, 2, 3]], "steps": 64, "logits": true,
//            "tokenize": ["text", ...],
//            "bench": {"threads": [1, 2], "prompt": [...], "decode": 64}}
// response: {"results": [{"tokens": [...], "logits": [[...vocab], ...]}],
//            "tokenized": [[...ids], ...],
//            "bench": [{"threads": 1, "prefillTokensPerSec": ..., "decodeTokensPerSec": ...}]}
//
// Greedy decoding feeds token ids directly, so llama.cpp's own tokenizer
// plays no part there: only the forward pass is compared. "tokenize" runs
// llama.cpp's tokenizer on the vocabulary embedded in the file. "bench"
// times prefill of the prompt and then single-stream decode after it. Each
// of prompts, tokenize and bench is optional.
import {readFileSync, writeFileSync} from "node:fs";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";

const [reqPath, respPath] = process.argv.slice(2);
const req = JSON.parse(readFileSync(reqPath, "utf8"));

// build "never" and no GPU: the prebuilt linux-x64 CPU binary or an error,
// never a compile or a download.
const llama = await getLlama({gpu: false, build: "never", usePrebuiltBinaries: true, progressLogs: false,
    logLevel: LlamaLogLevel.error, maxThreads: 0});
const model = await llama.loadModel({modelPath: req.model, gpuLayers: 0, useMmap: false});

// context makes one sequence with exactly `threads` threads and a float32
// KV cache (llama.cpp's default is float16), as the engine keeps.
async function context(threads, size) {
    return model.createContext({contextSize: size, batchSize: size, sequences: 1, threads: {ideal: threads, min: threads},
        flashAttention: false, experimentalKvCacheKeyType: "F32", experimentalKvCacheValueType: "F32"});
}

// next evaluates tokens on the sequence and returns llama.cpp's greedy next
// token and, when asked, the logits it was chosen from.
async function next(seq, tokens, withLogits) {
    const input = tokens.slice(0, -1);
    input.push([tokens[tokens.length - 1], {generateNext: {token: true, logits: withLogits, options: {temperature: 0}}}]);
    const out = await seq.controlledEvaluate(input);
    const last = out[out.length - 1].next;
    let logits;
    if (withLogits) {
        logits = new Array(last.logits.size);
        for (const [tok, v] of last.logits) logits[tok] = v;
    }
    return {token: last.token, logits};
}

const response = {results: [], bench: []};
if (req.prompts?.length) {
    const ctx = await context(req.threads ?? 1, req.contextSize ?? 256);
    for (const prompt of req.prompts) {
        const seq = ctx.getSequence();
        const res = {tokens: [], logits: []};
        let feed = prompt;
        for (let i = 0; i < req.steps; i++) {
            const {token, logits} = await next(seq, feed, !!req.logits);
            res.tokens.push(token);
            if (req.logits) res.logits.push(logits);
            feed = [token];
        }
        response.results.push(res);
        seq.dispose();
    }
    await ctx.dispose();
}

if (req.tokenize?.length) {
    // Special tokens in the text are parsed as such; no BOS is added.
    response.tokenized = req.tokenize.map((text) => model.tokenize(text, true));
}

if (req.bench) {
    const {prompt, decode} = req.bench;
    for (const threads of req.bench.threads) {
        const ctx = await context(threads, prompt.length + decode + 8);
        const seq = ctx.getSequence();
        // One untimed pass warms the threads and pages.
        await next(seq, prompt.slice(0, 16), false);
        await seq.clearHistory();
        let t0 = performance.now();
        let {token} = await next(seq, prompt, false);
        const prefillSec = (performance.now() - t0) / 1000;
        t0 = performance.now();
        for (let i = 0; i < decode; i++) ({token} = await next(seq, [token], false));
        const decodeSec = (performance.now() - t0) / 1000;
        response.bench.push({threads, prefillTokensPerSec: prompt.length / prefillSec, decodeTokensPerSec: decode / decodeSec});
        seq.dispose();
        await ctx.dispose();
    }
}

await model.dispose();
await llama.dispose();
writeFileSync(respPath, JSON.stringify(response));
