import type { Page } from "@playwright/test";
import { expect, test } from "./journey";
import { allSent, hydrated, open, openProduct, post, register } from "./helpers";

function card(page: Page, name: string) {
  return page.locator(".product-card").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) {
    await page.getByRole("dialog").getByLabel(label, { exact: true }).fill(value);
  }
}

test("a shopkeeper sets up categories and products, moves stock and reads the history", async ({ page }) => {
  await register(page, "shopkeeper");
  await open(page, "/shop/products");
  await expect(page.getByText("Aucun produit ne correspond.")).toBeVisible();

  // B2: a category through "Gérer".
  await page.getByRole("button", { name: "Gérer" }).click();
  await page.getByLabel("Nouvelle catégorie").fill("Céréales");
  await page.getByRole("button", { name: "Ajouter" }).click();
  await expect(page.getByRole("dialog").getByLabel("Nom de la catégorie")).toHaveValue("Céréales");
  // At 360 px a row's buttons wrap instead of being cut off at the dialog's edge.
  const dialogBox = (await page.getByRole("dialog").boundingBox())!;
  const deleteBox = (await page.locator(".category-row").getByRole("button", { name: "Supprimer" }).boundingBox())!;
  expect(deleteBox.x + deleteBox.width).toBeLessThanOrEqual(dialogBox.x + dialogBox.width);
  // Closed while a second one is still being saved: the page lives on (the journey fails on
  // any page error) and the new category is listed without a reload.
  await page.getByLabel("Nouvelle catégorie").fill("Boissons");
  await page.getByRole("button", { name: "Ajouter" }).click();
  await page.getByRole("button", { name: "Fermer" }).click();
  await expect(page.getByRole("group", { name: "Catégorie" }).getByRole("button", { name: "Céréales" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Catégorie" }).getByRole("button", { name: "Boissons" })).toBeVisible();

  // B1: an empty name is refused next to the field, then the product is created.
  await page.getByRole("button", { name: "+ Produit" }).click();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.locator("#name-error")).toHaveText("Ce champ est obligatoire.");
  await fill(page, {
    "Nom du produit": "Riz 5kg",
    "Code-barres / référence": "6001234567890",
    "Unité": "sac",
    "Quantité en stock": "10",
    "Stock minimum": "5",
    "Stock maximum": "40",
    "Prix d'achat (F CFA)": "4500",
    "Prix de vente (F CFA)": "5000",
  });
  await page.getByRole("dialog").getByLabel("Catégorie").selectOption({ label: "Céréales" });
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const rice = card(page, "Riz 5kg");
  await expect(rice.locator(".quantity")).toHaveText("10");
  await expect(rice.locator(".status-badge")).toHaveText("Normal");
  await expect(rice).toContainText("5 000 F CFA");

  // B4: a sale takes the stock down to "Stock bas"; a larger one is refused.
  await rice.getByRole("button", { name: "Sortie" }).click();
  await page.getByRole("dialog").getByLabel("Quantité", { exact: true }).fill("8");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(rice.locator(".quantity")).toHaveText("2");
  await expect(rice.locator(".status-badge")).toHaveText("Stock bas");
  await rice.getByRole("button", { name: "Sortie" }).click();
  await page.getByRole("dialog").getByLabel("Quantité", { exact: true }).fill("5");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.locator("#move-quantity-error")).toHaveText("Stock insuffisant pour cette sortie.");
  await page.getByRole("button", { name: "Fermer" }).click();
  await expect(rice.locator(".quantity")).toHaveText("2");

  // B1, B5: the product's detail, with its ledger and the balance after each movement.
  const detail = await openProduct(page, "Riz 5kg");
  const fact = (label: string) => detail.locator(".facts dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
  await expect(fact("Catégorie")).toHaveText("Céréales");
  await expect(fact("Code-barres / référence")).toHaveText("6001234567890");
  await expect(fact("Prix d'achat")).toHaveText("4 500 F CFA");
  const rows = detail.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("−8 Vente");
  await expect(rows.nth(0).locator(".balance")).toHaveText("2");
  await expect(rows.nth(1)).toContainText("+10 Stock initial");
  await expect(rows.nth(1)).toContainText("Awa Diallo");

  // B1: duplicate, edit, delete, from the detail.
  await detail.getByRole("button", { name: "Dupliquer" }).click();
  await expect(page.getByRole("dialog").getByLabel("Nom du produit")).toHaveValue("Riz 5kg (copie)");
  await expect(page.getByRole("dialog").getByLabel("Code-barres / référence")).toHaveValue("");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  const copy = card(page, "Riz 5kg (copie)");
  await expect(copy.locator(".status-badge")).toHaveText("Rupture");
  await (await openProduct(page, "Riz 5kg (copie)")).getByRole("button", { name: "Modifier" }).click();
  await expect(page.getByRole("dialog").getByLabel("Prix de vente (F CFA)")).toHaveValue("5000");
  await fill(page, { "Prix de vente (F CFA)": "5500" });
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(copy).toContainText("5 500 F CFA");
  await (await openProduct(page, "Riz 5kg (copie)")).getByRole("button", { name: "Supprimer" }).click();
  await page.getByRole("button", { name: "Oui, supprimer" }).click();
  await expect(copy).toHaveCount(0);
  await expect(page.getByText("1 produit")).toBeVisible();

  // B7 (keyboard-wedge scanner): the code typed into the search field followed by Enter.
  await page.getByRole("searchbox").fill("6001234567890");
  await page.getByRole("searchbox").press("Enter");
  await expect(page.locator(".product-card")).toHaveCount(1);
  await page.getByRole("searchbox").fill("introuvable");
  await page.getByRole("searchbox").press("Enter");
  await expect(page.getByText("Aucun produit ne correspond.")).toBeVisible();

  // What the database holds, read back through the API once the outbox has sent every write.
  await allSent(page);
  const list = await page.request.get("/api/products/list?query[search]=riz");
  const body = await list.json();
  expect(body.total).toBe(1);
  expect(body.items[0]).toMatchObject({ name: "Riz 5kg", quantity: 2, status: "low", sale_price: 5000 });

  // E5: the shop's history from the dashboard, filtered to the removals.
  await open(page, "/shop");
  await page.getByRole("link", { name: "Historique" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Historique");
  await expect(page.getByText("2 mouvements")).toBeVisible();
  await page.getByRole("group", { name: "Type de mouvement" }).getByRole("button", { name: "Sorties" }).click();
  await expect(page.getByText("1 mouvement")).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText("Riz 5kg");
  await expect(page.locator("tbody tr")).toContainText("−8 Vente");

  // B5: the phone keeps a ledger's ten latest lines; older ones come from the server, by page.
  for (let n = 0; n < 10; n++) {
    const [kind, reason] = n % 2 ? ["out", "sale"] : ["in", "delivery"];
    await post(page, "/api/stock/move", { input: { product_id: body.items[0].id, kind, quantity: 1, reason, note: "" } });
  }
  await open(page, "/shop/products");
  await openProduct(page, "Riz 5kg");
  await expect(rows).toHaveCount(10);
  await expect(rows.nth(9)).toContainText("+1 Livraison");
  await page.getByRole("button", { name: "Mouvements plus anciens" }).click();
  await expect(rows).toHaveCount(12);
  await expect(rows.nth(10)).toContainText("−8 Vente");
  await expect(rows.nth(11)).toContainText("+10 Stock initial");
  await expect(page.getByRole("button", { name: "Mouvements plus anciens" })).toHaveCount(0);
});

test("the dashboard counts the stock and its red banner leads to the products out of stock", async ({ page }) => {
  await register(page, "shopkeeper");
  // The quick action opens the product form directly.
  await page.getByRole("link", { name: "+ Produit" }).click();
  await expect(page.getByRole("dialog", { name: "Nouveau produit" })).toBeVisible();
  await expect(page).toHaveURL(/\/shop\/products$/); // a reload will not open it again
  for (const [name, quantity] of [["Sucre 1kg", "0"], ["Lait en poudre", "12"]]) {
    if (name !== "Sucre 1kg") await page.getByRole("button", { name: "+ Produit" }).click();
    await fill(page, { "Nom du produit": name, "Quantité en stock": quantity, "Prix d'achat (F CFA)": "500" });
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(card(page, name)).toBeVisible();
  }
  await open(page, "/shop");
  await expect(page.locator(".kpi").filter({ hasText: "Produits" }).locator("dd")).toHaveText("2");
  await expect(page.locator(".kpi").filter({ hasText: "Valeur du stock" }).locator("dd")).toHaveText("6 000 F CFA");
  await page.getByRole("link", { name: /^1 produit en rupture de stock/ }).click();
  await expect(page).toHaveURL(/status=rupture/);
  await expect(page.locator(".product-card")).toHaveCount(1);
  await expect(card(page, "Sucre 1kg")).toBeVisible();
});

test("the grid or list choice is remembered", async ({ page }) => {
  await register(page, "shopkeeper");
  await open(page, "/shop/products");
  // The dense list by default ("Vue grille" offered); the grid and the sort are under "Filtres".
  await page.getByRole("button", { name: "Filtres" }).click();
  await page.getByRole("button", { name: "Vue grille" }).click();
  await expect(page.getByRole("button", { name: "Vue liste" })).toBeVisible();
  await page.reload();
  await hydrated(page);
  await page.getByRole("button", { name: "Filtres" }).click();
  await expect(page.getByRole("button", { name: "Vue liste" })).toBeVisible();
  // A sort other than by name shows on the folded "Filtres".
  await page.getByRole("combobox", { name: "Trier" }).selectOption({ label: "Quantité" });
  await page.getByRole("button", { name: "Filtres" }).click();
  await expect(page.getByRole("button", { name: "Filtres (1)" })).toHaveAttribute("aria-expanded", "false");
});

test("a phone screen shows at least eight products, the search across the row and − / + on each", async ({ page }) => {
  await register(page, "shopkeeper");
  for (let n = 1; n <= 12; n++) {
    const input = { name: `Produit ${String(n).padStart(2, "0")}`, sku: "", category_id: "", unit: "sac", quantity: n, min_stock: 2, max_stock: null, purchase_price: 900, sale_price: 1000 * n, notes: "" };
    await post(page, "/api/products/create", { input });
  }
  await open(page, "/shop/products");
  // The phone's copy has caught up with the twelve (it held fewer when the page opened).
  await expect(page.locator(".result-count")).toHaveText("12 produits");
  await expect(page.locator(".product-card")).toHaveCount(12);
  // Fully visible: inside the screen and above the tab bar.
  const tabBar = await page.getByRole("navigation", { name: "Navigation principale" }).boundingBox();
  const visible = await page
    .locator(".product-card")
    .evaluateAll((rows, bottom) => rows.filter((row) => row.getBoundingClientRect().top >= 0 && row.getBoundingClientRect().bottom <= bottom).length, tabBar!.y);
  expect(visible).toBeGreaterThanOrEqual(8);
  // The search field takes the row (results follow the typing: no "Chercher").
  const search = await page.getByRole("searchbox").boundingBox();
  expect(search!.width).toBeGreaterThanOrEqual(200); // all but two 48 px icon buttons
  await expect(page.getByRole("search").getByRole("button", { name: "Chercher" })).toHaveCount(0);
  await page.getByRole("searchbox").fill("produit 1");
  await expect(page.locator(".product-card")).toHaveCount(3); // 10, 11, 12
  // − and + are thumb-sized and one tap from the stock form.
  const first = page.locator(".product-card").first();
  const minus = await first.getByRole("button", { name: "Sortie" }).boundingBox();
  expect(Math.min(minus!.width, minus!.height)).toBeGreaterThanOrEqual(44);
  await first.getByRole("button", { name: "Entrée" }).click();
  await expect(page.getByRole("dialog", { name: "Entrée de stock" })).toContainText("Produit 10");
  // B4: an entry offers the reasons stock comes in by (no "Vente"), an exit those it goes out by.
  await expect(page.getByRole("dialog").getByLabel("Motif").locator("option")).toHaveText(["Livraison", "Retour", "Correction", "Autre"]);
  await page.getByRole("button", { name: "Fermer" }).click();
  await first.getByRole("button", { name: "Sortie" }).click();
  await expect(page.getByRole("dialog").getByLabel("Motif").locator("option")).toHaveText(["Vente", "Perte", "Casse", "Retour", "Correction", "Autre"]);
});
