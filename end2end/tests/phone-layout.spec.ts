import type { Page } from "@playwright/test";
import { expect, test } from "./journey";
import { open, openProduct, post, register, tabLabelsFit } from "./helpers";

/** Nothing on the page is wider than the 360 px phone screen. */
async function fitsTheScreen(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what} scrolls sideways`).toBeLessThanOrEqual(360);
}

test("every shopkeeper page and dialog fits a 360 px phone", async ({ page }, info) => {
  // Ten pages and five dialogs, each measured and photographed.
  test.setTimeout(240_000);
  await register(page, "shopkeeper");
  const supplier = await (
    await page.request.post("/api/suppliers/create", {
      data: {
        op: crypto.randomUUID(),
        input: { name: "Moussa Distribution et Fils", phone: "+221771234567", whatsapp: "", email: "moussa@example.sn", address: "Rue 10, Médina", city: "Dakar", notes: "" },
      },
    })
  ).json();
  const product = await (
    await page.request.post("/api/products/create", {
      data: {
        op: crypto.randomUUID(),
        input: { name: "Riz parfumé brisé 25 kg", sku: "6001234567890", category_id: "", supplier_id: supplier, unit: "sac", quantity: 4, min_stock: 5, max_stock: 40, purchase_price: 14500, sale_price: 16000, notes: "" },
      },
    })
  ).json();
  const lines = [{ product_id: product.id, quantity: 12, unit_price: 14500 }];
  expect((await page.request.post("/api/orders/create", {
    data: { op: crypto.randomUUID(), input: { supplier_id: supplier, lines, expected_on: "2099-03-01", note: "Livrer le matin" } },
  })).ok()).toBeTruthy();

  for (const path of ["/shop", "/shop/products", "/shop/orders", "/shop/suppliers", "/shop/marketplace", "/shop/history", "/shop/stats", "/shop/products/import", "/shop/settings", "/shop/more"]) {
    await open(page, path);
    await fitsTheScreen(page, path);
    await page.screenshot({ path: info.outputPath(`${path.replaceAll("/", "_")}.png`), fullPage: true });
  }
  await open(page, "/shop/products");
  await openProduct(page, "Riz parfumé brisé 25 kg");
  await fitsTheScreen(page, "the product detail");
  await page.screenshot({ path: info.outputPath("product-detail.png"), fullPage: true });
  await open(page, "/shop/orders");
  await page.locator(".order-card").getByRole("button", { name: "Détails" }).click();
  await expect(page.getByRole("dialog").getByRole("heading", { name: /Commande n°1/ })).toBeVisible();
  await fitsTheScreen(page, "the order detail");
  await page.screenshot({ path: info.outputPath("order-detail.png"), fullPage: true });
  await open(page, "/shop/suppliers");
  await page.locator(".supplier-card").getByRole("button", { name: "Détails" }).click();
  await expect(page.getByRole("dialog").getByRole("heading", { name: "Moussa Distribution et Fils" })).toBeVisible();
  await fitsTheScreen(page, "the supplier detail");
  await page.screenshot({ path: info.outputPath("supplier-detail.png"), fullPage: true });
  await page.getByRole("button", { name: "Fermer" }).click();
  await page.getByRole("button", { name: "+ Fournisseur" }).click();
  await fitsTheScreen(page, "the supplier form");
  await open(page, "/shop/orders");
  await page.getByRole("button", { name: "+ Commande" }).click();
  await page.getByRole("dialog").getByLabel("Ajouter un produit (nom ou code)").fill("riz");
  await page.getByRole("dialog").getByLabel("Ajouter un produit (nom ou code)").press("Enter");
  await page.getByRole("dialog").getByRole("button", { name: /Ajouter Riz/ }).click();
  await fitsTheScreen(page, "the order form");
  await page.screenshot({ path: info.outputPath("order-form.png"), fullPage: true });
});

test("with the large text of J2 the dashboard's values stay inside their cards", async ({ page }) => {
  await register(page, "shopkeeper");
  const supplier = await post(page, "/api/suppliers/create", {
    input: { name: "Moussa", phone: "", whatsapp: "", email: "", address: "", city: "", notes: "" },
  });
  const product = await post(page, "/api/products/create", {
    input: { name: "Riz", sku: "", category_id: "", supplier_id: supplier, unit: "sac", quantity: 4, min_stock: 5, max_stock: 40, purchase_price: 14500, sale_price: 16000, notes: "" },
  });
  const lines = [{ product_id: product.id, quantity: 12, unit_price: 14500 }];
  await post(page, "/api/orders/create", { input: { supplier_id: supplier, lines, expected_on: "2099-03-01", note: "" } });

  await open(page, "/shop/settings");
  await page.getByRole("group", { name: "Taille du texte" }).getByRole("button", { name: "Grande" }).click();
  const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  await expect.poll(rootSize).toBe("20px");
  // Kept for the next visit, rendered so by the server.
  await open(page, "/shop");
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "large");
  await expect(page.locator("[data-figure='next-delivery']")).toHaveText("01/03/2099");
  const overflowing = await page.locator(".kpi").evaluateAll((cards: HTMLElement[]) =>
    cards.filter((card) => card.scrollWidth > card.clientWidth || card.getBoundingClientRect().right > 360).map((card) => card.textContent),
  );
  expect(overflowing, "values past their card").toEqual([]);
  await tabLabelsFit(page);
  await fitsTheScreen(page, "the dashboard in large text");
});
