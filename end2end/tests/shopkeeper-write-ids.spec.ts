import { expect, test } from "./journey";
import { open, register } from "./helpers";

// Every write carries a random operation id, which the server applies once. A browser that
// cannot make one must not send the write with a made-up id (two writes would share it).
test("without the browser's randomness a write is refused with a message and nothing is sent", async ({ page }) => {
  await register(page, "shopkeeper");
  await open(page, "/shop/products");
  await page.evaluate(() => {
    crypto.getRandomValues = () => {
      throw new Error("no randomness");
    };
  });
  const writes: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/api/")) writes.push(request.url());
  });

  await page.getByRole("button", { name: "Gérer" }).click();
  await page.getByLabel("Nouvelle catégorie").fill("Céréales");
  await page.getByRole("button", { name: "Ajouter" }).click();
  await expect(
    page.getByRole("dialog").getByText("Ce navigateur ne peut pas créer d'identifiant sûr : mettez-le à jour."),
  ).toBeVisible();
  expect(writes).toEqual([]);
  const categories = await page.request.get("/api/categories/list");
  expect(await categories.json()).toEqual([]);
});
