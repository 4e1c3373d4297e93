import { test as base, expect, type Page } from "@playwright/test";

// A journey must never pass over a dead page: an uncaught error or a wasm panic in any page it
// opened fails it. What the pages printed is attached to a failed journey, to say why.
const errors: string[] = [];
const printed: string[] = [];
const watched = new WeakSet<Page>();

/** Records the errors and console lines of `page` (pages of extra contexts are watched by `open`). */
export function watch(page: Page): void {
  if (watched.has(page)) return;
  watched.add(page);
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    const line = `${message.type()} ${page.url()}: ${message.text()}`;
    printed.push(line);
    if (message.type() === "error" && message.text().includes("panicked at")) errors.push(line);
  });
}

export const test = base.extend<{ pageErrors: void }>({
  pageErrors: [
    async ({ context, page }, use, testInfo) => {
      errors.length = 0;
      printed.length = 0;
      context.on("page", watch);
      // What the service worker printed (a kept file it failed to store) says why a page failed offline.
      context.on("serviceworker", (worker) => worker.on("console", (m) => printed.push(`worker ${m.type()}: ${m.text()}`)));
      watch(page);
      await use();
      if (testInfo.status !== testInfo.expectedStatus && printed.length > 0) {
        await testInfo.attach("console", { body: printed.slice(-60).join("\n"), contentType: "text/plain" });
      }
      expect(errors, "errors in the pages").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
