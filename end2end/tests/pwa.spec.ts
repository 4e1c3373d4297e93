import { chromium } from "@playwright/test";
import { expect, test } from "./journey";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fromMore, hydrated, keptForOffline, open, register, tabs } from "./helpers";

test("the manifest is served and valid, with real icons", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.ok()).toBeTruthy();
  const manifest = await response.json();
  expect(manifest.name).toContain("Boutiq");
  expect(manifest.start_url).toBe("/");
  expect(manifest.display).toBe("standalone");
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  for (const size of ["192x192", "512x512"]) {
    const icon = manifest.icons.find((i: { sizes: string }) => i.sizes === size);
    expect(icon, size).toBeTruthy();
    const png = await request.get(icon.src);
    expect(png.headers()["content-type"]).toBe("image/png");
    const bytes = await png.body();
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    expect(`${width}x${height}`).toBe(size);
  }
});

test("Chromium considers the app installable", async ({ baseURL, launchOptions }) => {
  // Installability is never granted to incognito contexts: use a real profile.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "boutiq-profile-"));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    const page = await context.newPage();
    await open(page, "/login");
    const client = await context.newCDPSession(page);
    await expect
      .poll(async () => (await client.send("Page.getInstallabilityErrors")).installabilityErrors, { timeout: 60_000 })
      .toEqual([]);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test("a page visited once reloads with the network off", async ({ page, context }) => {
  await register(page, "shopkeeper");
  await open(page, "/shop/settings");
  await keptForOffline(page, ["/shop/settings"]);
  // Back to Paramètres inside the app, the page now under the worker: its reads go through it.
  await page.reload();
  await hydrated(page);
  await tabs(page).filter({ hasText: "Accueil" }).click();
  await fromMore(page, "Paramètres");
  await expect(page.locator(".shop-name")).toHaveText("Boutique Awa");
  await context.setOffline(true);
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paramètres");
  await expect(page.locator(".shop-name")).toHaveText("Boutique Awa");
  // The shop's data came from the replica: the worker kept pages and the bundle, no API answer.
  const kept = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(kept).toContain("/shop/settings");
  expect(kept.filter((path) => path.startsWith("/api/"))).toEqual([]);
  await context.setOffline(false);
});
