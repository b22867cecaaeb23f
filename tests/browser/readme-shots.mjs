// The README's screenshots, taken from a built site over file:// in Debian's
// Chromium: the home page at 1280 px, and the home, commune and bulletin
// pages at 360 px, each the first screen a reader sees (not the whole page).
//
//   cargo run --release -- build
//   node tests/browser/readme-shots.mjs output docs
//
// writes docs/home.png, docs/phone-home.png, docs/phone-commune.png and
// docs/phone-bulletin.png. CI keeps full-page screenshots of every page kind
// under target/screenshots/ (check.mjs); these are only the README's.
import { chromium } from "playwright-core";
import { parseCsv } from "./csv.mjs";
import { readFile } from "node:fs/promises";
import path from "node:path";

const [site = "output", out = "docs"] = process.argv.slice(2);
const root = path.resolve(site);
const summary = JSON.parse(await readFile(path.join(root, "data/summary.json"), "utf8"));
const latest = summary.at(-1).date;
const communes = parseCsv(await readFile(path.join(root, "data/communes.csv"), "utf8"));
// A commune reporting on the latest date, the first in the file.
const commune = communes.find((r) => r.latest_date === latest).id;

const shots = [
  ["home.png", "index.html", 1280, 800],
  ["phone-home.png", "index.html", 360, 740],
  ["phone-commune.png", `xa/${commune}/index.html`, 360, 740],
  ["phone-bulletin.png", `ban-tin/${latest}/index.html`, 360, 740],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
for (const [file, page, width, height] of shots) {
  const ctx = await browser.newContext({ viewport: { width, height } });
  const p = await ctx.newPage();
  await p.goto("file://" + path.join(root, page));
  await p.screenshot({ path: path.join(out, file) });
  await ctx.close();
  console.log(`${path.join(out, file)}: ${page} at ${width} px`);
}
await browser.close();
