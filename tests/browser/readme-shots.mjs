// The README's screenshots, taken from a built site over file:// in Debian's
// Chromium: the home page at 1280 px, and at 360 px the home page, a
// commune's chart and a bulletin's table of changed communes, one screen
// each (not the whole page).
//
//   cargo run --release -- build
//   node tests/browser/readme-shots.mjs output docs
//
// writes docs/home.png, docs/phone-home.png, docs/phone-commune.png and
// docs/phone-bulletin.png. CI keeps full-page screenshots of every page kind
// under target/screenshots/ (check.mjs); these are only the README's.
import { chromium } from "playwright-core";
import { parseCsv } from "./csv.mjs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const [site = "output", out = "docs"] = process.argv.slice(2);
const root = path.resolve(site);
const summary = JSON.parse(await readFile(path.join(root, "data/summary.json"), "utf8"));
const latest = summary.at(-1).date;
const exists = (rel) => stat(path.join(root, rel)).then(() => true, () => false);
const communes = parseCsv(await readFile(path.join(root, "data/communes.csv"), "utf8"));
// Kỳ Thư's chart and the bulletin of 27/8/2015 (the sample's busiest week)
// when the site has them, else a commune of the latest date and the latest
// bulletin.
const kyThu = "xa/ky-anh/ky-thu/index.html";
const commune = (await exists(kyThu)) ? kyThu : `xa/${communes.find((r) => r.latest_date === latest).id}/index.html`;
const busy = "ban-tin/2015-08-27/index.html";
const bulletin = (await exists(busy)) ? busy : `ban-tin/${latest}/index.html`;

// [file, page, width, height, what to scroll to the top]
const shots = [
  ["home.png", "index.html", 1280, 800, null],
  ["phone-home.png", "index.html", 360, 740, null],
  ["phone-commune.png", commune, 360, 740, "#dien-bien"],
  ["phone-bulletin.png", bulletin, 360, 740, "table.changed"],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
for (const [file, page, width, height, target] of shots) {
  const ctx = await browser.newContext({ viewport: { width, height } });
  const p = await ctx.newPage();
  await p.goto("file://" + path.join(root, page));
  if (target) await p.evaluate((sel) => document.querySelector(sel)?.scrollIntoView(), target);
  await p.screenshot({ path: path.join(out, file) });
  await ctx.close();
  console.log(`${path.join(out, file)}: ${page} at ${width} px`);
}
await browser.close();
