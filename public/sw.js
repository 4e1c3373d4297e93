// Boutiq service worker: keeps the app shell and the pages already visited, so that the app
// opens and reloads without network (I1). The API is never kept: the shop's data lives in the
// app's replica (IndexedDB), and a screen that needs the server says so offline. Writes (POST)
// always go to the network; the app's outbox handles them.
// Two caches: the shell (the same for everyone, one per version of the app) and the private one
// (pages: one user's data), which the app deletes at logout
// (`src/offline/service_worker.rs`).
// The server serves this file after `const BUILD = {version, shell}` (`src/server/service_worker.rs`):
// the version of the app and every file of its bundle, snippet modules included.
const SHELL_CACHE = `boutiq-shell-${BUILD.version}`;
const PRIVATE_CACHE = "boutiq-private-v7";

// The shell is kept whole or the worker does not install (the browser tries again at the next
// visit): a worker that lacks a file of the bundle would open nothing offline. A new version is
// kept whole under its own name while the old one still serves the open pages.
self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE)
      .then((cache) => Promise.all([cache.addAll(BUILD.shell), keepSignIn(cache)]))
      .then(() => self.skipWaiting()),
  );
});

// The sign-in page as anyone sees it (without cookies: never a signed-in user's page), so that
// the app opened offline without a session can say that signing in needs the network.
function keepSignIn(cache) {
  return fetch("/login", { credentials: "omit" })
    .then((response) => (response.ok && !response.redirected ? store(cache, "/login", response) : undefined))
    .catch(() => undefined);
}

// A new version replaces the old one: the old shell goes (the files kept at their first use
// stay), and the kept pages are fetched again (a page rendered by the old version does not
// hydrate with the new bundle).
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((k) => k !== SHELL_CACHE && k !== PRIVATE_CACHE);
    await carryFirstUseFiles(old);
    await Promise.all(old.map((k) => caches.delete(k)));
    await forgetApiReads();
    await self.clients.claim();
    if (old.length > 0) await refreshKeptPages();
  })());
});

async function carryFirstUseFiles(oldShells) {
  const shell = await caches.open(SHELL_CACHE);
  for (const name of oldShells) {
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      const firstUse = new URL(request.url).pathname.startsWith("/vendor/");
      if (firstUse && !(await kept(shell, request))) await shell.put(request, await kept(old, request));
    }
  }
}

// Versions before the replica kept API reads here: they go, the kept pages stay.
async function forgetApiReads() {
  const cache = await caches.open(PRIVATE_CACHE);
  const reads = (await cache.keys()).filter((r) => new URL(r.url).pathname.startsWith("/api/"));
  await Promise.all(reads.map((r) => cache.delete(r)));
}

function refreshKeptPages() {
  return caches.open(PRIVATE_CACHE)
    .then((cache) => cache.keys())
    .then((requests) => Promise.all(requests.map((request) => keep(request.url))));
}

// The page tells us its URL after load and after each in-app navigation: keep its HTML. After
// sign-in it also sends the role's screens (`{missing: [...]}`): those not kept yet are fetched
// now, so every screen opens offline, not only the ones visited.
// At sign-out the app asks to forget (`{forget: true}`, answered on its port once done): the
// private cache goes, and a page still in flight from before is never stored after.
let generation = 0;

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.forget) {
    generation += 1;
    event.waitUntil(caches.delete(PRIVATE_CACHE).then(() => event.ports[0]?.postMessage("forgotten")));
  } else if (typeof data === "string") {
    event.waitUntil(keepMissing([data]));
  } else if (data && Array.isArray(data.missing)) {
    event.waitUntil(keepMissing(data.missing));
  }
});

// Pages already kept are not fetched again here (a full load refreshes its own copy): putting a
// copy replaces the old one, and a reload offline at that moment would find neither.
function keepMissing(paths) {
  return caches.open(PRIVATE_CACHE).then((cache) => Promise.all(
    paths.map((path) => kept(cache, new URL(path, self.location.origin))
      .then((copy) => (copy ? undefined : keep(path)))),
  ));
}

function keep(path) {
  const url = new URL(path, self.location.origin);
  if (url.origin !== self.location.origin) return Promise.resolve();
  const started = generation;
  return fetch(url, { credentials: "same-origin" })
    .then((response) => (response.ok ? keepPrivate(url, response, started) : undefined))
    .catch(() => undefined);
}

// Stores one user's page or read, unless the user signed out since it was asked for. A page
// answered by another one (a redirect to sign-in, followed or rendered with its `Location`) is
// not a copy of it.
async function keepPrivate(request, response, started) {
  if (started !== generation || response.redirected || response.headers.has("location")) return;
  const body = await response.blob();
  const cache = await caches.open(PRIVATE_CACHE);
  if (started === generation) await store(cache, request, response, body);
}

// Replaces a kept copy with a response whose body has arrived whole. Putting a response while
// its body still streams drops the old copy before the new one is written: a reload offline in
// that moment found neither the page nor the bundle. A copy that cannot be written is not an
// error for the page that asked: it simply is not kept.
async function store(cache, request, response, body) {
  const whole = new Response(body ?? (await response.blob()), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  return cache.put(request, whole).catch(() => undefined);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname === "/sw.js" || url.pathname === "/healthz" || url.pathname === "/readyz") return;
  // Exports and backups are large, private and always fresh: straight to the network, never kept.
  if (url.pathname.startsWith("/export/")) return;
  // The API is the server's answer or none: the replica (IndexedDB) keeps the shop's data, and
  // an old copy of a read (who is signed in, a pull, a supplier's figures) must never replay.
  if (url.pathname.startsWith("/api/")) return;
  // The barcode decoder (/vendor/zxing) is kept after its first use, so scanning works offline.
  const isAsset = isBundle(url.pathname) || url.pathname.startsWith("/icons/") ||
    url.pathname.startsWith("/vendor/") || url.pathname === "/manifest.webmanifest";
  event.respondWith(isAsset ? keptFirst(event, request) : networkFirst(event, request));
});

// Pages: the network when it answers, else the last copy kept.
async function networkFirst(event, request) {
  const cache = await caches.open(PRIVATE_CACHE);
  const started = generation;
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const copy = await kept(cache, request);
    if (copy) return copy;
    if (request.mode === "navigate") {
      const elsewhere = await offlinePage(cache, new URL(request.url).pathname);
      if (elsewhere) return elsewhere;
    }
    throw error;
  }
  if (response.ok) event.waitUntil(keepPrivate(request, response.clone(), started).catch(() => undefined));
  return response;
}

// A page not kept, opened offline (the installed app's start "/", a screen never kept): the
// signed-in user's home if it is kept (A7), else the sign-in page, which says it needs the network.
// The app itself leaves a kept page whose session has ended for the sign-in page.
async function offlinePage(privateCache, path) {
  // The sign-in page is asked for by name (a session that has ended): never another page.
  if (path === "/login") return kept(caches, "/login");
  for (const home of ["/shop", "/supplier"]) {
    if (path !== home && (await kept(privateCache, home))) return Response.redirect(home, 302);
  }
  if (await kept(caches, "/login")) return Response.redirect("/login", 302);
  return undefined;
}

// The bundle: under its version's address (`/v/<version>/pkg/…`), or the plain `/pkg/…`.
function isBundle(path) {
  return path.startsWith("/pkg/") || /^\/v\/[^/]+\/pkg\//.test(path);
}

// The bundle and icons: the kept copy, without asking the network (fast on 3G, nothing
// downloaded again on a paid data plan); a new version of the app comes with a new worker.
// A page kept by an older version asks for its bundle's address: it gets today's file, as the
// network would answer it (the worker refreshes such pages when it activates).
// A file outside the shell (the barcode decoder) is kept at its first use.
async function keptFirst(event, request) {
  const cache = await caches.open(SHELL_CACHE);
  const copy = (await kept(cache, request)) ?? (await kept(cache, todaysAddress(request.url)));
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(store(cache, request, response.clone()));
  return response;
}

// A bundle file's address in this version (`/v/<old>/pkg/x` → `/v/<this>/pkg/x`).
function todaysAddress(url) {
  const path = new URL(url).pathname.replace(/^\/v\/[^/]+\/pkg\//, "/pkg/").replace(/^\/pkg\//, `${BUILD.assets}/pkg/`);
  return new URL(path, self.location.origin).href;
}

// The copy of `request` kept in `cache` (a cache, or every cache). Copies are kept decoded: how
// the server compressed them (`Vary: accept-encoding`) does not matter, and a page kept by its
// address alone must answer the browser's navigation to it.
function kept(cache, request) {
  return cache.match(request, { ignoreVary: true });
}
