// Drives a serving node as its users do: npm's official openai client for
// the API, and ethers.js to sign vouchers (EIP-712, as MetaMask's
// eth_signTypedData_v4 does). The request file holds a list of steps; the
// response file holds one result per step.
//
// A step: {op: "chat" | "completion" | "models" | "sign_voucher", ...}.
// chat and completion take {baseURL, model, params, voucher?}; a voucher
// {privateKey, servingNode, chainId, verifyingContract, nonce, expiry,
// amount} is signed before the call, its amount "due" meaning the
// cumulative_due of the user's last receipt in this run (0 at first).
import fs from "node:fs";
import OpenAI from "openai";
import { Wallet, getAddress } from "ethers";

const [requestPath, responsePath] = process.argv.slice(2);
const request = JSON.parse(fs.readFileSync(requestPath, "utf8"));

const due = new Map(); // user address -> cumulative due after the last answer

const voucherTypes = {
  Voucher: [
    { name: "user", type: "address" },
    { name: "servingNode", type: "address" },
    { name: "cumulativeAmount", type: "uint256" },
    { name: "nonce", type: "uint64" },
    { name: "expiry", type: "uint64" },
  ],
};

async function signVoucher(v) {
  const wallet = new Wallet(v.privateKey);
  const amount = v.amount === "due" ? (due.get(wallet.address) ?? "0") : v.amount;
  const domain = { name: "OpenLedger", version: "1", chainId: v.chainId, verifyingContract: getAddress(v.verifyingContract) };
  const value = { user: wallet.address, servingNode: getAddress(v.servingNode), cumulativeAmount: amount, nonce: v.nonce, expiry: v.expiry };
  const signature = await wallet.signTypedData(domain, voucherTypes, value);
  return { user: wallet.address, cumulative_amount: String(amount), nonce: v.nonce, expiry: v.expiry, signature };
}

function errorResult(err) {
  if (err instanceof OpenAI.APIError) {
    const body = err.error ?? {};
    return { error: { status: err.status, code: body.code ?? err.code, type: body.type ?? err.type, message: body.message ?? err.message, amount_due: body.amount_due } };
  }
  return { error: { status: 0, message: String(err?.message ?? err) } };
}

function remember(voucher, receipt) {
  if (voucher && receipt?.receipt?.cumulative_due) due.set(voucher.user, receipt.receipt.cumulative_due);
}

async function step(s) {
  const client = new OpenAI({ baseURL: s.baseURL, apiKey: s.apiKey ?? "not-needed", maxRetries: 0 });
  const voucher = s.voucher ? await signVoucher(s.voucher) : undefined;
  const options = voucher ? { headers: { "OpenLedger-Voucher": JSON.stringify(voucher) } } : {};
  try {
    switch (s.op) {
      case "sign_voucher":
        return { voucher };
      case "models": {
        const list = await client.models.list();
        return { models: list.data };
      }
      case "chat":
      case "completion": {
        const api = s.op === "chat" ? client.chat.completions : client.completions;
        const params = { model: s.model, ...s.params };
        if (!params.stream) {
          const res = await api.create(params, options);
          const choice = res.choices[0];
          remember(voucher, res.openledger_receipt);
          return {
            id: res.id, text: s.op === "chat" ? choice.message.content : choice.text, finish_reason: choice.finish_reason,
            usage: res.usage, receipt: res.openledger_receipt, logprobs: choice.logprobs, voucher,
          };
        }
        const stream = await api.create(params, options);
        let text = "", finish = null, receipt = null, usage = null, id = null, chunks = 0;
        for await (const chunk of stream) {
          chunks++;
          id = chunk.id;
          if (chunk.usage) usage = chunk.usage;
          if (chunk.openledger_receipt) receipt = chunk.openledger_receipt;
          const choice = chunk.choices?.[0];
          if (!choice) continue;
          text += (s.op === "chat" ? choice.delta?.content : choice.text) ?? "";
          if (choice.finish_reason) finish = choice.finish_reason;
        }
        remember(voucher, receipt);
        return { id, text, finish_reason: finish, usage, receipt, chunks, voucher };
      }
      default:
        throw new Error(`unknown op ${s.op}`);
    }
  } catch (err) {
    return { ...errorResult(err), voucher };
  }
}

const results = [];
for (const s of request.steps) results.push(await step(s));
fs.writeFileSync(responsePath, JSON.stringify({ results }));
