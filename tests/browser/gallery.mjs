// Browser checks of the galleries, run by .ci/run after check.mjs:
//   node tests/browser/gallery.mjs <output folder> <base path> <screenshots folder>
//
// 1. JavaScript off: the filters are links to pages that list fewer models,
//    and a photo is a plain link to its largest version (an image);
// 2. JavaScript on, keyboard: a click opens the viewer with focus on its
//    close button, → and ← move through the photos, Esc closes it and
//    focus goes back to the photo;
// 3. touch: a swipe to the left shows the next photo;
// 4. every photo of the page the viewer shows has loaded (no broken image),
//    and WebP is what the browser picks where it is offered;
// 5. screenshots of the gallery, a model page and the open viewer at 360
//    and 1280 px.

import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";

const [outDir, basePathArg = "/", shotsDir = "target/screenshots/gallery"] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node gallery.mjs <output folder> <base path> <screenshots folder>");
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
const check = (cond, msg) => (cond ? ok(msg) : fail(msg));

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".jpg": "image/jpeg", ".webp": "image/webp", ".svg": "image/svg+xml" };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  let p = decodeURIComponent(url.pathname);
  if (!p.startsWith(basePath)) {
    res.writeHead(404).end();
    return;
  }
  let file = path.join(root, p.slice(basePath.length));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const site = `http://127.0.0.1:${server.address().port}${basePath}`;
await mkdir(shotsDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});

try {
  // 1. Without JavaScript.
  {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(site + "mo-hinh/index.html");
    const all = await page.locator(".gallery-card").count();
    const chip = page.locator("#loc-loai a.chip").first();
    const label = (await chip.innerText()).trim();
    await chip.click();
    await page.waitForLoadState();
    const fewer = await page.locator(".gallery-card").count();
    check(fewer > 0 && fewer < all && page.url().includes("/mo-hinh/loc/"), `no JS: the filter '${label}' is a page with ${fewer} of ${all} models`);
    const model = page.locator(".gallery-card h2 a").first();
    await model.click();
    await page.waitForLoadState();
    const link = page.locator("a.photo-link").first();
    const href = await link.getAttribute("href");
    const [resp] = await Promise.all([page.waitForNavigation(), link.click()]);
    check(resp && resp.ok() && (resp.headers()["content-type"] || "").startsWith("image/jpeg"), `no JS: a photo is a link to its largest version (${href})`);
    await ctx.close();
  }

  // 2. Keyboard and focus, 4. images loaded.
  const modelPath = await (async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(site + "mo-hinh/index.html");
    // The model with the most photos.
    const hrefs = await page.locator(".gallery-card h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    let best = hrefs[0];
    let most = 0;
    for (const h of hrefs) {
      await page.goto(new URL(h, site + "mo-hinh/index.html").href);
      const n = await page.locator("a.photo-link").count();
      if (n > most) {
        most = n;
        best = page.url();
      }
    }
    await ctx.close();
    return best;
  })();
  for (const width of [360, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: width < 500 ? 780 : 900 }, hasTouch: width < 500 });
    const page = await ctx.newPage();
    await page.goto(modelPath);
    await page.evaluate(async () => {
      for (const img of document.querySelectorAll("img[loading=lazy]")) img.loading = "eager";
      await Promise.all([...document.images].map((i) => (i.complete ? null : new Promise((r) => { i.onload = i.onerror = r; }))));
      await Promise.all([...document.images].map((i) => i.decode().catch(() => null)));
    });
    const broken = await page.evaluate(() => [...document.images].filter((i) => !i.naturalWidth).map((i) => i.src));
    check(broken.length === 0, `${width}px: every photo of the page loads${broken.length ? ": " + broken.join(", ") : ""}`);
    const picked = await page.evaluate(() => document.querySelector(".gallery-photos img").currentSrc);
    const offered = await page.locator(".gallery-photos source[type='image/webp']").count();
    check(!offered || picked.endsWith(".webp"), `${width}px: the browser picks ${picked.split("/").pop()}`);
    await page.screenshot({ path: path.join(shotsDir, `model-${width}.png`), fullPage: true });

    const n = await page.locator("a.photo-link").count();
    const first = page.locator("a.photo-link").first();
    await first.click();
    const dialog = page.locator("dialog.lightbox");
    await dialog.waitFor({ state: "visible" });
    const focusClose = await page.evaluate(() => document.activeElement && document.activeElement.classList.contains("lb-close"));
    check(focusClose, `${width}px: the viewer opens with focus on its close button`);
    await page.waitForFunction(() => { const i = document.querySelector("dialog.lightbox img"); return i && i.complete && i.naturalWidth > 0; });
    const shown = await page.evaluate(() => { const i = document.querySelector("dialog.lightbox img"); return [i.naturalWidth, i.currentSrc.split("/").pop()]; });
    check(shown[0] > 0, `${width}px: the viewer shows ${shown[1]} (${shown[0]} px wide)`);
    const count = () => page.locator(".lb-count").innerText();
    check((await count()) === `1 / ${n}`, `${width}px: the viewer starts at 1 / ${n}`);
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(shotsDir, `lightbox-${width}.png`) });
    if (n > 1) {
      await page.keyboard.press("ArrowRight");
      check((await count()) === `2 / ${n}`, `${width}px: → shows the next photo`);
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("ArrowLeft");
      check((await count()) === `${n} / ${n}`, `${width}px: ← from the first goes round to the last`);
      await page.keyboard.press("ArrowRight");
    }
    // 3. A swipe to the left on a touch screen.
    if (width < 500 && n > 1) {
      await page.evaluate(() => {
        const stage = document.querySelector(".lb-stage");
        const at = (x) => new Touch({ identifier: 1, target: stage, clientX: x, clientY: 300 });
        stage.dispatchEvent(new TouchEvent("touchstart", { touches: [at(300)], changedTouches: [at(300)], bubbles: true }));
        stage.dispatchEvent(new TouchEvent("touchend", { touches: [], changedTouches: [at(120)], bubbles: true }));
      });
      check((await count()) === `2 / ${n}`, `${width}px: a swipe to the left shows the next photo`);
    }
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    const back = await page.evaluate(() => document.activeElement === document.querySelector("a.photo-link"));
    check(back, `${width}px: Esc closes the viewer and focus goes back to the photo`);
    await page.goto(site + "mo-hinh/index.html");
    await page.evaluate(async () => {
      for (const img of document.querySelectorAll("img[loading=lazy]")) img.loading = "eager";
      await Promise.all([...document.images].map((i) => (i.complete ? null : new Promise((r) => { i.onload = i.onerror = r; }))));
      await Promise.all([...document.images].map((i) => i.decode().catch(() => null)));
    });
    await page.screenshot({ path: path.join(shotsDir, `index-${width}.png`), fullPage: true });
    await ctx.close();
  }
  ok(`screenshots in ${shotsDir}`);
} catch (e) {
  fail(String(e && e.stack ? e.stack : e));
} finally {
  await browser.close();
  server.close();
}
console.log(`gallery browser checks: ${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
