// Boutiq service worker: keeps the app shell and the pages already visited, so that the app
// opens and reloads without network (I1). Reads of the API are kept too, for later offline use.
// Writes (POST) always go to the network; the app's outbox handles them.
// Two caches: the shell (the same for everyone) and the private one (pages and API reads: one
// user's data), which the app deletes at logout (`src/offline/service_worker.rs`).
const SHELL_CACHE = "boutiq-shell-v5";
const PRIVATE_CACHE = "boutiq-private-v5";
const SHELL = [
  "/pkg/boutiq.js",
  "/pkg/boutiq.wasm",
  "/pkg/boutiq.css",
  "/manifest.webmanifest",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) =>
      Promise.all(SHELL.map((url) => cache.add(url).catch(() => undefined))),
    ).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k !== SHELL_CACHE && k !== PRIVATE_CACHE).map((k) => caches.delete(k)),
      ))
      .then(() => self.clients.claim()),
  );
});

// The page tells us its URL after load and after each in-app navigation: keep its HTML. After
// sign-in it also sends the role's screens (`{missing: [...]}`): those not kept yet are fetched
// now, so every screen opens offline, not only the ones visited.
self.addEventListener("message", (event) => {
  const data = event.data;
  if (typeof data === "string") {
    event.waitUntil(keep(data));
  } else if (data && Array.isArray(data.missing)) {
    event.waitUntil(caches.open(PRIVATE_CACHE).then((cache) => Promise.all(
      data.missing.map((path) => cache.match(new URL(path, self.location.origin))
        .then((kept) => (kept ? undefined : keep(path)))),
    )));
  }
});

function keep(path) {
  const url = new URL(path, self.location.origin);
  if (url.origin !== self.location.origin) return Promise.resolve();
  return fetch(url, { credentials: "same-origin" })
    .then((response) => (response.ok ? caches.open(PRIVATE_CACHE).then((c) => c.put(url, response)) : undefined))
    .catch(() => undefined);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname === "/sw.js" || url.pathname === "/healthz" || url.pathname === "/readyz") return;
  // Exports and backups are large, private and always fresh: straight to the network, never kept.
  if (url.pathname.startsWith("/export/")) return;
  // Who is signed in is always asked of the server, never answered from a copy.
  if (url.pathname.startsWith("/api/auth/")) return;
  // The replica's pull is kept by the app itself (IndexedDB): an old answer must never replay.
  if (url.pathname.startsWith("/api/sync/")) return;
  // The barcode decoder (/vendor/zxing) is kept after its first use, so scanning works offline.
  const isAsset = url.pathname.startsWith("/pkg/") || url.pathname.startsWith("/icons/") ||
    url.pathname.startsWith("/vendor/") || url.pathname === "/manifest.webmanifest";
  event.respondWith(isAsset ? staleWhileRevalidate(event, request) : networkFirst(request));
});

// Pages and API reads: the network when it answers, else the last copy kept.
async function networkFirst(request) {
  const cache = await caches.open(PRIVATE_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    if (request.mode === "navigate") {
      const home = await cache.match("/");
      if (home) return home;
    }
    throw error;
  }
}

// The bundle and icons: the kept copy at once (fast on 3G), refreshed in the background.
async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(SHELL_CACHE);
  const kept = await cache.match(request);
  const refresh = fetch(request)
    .then((response) => {
      if (response.ok) return cache.put(request, response.clone()).then(() => response);
      return response;
    });
  if (kept) {
    event.waitUntil(refresh.catch(() => undefined));
    return kept;
  }
  return refresh;
}
