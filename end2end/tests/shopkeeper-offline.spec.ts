import type { Page } from "@playwright/test";
import { expect, test } from "./journey";
import { hydrated, login, open, register, tabs } from "./helpers";

const SHOP_SCREENS = ["/shop", "/shop/products", "/shop/orders", "/shop/suppliers", "/shop/alerts", "/shop/settings"];

function card(page: Page, name: string) {
  return page.locator(".product-card").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

function kpi(page: Page, label: string) {
  return page.locator(".kpi").filter({ hasText: label }).locator("dd");
}

/** The replicas kept in this browser's IndexedDB. */
function replicas(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name ?? "").filter((name) => name.startsWith("boutiq-replica-")),
  );
}

/** Creates a product through the form on Produits. */
async function createProduct(page: Page, name: string, quantity: string): Promise<void> {
  await page.getByRole("button", { name: "+ Produit" }).click();
  const form = page.getByRole("dialog");
  await form.getByLabel("Nom du produit", { exact: true }).fill(name);
  await form.getByLabel("Quantité en stock", { exact: true }).fill(quantity);
  await form.getByLabel("Prix d'achat (F CFA)", { exact: true }).fill("500");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(card(page, name)).toBeVisible();
}

/** A stock movement through the card's button and its dialog. */
async function move(page: Page, product: string, button: "Entrée" | "Sortie", quantity: string): Promise<void> {
  await card(page, product).getByRole("button", { name: button }).click();
  await page.getByRole("dialog").getByLabel("Quantité", { exact: true }).fill(quantity);
  await page.getByRole("button", { name: "Enregistrer" }).click();
}

/** A new shop with 10 rice, synced, whose Produits page and bundle the worker keeps for offline. */
async function shopWithRice(page: Page): Promise<void> {
  await register(page, "shopkeeper");
  await open(page, "/shop/products");
  await createProduct(page, "Riz parfumé", "10");
  await expect(page.locator(".synced-at")).toHaveText("Mis à jour à l'instant");
  await page.waitForFunction(
    async () => !!(await caches.match("/shop/products")) && !!(await caches.match("/pkg/boutiq.wasm")),
    null,
    { timeout: 60_000 },
  );
}

test("the shop's screens read the phone's replica, work offline, and sign-out leaves nothing", async ({
  page,
  context,
}) => {
  await register(page, "shopkeeper");
  await open(page, "/shop/products");
  await createProduct(page, "Riz parfumé", "0");
  await createProduct(page, "Huile Dinor", "12");

  // I2: the phone keeps one replica, named for the user and the shop, and says when it synced.
  await expect.poll(() => replicas(page), { timeout: 30_000 }).toHaveLength(1);
  await expect(page.locator(".synced-at")).toHaveText("Mis à jour à l'instant");
  // Every screen of the shop is kept by the service worker after sign-in, visited or not.
  await page.waitForFunction(
    async (paths) => (await Promise.all(paths.map((path) => caches.match(path)))).every(Boolean),
    SHOP_SCREENS,
    { timeout: 60_000 },
  );

  // The network goes: the banner says so, and the screens still answer from the phone.
  await context.setOffline(true);
  await expect(page.locator(".offline-banner")).toHaveText("Mode hors ligne");
  await page.getByRole("searchbox").fill("riz");
  await expect(page.locator(".product-card")).toHaveCount(1);
  await expect(card(page, "Riz parfumé")).toBeVisible();
  await tabs(page).filter({ hasText: "Tableau de bord" }).click();
  await expect(kpi(page, "Produits")).toHaveText("2");
  await expect(kpi(page, "Valeur du stock")).toHaveText("6 000 F CFA");
  // A screen that needs the server says so instead of failing.
  await page.getByRole("link", { name: "Voir statistiques" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cette page a besoin du réseau." })).toBeVisible();

  // A screen never visited opens offline, and a reloaded one shows the replica's records.
  await page.goto("/shop/alerts");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alertes");
  await expect(page.locator(".offline-banner")).toHaveText("Mode hors ligne");
  await page.goto("/shop/products");
  await hydrated(page);
  await expect(card(page, "Huile Dinor")).toBeVisible();
  await expect(card(page, "Riz parfumé")).toBeVisible();

  // The installed app's start page opens the shop offline (A7).
  await page.goto("/");
  await page.waitForURL((url) => url.pathname === "/shop");
  await hydrated(page);
  await expect(kpi(page, "Produits")).toHaveText("2");

  // The network returns: the banner goes; signing out deletes the replica from the phone.
  await context.setOffline(false);
  await expect(page.locator(".offline-banner")).toHaveCount(0);
  await tabs(page).filter({ hasText: "Paramètres" }).click();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await hydrated(page);
  await expect.poll(() => replicas(page)).toEqual([]);

  // Offline after sign-out: the sign-in page, saying it needs the network; nothing of the user
  // is kept in IndexedDB or in the worker's caches.
  await context.setOffline(true);
  await page.goto("/shop/products");
  await page.waitForURL((url) => url.pathname === "/login");
  await hydrated(page);
  await expect(page.getByRole("status").filter({ hasText: "Se connecter demande le réseau." })).toBeVisible();
  const kept = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(kept.filter((path) => path.startsWith("/shop") || path.startsWith("/api/"))).toEqual([]);
  expect(await replicas(page)).toEqual([]);
  await context.setOffline(false);
});

test("stock moved and a product edited offline wait in the outbox, survive a reload, and reach the server once", async ({
  page,
  context,
}) => {
  await shopWithRice(page);

  // I3: offline, a sale changes the stock at once and waits to be sent.
  await context.setOffline(true);
  await expect(page.locator(".offline-banner")).toHaveText("Mode hors ligne");
  await move(page, "Riz parfumé", "Sortie", "3");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("7");
  await expect(page.locator(".pending-writes")).toHaveText("1 changement en attente d'envoi");
  // The phone refuses what the server would: more than the stock it shows.
  await move(page, "Riz parfumé", "Sortie", "8");
  await expect(page.locator("#move-quantity-error")).toHaveText("Stock insuffisant pour cette sortie.");
  await page.getByRole("button", { name: "Fermer" }).click();
  await move(page, "Riz parfumé", "Entrée", "2");
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("9");
  // A new sale price, edited offline too.
  await card(page, "Riz parfumé").getByRole("button", { name: "Modifier" }).click();
  await page.getByRole("dialog").getByLabel("Prix de vente (F CFA)", { exact: true }).fill("650");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(card(page, "Riz parfumé")).toContainText("650 F CFA");
  await expect(page.locator(".pending-writes")).toHaveText("3 changements en attente d'envoi");

  // Closed and opened again without network: the writes are still there, and still applied.
  await page.reload();
  await hydrated(page);
  await expect(page.locator(".pending-writes")).toHaveText("3 changements en attente d'envoi");
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("9");
  await expect(card(page, "Riz parfumé")).toContainText("650 F CFA");

  // Signing out would erase them: the app says so before.
  await tabs(page).filter({ hasText: "Paramètres" }).click();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Des changements ne sont pas encore envoyés (3)" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Me déconnecter quand même" })).toBeVisible();
  await tabs(page).filter({ hasText: "Produits" }).click();

  // The network returns: the outbox is pushed once, in order, and nothing waits any more.
  await context.setOffline(false);
  await expect(page.locator(".pending-writes")).toHaveCount(0);
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("9");
  const list = await (await page.request.get("/api/products/list?query[page]=0")).json();
  expect(list.items.map((p: { name: string; quantity: number; sale_price: number }) => [p.name, p.quantity, p.sale_price])).toEqual([
    ["Riz parfumé", 9, 650],
  ]);
  const ledger = await (
    await page.request.get(`/api/stock/ledger?product_id=${list.items[0].id}&page=0`)
  ).json();
  expect(ledger).toHaveLength(3); // the opening stock, the sale, the delivery: each once
});

test("a sale refused by the server waits under 'À revoir' with the reason, until set aside", async ({
  page,
  context,
  browser,
}) => {
  const email = await register(page, "shopkeeper");
  await open(page, "/shop/products");
  await createProduct(page, "Riz parfumé", "5");
  await expect(page.locator(".synced-at")).toHaveText("Mis à jour à l'instant");

  // Phone A, offline, sells 3 of the 5 it shows.
  await context.setOffline(true);
  await move(page, "Riz parfumé", "Sortie", "3");
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("2");
  await expect(page.locator(".pending-writes")).toHaveText("1 changement en attente d'envoi");

  // Phone B, online, sells 4 meanwhile.
  const otherPhone = await browser.newContext();
  const other = await otherPhone.newPage();
  await login(other, email);
  await other.waitForURL((url) => url.pathname === "/shop");
  await open(other, "/shop/products");
  await move(other, "Riz parfumé", "Sortie", "4");
  await expect(card(other, "Riz parfumé").locator(".quantity")).toHaveText("1");
  await expect(other.locator(".pending-writes")).toHaveCount(0);
  await otherPhone.close();

  // Phone A comes back: its sale is refused, shown with the reason, and the stock is the server's.
  await context.setOffline(false);
  const review = page.getByRole("region", { name: "À revoir" });
  await expect(review).toContainText("Sortie de 3 × Riz parfumé");
  await expect(review.getByRole("alert")).toHaveText("Stock insuffisant pour cette sortie.");
  await expect(page.locator(".pending-writes")).toHaveCount(0);
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("1");
  await review.getByRole("button", { name: "Ignorer" }).click();
  await expect(review).toHaveCount(0);
  await page.reload();
  await hydrated(page);
  await expect(card(page, "Riz parfumé")).toBeVisible();
  await expect(page.getByRole("region", { name: "À revoir" })).toHaveCount(0);
  const list = await (await page.request.get("/api/products/list?query[page]=0")).json();
  expect(list.items[0].quantity).toBe(1);
});

test("two tabs of the app share one outbox and push each write once", async ({ page, context }) => {
  await shopWithRice(page);
  await context.setOffline(true);
  await move(page, "Riz parfumé", "Sortie", "1");
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("9");
  await move(page, "Riz parfumé", "Sortie", "2");
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("7");

  // A second tab opened offline finds the same outbox.
  const second = await context.newPage();
  await open(second, "/shop/products");
  await expect(second.locator(".pending-writes")).toHaveText("2 changements en attente d'envoi");
  await expect(card(second, "Riz parfumé").locator(".quantity")).toHaveText("7");

  // Both tabs see the network return; one pushes (it holds the outbox lock), each write once.
  const pushed: string[] = [];
  for (const tab of [page, second]) {
    tab.on("request", (request) => {
      if (request.url().endsWith("/api/stock/move")) pushed.push(request.postData() ?? "");
    });
  }
  await context.setOffline(false);
  for (const tab of [page, second]) {
    await expect(tab.locator(".pending-writes")).toHaveCount(0);
    await expect(card(tab, "Riz parfumé").locator(".quantity")).toHaveText("7");
  }
  expect(pushed).toHaveLength(2);
  const list = await (await page.request.get("/api/products/list?query[page]=0")).json();
  expect(list.items[0].quantity).toBe(7);
});
