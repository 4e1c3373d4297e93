import { expect, test } from "./journey";
import * as path from "node:path";
import { chromiumArgs, chromiumPath } from "../chromium";
import { open, register } from "./helpers";

// Chromium's fake camera films an EAN-13 barcode (end2end/fixtures/make-barcode.py draws it).
const barcodeVideo = path.resolve(__dirname, "..", "fixtures", "ean13.y4m");
test.use({
  permissions: ["camera"],
  launchOptions: {
    executablePath: chromiumPath,
    args: [
      ...chromiumArgs,
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${barcodeVideo}`,
    ],
  },
});

const CODE = "3017620422003";

test("a scanned barcode offers to create its product, then opens it", async ({ page }) => {
  await register(page, "shopkeeper");

  // E2: "Scanner" from the dashboard; the camera reads a code no product has yet.
  await page.getByRole("link", { name: "Scanner" }).click();
  await expect(page.getByRole("dialog")).toContainText(`Aucun produit n'a le code ${CODE}.`);
  await page.getByRole("button", { name: "Créer un produit avec ce code" }).click();
  await expect(page.getByRole("dialog").getByLabel("Code-barres / référence")).toHaveValue(CODE);
  await page.getByRole("dialog").getByLabel("Nom du produit").fill("Pâte à tartiner 400g");
  await page.getByRole("dialog").getByLabel("Quantité en stock").fill("6");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Another product, so that opening the scanned one is visible.
  await page.getByRole("button", { name: "+ Produit" }).click();
  await page.getByRole("dialog").getByLabel("Nom du produit").fill("Sucre 1kg");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.locator(".product-card")).toHaveCount(2);

  // B7: scanning again opens the product with that code.
  await page.getByRole("button", { name: "Scanner" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.locator(".product-card")).toHaveCount(1);
  await expect(page.locator(".product-card h3")).toHaveText("Pâte à tartiner 400g");

  // A USB/Bluetooth scanner types the code into the search field, then Enter.
  await open(page, "/shop/products");
  await expect(page.locator(".product-card")).toHaveCount(2);
  await page.getByRole("searchbox", { name: "Nom ou code-barres" }).fill(CODE);
  await page.getByRole("searchbox", { name: "Nom ou code-barres" }).press("Enter");
  await expect(page.locator(".product-card")).toHaveCount(1);
});
