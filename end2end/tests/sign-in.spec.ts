import { expect, test } from "./journey";
import { hydrated, login, logout, open, register, tabs } from "./helpers";

test("a shopkeeper logs out and signs in again, and the session survives a reload", async ({ page }) => {
  const email = await register(page, "shopkeeper");
  await logout(page, "/shop/settings");
  await open(page, "/shop/products");
  await expect(page).toHaveURL(/\/login\?next=\/shop\/products$/);

  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill("boutique2026");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => url.pathname === "/shop/products");
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Produits");
});

test("a wrong password gets a clear message and no session", async ({ page }) => {
  const email = await register(page, "supplier");
  await logout(page, "/supplier/settings");
  await login(page, email, "wrongpass1");
  await expect(page.getByRole("alert").filter({ hasText: "E-mail ou mot de passe incorrect." })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await open(page, "/supplier");
  await expect(page).toHaveURL(/\/login/);
});

test("remember me pre-fills the e-mail next time", async ({ page }) => {
  const email = await register(page, "shopkeeper");
  await logout(page, "/shop/settings");
  await open(page, "/login");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill("boutique2026");
  await page.getByLabel("Se souvenir de moi").check();
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => url.pathname === "/shop");
  await logout(page, "/shop/settings");
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
  await expect(page.getByLabel("Se souvenir de moi")).toBeChecked();
});

test("a supplier opening a shopkeeper page is refused", async ({ page }) => {
  await register(page, "supplier");
  const response = await page.goto("/shop/products");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  await hydrated(page);
  await page.getByRole("link", { name: "Retour à mon espace" }).click();
  await expect(page).toHaveURL(/\/supplier$/);
  await expect(tabs(page)).toHaveCount(4);
});
