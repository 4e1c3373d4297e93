import { expect, test } from "./journey";
import { hydrated, open, register, tabLabelsFit } from "./helpers";

test("the language switch turns the app to English and the choice persists", async ({ page }) => {
  await open(page, "/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion");
  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.getByLabel("E-mail address")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.getByRole("button", { name: "FR" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion");
});

test("settings switch the language and the theme inside the app", async ({ page }) => {
  await register(page, "shopkeeper");
  await open(page, "/shop/settings");
  // The shop's facts as a shopkeeper reads them: the currency by its name, the day first.
  const facts = page.locator(".shop-facts");
  await expect(facts.locator("dt", { hasText: "Devise" }).locator("+ dd")).toHaveText("F CFA");
  await expect(facts.locator(".muted")).toHaveText(/^Créée le \d\d\/\d\d\/\d{4}$/);
  await page.getByRole("button", { name: "EN", exact: true }).click();
  await expect(page.getByRole("navigation").getByRole("link")).toHaveText(["Home", "Products", "Orders", "Alerts", "More"]);
  await tabLabelsFit(page);
  await page.getByRole("button", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(12, 10, 9)");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
});
