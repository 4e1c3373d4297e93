import type { Page } from "@playwright/test";
import { expect, test } from "./journey";
import { fromMore, hydrated, keptForOffline, login, open, openProduct, post, register, tabs } from "./helpers";

const SHOP_SCREENS = ["/shop", "/shop/products", "/shop/orders", "/shop/suppliers", "/shop/alerts", "/shop/settings", "/shop/more"];

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
  await keptForOffline(page, ["/shop/products"]);
}

test("the shop's screens read the phone's replica, work offline, and sign-out leaves nothing", async ({
  page,
  context,
}) => {
  // Whether the app asks the browser to keep its storage (the answer is the browser's).
  await page.addInitScript(() => {
    const storage = navigator.storage;
    const persist = storage.persist.bind(storage);
    storage.persist = () => {
      (window as unknown as { persistAsked: number }).persistAsked = 1;
      return persist();
    };
  });
  await register(page, "shopkeeper");
  await open(page, "/shop/products");
  await createProduct(page, "Riz parfumé", "0");
  await createProduct(page, "Huile Dinor", "12");

  // I2: the phone keeps one replica, named for the user and the shop, and says when it synced.
  await expect.poll(() => replicas(page), { timeout: 30_000 }).toHaveLength(1);
  expect(await page.evaluate(() => (window as unknown as { persistAsked?: number }).persistAsked)).toBe(1);
  await expect(page.locator(".synced-at")).toHaveText("Mis à jour à l'instant");
  // Every screen of the shop is kept by the service worker after sign-in, visited or not.
  await keptForOffline(page, SHOP_SCREENS);

  // The network goes: the banner says so, and the screens still answer from the phone.
  await context.setOffline(true);
  await expect(page.locator(".offline-banner")).toHaveText("Mode hors ligne");
  await page.getByRole("searchbox").fill("riz");
  await expect(page.locator(".product-card")).toHaveCount(1);
  await expect(card(page, "Riz parfumé")).toBeVisible();
  await tabs(page).filter({ hasText: "Accueil" }).click();
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
  await fromMore(page, "Paramètres");
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
  // The product's ledger opens offline, from the phone: the two movements made here first.
  const rows = (await openProduct(page, "Riz parfumé")).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("+2 Livraison");
  await expect(rows.nth(0).locator(".balance")).toHaveText("9");
  await expect(rows.nth(1)).toContainText("−3 Vente");
  await expect(rows.nth(1).locator(".balance")).toHaveText("7");
  await expect(rows.nth(2)).toContainText("+10 Stock initial");
  await page.getByRole("button", { name: "Fermer" }).click();
  // A new sale price, edited offline too.
  await (await openProduct(page, "Riz parfumé")).getByRole("button", { name: "Modifier" }).click();
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
  await fromMore(page, "Paramètres");
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

test("a sale refused by the server waits under 'À revoir' with the reason, and is recorded as a correction", async ({
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
  // The 3 sacs left the shop all the same: what is left goes out as a correction.
  await expect(review.getByRole("button", { name: "Ignorer" })).toBeVisible();
  await review.getByRole("button", { name: "Enregistrer comme correction" }).click();
  await expect(review).toHaveCount(0);
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("0");
  await expect(page.locator(".pending-writes")).toHaveCount(0);
  await page.reload();
  await hydrated(page);
  await expect(card(page, "Riz parfumé")).toBeVisible();
  await expect(page.getByRole("region", { name: "À revoir" })).toHaveCount(0);
  const list = await (await page.request.get("/api/products/list?query[page]=0")).json();
  expect(list.items[0].quantity).toBe(0);
  const ledger = await (await page.request.get(`/api/stock/ledger?product_id=${list.items[0].id}&page=0`)).json();
  expect(ledger[0]).toMatchObject({ kind: "out", quantity: 1, reason: "correction" });
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

test("an order delivered and alerts read offline raise the stock at once and reach the server once", async ({
  page,
  context,
}) => {
  test.setTimeout(240_000); // the alert engine works in the background, slower on a busy machine
  await register(page, "shopkeeper");
  const supplier = await post(page, "/api/suppliers/create", {
    input: { name: "Moussa", phone: "", whatsapp: "", email: "", address: "", city: "", notes: "" },
  });
  const rice = await post(page, "/api/products/create", {
    input: { name: "Riz parfumé", sku: "", category_id: "", supplier_id: supplier, unit: "sac", quantity: 0, min_stock: 5, max_stock: 50, purchase_price: 4500, sale_price: 5000, notes: "" },
  });
  await post(page, "/api/orders/create", {
    input: { supplier_id: supplier, lines: [{ product_id: rice.id, quantity: 10, unit_price: 4500 }], expected_on: "", note: "" },
  });
  // The engine raises the rupture in the background; the phone pulls it with the rest.
  await expect(async () => {
    await open(page, "/shop/alerts");
    await expect(page.locator(".alert-card")).toHaveCount(1, { timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000] });
  await expect(page.locator(".tab-count")).toHaveText("1");
  // The phone has the whole shop before the network goes.
  await expect(page.locator(".synced-at")).toHaveText("Mis à jour à l'instant");
  await keptForOffline(page, ["/shop/alerts", "/shop/orders", "/shop/products"]);

  // Offline: the alert is read, the order confirmed then delivered with 20 sacs (more than
  // ordered: no stock alert follows, whatever the engine does once online).
  await context.setOffline(true);
  await expect(page.locator(".offline-banner")).toHaveText("Mode hors ligne");
  await page.getByRole("button", { name: "Tout marquer comme lu" }).click();
  await expect(page.locator(".tab-count")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Marquer comme lu", exact: true })).toHaveCount(0);
  await tabs(page).filter({ hasText: "Commandes" }).click();
  await page.locator(".order-card").filter({ hasText: "Commande n°1" }).getByRole("button", { name: "Détails" }).click();
  const detail = page.getByRole("dialog");
  const steps = detail.getByRole("list", { name: "Avancement de la commande" }).locator("li");
  await detail.getByRole("button", { name: "Marquer confirmée" }).click();
  await expect(steps.nth(1)).toHaveClass(/done/);
  await detail.getByRole("button", { name: "Marquer livrée" }).click();
  await detail.locator(".received-quantity").fill("20");
  await detail.getByRole("button", { name: "Confirmer la réception" }).click();
  await expect(steps.nth(3)).toHaveClass(/done/);
  await expect(detail.locator("td.received")).toHaveText("20");
  await expect(detail.locator("[data-figure='received-total']")).toHaveText("90 000 F CFA");
  await page.getByRole("button", { name: "Fermer" }).click();
  // I4: the received sacs are in stock at once.
  await tabs(page).filter({ hasText: "Produits" }).click();
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("20");
  await expect(page.locator(".pending-writes")).toHaveText("3 changements en attente d'envoi");

  // Opened again without network: the writes are still there.
  await page.reload();
  await hydrated(page);
  await expect(page.locator(".pending-writes")).toHaveText("3 changements en attente d'envoi");
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("20");
  await expect(page.locator(".tab-count")).toHaveCount(0);

  // Online: each write reaches the server once.
  await context.setOffline(false);
  await expect(page.locator(".pending-writes")).toHaveCount(0);
  const products = await (await page.request.get("/api/products/list?query[page]=0")).json();
  expect(products.items[0].quantity).toBe(20);
  const delivered = await (await page.request.get("/api/orders/list?query[status]=delivered")).json();
  expect(delivered.items.map((o: { number: number; received_total: number }) => [o.number, o.received_total])).toEqual([[1, 90_000]]);
  expect(await (await page.request.get("/api/alerts/unread")).json()).toBe(0);
  const ledger = await (await page.request.get(`/api/stock/ledger?product_id=${rice.id}&page=0`)).json();
  expect(ledger.filter((line: { reason: string }) => line.reason === "delivery")).toHaveLength(1);
});

test("a whole shop day offline: products, stock, an order and its delivery, alerts, a supplier — all sent once", async ({
  page,
  context,
}) => {
  test.setTimeout(300_000); // the alert engine in the background, then a long day of writes
  await register(page, "shopkeeper");
  await post(page, "/api/suppliers/create", {
    input: { name: "Moussa", phone: "", whatsapp: "", email: "", address: "", city: "Dakar", notes: "" },
  });
  await post(page, "/api/products/create", {
    input: { name: "Riz", sku: "", category_id: "", supplier_id: "", unit: "sac", quantity: 0, min_stock: 5, max_stock: null, purchase_price: 4500, sale_price: 5000, notes: "" },
  });
  await expect(async () => {
    await open(page, "/shop/alerts");
    await expect(page.locator(".alert-card")).toHaveCount(1, { timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000] });
  // The phone has the whole shop before the network goes.
  await expect(page.locator(".synced-at")).toHaveText("Mis à jour à l'instant");
  await keptForOffline(page, SHOP_SCREENS);

  // The network goes; the app opens again from the phone alone.
  await context.setOffline(true);
  await page.goto("/shop/products");
  await hydrated(page);
  await expect(page.locator(".offline-banner")).toHaveText("Mode hors ligne");

  // Two new products, ten movements.
  await createProduct(page, "Huile Dinor", "10");
  await createProduct(page, "Sucre", "20");
  const moves: [string, "Entrée" | "Sortie", string][] = [
    ["Huile Dinor", "Sortie", "2"], ["Huile Dinor", "Sortie", "2"], ["Huile Dinor", "Sortie", "2"], ["Huile Dinor", "Entrée", "5"],
    ["Sucre", "Sortie", "1"], ["Sucre", "Sortie", "1"], ["Sucre", "Sortie", "1"], ["Sucre", "Sortie", "1"],
    ["Sucre", "Entrée", "3"], ["Sucre", "Entrée", "3"],
  ];
  for (const [product, button, quantity] of moves) {
    await move(page, product, button, quantity);
    await expect(page.getByRole("dialog")).toHaveCount(0);
  }
  await expect(card(page, "Huile Dinor").locator(".quantity")).toHaveText("9");
  await expect(card(page, "Sucre").locator(".quantity")).toHaveText("22");

  // A manual order, and its delivery: the stock rises at once (I4).
  await tabs(page).filter({ hasText: "Commandes" }).click();
  await page.getByRole("button", { name: "+ Commande" }).click();
  const form = page.getByRole("dialog");
  await form.getByLabel("Fournisseur").selectOption({ label: "Moussa" });
  await form.getByLabel("Ajouter un produit (nom ou code)").fill("riz");
  await form.getByLabel("Ajouter un produit (nom ou code)").press("Enter");
  await form.getByRole("button", { name: "Ajouter Riz" }).click();
  await form.getByLabel("Quantité de Riz").fill("10");
  await form.getByRole("button", { name: "Créer la commande" }).click();
  await expect(form.getByRole("heading", { name: /Commande n°1/ })).toBeVisible();
  await form.getByRole("button", { name: "Marquer livrée" }).click();
  await form.getByRole("button", { name: "Confirmer la réception" }).click();
  await expect(form.locator("td.received")).toHaveText("10");
  await page.getByRole("button", { name: "Fermer" }).click();
  await tabs(page).filter({ hasText: "Produits" }).click();
  await expect(card(page, "Riz").locator(".quantity")).toHaveText("10");

  // The alerts read, and the supplier's city edited.
  await tabs(page).filter({ hasText: "Alertes" }).click();
  await page.getByRole("button", { name: "Tout marquer comme lu" }).click();
  await expect(page.locator(".tab-count")).toHaveCount(0);
  await fromMore(page, "Fournisseurs");
  const moussa = page.locator(".supplier-card").filter({ hasText: "Moussa" });
  await moussa.getByRole("button", { name: "Modifier" }).click();
  await page.getByRole("dialog").getByLabel("Ville").fill("Thiès");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(moussa).toContainText("Thiès");
  // Its detail reads from the phone: the order delivered today, counted in its reliability.
  await moussa.getByRole("button", { name: "Détails" }).click();
  const detail = page.getByRole("dialog");
  await expect(detail.locator(".order-rows li")).toHaveCount(1);
  await expect(detail.locator(".order-rows li")).toContainText("Commande n°1");
  await expect(detail.locator(".kpi").filter({ hasText: "Commandes livrées" }).locator("dd")).toHaveText("1");
  await expect(detail.locator("[data-figure='fill-rate']")).toHaveText("100 %");
  await page.getByRole("button", { name: "Fermer" }).click();
  const waiting = "16 changements en attente d'envoi"; // 2 products, 10 movements, order, delivery, alerts, supplier
  await expect(page.locator(".pending-writes")).toHaveText(waiting);

  // The app closed and opened again, still offline: nothing is lost.
  await page.close();
  const again = await context.newPage();
  await again.goto("/shop/products");
  await hydrated(again);
  await expect(again.locator(".pending-writes")).toHaveText(waiting);
  await expect(card(again, "Huile Dinor").locator(".quantity")).toHaveText("9");

  // The network returns: everything reaches the server once.
  await context.setOffline(false);
  await expect(again.locator(".pending-writes")).toHaveCount(0, { timeout: 60_000 });
  await expect(again.getByRole("region", { name: "À revoir" })).toHaveCount(0);
  const list = await (await again.request.get("/api/products/list?query[page]=0")).json();
  const quantities = Object.fromEntries(list.items.map((p: { name: string; quantity: number }) => [p.name, p.quantity]));
  expect(quantities).toEqual({ "Huile Dinor": 9, Sucre: 22, Riz: 10 });
  for (const product of list.items as { id: string; quantity: number }[]) {
    const ledger = await (await again.request.get(`/api/stock/ledger?product_id=${product.id}&page=0`)).json();
    const sum = ledger.reduce((total: number, line: { kind: string; quantity: number }) => total + (line.kind === "in" ? line.quantity : -line.quantity), 0);
    expect(sum, "every quantity is the sum of its movements, none twice").toBe(product.quantity);
  }
  const delivered = await (await again.request.get("/api/orders/list?query[status]=delivered")).json();
  expect(delivered.total).toBe(1);
  expect(await (await again.request.get("/api/alerts/unread")).json()).toBe(0);
  const suppliers = await (await again.request.get("/api/suppliers/list?sort=name")).json();
  expect(suppliers.map((s: { name: string; city: string }) => [s.name, s.city])).toEqual([["Moussa", "Thiès"]]);
});

test("offline, the shop opens while its session lasts; once it has ended, the sign-in page says it needs the network", async ({
  page,
  context,
}) => {
  await shopWithRice(page);
  await context.setOffline(true);
  await page.reload();
  await hydrated(page);
  await expect(card(page, "Riz parfumé")).toBeVisible();

  // A year later (the session lasts days), the phone still offline.
  await page.clock.install({ time: Date.now() + 365 * 24 * 3600 * 1000 });
  await page.goto("/shop/products");
  await page.waitForURL((url) => url.pathname === "/login");
  await hydrated(page);
  await expect(page.getByRole("status").filter({ hasText: "Se connecter demande le réseau." })).toBeVisible();
  await context.setOffline(false);
});

test("a sale whose answer is lost after the server applied it is pushed again and applied once", async ({ page }) => {
  await shopWithRice(page);
  // The server applies the sale, but its answer never reaches the phone (nor that of a retry
  // the app may make meanwhile: the same operation id, applied once).
  let lost = 0;
  let answered = false;
  await page.route("**/api/stock/move", async (route) => {
    if (answered) return route.continue();
    lost += 1;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await move(page, "Riz parfumé", "Sortie", "3");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("7");
  await expect.poll(() => lost).toBeGreaterThanOrEqual(1);
  await expect(page.locator(".pending-writes")).toHaveText("1 changement en attente d'envoi");

  // The app opened again pushes it again, with the same operation id: the server answers with
  // what it did the first time.
  answered = true;
  await page.reload();
  await hydrated(page);
  await expect(page.locator(".pending-writes")).toHaveCount(0);
  await expect(card(page, "Riz parfumé").locator(".quantity")).toHaveText("7");
  const list = await (await page.request.get("/api/products/list?query[page]=0")).json();
  expect(list.items[0].quantity).toBe(7);
  const ledger = await (await page.request.get(`/api/stock/ledger?product_id=${list.items[0].id}&page=0`)).json();
  expect(ledger).toHaveLength(2); // the opening stock and the sale, once
});
