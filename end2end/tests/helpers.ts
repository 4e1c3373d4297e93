import { expect, type Page } from "@playwright/test";
import { watch } from "./journey";

export const PASSWORD = "boutique2026";

/** An e-mail no other test uses. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.sn`;
}

/** Opens a product's detail from its row in Produits (a tap on its name); answers the dialog. */
export async function openProduct(page: Page, name: string) {
  await page.locator(".product-card").getByRole("button", { name, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Fiche produit" });
  await expect(dialog.getByRole("heading", { name, exact: true })).toBeVisible();
  return dialog;
}

/** A write through the API, as another screen of the shop would make it (setup, not the journey). */
export async function post(page: Page, path: string, data: object) {
  const reply = await page.request.post(path, { data: { op: crypto.randomUUID(), ...data } });
  expect(reply.ok(), await reply.text()).toBeTruthy();
  return reply.json();
}

/** Clicks made before hydration are lost: wait until the wasm has taken over the page. */
export async function hydrated(page: Page): Promise<void> {
  // The debug wasm is compiled by a browser sharing two cores with the server and another browser.
  await expect(page.locator("html[data-hydrated='true']")).toHaveCount(1, { timeout: 60_000 });
}

/** Waits until the service worker keeps `paths` and every file of the bundle the page loaded
 * (its snippets too): what an offline reload needs. */
export async function keptForOffline(page: Page, paths: string[]): Promise<void> {
  // Polled from here: `waitForFunction` takes the promise of an async function for a truthy answer.
  const missing = () =>
    page.evaluate(async (paths) => {
      // An active worker answers the next load, even when the page on screen was opened before
      // it took control (a navigation under way while it activated stays uncontrolled).
      await navigator.serviceWorker.ready;
      const bundle = performance
        .getEntriesByType("resource")
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => /^\/v\/[^/]+\/pkg\//.test(path));
      if (bundle.length === 0) return ["the bundle under /v/<version>/pkg/"];
      const wanted = [...new Set([...paths, ...bundle])];
      const kept = await Promise.all(wanted.map((path) => caches.match(path, { ignoreVary: true })));
      return wanted.filter((_, i) => !kept[i]);
    }, paths);
  await expect.poll(missing, { message: "kept by the service worker", timeout: 60_000 }).toEqual([]);
}

/** Waits until every write the page made has reached the server (none waits in its outbox). */
export async function allSent(page: Page): Promise<void> {
  await expect(page.locator(".pending-writes")).toHaveCount(0);
}

export async function open(page: Page, url: string): Promise<void> {
  watch(page);
  await page.goto(url);
  await hydrated(page);
}

type Role = "shopkeeper" | "supplier";

/** Registers through the two steps of the form and waits for the role's home. */
export async function register(page: Page, role: Role, email = uniqueEmail(role)): Promise<string> {
  await open(page, "/register");
  await page.getByRole("link", { name: role === "shopkeeper" ? /Commerçant/ : /Fournisseur/ }).click();
  await page.getByLabel("Votre nom").fill(role === "shopkeeper" ? "Awa Diallo" : "Moussa Traoré");
  await page
    .getByLabel(role === "shopkeeper" ? "Nom de la boutique" : "Nom de l'entreprise")
    .fill(role === "shopkeeper" ? "Boutique Awa" : "Grossiste Moussa");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await page.waitForURL((url) => url.pathname === (role === "shopkeeper" ? "/shop" : "/supplier"));
  await hydrated(page);
  return email;
}

export async function login(page: Page, email: string, password = PASSWORD): Promise<void> {
  await open(page, "/login");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

export async function logout(page: Page, settingsPath: string): Promise<void> {
  await open(page, settingsPath);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await hydrated(page);
}

export function tabs(page: Page) {
  return page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link");
}

/** Opens a screen a phone's tab bar has no room for, through its "Plus" tab. */
export async function fromMore(page: Page, label: string): Promise<void> {
  await tabs(page).filter({ hasText: "Plus" }).click();
  await page.getByRole("main").getByRole("link", { name: label }).click();
}

/** Every tab's label is shown whole, with 2 px to spare on each side (a bold current tab or
 * another font must not cut it to an ellipsis). */
export async function tabLabelsFit(page: Page): Promise<void> {
  const cut = await page
    .getByRole("navigation", { name: "Navigation principale" })
    .locator(".tab-label")
    .evaluateAll((labels: HTMLElement[]) =>
      labels.filter((l) => l.offsetParent && l.scrollWidth + 4 > l.parentElement!.clientWidth).map((l) => l.textContent),
    );
  expect(cut, "tab labels cut").toEqual([]);
}
