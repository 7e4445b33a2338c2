"""Reference LoRA gradients of a Llama / Qwen2 Hugging Face folder in torch.

A plain-torch forward (as transformers' LlamaModel / Qwen2Model and PEFT's
LoRA Linear compute it) in float64, the mean cross-entropy over the response
tokens, and autograd for every lora_A and lora_B of the adapter.

usage: lora_grad.py JOB_JSON
JOB_JSON is {"model": dir, "adapter": dir, "tokens": [...], "mask": [...],
"keys": [...], "out": file}; the gradients of the named adapter tensors are
written in that order as little-endian float64, followed by the loss.

With "train": {"steps", "lr", "warmup", "weight_decay", "betas", "eps",
"max_grad_norm"} it instead trains on the example with torch.optim.AdamW,
clip_grad_norm_ and transformers' cosine schedule with warm-up (a LambdaLR),
and writes the named tensors after the last step.
"""
import json
import math
import struct
import sys

import torch


def load_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    base = 8 + n
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        assert e["dtype"] == "F32", name
        s, t = e["data_offsets"]
        buf = bytearray(data[base + s:base + t])
        out[name] = torch.frombuffer(buf, dtype=torch.float32).double().reshape(e["shape"])
    return out


def inv_freq(cfg, hd):
    theta = cfg.get("rope_theta", 10000.0)
    f = 1.0 / (theta ** (torch.arange(0, hd, 2, dtype=torch.int64).double() / hd))
    sc = cfg.get("rope_scaling")
    if not sc:
        return f
    kind = sc.get("rope_type", sc.get("type"))
    if kind == "linear":
        return f / sc["factor"]
    if kind == "llama3":
        factor, low, high = sc["factor"], sc["low_freq_factor"], sc["high_freq_factor"]
        old = sc["original_max_position_embeddings"]
        low_wl, high_wl = old / low, old / high
        wl = 2 * math.pi / f
        scaled = torch.where(wl > low_wl, f / factor, f)
        smooth = (old / wl - low) / (high - low)
        smoothed = (1 - smooth) * scaled / factor + smooth * scaled
        medium = ~(wl < high_wl) * ~(wl > low_wl)
        return torch.where(medium, smoothed, scaled)
    raise SystemExit("unsupported rope scaling " + str(kind))


def rotate_half(x):
    h = x.shape[-1] // 2
    return torch.cat((-x[..., h:], x[..., :h]), dim=-1)


def cosine_with_warmup(warmup, total):
    # transformers.get_cosine_schedule_with_warmup's lambda (num_cycles 0.5).
    def f(step):
        if step < warmup:
            return step / max(1, warmup)
        progress = (step - warmup) / max(1, total - warmup)
        return max(0.0, 0.5 * (1.0 + math.cos(math.pi * progress)))
    return f


def main(job):
    cfg = json.load(open(job["model"] + "/config.json"))
    w = load_safetensors(job["model"] + "/model.safetensors")
    acfg = json.load(open(job["adapter"] + "/adapter_config.json"))
    lora = load_safetensors(job["adapter"] + "/adapter_model.safetensors")
    for v in lora.values():
        v.requires_grad_(True)
    r, alpha = acfg["r"], acfg["lora_alpha"]
    scale = alpha / math.sqrt(r) if acfg.get("use_rslora") else alpha / r

    def loss_fn():
        return loss_of(cfg, w, lora, scale, job)

    if "train" in job:
        tr = job["train"]
        params = [lora[k] for k in job["keys"]]
        opt = torch.optim.AdamW(params, lr=tr["lr"], betas=tuple(tr["betas"]), eps=tr["eps"],
                                weight_decay=tr["weight_decay"])
        sched = torch.optim.lr_scheduler.LambdaLR(opt, cosine_with_warmup(tr["warmup"], tr["steps"]))
        for _ in range(tr["steps"]):
            opt.zero_grad()
            loss_fn().backward()
            torch.nn.utils.clip_grad_norm_(params, tr["max_grad_norm"])
            opt.step()
            sched.step()
        with open(job["out"], "wb") as f:
            for key in job["keys"]:
                f.write(lora[key].detach().contiguous().numpy().astype("<f8").tobytes())
        return

    loss = loss_fn()
    loss.backward()
    with open(job["out"], "wb") as f:
        for key in job["keys"]:
            f.write(lora[key].grad.contiguous().numpy().astype("<f8").tobytes())
        f.write(struct.pack("<d", loss.item()))


def loss_of(cfg, w, lora, scale, job):
    tokens = torch.tensor(job["tokens"])
    T = tokens.shape[0]
    H = cfg["hidden_size"]
    nh = cfg["num_attention_heads"]
    nkv = cfg.get("num_key_value_heads", nh)
    hd = cfg.get("head_dim") or H // nh
    eps = cfg.get("rms_norm_eps", 1e-6)

    def rms(x, weight):
        return weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps))

    def linear(x, layer, parent, name):
        prefix = "model.layers.%d.%s.%s" % (layer, parent, name)
        y = x @ w[prefix + ".weight"].T
        if prefix + ".bias" in w:
            y = y + w[prefix + ".bias"]
        key = "base_model.model." + prefix
        if key + ".lora_A.weight" in lora:
            y = y + ((x @ lora[key + ".lora_A.weight"].T) @ lora[key + ".lora_B.weight"].T) * scale
        return y

    pos = torch.arange(T).double()
    freqs = torch.outer(pos, inv_freq(cfg, hd))
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos(), emb.sin()
    mask = torch.full((T, T), float("-inf"), dtype=torch.float64).triu(1)

    x = w["model.embed_tokens.weight"][tokens]
    for l in range(cfg["num_hidden_layers"]):
        p = "model.layers.%d." % l
        n = rms(x, w[p + "input_layernorm.weight"])
        q = linear(n, l, "self_attn", "q_proj").view(T, nh, hd).transpose(0, 1)
        k = linear(n, l, "self_attn", "k_proj").view(T, nkv, hd).transpose(0, 1)
        v = linear(n, l, "self_attn", "v_proj").view(T, nkv, hd).transpose(0, 1)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(nh // nkv, dim=0)
        v = v.repeat_interleave(nh // nkv, dim=0)
        att = torch.softmax(q @ k.transpose(1, 2) / math.sqrt(hd) + mask, dim=-1)
        a = (att @ v).transpose(0, 1).reshape(T, nh * hd)
        x = x + linear(a, l, "self_attn", "o_proj")
        n = rms(x, w[p + "post_attention_layernorm.weight"])
        g = linear(n, l, "mlp", "gate_proj")
        u = linear(n, l, "mlp", "up_proj")
        x = x + linear(torch.nn.functional.silu(g) * u, l, "mlp", "down_proj")
    x = rms(x, w["model.norm.weight"])
    head = w["model.embed_tokens.weight"] if cfg.get("tie_word_embeddings") else w["lm_head.weight"]
    logits = x @ head.T
    # Position t predicts token t+1; only response tokens count, as with
    # labels of -100 on the prompt in transformers.
    labels = tokens[1:].clone()
    labels[~torch.tensor(job["mask"][1:])] = -100
    return torch.nn.functional.cross_entropy(logits[:-1], labels, ignore_index=-100)


if __name__ == "__main__":
    torch.set_num_threads(1)
    main(json.load(open(sys.argv[1])))
