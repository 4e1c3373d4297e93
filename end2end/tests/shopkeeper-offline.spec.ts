import type { Page } from "@playwright/test";
import { expect, test } from "./journey";
import { hydrated, logout, open, register, tabs } from "./helpers";

const SHOP_SCREENS = ["/shop", "/shop/products", "/shop/orders", "/shop/suppliers", "/shop/alerts", "/shop/settings"];

function card(page: Page, name: string) {
  return page.locator(".product-card").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

function kpi(page: Page, label: string) {
  return page.locator(".kpi").filter({ hasText: label }).locator("dd");
}

/** The replicas kept in this browser's IndexedDB. */
function replicas(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name ?? "").filter((name) => name.startsWith("boutiq-replica-")),
  );
}

test("the shop's screens read the phone's replica, work offline, and sign-out leaves nothing", async ({
  page,
  context,
}) => {
  await register(page, "shopkeeper");
  await open(page, "/shop/products");
  for (const [name, quantity] of [["Riz parfumé", "0"], ["Huile Dinor", "12"]]) {
    await page.getByRole("button", { name: "+ Produit" }).click();
    const form = page.getByRole("dialog");
    await form.getByLabel("Nom du produit", { exact: true }).fill(name);
    await form.getByLabel("Quantité en stock", { exact: true }).fill(quantity);
    await form.getByLabel("Prix d'achat (F CFA)", { exact: true }).fill("500");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(card(page, name)).toBeVisible();
  }

  // I2: the phone keeps one replica, named for the user and the shop, and says when it synced.
  await expect.poll(() => replicas(page), { timeout: 30_000 }).toHaveLength(1);
  await expect(page.locator(".synced-at")).toHaveText("Mis à jour à l'instant");
  // Every screen of the shop is kept by the service worker after sign-in, visited or not.
  await page.waitForFunction(
    async (paths) => (await Promise.all(paths.map((path) => caches.match(path)))).every(Boolean),
    SHOP_SCREENS,
    { timeout: 60_000 },
  );

  // The network goes: the banner says so, and the screens still answer from the phone.
  await context.setOffline(true);
  await expect(page.locator(".offline-banner")).toHaveText("Mode hors ligne");
  await page.getByRole("searchbox").fill("riz");
  await expect(page.locator(".product-card")).toHaveCount(1);
  await expect(card(page, "Riz parfumé")).toBeVisible();
  await tabs(page).filter({ hasText: "Tableau de bord" }).click();
  await expect(kpi(page, "Produits")).toHaveText("2");
  await expect(kpi(page, "Valeur du stock")).toHaveText("6 000 F CFA");

  // A screen never visited opens offline, and a reloaded one shows the replica's records.
  await page.goto("/shop/alerts");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alertes");
  await expect(page.locator(".offline-banner")).toHaveText("Mode hors ligne");
  await page.goto("/shop/products");
  await hydrated(page);
  await expect(card(page, "Huile Dinor")).toBeVisible();
  await expect(card(page, "Riz parfumé")).toBeVisible();

  // The network returns: the banner goes; signing out deletes the replica from the phone.
  await context.setOffline(false);
  await expect(page.locator(".offline-banner")).toHaveCount(0);
  await logout(page, "/shop/settings");
  await expect.poll(() => replicas(page)).toEqual([]);
});
