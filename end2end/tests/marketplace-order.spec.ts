import type { Page } from "@playwright/test";
import { expect, test } from "./journey";
import { hydrated, open, register, tabs } from "./helpers";

/** A registered supplier with a complete profile and one item: rice at 15 000, at least 2. */
async function supplierReady(page: Page, city: string, category: string): Promise<void> {
  await register(page, "supplier");
  await open(page, "/supplier/settings");
  await page.getByLabel("Ville").fill(city);
  await page.getByLabel("Zones de livraison").fill(city);
  await page.getByLabel("Catégories de produits").fill(category);
  await page.getByLabel("Montant minimum de commande (F CFA)").fill("30000");
  await page.getByLabel("Délai moyen de livraison (jours)").fill("2");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Enregistré.")).toBeVisible();
  await open(page, "/supplier/catalog");
  await page.getByRole("button", { name: "+ Article" }).click();
  const form = page.getByRole("dialog");
  await form.getByLabel("Nom de l'article").fill("Riz parfumé 25 kg");
  await form.getByLabel("Catégorie").fill(category);
  await form.getByLabel("Prix unitaire (F CFA)").fill("15000");
  await form.getByLabel("Unité").fill("sac");
  await form.getByLabel("Quantité minimum de commande").fill("2");
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
}

/** The supplier's card of the received order, and its next step. */
async function supplierStep(page: Page, button: string): Promise<void> {
  await open(page, "/supplier/orders");
  const card = page.locator(".inbox-card", { hasText: "Boutique Awa" });
  await card.getByRole("button", { name: button, exact: true }).click();
}

test("a shopkeeper orders from a registered supplier, follows it to delivery, and rates it", async ({ browser }) => {
  // Two browsers through a whole order, and up to 30 s (plus a slow answer) for the shop's list
  // to refresh itself.
  test.setTimeout(240_000);
  const tag = `${Date.now() % 1_000_000}`;
  const city = `Mbour ${tag}`;
  const category = `Céréales ${tag}`;
  const supplier = await (await browser.newContext()).newPage();
  await supplierReady(supplier, city, category);

  const shop = await (await browser.newContext()).newPage();
  await register(shop, "shopkeeper");
  await open(shop, "/shop/marketplace");
  await shop.getByLabel("Ville ou zone de livraison").fill(city);
  await shop.getByLabel("Catégorie", { exact: true }).selectOption(category);
  await shop.getByRole("button", { name: "Chercher", exact: true }).click();
  await expect(shop.locator(".market-card")).toHaveCount(1);
  await shop.locator(".market-card").getByRole("link").click();
  await shop.waitForURL(/\/shop\/marketplace\/.+/);
  await hydrated(shop);

  // The cart: below the item's minimum, the line says so; at the minimum, "Commander".
  await shop.locator(".catalog-row", { hasText: "Riz parfumé 25 kg" }).getByRole("button", { name: "Ajouter au panier" }).click();
  await expect(shop.locator(".cart-bar")).toContainText("1 article dans le panier");
  await shop.getByRole("button", { name: "Voir le panier" }).click();
  const cart = shop.getByRole("dialog");
  await expect(cart).toContainText("Minimum de commande de ce fournisseur : 30 000 F CFA.");
  await expect(cart.locator(".received-as")).toContainText("Riz parfumé 25 kg (nouveau produit, créé à la livraison)");
  await cart.getByLabel(/Quantité/).fill("1");
  await expect(cart.locator(".cart-line .field-error")).toHaveText("En dessous de la quantité minimum de commande.");
  await cart.getByLabel(/Quantité/).fill("2");
  await expect(cart.locator(".cart-line .field-error")).toHaveText("");
  await expect(cart.locator(".cart-total [data-figure='cart-total']")).toHaveText("30 000 F CFA");
  await cart.getByRole("button", { name: "Commander", exact: true }).click();
  await expect(shop.locator("[data-figure='order-placed']")).toContainText("Commande n°1 envoyée au fournisseur.");
  // G5: the item becomes a product of the shop when it arrives, not while it is awaited.
  await open(shop, "/shop/products");
  await expect(shop.getByText("Aucun produit ne correspond.")).toBeVisible();

  // It waits in the supplier's inbox; the supplier accepts it and the shop sees it move
  // without reloading (the list refreshes itself).
  await open(shop, "/shop/orders");
  const order = shop.locator(".order-card", { hasText: "Commande n°1" });
  await expect(order.locator(".status-badge")).toHaveText("En attente");
  await open(supplier, "/supplier/orders");
  const received = supplier.locator(".inbox-card", { hasText: "Boutique Awa" });
  await expect(received).toContainText("Riz parfumé 25 kg × 2 sac");
  await expect(received.locator("[data-figure='inbox-total']")).toHaveText("30 000 F CFA");
  await received.getByRole("button", { name: "Accepter", exact: true }).click();
  await expect(received.locator(".status-badge")).toHaveText("Confirmée");
  await expect(order.locator(".status-badge")).toHaveText("Confirmée", { timeout: 75_000 });

  await supplierStep(supplier, "Expédier");
  await expect(supplier.locator(".inbox-card .status-badge")).toHaveText("Expédiée");
  await open(shop, "/shop/orders");
  await expect(order.locator(".status-badge")).toHaveText("Expédiée");
  // The shop cannot record the steps of a connected order itself.
  await order.getByRole("button", { name: "Détails" }).click();
  await expect(shop.getByRole("dialog").getByRole("button", { name: "Marquer livrée" })).toHaveCount(0);
  await shop.getByRole("button", { name: "Fermer" }).click();

  // I2: the supplier delivers while the shop is offline; when the network returns, the order's
  // status and the stock it brought reach the phone by pull, without a reload.
  await shop.context().setOffline(true);
  await expect(shop.locator(".offline-banner")).toHaveText("Mode hors ligne");
  await supplierStep(supplier, "Livrer");
  await supplier.getByRole("dialog").getByRole("button", { name: "Livrer", exact: true }).click();
  await expect(supplier.locator(".inbox-card .status-badge")).toHaveText("Livrée");
  await expect(order.locator(".status-badge")).toHaveText("Expédiée");
  await shop.context().setOffline(false);
  await expect(order.locator(".status-badge")).toHaveText("Livrée");
  await tabs(shop).filter({ hasText: "Produits" }).click();
  await expect(shop.locator(".product-card").filter({ hasText: "Riz parfumé 25 kg" }).locator(".quantity")).toHaveText("2");

  // The delivery went into the shop's stock, once, as a "Livraison" movement.
  await open(shop, "/shop/history");
  await expect(shop.locator("tbody tr").first()).toContainText("+2 Livraison");

  // Rating, once.
  await open(shop, "/shop/orders");
  await order.getByRole("button", { name: "Noter la livraison" }).click();
  const detail = shop.getByRole("dialog");
  await detail.getByLabel("4 étoiles sur 5").check();
  await detail.getByLabel("Commentaire (facultatif)").fill("Livré à l'heure, riz de qualité.");
  await detail.getByRole("button", { name: "Envoyer la note" }).click();
  await expect(detail.locator("[data-figure='rating']")).toContainText("Livré à l'heure, riz de qualité.");
  await expect(detail.getByRole("button", { name: "Envoyer la note" })).toHaveCount(0);

  // The supplier's dashboard counts the delivery and the new average.
  await open(supplier, "/supplier");
  await expect(supplier.locator("[data-figure='delivered']")).toHaveText("1");
  await expect(supplier.locator("[data-figure='revenue']")).toHaveText("30 000 F CFA");
  await expect(supplier.locator("[data-figure='rating']")).toContainText("4,0");
  await expect(supplier.locator("[data-figure='rating']")).toContainText("(1 avis)");
});

test("a supplier refuses an order with a reason the shop reads", async ({ browser }) => {
  test.setTimeout(240_000); // two browsers, each registering and hydrating several pages
  const tag = `${Date.now() % 1_000_000}`;
  const supplier = await (await browser.newContext()).newPage();
  await supplierReady(supplier, `Kaolack ${tag}`, `Riz ${tag}`);
  const shop = await (await browser.newContext()).newPage();
  await register(shop, "shopkeeper");
  await open(shop, "/shop/marketplace");
  await shop.getByLabel("Ville ou zone de livraison").fill(`Kaolack ${tag}`);
  await shop.getByRole("button", { name: "Chercher", exact: true }).click();
  await expect(shop.locator(".market-card")).toHaveCount(1);
  await shop.locator(".market-card").getByRole("link").click();
  await shop.waitForURL(/\/shop\/marketplace\/.+/);
  await hydrated(shop);
  await shop.getByRole("button", { name: "Ajouter au panier" }).click();
  await shop.getByRole("button", { name: "Voir le panier" }).click();
  await shop.getByRole("dialog").getByRole("button", { name: "Commander", exact: true }).click();
  await expect(shop.locator("[data-figure='order-placed']")).toBeVisible();

  await supplierStep(supplier, "Refuser");
  const card = supplier.locator(".inbox-card", { hasText: "Commande n°1" });
  await card.getByRole("button", { name: "Refuser", exact: true }).last().click();
  await expect(card.locator("#refusal-reason-error")).toHaveText("Ce champ est obligatoire.");
  const reason = card.getByLabel("Raison du refus (la boutique la lira)");
  await reason.fill("Plus de riz avant mardi");
  // A second order arrives while the reason is being typed; the inbox refreshes (here because
  // its window gets the focus back) and shows it, and the reason typed stays.
  await shop.getByRole("button", { name: "Ajouter au panier" }).click();
  await shop.getByRole("button", { name: "Voir le panier" }).click();
  await shop.getByRole("dialog").getByRole("button", { name: "Commander", exact: true }).click();
  await expect(shop.locator("[data-figure='order-placed']")).toContainText("Commande n°2");
  await expect(async () => {
    await supplier.evaluate(() => window.dispatchEvent(new Event("focus")));
    await expect(supplier.locator(".inbox-card")).toHaveCount(2, { timeout: 3_000 });
  }).toPass();
  await expect(reason).toHaveValue("Plus de riz avant mardi");
  await card.getByRole("button", { name: "Refuser", exact: true }).last().click();
  await expect(card.locator(".status-badge")).toHaveText("Refusée");

  // F3: the shop reads "Refusée" (not "Annulée"), with the supplier's reason.
  await open(shop, "/shop/orders");
  const refused = shop.locator(".order-card", { hasText: "Commande n°1" });
  await expect(refused.locator(".status-badge")).toHaveText("Refusée");
  await refused.getByRole("button", { name: "Détails" }).click();
  await expect(shop.getByRole("dialog").locator(".cancelled-note").first()).toContainText("Refusée");
  await expect(shop.getByRole("dialog").locator("[data-figure='refusal-reason']")).toContainText("Plus de riz avant mardi");
  // G5: nothing arrived, so the shop has no new product.
  await open(shop, "/shop/products");
  await expect(shop.getByText("Aucun produit ne correspond.")).toBeVisible();
});
