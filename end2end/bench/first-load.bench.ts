// A first load on slow 3G (issue 13, docs/BENCHMARKS.md): Chromium's network throttled through
// the DevTools protocol to 400 kbit/s down and up with 400 ms of round trip, the release bundle.
// Printed, not asserted. `benches/first-load.sh` builds what it needs and runs it, then Lighthouse;
// by hand:
//
//   LEPTOS_SITE_ROOT=/tmp/boutiq-site cargo leptos build --release --frontend-only
//   cargo leptos build                                                 # the (debug) server
//   cd end2end && BOUTIQ_E2E_SITE_ROOT=/tmp/boutiq-site npx playwright test -c bench.config.ts first-load
//
// The server's own time (a few milliseconds a request on loopback) is nothing beside the
// network's, so the debug server serving the release bundle gives the phone's figures.
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "../tests/journey";
import { PASSWORD, uniqueEmail } from "../tests/helpers";

const RUNS = 3;
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

/** A phone on slow 3G: a fresh profile (nothing kept) unless `context` is given. */
async function throttled(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
  return page;
}

/** Seconds from the navigation's start until the page answers a tap (hydrated) and `ready` shows. */
async function usable(page: Page, ready: string): Promise<number> {
  await expect(page.locator("html[data-hydrated='true']")).toHaveCount(1, { timeout: 120_000 });
  await expect(page.locator(ready).first()).toBeVisible({ timeout: 120_000 });
  return page.evaluate(() => performance.now() / 1000);
}

type Bytes = Record<string, { transferred: number; decoded: number }>;

/** What the page downloaded, by kind: bytes on the wire (compressed) and once decoded. */
function downloaded(page: Page): Promise<Bytes> {
  return page.evaluate(() => {
    const entries = [
      ...performance.getEntriesByType("navigation"),
      ...performance.getEntriesByType("resource"),
    ] as PerformanceResourceTiming[];
    const bytes: Record<string, { transferred: number; decoded: number }> = {};
    for (const entry of entries) {
      const path = new URL(entry.name).pathname;
      const kind = entry.entryType === "navigation" ? "html"
        : path.endsWith(".wasm") ? "wasm"
        : path.endsWith(".js") ? "js"
        : path.endsWith(".css") ? "css"
        : path.startsWith("/api/") ? "api" : "other";
      bytes[kind] ??= { transferred: 0, decoded: 0 };
      bytes[kind].transferred += entry.transferSize;
      bytes[kind].decoded += entry.decodedBodySize;
    }
    return bytes;
  });
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function report(name: string, seconds: number[], bytes: Bytes) {
  seconds.sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)];
  const parts = Object.entries(bytes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, b]) => `${kind} ${kb(b.transferred)} (${kb(b.decoded)} decoded)`);
  console.log(`${name.padEnd(44)} median ${median.toFixed(2)} s  [${seconds.map((s) => s.toFixed(2)).join(", ")}]`);
  console.log(`${"".padEnd(44)} ${parts.join(" · ")}`);
}

/** The bundle as built: each file raw, gzip (level 9) and brotli (quality 11). */
function bundleSizes() {
  const pkg = path.join(process.env.BOUTIQ_E2E_SITE_ROOT ?? path.join(__dirname, "..", "..", "target", "site"), "pkg");
  console.log(`\nthe bundle in ${pkg}`);
  for (const file of ["boutiq.wasm", "boutiq.js", "boutiq.css"]) {
    const raw = fs.readFileSync(path.join(pkg, file));
    const gzip = zlib.gzipSync(raw, { level: 9 }).length;
    const brotli = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`${file.padEnd(14)} ${kb(raw.length).padStart(10)} raw ${kb(gzip).padStart(10)} gzip ${kb(brotli).padStart(10)} brotli`);
  }
}

test("a first load and a repeat visit on slow 3G", async ({ browser, page }) => {
  test.setTimeout(900_000);
  bundleSizes();
  // The shop, made without throttling: the figures are the phone's, not the sign-up's.
  const email = uniqueEmail("bench");
  const made = await page.request.post("/api/auth/register", {
    data: { op: crypto.randomUUID(), input: { role: "shopkeeper", name: "Awa Diallo", workspace_name: "Boutique Awa", email, password: PASSWORD } },
  });
  expect(made.ok(), await made.text()).toBeTruthy();
  console.log(`\nslow 3G: 400 kbit/s each way, 400 ms round trip\n`);

  const signIn: number[] = [];
  const dashboard: number[] = [];
  const repeat: number[] = [];
  const bytes: Record<string, Bytes> = {};
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: "fr-FR" });
    const phone = await throttled(context);
    await phone.goto("/login");
    signIn.push(await usable(phone, "button[type=submit]"));
    bytes.signIn = await downloaded(phone);

    await phone.getByLabel("Adresse e-mail").fill(email);
    await phone.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    // Signing in loads the shop as a new page: timed by this side's clock.
    const tapped = Date.now();
    await phone.getByRole("button", { name: "Se connecter" }).click();
    await phone.waitForURL((url) => url.pathname === "/shop", { timeout: 120_000 });
    await usable(phone, ".kpis");
    dashboard.push((Date.now() - tapped) / 1000);
    bytes.dashboard = await downloaded(phone);

    // Again later, from what the service worker kept.
    await phone.evaluate(() => navigator.serviceWorker.ready);
    await phone.goto("/shop");
    repeat.push(await usable(phone, ".kpis"));
    bytes.repeat = await downloaded(phone);
    await context.close();
  }
  report("sign-in page usable, first visit", signIn, bytes.signIn);
  report("dashboard usable after tapping Se connecter", dashboard, bytes.dashboard);
  report("dashboard usable, repeat visit", repeat, bytes.repeat);
});
