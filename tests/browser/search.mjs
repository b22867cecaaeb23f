// The header's search box, in headless Chromium, run by .ci/run:
//   node tests/browser/search.mjs <output folder> <base path>
// On the site served from the base path and opened from file://: typing
// "ky thu", "KY THU", the NFD form, the Telex "ky thuw" and "yen ho" and
// pressing Enter lands on the right commune page (found by name in
// data/communes.csv); the index is not loaded before the box is used; the
// arrow keys reach the results; axe-core finds nothing with the results open;
// without JavaScript the box submits to the list of all communes.

import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [outDir, basePathArg = "/"] = process.argv.slice(2);
const basePath = basePathArg.endsWith("/") ? basePathArg : basePathArg + "/";
const root = path.resolve(outDir);
let failures = 0, passed = 0;
const fail = (m) => { failures++; console.error("FAIL " + m); };
const ok = (m) => { passed++; console.log("ok   " + m); };

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".png": "image/png", ".webmanifest": "application/manifest+json" };
const server = createServer(async (req, res) => {
  let p = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  if (!p.startsWith(basePath)) return res.writeHead(404).end();
  p = p.slice(basePath.length);
  if (p === "" || p.endsWith("/")) p += "index.html";
  const file = path.join(root, p);
  if (!file.startsWith(root)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" }).end(body);
  } catch { res.writeHead(404).end(); }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const served = `http://127.0.0.1:${server.address().port}${basePath}`;
const fileRoot = pathToFileURL(root).href + "/";

// The commune ids of the names typed, from the build's own data file.
const csv = readFileSync(path.join(root, "data/communes.csv"), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
const head = csv[0].split(",");
const idOf = (name) => {
  for (const line of csv.slice(1)) {
    const cells = line.split(",");
    if (cells[head.indexOf("name")] === name) return cells[head.indexOf("id")];
  }
  throw new Error(`no commune named ${name}`);
};
const cases = [
  ["ky thu", "Kỳ Thư"],
  ["KY THU", "Kỳ Thư"],
  ["Kỳ Thư".normalize("NFD"), "Kỳ Thư"],
  ["ky thuw", "Kỳ Thư"],
  ["yen ho", "Yên Hồ"],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

for (const [where, base] of [["served", served], ["file://", fileRoot]]) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  let indexLoads = 0;
  page.on("request", (r) => { if (r.url().endsWith("assets/search-index.js")) indexLoads++; });
  for (const [typed, name] of cases) {
    indexLoads = 0;
    await page.goto(base + "index.html");
    if (indexLoads) fail(`${where}: the index was loaded before the box was used`);
    await page.fill("#tim-kiem", typed);
    await page.waitForSelector(".search-results a", { timeout: 5000 }).catch(() => {});
    if (!indexLoads) fail(`${where}: using the box did not load the index`);
    await Promise.all([page.waitForNavigation({ timeout: 5000 }).catch(() => {}), page.press("#tim-kiem", "Enter")]);
    const want = `xa/${idOf(name)}/index.html`;
    if (page.url().endsWith(want)) ok(`${where}: "${typed}" + Enter lands on ${want}`);
    else fail(`${where}: "${typed}" + Enter lands on ${page.url()}, not ${want}`);
  }
  // Keyboard: down to the first result, Enter follows it.
  await page.goto(base + "index.html");
  await page.fill("#tim-kiem", "yen ho");
  await page.waitForSelector(".search-results a");
  await page.press("#tim-kiem", "ArrowDown");
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.closest(".search-results") !== null);
  if (focused) ok(`${where}: ArrowDown moves to the results`); else fail(`${where}: ArrowDown does not reach the results`);
  const status = await page.textContent(".search-status");
  if (status && /\d/.test(status)) ok(`${where}: the count is announced ("${status}")`); else fail(`${where}: no announced count`);
  if (where === "served") {
    await page.addScriptTag({ content: axeSource });
    const v = await page.evaluate(async () => (await axe.run(document, { resultTypes: ["violations"] })).violations.map((x) => `${x.id}: ${x.help}`));
    if (v.length) fail(`axe with the results open: ${v.join("; ")}`); else ok("axe: no violation with the results open");
  }
  if (errors.length) fail(`${where}: script errors: ${errors.join("; ")}`);
  await context.close();
}

// Without JavaScript: the box submits to the list of all communes.
{
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(served + "index.html");
  await page.fill("#tim-kiem", "ky thu");
  await Promise.all([page.waitForNavigation(), page.press("#tim-kiem", "Enter")]);
  const rows = await page.locator("table tbody tr").count();
  const all = csv.slice(1).filter((l) => l.trim()).length;
  if (new URL(page.url()).pathname.endsWith("xa/index.html") && rows >= all) ok(`no JS: the box submits to the list of all ${rows} communes`);
  else fail(`no JS: landed on ${page.url()} with ${rows} rows (${all} communes)`);
  await context.close();
}

await browser.close();
server.close();
console.log(`search: ${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
