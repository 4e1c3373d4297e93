import * as fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./journey";
import { open, post, register } from "./helpers";

async function product(page: Page, name: string, quantity: number, price: number, extra: object = {}) {
  return post(page, "/api/products/create", {
    input: { name, sku: "", category_id: "", unit: "sac", quantity, min_stock: 2, max_stock: null, purchase_price: price, sale_price: price + 100, notes: "", ...extra },
  });
}

/** Clicks `link` and returns the downloaded file's text. */
async function download(page: Page, link: ReturnType<Page["getByRole"]>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(path!, "utf8") };
}

test("statistics follow the period, and products and movements export as CSV", async ({ page }) => {
  await register(page, "shopkeeper");
  const grains = await post(page, "/api/categories/create", { name: "Céréales" });
  const rice = await product(page, "Riz 5kg", 20, 1000, { category_id: grains });
  await product(page, "Sucre", 0, 300);
  await post(page, "/api/stock/move", { input: { product_id: rice.id, kind: "out", quantity: 4, reason: "sale", note: "" } });

  await open(page, "/shop");
  await page.getByRole("link", { name: "Voir statistiques" }).click();
  await expect(page.getByRole("heading", { name: "Statistiques" })).toBeVisible();
  await expect(page.locator("[data-figure=usage]")).toHaveText("Vous avez 2 produits, 0 commande ce mois, 0 alerte traitée.");
  // Stock value by category: 16 × 1 000 in Céréales, nothing uncategorised.
  await expect(page.locator("[data-figure=by-category] li").first()).toContainText("Céréales16 000 F CFA");
  await expect(page.locator("[data-figure=by-status] li[data-status=rupture]")).toContainText("Rupture1");
  await expect(page.locator("[data-figure=top-sellers] li")).toHaveCount(1);
  await expect(page.locator("[data-figure=top-sellers] li")).toContainText("Riz 5kg4 sac");
  await expect(page.locator("[data-figure=flow-totals]")).toContainText("Entrées : 20");
  await expect(page.locator("[data-figure=flow-totals]")).toContainText("Sorties : 4");
  // The same figures as text for screen readers, one row a day.
  await expect(page.locator(".flow-pair")).toHaveCount(7);
  await expect(page.locator("table.visually-hidden tbody tr")).toHaveCount(7);

  await page.getByRole("button", { name: "30 jours" }).click();
  await expect(page.getByRole("button", { name: "30 jours" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(".flow-pair")).toHaveCount(30);
  await page.getByRole("button", { name: "90 jours" }).click();
  await expect(page.locator(".flow-pair")).toHaveCount(13);

  // E6: the products file, with a BOM, `;` and amounts in F CFA.
  const products = await download(page, page.getByRole("link", { name: "Exporter CSV (produits)" }));
  expect(products.name).toMatch(/^produits-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(products.text.charCodeAt(0)).toBe(0xfeff);
  const lines = products.text.slice(1).trim().split(/\r?\n/);
  expect(lines[0]).toBe("SKU;Nom;Catégorie;Unité;Quantité;Stock min;Stock max;Prix d'achat (XOF);Prix de vente (XOF);Valeur du stock (XOF);État;Fournisseur habituel;Notes");
  expect(lines.slice(1)).toEqual([";Riz 5kg;Céréales;sac;16;2;;1000;1100;16000;Normal;;", ";Sucre;;sac;0;2;;300;400;0;Rupture;;"]);

  // From the history, only the "sorties".
  await open(page, "/shop/history");
  await page.getByRole("button", { name: "Sorties" }).click();
  const movements = await download(page, page.getByRole("link", { name: "Exporter CSV" }));
  const rows = movements.text.slice(1).trim().split(/\r?\n/);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2};Riz 5kg;;Sortie;4;Vente;;16;Awa Diallo$/);
});

test("a product file is previewed, its bad rows listed, and imported with a progress bar", async ({ page }) => {
  test.setTimeout(240_000); // the import waits for up to two slow batches
  await register(page, "shopkeeper");
  await open(page, "/shop/products");
  await page.getByRole("link", { name: "Importer CSV" }).click();
  await expect(page.getByRole("heading", { name: "Importer des produits" })).toBeVisible();
  let file = "Nom;Code;Quantité;Prix de vente;Remarque\n";
  for (let i = 1; i <= 120; i++) file += `Article ${i};A${i};${i};${100 + i};lot ${i}\n`;
  file += ";A900;1;1;x\nMil;A901;beaucoup;1;x\n";
  await page.locator("input[type=file]").setInputFiles({ name: "articles.csv", mimeType: "text/csv", buffer: Buffer.from(file) });

  await expect(page.locator("[data-figure=import-counts]")).toHaveText("122 lignes : 120 à importer, 2 ignorées.");
  await expect(page.locator(".import-errors li")).toHaveText([
    "Ligne 122 · Nom : Nom manquant",
    "Ligne 123 · Quantité : Nombre entier attendu",
  ]);
  await expect(page.getByLabel("Remarque").locator("option:checked")).toHaveText("Notes");
  // On a 360 px phone every column's choice is whole on the screen, none behind a sideways scroll.
  const cut = await page.locator(".mapping select").evaluateAll((selects: HTMLElement[]) =>
    selects.filter((s) => s.getBoundingClientRect().right > window.innerWidth).map((s) => s.getAttribute("aria-label")),
  );
  expect(cut, "column choices cut off").toEqual([]);
  // Nothing chose the name column: the import waits for it.
  await page.getByLabel("Nom", { exact: true }).selectOption({ label: "— Ignorer —" });
  await expect(page.getByText("Indiquez la colonne du nom du produit.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Importer \d+ produits$/ })).toBeDisabled();
  await page.getByLabel("Nom", { exact: true }).selectOption({ label: "Nom" });
  await page.getByRole("button", { name: "Importer 120 produits" }).click();
  // The line shows at once and counts from the first batch on (0 while it runs).
  await expect(page.locator("[data-figure=import-progress]")).toHaveText(/^(0|100|120) \/ 120 lignes traitées$/);
  // What the shopkeeper waits for: the outcome, after two batches that took 14 s and more each
  // on a busy debug build; the progress line and the bar agree with it as soon as it is there
  // (one value drives the three, written once per batch).
  await expect(page.locator("[data-figure=import-result]")).toHaveText(
    "Import terminé : 120 créés, 0 mis à jour, 0 inchangés, 0 refusés.",
    { timeout: 100_000 },
  );
  await expect(page.locator("[data-figure=import-progress]")).toHaveText("120 / 120 lignes traitées", { timeout: 1_000 });
  await expect(page.locator("progress")).toHaveAttribute("value", "120", { timeout: 1_000 });

  await page.getByRole("link", { name: "Voir les produits" }).click();
  await expect(page.getByText("120 produits")).toBeVisible();
  const found = await page.request.get("/api/products/by_sku?sku=A7");
  const seven = await found.json();
  expect([seven.name, seven.quantity, seven.sale_price, seven.notes]).toEqual(["Article 7", 7, 107, "lot 7"]);
});

test("a backup downloads and restores the shop as it was", async ({ page }) => {
  await register(page, "shopkeeper");
  await product(page, "Riz 5kg", 10, 1000);
  await open(page, "/shop/settings");
  const backup = await download(page, page.getByRole("link", { name: "Télécharger la sauvegarde" }));
  expect(backup.name).toMatch(/^boutiq-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(backup.text);
  expect(data.format).toBe("boutiq-backup");
  expect(data.products.map((p: { name: string }) => p.name)).toEqual(["Riz 5kg"]);

  // Changes after the backup…
  await product(page, "Ajouté après", 1, 1);
  // …are undone by the restore, after confirmation.
  await page.locator("input[type=file][accept^='.json']").setInputFiles({ name: "sauvegarde.json", mimeType: "application/json", buffer: Buffer.from(backup.text) });
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("Toutes les données actuelles de la boutique seront remplacées")).toBeVisible();
  await dialog.getByRole("button", { name: "Oui, remplacer" }).click();
  // A restore rewrites the whole shop: the slowest write of the app.
  await expect(page.getByText(/^Sauvegarde restaurée : \d+ enregistrements\.$/)).toBeVisible({ timeout: 60_000 });
  await open(page, "/shop/products");
  await expect(page.locator(".product-card")).toHaveCount(1);
  await expect(page.locator(".product-card")).toContainText("Riz 5kg");

  // A file that is not a backup is refused next to the field, and changes nothing.
  await open(page, "/shop/settings");
  await page.locator("input[type=file][accept^='.json']").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{\"hello\": 1}") });
  await expect(page.getByText("Ce fichier n'est pas une sauvegarde Boutiq.")).toBeVisible();
  const again = await page.request.get("/export/backup.json");
  expect(await again.text()).toBe(backup.text);
});

test("the CSV separator and date format settings shape the export", async ({ page }) => {
  await register(page, "shopkeeper");
  await product(page, "Huile", 3, 900);
  await open(page, "/shop/settings");
  await page.getByLabel("Séparateur de colonnes").selectOption(",");
  await page.getByLabel("Format des dates").selectOption("yyyy-mm-dd");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Enregistré.")).toBeVisible();
  // Saved on the phone at once; the export is the server's, once the setting has reached it.
  await expect(page.locator(".pending-writes")).toHaveCount(0);
  const file = await (await page.request.get("/export/movements.csv")).text();
  const row = file.slice(1).trim().split(/\r?\n/)[1];
  expect(row).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2},Huile,,Entrée,3,Stock initial,,3,Awa Diallo$/);
});
