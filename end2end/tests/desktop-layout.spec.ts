import { expect, test } from "./journey";
import { register, tabs } from "./helpers";

test("on a desktop the tabs become a side bar", async ({ page }) => {
  await register(page, "shopkeeper");
  const bar = page.getByRole("navigation", { name: "Navigation principale" });
  const box = await bar.boundingBox();
  expect(box!.x).toBe(0);
  expect(box!.height).toBeGreaterThan(400);
  const first = await tabs(page).nth(0).boundingBox();
  const second = await tabs(page).nth(1).boundingBox();
  expect(second!.y).toBeGreaterThan(first!.y);
});

test("the keyboard reaches the sign-in form in order", async ({ page }) => {
  await page.goto("/login");
  await page.locator("html[data-hydrated='true']").waitFor({ state: "attached" });
  await page.getByLabel("Adresse e-mail").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Mot de passe", { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Se souvenir de moi")).toBeFocused();
});
