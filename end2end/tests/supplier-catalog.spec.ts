import { expect, test } from "./journey";
import * as path from "node:path";
import { open, register } from "./helpers";

const fixtures = path.resolve(__dirname, "..", "fixtures");

test("a supplier builds its catalogue: add, filter, toggle availability, edit, photo, delete", async ({ page }) => {
  await register(page, "supplier");
  await open(page, "/supplier/catalog");
  await expect(page.getByText("Aucun article.")).toBeVisible();

  const add = async (name: string, category: string, price: string, minimum: string) => {
    await page.getByRole("button", { name: "+ Article" }).click();
    const form = page.getByRole("dialog");
    await form.getByLabel("Nom de l'article").fill(name);
    await form.getByLabel("Catégorie").fill(category);
    await form.getByLabel("Prix unitaire (F CFA)").fill(price);
    await form.getByLabel("Unité").fill("sac");
    await form.getByLabel("Quantité minimum de commande").fill(minimum);
    await form.getByRole("button", { name: "Enregistrer" }).click();
  };
  // A minimum of 0 is refused next to its field; nothing is added. The photo comes once saved.
  await add("Riz brisé 25 kg", "Céréales", "14500", "0");
  await expect(page.getByRole("dialog")).toContainText("Enregistrez d'abord l'article");
  await expect(page.getByRole("dialog").locator("#item-minimum-error")).toHaveText("Au moins 1.");
  await page.getByRole("dialog").getByLabel("Quantité minimum de commande").fill("5");
  await page.getByRole("dialog").getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await add("Huile d'arachide 5 L", "Huiles", "6000", "2");
  await expect(page.locator(".catalog-row")).toHaveCount(2);
  await expect(page.getByText("2 articles")).toBeVisible();
  await expect(page.locator(".catalog-row", { hasText: "Riz brisé" })).toContainText("14 500 F CFA / sac");

  await page.getByLabel("Filtrer par catégorie").selectOption("Huiles");
  await expect(page.locator(".catalog-row")).toHaveCount(1);
  await expect(page.locator(".catalog-row")).toContainText("Huile d'arachide 5 L");
  await page.getByLabel("Filtrer par catégorie").selectOption("");

  // The quick toggle is saved: still off after a reload.
  const rice = page.locator(".catalog-row", { hasText: "Riz brisé" });
  const saved = page.waitForResponse((r) => r.url().includes("/api/catalog/available"));
  await rice.getByLabel("Disponible").uncheck();
  await expect(rice).toHaveClass(/unavailable/);
  expect((await saved).ok()).toBeTruthy();
  await open(page, "/supplier/catalog");
  await expect(page.locator(".catalog-row", { hasText: "Riz brisé" }).getByLabel("Disponible")).not.toBeChecked();

  await page.locator(".catalog-row", { hasText: "Riz brisé" }).getByRole("button", { name: "Modifier" }).click();
  await page.getByRole("dialog").getByLabel("Prix unitaire (F CFA)").fill("15000");
  await page.getByRole("dialog").getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.locator(".catalog-row", { hasText: "Riz brisé" })).toContainText("15 000 F CFA / sac");

  // F2: an optional photo (same rules as product photos); its small thumbnail shows on the row.
  const riceRow = page.locator(".catalog-row", { hasText: "Riz brisé" });
  await expect(riceRow.locator("img.list-thumb")).toHaveCount(0);
  await riceRow.getByRole("button", { name: "Modifier", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.locator("input.photo-file").setInputFiles(path.join(fixtures, "not-a-photo.txt"));
  await expect(dialog.getByRole("alert").filter({ hasText: "Formats acceptés : JPEG, PNG ou WebP." })).toBeVisible();
  await dialog.locator("input.photo-file").setInputFiles(path.join(fixtures, "photo.jpg"));
  const thumb = dialog.getByRole("img", { name: "Photo de l'article", exact: true });
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await page.getByRole("button", { name: "Fermer", exact: true }).click();
  await expect(riceRow.locator("img.list-thumb")).toBeVisible();
  await open(page, "/supplier/catalog");
  const rowThumb = page.locator(".catalog-row", { hasText: "Riz brisé" }).locator("img.list-thumb");
  await expect(rowThumb).toHaveAttribute("loading", "lazy");
  await expect.poll(() => rowThumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);

  await page.locator(".catalog-row", { hasText: "Huile" }).getByRole("button", { name: "Supprimer" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Oui, supprimer" }).click();
  await expect(page.locator(".catalog-row")).toHaveCount(1);
});
