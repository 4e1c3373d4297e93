import type { Page } from "@playwright/test";
import { expect, test } from "./journey";
import { allSent, open, post, register } from "./helpers";

function dialog(page: Page) {
  return page.getByRole("dialog");
}

async function createProduct(page: Page, name: string, quantity: string, purchasePrice: string) {
  await open(page, "/shop/products");
  await page.getByRole("button", { name: "+ Produit" }).click();
  await dialog(page).getByLabel("Nom du produit", { exact: true }).fill(name);
  await dialog(page).getByLabel("Quantité en stock", { exact: true }).fill(quantity);
  await dialog(page).getByLabel("Stock minimum", { exact: true }).fill("5");
  await dialog(page).getByLabel("Prix d'achat (F CFA)", { exact: true }).fill(purchasePrice);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog(page)).toHaveCount(0);
}

test("a shopkeeper adds a supplier, orders, receives a partial delivery and reorders", async ({ page }) => {
  await register(page, "shopkeeper");
  await createProduct(page, "Riz 5kg", "2", "4500");

  // C1: a supplier, with a bad phone number refused next to its field first.
  await open(page, "/shop/suppliers");
  await expect(page.getByText("Aucun fournisseur pour l'instant.")).toBeVisible();
  await page.getByRole("button", { name: "+ Fournisseur" }).click();
  await dialog(page).getByLabel("Nom du fournisseur").fill("Moussa Distribution");
  await dialog(page).getByLabel("Téléphone").fill("77 12");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.locator("#supplier-phone-error")).toContainText("Numéro invalide");
  await dialog(page).getByLabel("Téléphone").fill("+221 77 123 45 67");
  await dialog(page).getByLabel("Adresse", { exact: true }).fill("Rue 10, Médina");
  await dialog(page).getByLabel("Ville").fill("Dakar");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog(page)).toHaveCount(0);
  const card = page.locator(".supplier-card").filter({ hasText: "Moussa Distribution" });
  await expect(card).toContainText("Dakar");

  // C2: contact buttons open the phone, WhatsApp with a greeting, SMS and the maps.
  await expect(card.getByRole("link", { name: "Appeler" })).toHaveAttribute("href", "tel:+221771234567");
  await expect(card.getByRole("link", { name: "SMS" })).toHaveAttribute("href", "sms:+221771234567");
  const whatsapp = await card.getByRole("link", { name: "WhatsApp" }).getAttribute("href");
  expect(whatsapp).toContain("https://wa.me/221771234567?text=");
  expect(decodeURIComponent(whatsapp!.split("text=")[1])).toBe("Bonjour Moussa Distribution, c'est Boutique Awa.");
  await expect(card.getByRole("link", { name: "Itinéraire" })).toHaveAttribute("href", /maps.*Rue%2010%2C%20M%C3%A9dina%2C%20Dakar/);

  // Favourite pinned.
  await card.getByRole("button", { name: "Épingler en favori" }).click();
  await expect(card.getByRole("button", { name: "Retirer des favoris" })).toHaveAttribute("aria-pressed", "true");

  // C1: the supplier supplies the rice (graph edge), from its detail.
  await card.getByRole("button", { name: "Détails" }).click();
  await dialog(page).getByLabel("Ajouter un produit (nom ou code)").fill("riz");
  await dialog(page).getByRole("button", { name: "Chercher" }).click();
  await dialog(page).getByRole("button", { name: "Ajouter Riz 5kg" }).click();
  await expect(dialog(page).locator(".linked-products")).toContainText("Riz 5kg");

  // C4: "Commander" opens the order form for this supplier; the price comes from the product.
  await dialog(page).getByRole("link", { name: "Commander" }).click();
  await expect(page).toHaveURL(/\/shop\/orders$/);
  await expect(dialog(page).getByLabel("Fournisseur")).toHaveValue(/.+/);
  await dialog(page).getByRole("button", { name: "Créer la commande" }).click();
  await expect(page.locator("#order-lines-error")).toHaveText("Ajoutez au moins un produit.");
  await dialog(page).getByLabel("Ajouter un produit (nom ou code)").fill("riz");
  await dialog(page).getByLabel("Ajouter un produit (nom ou code)").press("Enter");
  await dialog(page).getByRole("button", { name: "Ajouter Riz 5kg" }).click();
  await expect(dialog(page).getByLabel("Prix unitaire de Riz 5kg")).toHaveValue("4500");
  await dialog(page).getByLabel("Quantité de Riz 5kg").fill("10");
  await expect(dialog(page).locator("[data-figure='order-total']")).toHaveText("45 000 F CFA");
  await dialog(page).getByLabel("Livraison prévue le").fill("2099-01-15");
  await dialog(page).getByRole("button", { name: "Créer la commande" }).click();

  // The detail: number, progress bar at "En attente", WhatsApp with the order text.
  await expect(dialog(page).getByRole("heading", { name: /Commande n°1/ })).toBeVisible();
  const steps = dialog(page).getByRole("list", { name: "Avancement de la commande" }).locator("li");
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toHaveClass(/done/);
  await expect(steps.nth(1)).not.toHaveClass(/done/);
  const orderText = await dialog(page).getByRole("link", { name: "Envoyer par WhatsApp" }).getAttribute("href");
  expect(decodeURIComponent(orderText!.split("text=")[1])).toContain("- Riz 5kg × 10 pièce");

  // C5, C6: confirmed, then delivered with 8 of the 10 sacs.
  await dialog(page).getByRole("button", { name: "Marquer confirmée" }).click();
  await expect(steps.nth(1)).toHaveClass(/done/);
  await dialog(page).getByRole("button", { name: "Marquer livrée" }).click();
  await dialog(page).locator(".received-quantity").fill("8");
  // The order changes on the server while the form is open (another phone makes it recurring):
  // the sync draws the order again and keeps the open form with what was typed in it.
  await allSent(page);
  const orders = await (await page.request.get("/api/orders/list?query[page]=0")).json();
  await post(page, "/api/orders/recurrence", { id: orders.items[0].id, recurrence: { every: "days", days: 7 } });
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(dialog(page).locator("[data-figure='next-run']")).toBeVisible();
  await expect(dialog(page).locator(".received-quantity")).toHaveValue("8");
  await dialog(page).getByRole("button", { name: "Confirmer la réception" }).click();
  await expect(steps.nth(3)).toHaveClass(/done/);
  await expect(dialog(page).locator("td.received")).toHaveText("8");
  await expect(dialog(page).locator("[data-figure='received-total']")).toHaveText("36 000 F CFA");
  await expect(dialog(page).getByRole("button", { name: "Marquer livrée" })).toHaveCount(0);

  // C7: "Recommander" opens a new pending order n°2.
  await dialog(page).getByRole("button", { name: "Recommander" }).click();
  await expect(dialog(page).getByRole("heading", { name: /Commande n°2/ })).toBeVisible();
  await page.getByRole("button", { name: "Fermer" }).click();

  // C8: filters and the month's spending.
  await expect(page.locator("[data-figure='spent-month']")).toHaveText("36 000 F CFA");
  await expect(page.locator(".order-card")).toHaveCount(2);
  await page.getByRole("group", { name: "Statut de la commande" }).getByRole("button", { name: "Livrée" }).click();
  await expect(page.locator(".order-card")).toHaveCount(1);
  await expect(page.locator(".order-card")).toContainText("Commande n°1");

  // The stock received the delivery once, as a "Livraison" movement.
  await open(page, "/shop/history");
  await expect(page.locator("tbody tr").first()).toContainText("+8 Livraison");
  await open(page, "/shop/products");
  await expect(page.locator(".product-card").filter({ hasText: "Riz 5kg" }).locator(".quantity")).toHaveText("10");

  // C3: reliability of the supplier.
  await open(page, "/shop/suppliers");
  await page.locator(".supplier-card").getByRole("button", { name: "Détails" }).click();
  await expect(dialog(page).locator("[data-figure='fill-rate']")).toHaveText("80 %");
  await expect(dialog(page).locator("[data-figure='on-time']")).toHaveText("100 %");
  await expect(dialog(page).locator(".order-rows li")).toHaveCount(2);
  await page.getByRole("button", { name: "Fermer" }).click();

  // E1: the dashboard counts the pending order and the supplier.
  await open(page, "/shop");
  await expect(page.locator("[data-figure='pending-orders']")).toHaveText("1");
  await expect(page.locator("[data-figure='suppliers']")).toHaveText("1");
});

test("a shopkeeper makes an order recurring and can cancel a pending one", async ({ page }) => {
  await register(page, "shopkeeper");
  await createProduct(page, "Huile 1L", "3", "1000");
  await open(page, "/shop/suppliers");
  await page.getByRole("button", { name: "+ Fournisseur" }).click();
  await dialog(page).getByLabel("Nom du fournisseur").fill("Awa Grossiste");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog(page)).toHaveCount(0);

  // E2: "+ Commande" from the dashboard.
  await open(page, "/shop");
  await page.getByRole("link", { name: "+ Commande" }).click();
  await dialog(page).getByLabel("Fournisseur").selectOption({ label: "Awa Grossiste" });
  await dialog(page).getByLabel("Ajouter un produit (nom ou code)").fill("huile");
  await dialog(page).getByRole("button", { name: "Chercher" }).click();
  await dialog(page).getByRole("button", { name: "Ajouter Huile 1L" }).click();
  await dialog(page).getByLabel("Quantité de Huile 1L").fill("6");
  await dialog(page).getByRole("button", { name: "Créer la commande" }).click();
  await expect(dialog(page).getByRole("heading", { name: /Commande n°1/ })).toBeVisible();

  // C7: every Monday.
  await dialog(page).getByLabel("Répéter").selectOption({ label: "Chaque semaine" });
  await dialog(page).getByLabel("Jour").selectOption({ label: "Lundi" });
  await dialog(page).locator(".recurrence-form").getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog(page).locator("[data-figure='next-run']")).toContainText("Prochaine commande créée le");

  // C4: cancel while pending, after confirmation.
  await dialog(page).getByRole("button", { name: "Annuler la commande" }).click();
  await page.getByRole("button", { name: "Oui, annuler" }).click();
  await expect(page.locator(".cancelled-note")).toContainText("Annulée");
  await expect(page.getByRole("button", { name: "Marquer livrée" })).toHaveCount(0);
});
