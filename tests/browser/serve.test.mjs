// End-to-end tests of `circheck serve` in a real browser: the Debian chromium
// (/usr/bin/chromium), driven by playwright-core, which downloads no browser.
//
//   node serve.test.mjs BIN SOURCE_DIR [SCREENSHOT_DIR]
//
// With JavaScript on: upload each sample and see its verdicts (those of the
// CLI's JSON for the same file), paste text, build a checklist and copy a
// clause, search the guide, download every report and checklist format and
// compare it with the CLI's. With JavaScript off: the same forms still work
// (upload, paste, checklist, guide search on the server) and the copy buttons
// stay hidden. No page may log a CSP violation or a script error. With
// SCREENSHOT_DIR, the pages are saved there as PNG (docs/serve.md shows them).
// Exits 77 (skipped under ctest) when chromium or playwright-core is missing,
// unless CI is set.
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [bin, src, shots] = process.argv.slice(2).map((p) => p && path.resolve(p));
const CHROMIUM = "/usr/bin/chromium";
if (!fs.existsSync(CHROMIUM)) {
  if (process.env.CI) {
    console.log("FAILED: /usr/bin/chromium is missing");
    process.exit(1);
  }
  console.log("chromium is missing: skipped");
  process.exit(77);
}

let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch {
  if (process.env.CI) {
    console.log("FAILED: playwright-core is not installed (npm ci in tests/browser)");
    process.exit(1);
  }
  console.log("playwright-core is not installed (npm ci in tests/browser): skipped");
  process.exit(77);
}

let failures = 0;
function check(ok, what) {
  if (!ok) {
    failures++;
    console.log("FAILED: " + what);
  }
}

function cli(args, cwd) {
  try {
    return execFileSync(bin, args, { cwd, maxBuffer: 1 << 28 });
  } catch (e) {
    return e.stdout; // exit 1 is "something fails", the report is still written
  }
}

function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(bin, ["serve", "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    proc.stderr.on("data", (d) => {
      log += d;
      const m = log.match(/listening on http:\/\/[^ ]*:(\d+)\//);
      if (m && !proc.port) {
        proc.port = Number(m[1]);
        resolve(proc);
      }
    });
    proc.on("exit", (code) => reject(new Error("the server exited with " + code + ":\n" + log)));
  });
}

function samples() {
  const out = [];
  for (const folder of ["samples", "samples/office"]) {
    for (const name of fs.readdirSync(path.join(src, folder)).sort()) {
      const p = path.join(src, folder, name);
      if (fs.statSync(p).isFile() && name !== "README.md") out.push(p);
    }
  }
  return out;
}

// Every page is watched for what would show a broken policy or script.
function watch(page, problems) {
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(page.url() + ": " + msg.text());
  });
  page.on("pageerror", (err) => problems.push(page.url() + ": " + err.message));
}

async function shot(page, name) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, name), fullPage: false });
}

// The criteria the report page shows with pass, partial or fail, against
// the CLI's JSON for the same file.
async function verdictsMatch(page, file) {
  const json = JSON.parse(cli(["check", "--format", "json", path.basename(file)],
                              path.dirname(file)));
  const want = new Map();
  for (const doc of json.documents)
    for (const c of doc.criteria)
      if (["pass", "partial", "fail"].includes(c.status)) want.set(c.id, c.status);
  const shown = await page.$$eval("article.finding", (els) =>
    els.map((e) => [e.id.replace(/^d\d+-/, ""), e.className.replace("finding ", "")]));
  const got = new Map(shown);
  let same = want.size > 0;
  for (const [id, status] of want) if (got.get(id) !== status) same = false;
  return same;
}

async function readDownload(download) {
  const p = await download.path();
  return fs.readFileSync(p);
}

async function main() {
  const server = await startServer();
  const base = `http://127.0.0.1:${server.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  const problems = [];
  try {
    // --- with JavaScript
    const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    const page = await ctx.newPage();
    watch(page, problems);

    await page.goto(base + "/");
    await shot(page, "serve-check.png");
    let n = 0;
    for (const file of samples()) {
      await page.goto(base + "/");
      await page.setInputFiles("#file", file);
      await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
      check(await verdictsMatch(page, file), path.basename(file) + ": the verdicts differ from the CLI's");
      n++;
    }
    console.log(`${n} samples uploaded: the verdicts are the CLI's`);

    // the report page of one sample: screenshot, copy buttons shown, downloads
    const sample = path.join(src, "samples", "furniture-nb.txt");
    await page.goto(base + "/");
    await page.setInputFiles("#file", sample);
    await page.selectOption("#level", "advanced");
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
    await shot(page, "serve-report.png");
    check(await page.isVisible("button.copy"), "the report's copy buttons are not shown with JavaScript");
    const formats = { json: "json", sarif: "sarif", csv: "csv", md: "md" };
    for (const ext of Object.keys(formats)) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click(`a.serve-download[download$=".${ext}"]`),
      ]);
      const got = await readDownload(download);
      const want = cli(["check", "--format", formats[ext], "--level", "advanced", "furniture-nb.txt"],
                       path.dirname(sample));
      check(download.suggestedFilename() === "furniture-nb." + ext, "download named " + download.suggestedFilename());
      check(Buffer.compare(got, want) === 0, `download ${ext}: not the CLI's report`);
    }
    console.log("report downloads: JSON, SARIF, CSV and Markdown are the CLI's");

    // paste text
    await page.goto(base + "/");
    await page.fill("#text", "# Kontraktsvilkår\n\nLeverandøren skal ta tilbake emballasjen for ombruk.\n");
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
    check((await page.textContent("body")).includes("pasted.txt"), "pasted text: no report");
    check(await page.isVisible("article.finding"), "pasted text: no verdicts");

    // checklist: pick a category and a level, copy a clause, download it
    await page.goto(base + "/checklist");
    await shot(page, "serve-checklist-form.png");
    await page.check("#pack-furniture");
    await page.selectOption("#level", "advanced");
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
    await shot(page, "serve-checklist.png");
    const firstClause = page.locator("p.clause-text").first();
    const clauseText = await firstClause.textContent();
    await page.locator("button.copy").first().click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    check(copied.trim() === clauseText.trim(), `copy: the clipboard holds ${JSON.stringify(copied.slice(0, 60))}`);
    // the page's language is English unless chosen; the CLI would follow the
    // locale, so it is told
    const clFlags = ["--pack", "furniture", "--level", "advanced", "--lang", "en"];
    for (const [fmt, label] of [["md", "Markdown"], ["csv", "CSV"], ["html", "HTML"]]) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click(`a.serve-download:text("${label}")`),
      ]);
      const got = await readDownload(download);
      const want = cli(["checklist", "--format", fmt, ...clFlags], src);
      check(Buffer.compare(got, want) === 0, `checklist download ${fmt}: not the CLI's`);
    }
    console.log("checklist: built, a clause copied, Markdown, CSV and HTML downloads are the CLI's");

    // guide: search as one types
    await page.goto(base + "/guide");
    const all = await page.locator("section.guide-criterion").count();
    await page.fill("#guide-search", "garanti");
    const visible = await page.locator("section.guide-criterion:visible").count();
    check(visible > 0 && visible < all, `guide search: ${visible} of ${all} shown`);
    check(await page.isVisible("section#lifetime\\.warranty"), "guide search: the warranty is hidden");
    await shot(page, "serve-guide.png");
    await page.fill("#guide-search", "");
    check((await page.locator("section.guide-criterion:visible").count()) === all, "guide: clearing the search");
    console.log(`guide: ${all} criteria, a search shows ${visible}`);
    await ctx.close();

    // --- without JavaScript: the forms still do their work
    const plain = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const p2 = await plain.newPage();
    watch(p2, problems);
    await p2.goto(base + "/");
    await p2.setInputFiles("#file", sample);
    await Promise.all([p2.waitForNavigation(), p2.click("button[type=submit]")]);
    check(await verdictsMatch(p2, sample), "no JavaScript: the verdicts differ");
    check(!(await p2.isVisible("button.copy")), "no JavaScript: copy buttons shown that cannot work");
    const [dl] = await Promise.all([p2.waitForEvent("download"), p2.click('a.serve-download[download$=".json"]')]);
    check(Buffer.compare(await readDownload(dl),
                         cli(["check", "--format", "json", "furniture-nb.txt"], path.dirname(sample))) === 0,
          "no JavaScript: the JSON download");
    await p2.goto(base + "/");
    await p2.fill("#text", "Leverandøren skal ta tilbake emballasjen.\n");
    await Promise.all([p2.waitForNavigation(), p2.click("button[type=submit]")]);
    check((await p2.textContent("body")).includes("pasted.txt"), "no JavaScript: pasted text");
    await p2.goto(base + "/checklist");
    await p2.check("#pack-ict");
    await Promise.all([p2.waitForNavigation(), p2.click("button[type=submit]")]);
    check((await p2.locator("p.clause-text").count()) > 0, "no JavaScript: the checklist");
    await p2.goto(base + "/guide");
    await p2.fill("#guide-search", "garanti");
    await Promise.all([p2.waitForNavigation(), p2.press("#guide-search", "Enter")]);
    const served = await p2.locator("section.guide-criterion").count();
    check(served > 0 && served < all && p2.url().includes("q=garanti"),
          `no JavaScript: the guide search gave ${served} of ${all}`);
    console.log("without JavaScript: upload, download, paste, checklist and guide search work");
    await plain.close();
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
  for (const p of problems) console.log("FAILED: " + p);
  failures += problems.length;
  if (failures) process.exit(1);
  console.log("no CSP violation and no script error on any page");
}

main().catch((e) => {
  console.log("FAILED: " + (e.stack || e));
  process.exit(1);
});
