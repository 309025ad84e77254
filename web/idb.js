// A key-value store in IndexedDB for what must survive reloads and work offline (cached news
// articles, the feedback outbox). Values are strings (the app's JSON). When IndexedDB is
// unavailable (some private modes) every call fails and the app carries on without the cache.
const DB_NAME = 'cdscb';
const STORE = 'kv';

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function createIdbStore() {
  let opened = null;
  const db = () => {
    if (!opened) {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      opened = request(req);
      opened.catch(() => { opened = null; });
    }
    return opened;
  };
  const store = async (mode) => (await db()).transaction(STORE, mode).objectStore(STORE);
  const copying = new Map();  // key → a putBlob still copying (blobUrl of it waits for it)

  const ops = {
    async get(key) {
      const value = await request((await store('readonly')).get(key));
      return { value: typeof value === 'string' ? value : null };
    },
    async put(key, value) {
      await request((await store('readwrite')).put(value, key));
      return { ok: true };
    },
    async remove(key) {
      await request((await store('readwrite')).delete(key));
      return { ok: true };
    },
    async list(prefix) {
      // Every key from the prefix up to the prefix followed by the highest code point.
      const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
      return { keys: await request((await store('readonly')).getAllKeys(range)) };
    },
    // Photos (feedback drafts, the outbox) kept as Blobs, so they outlive the page's object URLs.
    async putBlob(key, url) {
      const copy = (async () => {
        const blob = await (await fetch(url)).blob();
        try {
          await request((await store('readwrite')).put(blob, key));
        } catch {
          // WebKit refuses Blobs in IndexedDB in private browsing (and for automation): the bytes
          // and their type go in instead, which every engine stores.
          // (The bytes first: a transaction left waiting on another promise closes by itself.)
          const value = { type: blob.type, bytes: await blob.arrayBuffer() };
          await request((await store('readwrite')).put(value, key));
        }
      })();
      copying.set(key, copy);
      try {
        await copy;
      } finally {
        if (copying.get(key) === copy) copying.delete(key);
      }
      return { ok: true };
    },
    async blobUrl(key) {
      await copying.get(key)?.catch(() => {});
      const value = await request((await store('readonly')).get(key));
      const blob = value?.bytes instanceof ArrayBuffer ? new Blob([value.bytes], { type: value.type }) : value;
      return blob instanceof Blob ? { url: URL.createObjectURL(blob) } : { error: 'missing' };
    },
  };
  return {
    call(op, key, value) {
      if (!ops[op]) return Promise.reject(new Error(`unknown operation ${op}`));
      return ops[op](key, value);
    },
  };
}
