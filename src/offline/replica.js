// The phone's replica in IndexedDB (I2), driven by `replica.rs` beside this file.
// One database per user and shop ("boutiq-replica-<user>-<shop>"), three stores:
// - "records": each record of the shop as the pull sent it (a `Change` as JSON text), by
//   "<kind>/<id>", so a later change of the same record replaces it;
// - "meta": the cursor of the last change applied and when the last sync ended;
// - "outbox": the writes made on the phone that the server has not confirmed (a `PendingWrite`
//   as JSON text), by a key that sorts in the order they were made.
// The Rust side decides everything; this file only moves text in and out of the database.
const PREFIX = "boutiq-replica-";

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open(name) {
  const req = indexedDB.open(PREFIX + name, 2);
  req.onupgradeneeded = () => {
    for (const store of ["records", "meta", "outbox"]) {
      if (!req.result.objectStoreNames.contains(store)) req.result.createObjectStore(store);
    }
  };
  return request(req);
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** The kept replica as the JSON of a pull page, with `synced_at` (ms), or null if none. */
export async function loadReplica(name) {
  const db = await open(name);
  try {
    const tx = db.transaction(["records", "meta"], "readonly");
    const [records, cursor, syncedAt] = await Promise.all([
      request(tx.objectStore("records").getAll()),
      request(tx.objectStore("meta").get("cursor")),
      request(tx.objectStore("meta").get("synced_at")),
    ]);
    if (cursor === undefined) return null;
    return `{"cursor":${cursor},"more":false,"synced_at":${syncedAt ?? 0},"changes":[${records.join(",")}]}`;
  } finally {
    db.close();
  }
}

/**
 * Applies `{cursor, synced_at, clear, ops: [[key, json | null]]}` in one transaction, in order:
 * `clear` empties the records first; a null json deletes the record at its key.
 */
export async function saveReplica(name, batch) {
  const { cursor, synced_at, clear, ops } = JSON.parse(batch);
  const db = await open(name);
  try {
    const tx = db.transaction(["records", "meta"], "readwrite");
    const records = tx.objectStore("records");
    if (clear) records.clear();
    for (const [key, json] of ops) {
      if (json === null) records.delete(key);
      else records.put(json, key);
    }
    tx.objectStore("meta").put(cursor, "cursor");
    tx.objectStore("meta").put(synced_at, "synced_at");
    await done(tx);
  } finally {
    db.close();
  }
}

/** Deletes every replica kept on this phone (at logout: the next user must find none). */
export async function deleteReplicas() {
  const all = indexedDB.databases ? await indexedDB.databases() : [];
  await Promise.all(
    all.filter((db) => db.name && db.name.startsWith(PREFIX))
      .map((db) => request(indexedDB.deleteDatabase(db.name)).catch(() => undefined)),
  );
}

/** The outbox, oldest first, as the JSON of an array of pending writes. */
export async function loadOutbox(name) {
  const db = await open(name);
  try {
    const writes = await request(db.transaction("outbox", "readonly").objectStore("outbox").getAll());
    return `[${writes.join(",")}]`;
  } finally {
    db.close();
  }
}

/** Keeps a pending write (or its new state) under `key`; no json (null or undefined) removes it. */
export async function keepPending(name, key, json) {
  const db = await open(name);
  try {
    const tx = db.transaction("outbox", "readwrite");
    if (json == null) tx.objectStore("outbox").delete(key);
    else tx.objectStore("outbox").put(json, key);
    await done(tx);
  } finally {
    db.close();
  }
}

/**
 * Sends a pending write to its server function. Resolves with `{status, body}` when the server
 * answered (whatever it said); rejects when it could not be reached.
 */
export async function pushWrite(path, body) {
  const response = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body,
  });
  return JSON.stringify({ status: response.status, body: await response.text() });
}

/**
 * Takes the outbox lock of this replica (Web Locks: one tab of the app pushes at a time, so no
 * write is pushed twice). Resolves with the function that gives it back; without Web Locks, at
 * once with a function that does nothing.
 */
export function lockOutbox(name) {
  if (!navigator.locks) return Promise.resolve(() => {});
  return new Promise((acquired) => {
    navigator.locks.request(PREFIX + name + "-outbox", () => new Promise((release) => acquired(release)));
  });
}
