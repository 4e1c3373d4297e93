import { expect, test } from "./journey";
import { fromMore, register, tabLabelsFit, tabs } from "./helpers";

test("a shopkeeper registers and lands on the shopkeeper tabs", async ({ page }) => {
  await register(page, "shopkeeper");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord");
  await expect(page.getByText("Bonjour Awa Diallo. Voici la boutique Boutique Awa.")).toBeVisible();
  // Five tabs fit a 360 px phone whole; the other screens are under "Plus".
  await expect(tabs(page)).toHaveText(["Accueil", "Produits", "Commandes", "Alertes", "Plus"]);
  await tabLabelsFit(page);
  // On a phone the tab bar sits at the bottom of the screen, within thumb reach.
  const bar = await page.getByRole("navigation", { name: "Navigation principale" }).boundingBox();
  expect(bar!.y + bar!.height).toBeCloseTo(740, -1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await tabs(page).filter({ hasText: "Plus" }).click();
  await expect(page.getByRole("main").getByRole("link")).toHaveText(["Fournisseurs", "Paramètres", "Historique", "Statistiques"]);
  await page.getByRole("main").getByRole("link", { name: "Paramètres" }).click();
  await expect(page).toHaveURL(/\/shop\/settings$/);
  await expect(tabs(page).filter({ hasText: "Plus" })).toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expect(page.locator(".shop-name")).toHaveText("Boutique Awa");
});

test("a supplier registers and lands on the supplier tabs", async ({ page }) => {
  await register(page, "supplier");
  await expect(tabs(page)).toHaveText(["Accueil", "Catalogue", "Commandes", "Paramètres"]);
  await tabLabelsFit(page);
  await tabs(page).filter({ hasText: "Paramètres" }).click();
  await expect(page.getByLabel("Nom de l'entreprise")).toHaveValue("Grossiste Moussa");
  await expect(page.getByText("Non vérifié")).toBeVisible();
});

test("a weak password is refused, with the meter saying why", async ({ page }) => {
  await page.goto("/register?role=shopkeeper");
  await page.locator("html[data-hydrated='true']").waitFor({ state: "attached" });
  const password = page.getByLabel("Mot de passe", { exact: true });
  const caption = page.locator(".password-meter-caption");
  await password.fill("abc");
  await expect(caption).toHaveText("Au moins 8 caractères.");
  await password.fill("abcdefgh");
  await expect(caption).toHaveText("Mélangez des lettres et des chiffres.");
  await expect(page.locator(".password-meter")).toHaveAttribute("data-level", "weak");

  await page.getByLabel("Votre nom").fill("Awa");
  await page.getByLabel("Nom de la boutique").fill("Boutique Awa");
  await page.getByLabel("Adresse e-mail").fill("weak.password@example.sn");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.locator("#password-error")).toHaveText("Mélangez des lettres et des chiffres.");
  // Said once, next to the field: the meter's caption does not repeat it.
  await expect(caption).toHaveText("");
  await expect(page).toHaveURL(/\/register\?role=shopkeeper$/);

  await password.fill("abcd1234");
  await expect(caption).toHaveText("Mot de passe correct");
});

test("a malformed or taken e-mail is refused next to the field", async ({ page }) => {
  const email = await register(page, "shopkeeper");
  await page.context().clearCookies();
  await page.goto("/register?role=supplier");
  await page.locator("html[data-hydrated='true']").waitFor({ state: "attached" });
  await page.getByLabel("Votre nom").fill("Moussa");
  await page.getByLabel("Nom de l'entreprise").fill("Grossiste");
  await page.getByLabel("Mot de passe", { exact: true }).fill("boutique2026");
  await page.getByLabel("Adresse e-mail").fill("moussa@");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.locator("#email-error")).toContainText("n'est pas valide");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.locator("#email-error")).toHaveText("Un compte existe déjà avec cette adresse e-mail.");
});
