// ModelFactory's page: a client of the JSON API under /api.
const $ = (id) => document.getElementById(id);
// conversation is the playground's chat so far, sent whole each turn.
const state = { jobs: [], current: null, events: null, losses: [], help: [], defaults: {}, conversation: [] };

async function api(path, options = {}) {
  const res = await fetch(path, {
    ...options,
    headers: options.body ? { "Content-Type": "application/json" } : {},
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error(body.error?.message || `HTTP ${res.status}`);
    err.field = body.error?.field;
    err.code = body.error?.code;
    throw err;
  }
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

const fmt = (v, digits = 4) => {
  if (v === undefined || v === null || Number.isNaN(v)) return "–";
  return Math.abs(v) >= 1e5 ? Number(v).toExponential(2) : Number(v).toFixed(digits);
};
// An empty answer is a model that ended its turn at once.
const answer = (s) => s || "(no answer: the model ended its turn at once)";
const duration = (s) => {
  if (!s || !Number.isFinite(s)) return "–";
  if (s < 60) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
};

// ---- chain status ----------------------------------------------------------
async function loadStatus() {
  const badge = $("chain-status");
  try {
    const s = await api("/api/status");
    if (s.chain.connected) {
      badge.textContent = `${s.chain.chain_id} · height ${s.chain.height}`;
      badge.className = "badge ok";
    } else {
      badge.textContent = "chain unreachable";
      badge.className = "badge bad";
    }
  } catch {
    badge.textContent = "service unreachable";
    badge.className = "badge bad";
  }
}

// ---- the create form -------------------------------------------------------
async function loadCreateForm() {
  const [bases, datanets, hp] = await Promise.all([api("/api/base-models"), api("/api/datanets"), api("/api/hyperparameters")]);
  const select = $("base-model");
  select.replaceChildren();
  for (const b of bases.base_models) {
    const opt = el("option", { value: b.id }, `${b.name} (#${b.id}, ${b.architecture})${b.available ? "" : " — weights not here"}`);
    if (!b.available) opt.disabled = true;
    select.append(opt);
  }
  const first = bases.base_models.find((b) => b.available);
  if (first) select.value = first.id;
  $("base-model-hint").textContent = bases.base_models.length
    ? "Only models whose weights this machine holds (matched by the SHA-256 on chain) can be trained."
    : "No base model is registered on chain yet.";

  const box = $("datanets");
  box.replaceChildren();
  if (!datanets.datanets.length) box.append(el("p", { class: "muted" }, "No Datanet has a version yet."));
  for (const d of datanets.datanets) {
    for (const v of d.versions) {
      const id = `ds-${d.id}-${v.version}`;
      box.append(el("label", { for: id },
        el("input", { type: "checkbox", id, "data-datanet": d.id, "data-version": v.version, class: "dataset" }),
        `${d.name} — version ${v.version} · ${v.contributions} contributions `,
        el("span", { class: "root" }, `root ${v.root.slice(0, 16)}…`)));
    }
  }
  const firstBox = box.querySelector("input.dataset");
  if (firstBox) firstBox.checked = true;

  state.defaults = hp.defaults;
  state.help = hp.help;
  const grid = $("hyperparameters");
  grid.replaceChildren();
  for (const h of hp.help) {
    const value = hp.defaults[h.key];
    const input = el("input", { id: `hp-${h.key}`, name: h.key, value: Array.isArray(value) ? value.join(",") : value });
    grid.append(el("label", {}, h.key.replaceAll("_", " "), input, el("span", { class: "help" }, h.help)));
  }
}

function selectedDatasets() {
  return [...document.querySelectorAll("input.dataset:checked")].map((c) => ({
    datanet_id: Number(c.dataset.datanet), version: Number(c.dataset.version),
  }));
}

function mapping() {
  return {
    format: $("format").value,
    prompt_field: $("prompt-field").value,
    response_field: $("response-field").value,
    text_field: $("text-field").value,
  };
}

function hyperparameters() {
  const out = {};
  for (const h of state.help) {
    const raw = $(`hp-${h.key}`).value.trim();
    const def = state.defaults[h.key];
    if (Array.isArray(def)) {
      out[h.key] = raw.split(",").map((s) => s.trim()).filter(Boolean);
      continue;
    }
    const value = Number(raw);
    if (raw === "" || !Number.isFinite(value)) {
      const err = new Error(`${h.key.replaceAll("_", " ")}: enter a number`);
      err.field = h.key;
      throw err;
    }
    out[h.key] = value;
  }
  return out;
}

function showError(box, err) {
  document.querySelectorAll(".invalid").forEach((n) => n.classList.remove("invalid"));
  box.textContent = err.message;
  box.classList.remove("hidden");
  const field = err.field?.replace("hyperparameters.", "");
  const input = field && ($(`hp-${field}`) || { base_model_id: $("base-model"), name: $("job-name") }[field]);
  if (input) input.classList.add("invalid");
}

async function preview() {
  const out = $("preview-out");
  out.replaceChildren(el("p", { class: "muted" }, "Exporting and verifying…"));
  const [ds] = selectedDatasets();
  if (!ds) {
    out.replaceChildren(el("p", { class: "error" }, "Choose a Datanet version first."));
    return;
  }
  const q = new URLSearchParams(mapping());
  try {
    const p = await api(`/api/datanets/${ds.datanet_id}/versions/${ds.version}/preview?${q}`);
    const table = el("table", { id: "preview-table" });
    const text = $("format").value === "text";
    table.append(el("thead", {}, el("tr", {}, el("th", {}, "Contribution"),
      ...(text ? [el("th", {}, "Text")] : [el("th", {}, "Prompt"), el("th", {}, "Response")]))));
    const body = el("tbody");
    for (const r of p.rows) {
      body.append(el("tr", {}, el("td", {}, `#${r.contribution_id}${r.line ? ":" + r.line : ""}`),
        ...(text ? [el("td", {}, r.text)] : [el("td", {}, r.prompt), el("td", {}, r.response)])));
    }
    table.append(body);
    out.replaceChildren(
      el("p", { class: "verified", id: "preview-verified" }, `✓ ${p.contributions} contributions verified against root ${p.root.slice(0, 16)}… · ${p.row_count} rows`),
      table);
  } catch (err) {
    out.replaceChildren(el("p", { class: "error", id: "preview-error" }, err.message));
  }
}

async function startJob() {
  const box = $("create-error");
  box.classList.add("hidden");
  const button = $("start");
  button.disabled = true;
  button.textContent = "Checking the data…";
  try {
    const job = await api("/api/jobs", {
      method: "POST",
      body: JSON.stringify({
        name: $("job-name").value.trim(),
        base_model_id: Number($("base-model").value),
        datasets: selectedDatasets(),
        mapping: mapping(),
        hyperparameters: hyperparameters(),
      }),
    });
    await loadJobs();
    openJob(job.id);
  } catch (err) {
    showError(box, err);
  } finally {
    button.disabled = false;
    button.textContent = "Start training";
  }
}

// ---- jobs -----------------------------------------------------------------
async function loadJobs() {
  const { jobs } = await api("/api/jobs");
  state.jobs = jobs;
  const list = $("job-list");
  list.replaceChildren();
  if (!jobs.length) list.append(el("li", { class: "muted" }, "No jobs yet"));
  for (const j of jobs) {
    list.append(el("li", { class: j.id === state.current ? "active" : "", "data-job": j.id, onclick: () => openJob(j.id) },
      el("span", { class: "name" }, j.spec.name),
      el("span", { class: "meta" }, `${j.status} · ${j.progress.step}/${j.progress.steps} steps`)));
  }
}

function showCreate() {
  state.current = null;
  state.events?.close();
  $("job-view").classList.add("hidden");
  $("create-view").classList.remove("hidden");
  loadJobs();
}

async function openJob(id) {
  state.current = id;
  state.events?.close();
  $("create-view").classList.add("hidden");
  $("job-view").classList.remove("hidden");
  $("chat-log").replaceChildren();
  state.conversation = [];
  $("publish-out").replaceChildren();
  $("publish-name").value = "";
  const { losses } = await api(`/api/jobs/${id}/losses`);
  state.losses = losses;
  drawChart();
  const events = new EventSource(`/api/jobs/${id}/events`);
  state.events = events;
  // Steps taken between loading the curve and subscribing (or dropped
  // while the page was busy) leave a gap: the curve is then loaded again.
  let reloading = false;
  const reloadCurve = async () => {
    if (reloading) return;
    reloading = true;
    try {
      state.losses = (await api(`/api/jobs/${id}/losses`)).losses;
      drawChart();
    } finally {
      reloading = false;
    }
  };
  const onEvent = (e) => {
    const ev = JSON.parse(e.data);
    const last = state.losses.length ? state.losses[state.losses.length - 1].step : 0;
    if (ev.point && ev.point.step === last + 1) {
      state.losses.push(ev.point);
      drawChart();
    } else if (ev.job.progress.step > last) {
      reloadCurve();
    }
    renderJob(ev.job);
  };
  events.addEventListener("job", onEvent);
  events.addEventListener("step", onEvent);
  loadJobs();
}

function renderJob(j) {
  if (j.id !== state.current) return;
  $("job-title").textContent = j.spec.name;
  $("job-sub").textContent = `base model #${j.spec.base_model_id} · ${j.datasets.map((d) => `Datanet ${d.datanet_id} v${d.version}`).join(", ")} · ${j.train_rows} training rows, ${j.holdout_rows} held out`;
  const status = $("job-status");
  status.textContent = j.status;
  status.className = `status ${j.status}`;
  const err = $("job-error");
  err.textContent = j.error || "";
  err.classList.toggle("hidden", !j.error || j.status === "cancelled");
  $("cancel").classList.toggle("hidden", !["queued", "running"].includes(j.status));
  $("resume").classList.toggle("hidden", !["cancelled", "failed"].includes(j.status));
  const p = j.progress;
  $("progress-bar").style.width = `${p.steps ? (100 * p.step) / p.steps : 0}%`;
  $("stat-step").textContent = `${p.step} / ${p.steps}`;
  $("stat-loss").textContent = p.step ? fmt(p.loss) : "–";
  $("stat-tps").textContent = p.step ? Math.round(p.tokens_per_second) : "–";
  $("stat-eta").textContent = j.status === "running" ? duration(p.eta_seconds) : "–";
  const done = j.status === "succeeded";
  $("eval-card").classList.toggle("hidden", !j.evaluation);
  $("chat-card").classList.toggle("hidden", !done);
  $("publish-card").classList.toggle("hidden", !done);
  if (j.evaluation) renderEvaluation(j.evaluation);
  if (done && !$("publish-name").value) $("publish-name").value = j.spec.name;
  if (j.published) renderPublished(j.published);
  $("publish").disabled = Boolean(j.published);
  const item = document.querySelector(`#job-list li[data-job="${j.id}"] .meta`);
  if (item) item.textContent = `${j.status} · ${p.step}/${p.steps} steps`;
}

function renderEvaluation(ev) {
  $("eval-base-loss").textContent = fmt(ev.base_loss);
  $("eval-base-ppl").textContent = fmt(ev.base_perplexity, 2);
  $("eval-adapter-loss").textContent = fmt(ev.adapter_loss);
  $("eval-adapter-ppl").textContent = fmt(ev.adapter_perplexity, 2);
  $("eval-on").textContent = ev.on === "holdout"
    ? `On ${ev.rows} held-out rows the model never trained on.`
    : `No row was held out: measured on the ${ev.rows} training rows.`;
  const box = $("eval-samples");
  box.replaceChildren();
  for (const s of ev.samples || []) {
    box.append(el("div", { class: "sample" },
      el("div", { class: "q" }, s.prompt),
      el("div", {}, el("span", {}, "Reference"), s.reference),
      el("div", {}, el("span", {}, "Base model"), answer(s.base)),
      el("div", { class: "adapter-answer" }, el("span", {}, "With adapter"), answer(s.adapter))));
  }
}

function renderPublished(p) {
  $("publish-out").replaceChildren(el("div", { class: "published", id: "published" },
    el("strong", {}, `Published as model #${p.model_id}`), ` (${p.name}) at height ${p.height}.`, el("br"),
    "Artifact ", el("code", {}, p.uri), el("br"),
    "Training manifest ", el("code", {}, p.manifest_uri)));
}

// The loss curve: an SVG polyline over the steps so far.
function drawChart() {
  const svg = $("loss-chart");
  const pts = state.losses;
  svg.dataset.points = String(pts.length);
  const W = 640, H = 220, pad = 48;
  const ns = "http://www.w3.org/2000/svg";
  svg.replaceChildren();
  const line = (x1, y1, x2, y2) => {
    const l = document.createElementNS(ns, "line");
    Object.entries({ x1, y1, x2, y2, class: "axis" }).forEach(([k, v]) => l.setAttribute(k, v));
    svg.append(l);
  };
  const text = (x, y, s, anchor = "start") => {
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", x); t.setAttribute("y", y); t.setAttribute("text-anchor", anchor);
    t.textContent = s;
    svg.append(t);
  };
  line(pad, H - pad, W - 8, H - pad);
  line(pad, 8, pad, H - pad);
  if (!pts.length) {
    text(W / 2, H / 2, "The loss curve appears with the first step", "middle");
    return;
  }
  const maxStep = Math.max(...pts.map((p) => p.step), 1);
  const lo = Math.min(...pts.map((p) => p.loss)), hi = Math.max(...pts.map((p) => p.loss));
  const span = hi - lo || 1;
  const x = (s) => pad + ((W - 8 - pad) * s) / maxStep;
  const y = (l) => H - pad - ((H - pad - 8) * (l - lo)) / span;
  const poly = document.createElementNS(ns, "polyline");
  poly.setAttribute("class", "line");
  poly.setAttribute("points", pts.map((p) => `${x(p.step).toFixed(1)},${y(p.loss).toFixed(1)}`).join(" "));
  svg.append(poly);
  text(pad - 4, 16, hi.toFixed(2), "end");
  text(pad - 4, H - pad, lo.toFixed(2), "end");
  text(W - 8, H - 10, `step ${maxStep}`, "end");
}

// ---- chat and publish -------------------------------------------------------

async function sendChat(e) {
  e.preventDefault();
  const input = $("chat-input");
  const content = input.value.trim();
  if (!content) return;
  input.value = "";
  const log = $("chat-log");
  log.append(el("div", { class: "msg user" }, content));
  const pending = el("div", { class: "msg assistant pending" }, "…");
  log.append(pending);
  $("chat-send").disabled = true;
  try {
    const res = await api(`/api/jobs/${state.current}/chat`, {
      method: "POST",
      body: JSON.stringify({ messages: [...state.conversation, { role: "user", content }], base: $("chat-base").checked }),
    });
    pending.textContent = answer(res.content);
    pending.classList.remove("pending");
    state.conversation.push({ role: "user", content }, { role: "assistant", content: res.content });
  } catch (err) {
    pending.textContent = err.message;
    pending.classList.add("error");
  } finally {
    $("chat-send").disabled = false;
  }
}

async function publish() {
  const button = $("publish");
  button.disabled = true;
  button.textContent = "Publishing…";
  try {
    const job = await api(`/api/jobs/${state.current}/publish`, {
      method: "POST",
      body: JSON.stringify({
        name: $("publish-name").value.trim(),
        license: $("publish-license").value.trim(),
        price_per_call: $("publish-per-call").value.trim(),
        price_per_1k_tokens: $("publish-per-1k").value.trim(),
      }),
    });
    renderJob(job);
  } catch (err) {
    $("publish-out").replaceChildren(el("p", { class: "error", id: "publish-error" }, err.message));
    button.disabled = false;
  } finally {
    button.textContent = "Publish on chain";
  }
}

// ---- wiring ------------------------------------------------------------------
$("new-job").addEventListener("click", showCreate);
$("preview").addEventListener("click", preview);
$("start").addEventListener("click", startJob);
$("cancel").addEventListener("click", () => api(`/api/jobs/${state.current}/cancel`, { method: "POST" }).catch((err) => showError($("job-error"), err)));
$("resume").addEventListener("click", () => api(`/api/jobs/${state.current}/resume`, { method: "POST" }).catch((err) => showError($("job-error"), err)));
$("chat-form").addEventListener("submit", sendChat);
$("publish").addEventListener("click", publish);
$("format").addEventListener("change", () => {
  const text = $("format").value === "text";
  document.querySelectorAll(".pr-field").forEach((n) => n.classList.toggle("hidden", text));
  document.querySelector(".text-field").classList.toggle("hidden", !text);
});

loadStatus();
setInterval(loadStatus, 10000);
loadCreateForm().catch((err) => showError($("create-error"), err));
loadJobs().then(() => {
  const id = new URLSearchParams(location.search).get("job");
  if (id) openJob(id);
});
