// A key-value store in IndexedDB for what must survive a reload: drafts, the outbox of feedback
// waiting for the network, and the photos they carry (as Blobs). The app calls it through
// call(op, a, b), which always resolves with plain data (never rejects).
const DB_NAME = 'cdscb';
const STORE = 'kv';

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export function createIdbStore() {
  let db = null;
  const pending = new Map();  // key → a putBlob still copying (an upload of it waits for it)
  const open = () => {
    db ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(DB_NAME, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    return db;
  };
  const store = async (mode) => (await open()).transaction(STORE, mode).objectStore(STORE);

  const api = {
    async get(key) { return request((await store('readonly')).get(key)); },
    async put(key, value) { await request((await store('readwrite')).put(value, key)); },
    async delete(key) { await request((await store('readwrite')).delete(key)); },
    async list(prefix) {
      const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
      const s = await store('readonly');
      const [keys, values] = await Promise.all([request(s.getAllKeys(range)), request(s.getAll(range))]);
      return keys.map((key, i) => ({ key, value: values[i] })).filter((e) => typeof e.value === 'string');
    },
    async getBlob(key) {
      await pending.get(key)?.catch(() => {});
      const value = await api.get(key);
      return value instanceof Blob ? value : null;
    },
  };

  const ops = {
    get: async (key) => {
      const value = await api.get(key);
      return { value: typeof value === 'string' ? value : null };
    },
    put: async (key, value) => { await api.put(key, value); return { ok: true }; },
    delete: async (key) => { await api.delete(key); return { ok: true }; },
    list: async (prefix) => ({ items: await api.list(prefix) }),
    putBlob: async (key, url) => {
      const copy = (async () => api.put(key, await (await fetch(url)).blob()))();
      pending.set(key, copy);
      try {
        await copy;
      } finally {
        if (pending.get(key) === copy) pending.delete(key);
      }
      return { ok: true };
    },
    blobUrl: async (key) => {
      const blob = await api.getBlob(key);
      return blob ? { url: URL.createObjectURL(blob) } : { error: 'missing' };
    },
  };

  return {
    ...api,
    call(op, a, b) {
      if (!ops[op]) return Promise.resolve({ error: 'unknown' });
      return ops[op](a, b).catch((e) => ({ error: e?.name ?? 'failed', message: e?.message ?? '' }));
    },
  };
}
