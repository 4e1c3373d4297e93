import { expect, test } from "./journey";
import * as path from "node:path";
import { open, openProduct, register } from "./helpers";

const fixtures = path.resolve(__dirname, "..", "fixtures");

test("a shopkeeper adds a product photo and a delivery note photo", async ({ page }) => {
  await register(page, "shopkeeper");
  await open(page, "/shop/products");
  await page.getByRole("button", { name: "+ Produit" }).click();
  await expect(page.getByRole("dialog")).toContainText("Enregistrez d'abord le produit");
  await page.getByRole("dialog").getByLabel("Nom du produit").fill("Riz 5kg");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // B8: a file that is not a photo is refused with a message; a JPEG gets a thumbnail.
  await (await openProduct(page, "Riz 5kg")).getByRole("button", { name: "Modifier" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.locator("input.photo-file").setInputFiles(path.join(fixtures, "not-a-photo.txt"));
  await expect(dialog.getByRole("alert").filter({ hasText: "Formats acceptés : JPEG, PNG ou WebP." })).toBeVisible();
  await dialog.locator("input.photo-file").setInputFiles(path.join(fixtures, "photo.jpg"));
  const thumb = dialog.getByRole("img", { name: "Photo du produit" });
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  // "Prendre une photo" opens the phone's back camera.
  await expect(dialog.getByLabel("Prendre une photo")).toHaveAttribute("capture", "environment");
  await page.getByRole("button", { name: "Fermer" }).click();
  await page.reload();
  await expect(page.locator(".product-card img.product-photo")).toBeVisible();

  // C9: the photo of an order's delivery note.
  const product = await (await page.request.get("/api/products/list?query[page]=0")).json();
  const supplier = await (
    await page.request.post("/api/suppliers/create", {
      data: { op: crypto.randomUUID(), input: { name: "Moussa", phone: "", whatsapp: "", email: "", address: "", city: "", notes: "" } },
    })
  ).json();
  const lines = [{ product_id: product.items[0].id, quantity: 2, unit_price: 4500 }];
  const created = await page.request.post("/api/orders/create", {
    data: { op: crypto.randomUUID(), input: { supplier_id: supplier, lines, expected_on: "", note: "" } },
  });
  expect(created.ok()).toBeTruthy();
  await open(page, "/shop/orders");
  await page.locator(".order-card").getByRole("button", { name: "Détails" }).click();
  await page.getByRole("dialog").locator("input.photo-file").setInputFiles(path.join(fixtures, "photo.jpg"));
  await expect(page.getByRole("dialog").getByRole("img", { name: "Bon de livraison ou facture" })).toBeVisible();
});
