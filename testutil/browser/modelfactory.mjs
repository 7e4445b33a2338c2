// Goes through ModelFactory's whole flow in the browser, as a person does:
// choose a base model and a Datanet version, preview the verified rows,
// set the training settings, start, watch the loss curve grow, read the
// evaluation, chat with the adapter and publish it. Screenshots of every
// stage go to request.screenshots.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const [requestPath, responsePath] = process.argv.slice(2);
const req = JSON.parse(fs.readFileSync(requestPath, "utf8"));
const out = { console: [] };
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: req.chromium,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const shot = (page, name) => page.screenshot({ path: path.join(req.screenshots, name), fullPage: true });
try {
  const page = await context.newPage();
  page.on("console", (m) => out.console.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => out.console.push(`pageerror: ${e.message}`));
  page.setDefaultTimeout(60_000);
  await page.goto(req.url);
  await page.waitForSelector("#chain-status.ok");
  out.chainStatus = await page.textContent("#chain-status");

  // 1. The base model and the data.
  await page.waitForSelector(`#base-model option[value="${req.baseModelId}"]`, { state: "attached" });
  await page.selectOption("#base-model", String(req.baseModelId));
  for (const box of await page.$$("input.dataset")) await box.uncheck();
  await page.check(`#ds-${req.datanetId}-${req.version}`);
  await page.click("#preview");
  await page.waitForSelector("#preview-verified");
  out.preview = await page.textContent("#preview-verified");
  out.previewRows = await page.$$eval("#preview-table tbody tr", (rows) => rows.length);
  await shot(page, "1-data.png");

  // 2. Settings: a bad one first, refused with its field marked.
  await page.fill("#hp-lora_dropout", "1");
  await page.fill("#job-name", req.name);
  await page.click("#start");
  await page.waitForSelector("#create-error:not(.hidden)");
  out.refusal = await page.textContent("#create-error");
  out.refusalMarked = await page.$eval("#hp-lora_dropout", (n) => n.classList.contains("invalid"));
  await shot(page, "2-refused.png");
  await page.fill("#hp-lora_dropout", "0");
  for (const [key, value] of Object.entries(req.hyperparameters)) await page.fill(`#hp-${key}`, String(value));
  await page.click("#start");

  // 3. Training: the curve grows while the job runs.
  await page.waitForSelector("#job-view:not(.hidden)");
  const seen = new Set();
  let midShot = false;
  for (;;) {
    const status = await page.textContent("#job-status");
    const points = Number(await page.getAttribute("#loss-chart", "data-points"));
    seen.add(points);
    if (!midShot && status === "running" && points > 0) {
      await shot(page, "3-training.png");
      midShot = true;
    }
    if (status === "succeeded" || status === "failed") {
      out.status = status;
      break;
    }
    await page.waitForTimeout(50);
  }
  out.pointsSeen = [...seen].sort((a, b) => a - b);
  out.finalPoints = Number(await page.getAttribute("#loss-chart", "data-points"));
  out.steps = await page.textContent("#stat-step");
  out.jobError = await page.textContent("#job-error");

  // 4. Evaluation.
  await page.waitForSelector("#eval-card:not(.hidden)");
  out.evaluation = {
    baseLoss: await page.textContent("#eval-base-loss"),
    adapterLoss: await page.textContent("#eval-adapter-loss"),
    on: await page.textContent("#eval-on"),
    samples: await page.$$eval("#eval-samples .sample", (s) => s.length),
  };
  await shot(page, "4-evaluation.png");

  // 5. Chat with the adapter.
  await page.fill("#chat-input", req.chatPrompt);
  await page.click("#chat-send");
  await page.waitForSelector(".msg.assistant:not(.pending)");
  out.chat = await page.textContent(".msg.assistant:not(.pending)");
  await shot(page, "5-chat.png");

  // 6. Publish.
  await page.fill("#publish-name", req.name);
  await page.fill("#publish-license", "apache-2.0");
  const publishStart = Date.now();
  await page.click("#publish");
  await page.waitForSelector("#published, #publish-error");
  out.publishMs = Date.now() - publishStart;
  out.published = await page.textContent("#publish-out");
  await shot(page, "6-published.png");
} catch (err) {
  out.error = String(err?.stack || err);
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
fs.writeFileSync(responsePath, JSON.stringify(out));
