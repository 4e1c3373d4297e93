import { expect, test } from "./journey";
import { open, register } from "./helpers";

test("a new supplier learns what its profile lacks, completes it, and the dashboard agrees", async ({ page }) => {
  await register(page, "supplier");
  const state = page.locator("[data-figure=profile-state]");
  await expect(state).toContainText("Pour apparaître dans la marketplace, complétez votre profil :");
  await expect(state.locator("li")).toHaveText(["la ville", "au moins une catégorie"]);
  await state.getByRole("link", { name: "Compléter mon profil" }).click();
  await expect(page.getByLabel("Nom de l'entreprise")).toHaveValue("Grossiste Moussa");

  await page.getByLabel("Description").fill("Riz, huile et sucre en gros, livrés en 48 h.");
  await page.getByLabel("Téléphone").fill("77 123 45 67");
  await page.getByLabel("Ville").fill("Dakar");
  await page.getByLabel("Zones de livraison").fill("Dakar, Thiès, Rufisque");
  await page.getByLabel("Catégories de produits").fill("Céréales, Huiles");
  await page.getByLabel("Montant minimum de commande (F CFA)").fill("50000");
  // A delivery time out of range is refused next to its field.
  await page.getByLabel("Délai moyen de livraison (jours)").fill("120");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.locator("#average_delivery_days-error")).toHaveText("Délai de livraison : de 0 à 90 jours.");
  await page.getByLabel("Délai moyen de livraison (jours)").fill("2");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Enregistré.")).toBeVisible();

  // Saved for real: a reload shows the cleaned values, the dashboard no longer asks.
  await open(page, "/supplier/settings");
  await expect(page.getByLabel("Téléphone")).toHaveValue("771234567");
  await expect(page.getByLabel("Zones de livraison")).toHaveValue("Dakar, Thiès, Rufisque");
  await open(page, "/supplier");
  await expect(page.locator("[data-figure=profile-state]")).toHaveText("Votre profil est complet : les commerçants peuvent vous trouver.");
});
