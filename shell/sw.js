// Service worker: precaches this version's app shell so the app starts without a network, and
// waits to take over until the citizen accepts "Có phiên bản mới" or reopens the app.
const VERSION = '%VERSION%';
const SHELL_CACHE = `shell-${VERSION}`;
const RUNTIME_CACHE = 'runtime-v1';  // map and video code, loaded only when used
// Resized pictures (news thumbnails and article images, /media/<sha>-w<N>.jpg) for reading the
// news offline. Their names are content hashes, so a cached copy is never stale; the oldest go
// first past the cap.
const MEDIA_CACHE = 'media-v1';
const MEDIA_MAX_ENTRIES = 200;
const MEDIA_VARIANT = /^\/media\/[0-9a-f]{64}-w\d+\.jpg$/;

async function cacheMedia(request) {
  const cache = await caches.open(MEDIA_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    const keys = await cache.keys();  // in insertion order
    for (const old of keys.slice(0, Math.max(0, keys.length - MEDIA_MAX_ENTRIES))) await cache.delete(old);
  }
  return response;
}
const PRECACHE = %PRECACHE%;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys())
      if (key.startsWith('shell-') && key !== SHELL_CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(caches.match('/', { cacheName: SHELL_CACHE }).then((r) => r || fetch(request)));
    return;
  }
  if (PRECACHE.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname, { cacheName: SHELL_CACHE }).then((r) => r || fetch(request)));
    return;
  }
  if (MEDIA_VARIANT.test(url.pathname)) {
    event.respondWith(cacheMedia(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed names never change content: cache on first use.
    event.respondWith((async () => {
      const cache = await caches.open(RUNTIME_CACHE);
      const hit = await cache.match(request);
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok) cache.put(request, response.clone());
      return response;
    })());
  }
});
