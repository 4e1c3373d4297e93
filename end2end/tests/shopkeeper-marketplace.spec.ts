import type { Page } from "@playwright/test";
import { expect, test } from "./journey";
import { open, register } from "./helpers";

/** A supplier completes its profile and adds an item (available or not) to its catalogue. */
async function supplierWithCatalogue(page: Page, p: { company: string; city: string; zone: string; category: string; item: string; hidden: string }) {
  await register(page, "supplier");
  await open(page, "/supplier/settings");
  await page.getByLabel("Nom de l'entreprise").fill(p.company);
  await page.getByLabel("Description").fill("Épices et condiments en gros.");
  await page.getByLabel("Téléphone").fill("77 123 45 67");
  await page.getByLabel("Ville").fill(p.city);
  await page.getByLabel("Zones de livraison").fill(p.zone);
  await page.getByLabel("Catégories de produits").fill(p.category);
  await page.getByLabel("Montant minimum de commande (F CFA)").fill("25000");
  await page.getByLabel("Délai moyen de livraison (jours)").fill("3");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Enregistré.")).toBeVisible();

  await open(page, "/supplier/catalog");
  for (const [name, price, minimum] of [[p.item, "2500", "3"], [p.hidden, "4000", "1"]]) {
    await page.getByRole("button", { name: "+ Article" }).click();
    const form = page.getByRole("dialog");
    await form.getByLabel("Nom de l'article").fill(name);
    await form.getByLabel("Catégorie").fill(p.category);
    await form.getByLabel("Prix unitaire (F CFA)").fill(price);
    await form.getByLabel("Unité").fill("kg");
    await form.getByLabel("Quantité minimum de commande").fill(minimum);
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
  }
  // The second item is withdrawn: shops must not see it.
  const saved = page.waitForResponse((r) => r.url().includes("/api/catalog/available"));
  await page.locator(".catalog-row", { hasText: p.hidden }).getByLabel("Disponible").uncheck();
  expect((await saved).ok()).toBeTruthy();
}

test("a shopkeeper finds a registered supplier by city and category, reads its catalogue, and finds its product", async ({ browser }) => {
  const tag = `${Date.now() % 1_000_000}`;
  const p = {
    company: `Dépôt Ndiaye ${tag}`,
    city: `Kaffrine ${tag}`,
    zone: `Birkelane ${tag}`,
    category: `Épices ${tag}`,
    item: `Poivre noir ${tag}`,
    hidden: `Cannelle ${tag}`,
  };
  const supplierContext = await browser.newContext();
  await supplierWithCatalogue(await supplierContext.newPage(), p);

  const shopContext = await browser.newContext();
  const page = await shopContext.newPage();
  await register(page, "shopkeeper");
  await open(page, "/shop/suppliers");
  const tabs = page.getByRole("navigation", { name: "Mes fournisseurs ou la marketplace" });
  await expect(tabs.getByRole("link", { name: "Mes fournisseurs", exact: true })).toHaveAttribute("aria-current", "page");
  await tabs.getByRole("link", { name: "Marketplace", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/shop/marketplace");
  await expect(tabs.getByRole("link", { name: "Marketplace", exact: true })).toHaveAttribute("aria-current", "page");

  // By a delivery zone (case aside): the supplier's card.
  const card = page.locator(".market-card", { hasText: p.company });
  await page.getByLabel("Ville ou zone de livraison").fill(p.zone.toLowerCase());
  await page.getByRole("button", { name: "Chercher", exact: true }).click();
  await expect(page.locator(".market-card")).toHaveCount(1);
  await expect(card).toContainText(p.city);
  await expect(card).toContainText("1 article");
  await expect(card).toContainText("Livraison en 3 j en moyenne");

  // By its category, among every supplier.
  await page.getByLabel("Ville ou zone de livraison").fill("");
  await page.getByLabel("Catégorie", { exact: true }).selectOption(p.category);
  await page.getByRole("button", { name: "Chercher", exact: true }).click();
  await expect(page.locator(".market-card")).toHaveCount(1);
  await expect(card).toBeVisible();

  // Its page: the profile and the available catalogue with prices and minimums.
  await card.getByRole("link").click();
  await page.waitForURL(/\/shop\/marketplace\/.+/);
  await expect(page.getByRole("heading", { name: p.company })).toBeVisible();
  await expect(page.locator(".market-facts")).toContainText(p.zone);
  await expect(page.locator(".market-facts")).toContainText("25 000 F CFA");
  const row = page.locator(".market-catalog .catalog-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(p.item);
  await expect(row).toContainText("2 500 F CFA / kg");
  await expect(row).toContainText("Minimum : 3");
  await expect(page.getByText(p.hidden)).toHaveCount(0);
  await expect(page.getByText("Pas encore d'avis.")).toBeVisible();

  // The product search finds the item and leads to the supplier.
  await page.getByRole("link", { name: "← Marketplace" }).click();
  await page.waitForURL((url) => url.pathname === "/shop/marketplace");
  await page.getByRole("button", { name: "Produits", exact: true }).click();
  await page.getByLabel("Produit ou catégorie").fill(`poivre ${tag}`);
  await page.getByRole("button", { name: "Chercher", exact: true }).click();
  const hit = page.locator(".market-product");
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText(p.item);
  await expect(hit).toContainText("2 500 F CFA / kg");
  await expect(hit).toContainText(p.city);
  await hit.getByRole("link", { name: p.company }).click();
  await page.waitForURL(/\/shop\/marketplace\/.+/);
  await expect(page.getByRole("heading", { name: p.company })).toBeVisible();

  await supplierContext.close();
  await shopContext.close();
});
