import type { Page } from "@playwright/test";
import { expect, test } from "./journey";
import { allSent, open, openProduct, post, register, tabs } from "./helpers";

/** The engine works in the background (every 2 s, slower on a busy machine): reload the
 * alerts until `check` passes. Each reload waits for hydration and the list, so a try gets 5 s. */
async function untilAlerts(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await open(page, "/shop/alerts");
    await check();
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000] });
}

test("alerts follow the stock, lead to an order, and obey the rules", async ({ page }) => {
  test.setTimeout(240_000); // three waits for the background engine, up to 90 s each
  await register(page, "shopkeeper");
  const supplier = await post(page, "/api/suppliers/create", {
    input: { name: "Moussa", phone: "", whatsapp: "", email: "", address: "", city: "", notes: "" },
  });
  const rice = await post(page, "/api/products/create", {
    input: { name: "Riz 5kg", sku: "", category_id: "", supplier_id: supplier, unit: "sac", quantity: 3, min_stock: 5, max_stock: 50, purchase_price: 4500, sale_price: 5000, notes: "" },
  });

  // D1: stock bas, with the usual supplier named; the tab counts it.
  await untilAlerts(page, async () => {
    await expect(page.getByRole("region", { name: "Stock bas" }).locator(".alert-card")).toHaveCount(1, { timeout: 5_000 });
  });
  await expect(page.locator(".alert-card")).toContainText("Riz 5kg : stock bas (3 sac). Fournisseur habituel : Moussa.");
  await expect(page.locator(".alert-card .severity-chip")).toHaveText("Avertissement");
  await expect(page.locator(".tab-count")).toHaveText("1");

  // A sale empties the stock: rupture replaces stock bas, which goes to the history.
  await post(page, "/api/stock/move", { input: { product_id: rice.id, kind: "out", quantity: 3, reason: "sale", note: "" } });
  await untilAlerts(page, async () => {
    await expect(page.getByRole("region", { name: "Ruptures" }).locator(".alert-card")).toHaveCount(1, { timeout: 5_000 });
  });
  await expect(page.locator(".alert-card")).toHaveCount(1);
  await expect(page.locator(".alert-card")).toContainText("Riz 5kg en rupture depuis 0 jour.");
  await expect(page.locator(".alert-card .severity-chip")).toHaveText("Critique");

  // D5: the rice raised two alerts this month, on the alerts view and in its detail.
  await expect(page.getByRole("region", { name: "Produits les plus signalés ce mois" })).toContainText("Riz 5kg 2 alertes");
  await open(page, "/shop/products");
  await expect((await openProduct(page, "Riz 5kg")).locator(".product-alerts")).toHaveText("2 alertes ce mois");
  await open(page, "/shop/alerts");

  // D3: mark all read; the count goes.
  await page.getByRole("button", { name: "Tout marquer comme lu" }).click();
  await expect(page.getByRole("button", { name: "Marquer comme lu", exact: true })).toHaveCount(0);
  await open(page, "/shop/alerts");
  await expect(page.locator(".tab-count")).toHaveCount(0);

  // D4: "Commander" opens an order for the usual supplier, topped up to the max stock.
  await page.getByRole("link", { name: "Commander" }).click();
  await expect(page.getByRole("dialog").getByLabel("Quantité de Riz 5kg")).toHaveValue("50");
  await expect(page.getByRole("dialog").getByLabel("Fournisseur")).toHaveValue(supplier);
  await page.getByRole("dialog").getByRole("button", { name: "Créer la commande" }).click();
  await expect(page.getByRole("dialog").getByRole("heading", { name: /Commande n°1/ })).toBeVisible();

  // D2: switching the rupture rule off resolves the alert.
  await open(page, "/shop/alerts");
  await page.getByRole("button", { name: "Configurer" }).click();
  await page.getByRole("group", { name: "Rupture de stock" }).getByLabel("Activée").uncheck();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await untilAlerts(page, async () => {
    await expect(page.getByText("Aucune alerte.")).toBeVisible({ timeout: 5_000 });
  });
  await page.getByRole("button", { name: "Historique" }).click();
  await expect(page.locator(".alert-card")).toHaveCount(2);

  // D3: the severity chips narrow the list.
  const severity = page.getByRole("group", { name: "Gravité" });
  await severity.getByRole("button", { name: "Critique" }).click();
  await expect(page.locator(".alert-card")).toHaveCount(1);
  await expect(page.locator(".alert-card")).toContainText("rupture");
  await severity.getByRole("button", { name: "Avertissement" }).click();
  await expect(page.locator(".alert-card")).toHaveCount(1);
  await expect(page.locator(".alert-card")).toContainText("stock bas");
  await severity.getByRole("button", { name: "Info" }).click();
  await expect(page.getByText("Aucune alerte.")).toBeVisible();
  await severity.getByRole("button", { name: "Toutes" }).click();
  await expect(page.locator(".alert-card")).toHaveCount(2);
});

test("the stock bas badge and the alert follow one rule, moved by the shop's share", async ({ page }) => {
  await register(page, "shopkeeper");
  const rice = await post(page, "/api/products/create", {
    input: { name: "Riz parfumé", sku: "", category_id: "", supplier_id: "", unit: "sac", quantity: 10, min_stock: 5, max_stock: 50, purchase_price: 4500, sale_price: 5000, notes: "" },
  });
  // 10 of a max of 50 is 20 %: stock bas on its badge, as its alert says.
  await open(page, "/shop/products");
  const row = page.locator(".product-card", { hasText: "Riz parfumé" });
  await expect(row.locator(".status-badge")).toHaveText("Stock bas");
  await untilAlerts(page, async () => {
    await expect(page.getByRole("region", { name: "Stock bas" }).locator(".alert-card")).toHaveCount(1, { timeout: 5_000 });
  });

  // A share of 10 %: the badge says Normal at once, and the server's record after the sync.
  await page.getByRole("button", { name: "Configurer" }).click();
  const low = page.getByRole("group", { name: "Stock bas" });
  await expect(low).toContainText("Le badge « Stock bas » suit la même règle");
  await low.getByLabel("Seuil (% du stock maximum)").fill("10");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await tabs(page).filter({ hasText: "Produits" }).click();
  await expect(row.locator(".status-badge")).toHaveText("Normal");
  await allSent(page);
  await expect
    .poll(async () => (await (await page.request.get(`/api/products/get?id=${rice.id}`)).json()).status)
    .toBe("normal");
  await untilAlerts(page, async () => {
    await expect(page.getByText("Aucune alerte.")).toBeVisible({ timeout: 5_000 });
  });
});
