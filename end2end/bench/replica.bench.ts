// The browser half of the replica bench (issue 14, docs/BENCHMARKS.md): the benchmark shop's
// 10,000 products on the phone, searched, filtered and sorted by the app's own wasm, timed with
// `performance.now()` in the page. Printed, not asserted.
//
//   cargo bench --bench replica -- --pages /tmp/boutiq-pull            # the shop, as pull pages
//   LEPTOS_SITE_ROOT=/tmp/boutiq-site cargo leptos build --release --frontend-only
//   cargo leptos build                                                 # the (debug) server
//   cd end2end && BOUTIQ_PULL_PAGES=/tmp/boutiq-pull BOUTIQ_E2E_SITE_ROOT=/tmp/boutiq-site \
//     npx playwright test -c bench.config.ts
//
// The server is the real one (sign-up, pages, the bundle); only the pull is answered from the
// pages the Rust bench wrote, so the phone holds exactly the shop the native figures were taken on.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../tests/journey";
import { hydrated, login, register } from "../tests/helpers";

const pagesDir = process.env.BOUTIQ_PULL_PAGES ?? "/tmp/boutiq-pull";
const RUNS = 30;

/** Answers every pull from the written pages: the page after `cursor`, or nothing new (the phone
 * asks only cursors the pages gave it, so one without a page is the last). */
async function pullFromPages(page: Page): Promise<{ bytes: number }> {
  const sent = { bytes: 0 };
  await page.route("**/api/sync/pull?**", async (route) => {
    const cursor = Number(new URL(route.request().url()).searchParams.get("cursor") ?? 0);
    const file = path.join(pagesDir, `${cursor}.json`);
    const body = fs.existsSync(file)
      ? fs.readFileSync(file, "utf8")
      : JSON.stringify({ changes: [], cursor, more: false });
    sent.bytes += body.length;
    await route.fulfill({ status: 200, contentType: "application/json", body });
  });
  return sent;
}

/** Milliseconds from the change until the screen stopped changing (the last DOM mutation). */
function timeChange(page: Page, change: { search?: string; select?: [string, string] }) {
  return page.evaluate(async ({ search, select }) => {
    const list = document.querySelector("main")!;
    let last = 0;
    const observer = new MutationObserver(() => (last = performance.now()));
    observer.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
    const nextTask = () =>
      new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(0);
      });
    const start = performance.now();
    if (search !== undefined) {
      const input = document.querySelector<HTMLInputElement>("input[type=search]")!;
      input.value = search;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    } else if (select) {
      const element = document.querySelector<HTMLSelectElement>(`select[aria-label="${select[0]}"]`)!;
      element.value = select[1];
      element.dispatchEvent(new Event("change", { bubbles: true }));
    }
    // Settled: two tasks in a row without a change of the page (the list follows in tasks).
    let quiet = 0;
    let seen = -1;
    while (quiet < 2) {
      await nextTask();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      quiet = last === seen ? quiet + 1 : 0;
      seen = last;
    }
    observer.disconnect();
    const count = document.querySelector(".result-count")?.textContent ?? "";
    return { ms: Math.max(last - start, 0), count };
  }, change);
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.round((sorted.length - 1) * q)];
}

async function measure(page: Page, name: string, change: Parameters<typeof timeChange>[1], reset: Parameters<typeof timeChange>[1]) {
  const times: number[] = [];
  let count = "";
  for (let i = 0; i < RUNS; i++) {
    await timeChange(page, reset);
    const run = await timeChange(page, change);
    times.push(run.ms);
    count = run.count;
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(36)} ${percentile(times, 0.5).toFixed(1).padStart(8)} ${percentile(times, 0.95).toFixed(1).padStart(8)}   ${count}`,
  );
}

/** Each search, filter and sort, from the list of every product. */
async function measureChanges(page: Page, label: string) {
  console.log(`\n${label}\n${"change (ms until the screen settled)".padEnd(36)} ${"p50".padStart(8)} ${"p95".padStart(8)}   shown`);
  const all = { search: "" };
  const status = "Filtrer par état du stock";
  const sort = "Trier";
  await measure(page, 'keystroke "r"', { search: "r" }, all);
  await measure(page, 'keystroke "ri"', { search: "ri" }, { search: "r" });
  await measure(page, 'keystroke "riz"', { search: "riz" }, { search: "ri" });
  await measure(page, 'search "riz parf"', { search: "riz parf" }, all);
  await measure(page, "exact SKU typed", { search: "SKU-07777" }, all);
  await timeChange(page, all);
  await measure(page, "status filter (rupture)", { select: [status, "rupture"] }, { select: [status, ""] });
  await timeChange(page, { select: [status, ""] });
  await measure(page, "sort: price, highest first", { select: [sort, "products.sort.price_desc"] }, { select: [sort, "products.sort.name"] });
  await timeChange(page, { select: [sort, "products.sort.name"] });
}

test("the replica of 10,000 products in the browser", async ({ page, browser }) => {
  expect(fs.existsSync(pagesDir), `pull pages in ${pagesDir}`).toBe(true);
  await pullFromPages(page);
  const email = await register(page, "shopkeeper");

  // First sync on a phone that holds nothing yet: another browser profile signs in.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: "fr-FR" });
  const fresh = await phone.newPage();
  const sent = await pullFromPages(fresh);
  const started = Date.now();
  await login(fresh, email);
  await fresh.waitForURL((url) => url.pathname === "/shop");
  // "Mis à jour" appears once the last page of the first sync is kept.
  await expect(fresh.locator(".synced-at")).toBeVisible({ timeout: 300_000 });
  const firstSync = (Date.now() - started) / 1000;
  const opened = Date.now();
  await fresh.goto("/shop/products");
  await expect(fresh.locator(".result-count")).toHaveText(/^10\s?000 /, { timeout: 120_000 });
  const reopened = (Date.now() - opened) / 1000;
  await hydrated(fresh);
  const storage = await fresh.evaluate(() => navigator.storage.estimate());
  console.log(`\nfirst sync: ${(sent.bytes / 1e6).toFixed(1)} MB of JSON pulled (loopback), kept ${firstSync.toFixed(1)} s after signing in`);
  console.log(`Produits opened with the 10,000 products on the phone: the list shows ${reopened.toFixed(1)} s after the load began`);
  console.log(`IndexedDB after it: ${(((storage as { usageDetails?: { indexedDB?: number } }).usageDetails?.indexedDB ?? 0) / 1e6).toFixed(1)} MB (all storage: ${((storage.usage ?? 0) / 1e6).toFixed(1)} MB)\n`);

  await measureChanges(fresh, "this machine's core");
  // A cheap phone's core, as Lighthouse's mobile preset takes it: four times slower.
  const cdp = await phone.newCDPSession(fresh);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await measureChanges(fresh, "CPU slowed down 4× (a cheap phone)");
  await phone.close();
});
