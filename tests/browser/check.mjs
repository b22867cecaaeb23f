// Browser checks of a built site, run by .ci/run:
//   node tests/browser/check.mjs <output folder> <base path> <screenshots folder>
//
// 1. axe-core in headless Chromium over one page of each kind: zero violations;
// 2. a click-through: home → a district → a commune, each figure shown checked
//    against data/communes.csv of the same build;
// 3. the same site opened from the output folder with file://: styles load
//    and a link leads to a page;
// 4. no request leaves the site (no third party, no web font);
// 5. screenshots of each page kind at 360 and 1280 px;
// 6. on a 360 px phone: the bulletin of 27/8/2015 at most 7,000 px tall, no
//    table row taller than 160 px on the bulletin, year-review and district
//    pages, every chart's smallest text at least 11 CSS px as drawn.
//
// The site is served from a sub-path (the base path, e.g. /ha-tinh/) by a
// small static server on 127.0.0.1, so that relative links are tested as a
// reader on the web gets them.

import { chromium } from "playwright-core";
import { parseCsv } from "./csv.mjs";
import { createServer } from "node:http";
import { readFile, readdir, mkdir, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const [outDir, basePathArg = "/", shotsDir = "target/screenshots"] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node check.mjs <output folder> <base path> <screenshots folder>");
  process.exit(2);
}
const basePath = basePathArg.endsWith("/") ? basePathArg : basePathArg + "/";
const root = path.resolve(outDir);
let failures = 0;
let passed = 0;
const fail = (msg) => {
  failures++;
  console.error("FAIL " + msg);
};
const ok = (msg) => {
  passed++;
  console.log("ok   " + msg);
};

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".pdf": "application/pdf",
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  let p = decodeURIComponent(url.pathname);
  if (!p.startsWith(basePath)) {
    res.writeHead(404).end();
    return;
  }
  p = p.slice(basePath.length);
  if (p === "" || p.endsWith("/")) p += "index.html";
  const file = path.join(root, p);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    res.end(body);
  } catch {
    const body = await readFile(path.join(root, "404.html")).catch(() => "");
    res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
    res.end(body);
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const site = origin + basePath;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
});

const communes = parseCsv(await readFile(path.join(root, "data/communes.csv"), "utf8"));
const byId = new Map(communes.map((r) => [r.id, r]));

// One page of each kind, found from the build itself.
const firstDistrict = communes.find((r) => r.group)?.group;
const knownCommune = communes.find((r) => r.latest_date && r.group === firstDistrict) || communes.find((r) => r.latest_date);
const criteriaCsv = parseCsv(await readFile(path.join(root, "data/criteria.csv"), "utf8"));
const firstSet = criteriaCsv[0]?.set_id;
const exists = async (p) => stat(path.join(root, p)).then(() => true, () => false);
const latestBulletin = (JSON.parse(await readFile(path.join(root, "data/summary.json"), "utf8")).at(-1) || {}).date;
const kinds = [
  ["home", "index.html"],
  ["districts", "huyen/index.html"],
  ["district", `huyen/${firstDistrict}/index.html`],
  ["communes", "xa/index.html"],
  ["commune", `xa/${knownCommune.id}/index.html`],
  ["criteria", "tieu-chi/index.html"],
  ["criteria-set", `tieu-chi/${firstSet}/index.html`],
  ["criterion", `tieu-chi/${firstSet}/1/index.html`],
  ["targets", "muc-tieu/index.html"],
  ["years", "nam/index.html"],
  ["officers", "can-bo/index.html"],
  ["sponsors", "don-vi-do-dau/index.html"],
  ["bulletins", "ban-tin/index.html"],
  ["bulletin", `ban-tin/${latestBulletin}/index.html`],
  ["news", "tin-tuc/index.html"],
  ["tags", "chu-de/index.html"],
  ["downloads", "du-lieu/index.html"],
  ["models", "mo-hinh/index.html"],
  ["404", "404.html"],
];
// The bulletin of 27/8/2015 (the sample's busiest week), when there is one.
kinds.push(["bulletin-2015-08-27", "ban-tin/2015-08-27/index.html"]);
// An article, a tag, a free page and a model, when the content has them.
const sitemap = await readFile(path.join(root, "sitemap.xml"), "utf8");
const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
const rel = (u) => u.replace(/^https?:\/\/[^/]+/, "").replace(/^\/?/, "/").slice(basePath.length) + "index.html";
const pick = (re) => locs.map(rel).find((p) => re.test(p));
for (const [kind, re] of [
  ["article", /^tin-tuc\/(?!trang\/)[^/]+\/index\.html$/],
  ["tag", /^chu-de\/[^/]+\/index\.html$/],
  ["model", /^mo-hinh\/[^/]+\/index\.html$/],
  ["page", /^(gioi-thieu|phuong-phap|lien-he)\/index\.html$/],
  ["target", /^muc-tieu\/[^/]+\/index\.html$/],
  ["year", /^nam\/\d{4}\/index\.html$/],
  ["sponsor", /^don-vi-do-dau\/[^/]+\/index\.html$/],
]) {
  const p = pick(re);
  if (p) kinds.push([kind, p]);
}

const pages = [];
for (const [kind, p] of kinds) {
  if (await exists(p)) pages.push([kind, p]);
}

const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const outside = new Set();
context.on("request", (r) => {
  const u = r.url();
  if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("file:")) outside.add(u);
});
const page = await context.newPage();
const consoleErrors = [];
page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
page.on("pageerror", (e) => consoleErrors.push(String(e)));

// 1. axe-core.
for (const [kind, p] of pages) {
  await page.goto(site + p);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  });
  if (result.length) fail(`axe ${kind} ${p}:\n    ${result.join("\n    ")}`);
  else ok(`axe ${kind} ${p}: no violation`);
}

// 2. Home → a district → a commune, figures checked against communes.csv.
const vi = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
await page.goto(site + "index.html");
{
  // The communes of today: a former commune (merged into another, v1.2)
  // is history, not counted on the home page.
  const today = communes.filter((r) => !r.merged_into);
  const known = today.filter((r) => r.latest_date).length;
  const standard = today.filter((r) => r.meets_standard === "true").length;
  const kpi = await page.locator("dl.kpis > div").first().innerText();
  if (!kpi.replace(/\s+/g, " ").includes(`${vi(standard)} / ${vi(known)}`)) fail(`home: "${kpi}" does not show ${standard} / ${known}`);
  else ok(`home shows ${standard} of ${known} communes at the standard`);
}
const districtLink = page.locator("table.groups tbody th a").first();
const districtName = (await districtLink.innerText()).trim();
await districtLink.click();
await page.waitForLoadState();
const districtUrl = page.url();
const districtId = decodeURIComponent(districtUrl.slice(site.length)).replace(/^huyen\//, "").replace(/\/index\.html$/, "");
if ((await page.locator("h1").innerText()).trim() !== districtName) fail(`district page h1 is not ${districtName}`);
else ok(`followed the link to ${districtName} (${districtId})`);
{
  const rows = communes.filter((r) => r.group === districtId || r.group.startsWith(districtId + "/"));
  const shown = await page.locator("table.communes tbody tr").count();
  if (shown !== rows.length) fail(`district ${districtId}: ${shown} rows, data has ${rows.length}`);
  else ok(`district ${districtId} lists its ${rows.length} communes`);
  for (const r of rows) {
    const row = page.locator(`table.communes tbody tr:has(a[href$="xa/${r.id}/index.html"])`);
    const text = (await row.innerText()).replace(/\s+/g, " ");
    const want = r.met_count ? `${r.met_count}/${r.criteria_total}` : "Chưa có số liệu";
    if (!text.includes(want)) fail(`district ${districtId}: row of ${r.id} "${text}" lacks ${want}`);
  }
}
const communeLink = page.locator("table.communes tbody th a").first();
await communeLink.click();
await page.waitForLoadState();
const communeId = decodeURIComponent(page.url().slice(site.length)).replace(/^xa\//, "").replace(/\/index\.html$/, "");
const row = byId.get(communeId);
if (!row) fail(`commune page ${page.url()} is no commune of communes.csv`);
else {
  const h1 = (await page.locator("h1").innerText()).trim();
  if (!h1.endsWith(row.name)) fail(`commune h1 "${h1}" is not ${row.name}`);
  if (row.met_count) {
    const main = (await page.locator("dl.kpis > div").first().innerText()).replace(/\s+/g, " ");
    if (!main.includes(`${row.met_count} / ${row.criteria_total}`)) fail(`commune ${communeId}: "${main}" is not ${row.met_count}/${row.criteria_total}`);
    const met = await page.locator("table.criteria tr.met td.num").allInnerTexts();
    const want = row.met ? row.met.split(";") : [];
    if (met.join(";") !== want.join(";")) fail(`commune ${communeId}: met ${met.join(";")} vs data ${want.join(";")}`);
    else ok(`commune ${communeId} (${row.name}) shows ${row.met_count}/${row.criteria_total}, criteria ${row.met || "none"}`);
  }
}

// 3. Opened from the output folder with file://.
{
  const fpage = await context.newPage();
  await fpage.goto("file://" + path.join(root, "index.html"));
  const bg = await fpage.evaluate(() => getComputedStyle(document.querySelector(".site-header")).backgroundColor);
  if (bg === "rgba(0, 0, 0, 0)") fail("file://: the stylesheet did not load");
  await fpage.locator("table.groups tbody th a").first().click();
  await fpage.waitForLoadState();
  const h1 = await fpage.locator("h1").count();
  if (!fpage.url().endsWith("/index.html") || h1 !== 1) fail(`file://: the district link led to ${fpage.url()}`);
  else ok("file://: styles load and links lead to pages");
  await fpage.close();
}

// 4. Nothing but the site itself was requested.
if (outside.size) fail(`requests outside the site: ${[...outside].join(", ")}`);
else ok("no request left the site");
if (consoleErrors.length) fail(`console errors: ${consoleErrors.join(" | ")}`);

// 5. Screenshots.
await mkdir(shotsDir, { recursive: true });
for (const width of [360, 1280]) {
  const ctx = await browser.newContext({ viewport: { width, height: width === 360 ? 740 : 900 }, deviceScaleFactor: 1 });
  const p = await ctx.newPage();
  for (const [kind, rel] of pages) {
    await p.goto(site + rel);
    // Lazy images load only in view: load them all before a full-page picture.
    await p.evaluate(async () => {
      const imgs = [...document.images];
      imgs.forEach((i) => (i.loading = "eager"));
      await Promise.all(imgs.map((i) => (i.complete ? null : new Promise((r) => { i.onload = i.onerror = r; }))));
    });
    await p.screenshot({ path: path.join(shotsDir, `${kind}-${width}.png`), fullPage: true });
    // Nothing may stick out sideways on a phone.
    if (width === 360) {
      const over = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (over > 0) fail(`${kind} at 360 px is ${over} px too wide`);
    }
  }
  await ctx.close();
}
ok(`screenshots of ${pages.length} page kinds at 360 and 1280 px in ${shotsDir}`);

// 6. Read on a phone.
{
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
  const p = await ctx.newPage();
  const districts = [];
  for (const d of await readdir(path.join(root, "huyen"), { withFileTypes: true })) {
    if (d.isDirectory() && (await exists(`huyen/${d.name}/index.html`))) districts.push(["district", `huyen/${d.name}/index.html`]);
  }
  const phonePages = [...pages, ...districts.filter(([, rel]) => !pages.some(([, q]) => q === rel))];
  // The smallest text of every chart as drawn: inline SVG measured in
  // place, SVG images by their font sizes scaled to the width shown.
  const svgSizes = new Map();
  const svgMinFont = async (src) => {
    if (!svgSizes.has(src)) {
      const body = await (await fetch(src)).text();
      const view = /viewBox="([^"]+)"/.exec(body)[1].split(/\s+/).map(Number);
      const sizes = [...body.matchAll(/<text[^>]*font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
      svgSizes.set(src, { width: view[2], min: Math.min(...sizes) });
    }
    return svgSizes.get(src);
  };
  for (const [kind, rel] of phonePages) {
    await p.goto(site + rel);
    await p.evaluate(async () => {
      const imgs = [...document.images];
      imgs.forEach((i) => (i.loading = "eager"));
      await Promise.all(imgs.map((i) => (i.complete ? null : new Promise((r) => { i.onload = i.onerror = r; }))));
    });
    const m = await p.evaluate(() => {
      const rows = [...document.querySelectorAll("main table tr")]
        .filter((tr) => tr.getClientRects().length)
        .map((tr) => ({ h: tr.getBoundingClientRect().height, text: tr.innerText.replace(/\s+/g, " ").slice(0, 60) }));
      const tallest = rows.reduce((a, b) => (b.h > a.h ? b : a), { h: 0, text: "" });
      const inline = [...document.querySelectorAll("main svg text")]
        .filter((t) => t.getClientRects().length)
        .map((t) => {
          const ctm = t.getScreenCTM();
          return { size: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b), text: t.textContent };
        });
      const images = [...document.querySelectorAll("main img")]
        .filter((i) => /\.svg$/.test(i.currentSrc) && i.getClientRects().length && i.getBoundingClientRect().width > 60)
        .map((i) => ({ src: i.currentSrc, shown: i.getBoundingClientRect().width }));
      return { height: document.documentElement.scrollHeight, tallest, inline, images };
    });
    let smallest = Infinity, where = "";
    for (const t of m.inline) if (t.size < smallest) { smallest = t.size; where = `"${t.text}"`; }
    for (const i of m.images) {
      if (/-tieu-chi\.svg$/.test(i.src)) continue; // the criteria grid: a row of cells, no text
      const f = await svgMinFont(i.src);
      const size = (f.min * i.shown) / f.width;
      if (size < smallest) { smallest = size; where = i.src.slice(site.length); }
    }
    const notes = [`${Math.round(m.height)} px tall`];
    if (rel === "ban-tin/2015-08-27/index.html") {
      if (m.height > 7000) fail(`phone: the bulletin of 27/8/2015 is ${m.height} px tall at 360 px (at most 7,000)`);
    }
    if (["bulletin", "bulletin-2015-08-27", "year", "district"].includes(kind)) {
      notes.push(`tallest row ${Math.round(m.tallest.h)} px`);
      if (m.tallest.h > 160) fail(`phone: ${rel}: a table row is ${Math.round(m.tallest.h)} px tall at 360 px: "${m.tallest.text}"`);
    }
    if (["commune", "criteria-set"].includes(kind)) {
      // A criteria table wider than the phone scrolls under its number and
      // name columns, which stay in view.
      const stuck = await p.evaluate(() => {
        const t = document.querySelector("main table.criteria, main table.criteria-set");
        const wrap = t && t.closest(".table-wrap");
        if (!wrap || wrap.scrollWidth <= wrap.clientWidth) return null;
        wrap.scrollLeft = wrap.scrollWidth;
        const left = wrap.getBoundingClientRect().left;
        const row = t.querySelector("tbody tr");
        const num = row.querySelector("td.num").getBoundingClientRect();
        const name = row.querySelector("th").getBoundingClientRect();
        return { num: num.left - left, name: name.left - left, scrolled: wrap.scrollLeft };
      });
      if (stuck) {
        notes.push(`criteria table scrolled ${Math.round(stuck.scrolled)} px, number and name kept`);
        if (Math.abs(stuck.num) > 2 || stuck.name < 0 || stuck.name > 60)
          fail(`phone: ${rel}: the criteria table's number and name columns scroll away (${JSON.stringify(stuck)})`);
      }
    }
    if (smallest < Infinity) {
      notes.push(`smallest chart text ${smallest.toFixed(1)} px`);
      if (smallest < 11) fail(`phone: ${rel}: chart text ${smallest.toFixed(1)} px at 360 px (${where})`);
    }
    ok(`phone ${kind} ${rel}: ${notes.join(", ")}`);
  }
  await ctx.close();
}

await browser.close();
server.close();
console.log(`browser: ${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
