// Service worker: precaches this version's app shell so the app starts without a network, and
// waits to take over until the citizen accepts "Có phiên bản mới" or reopens the app. It never
// touches the API (/api/…): its answers can be private, and a cache here would be shared by every
// account of the phone; what the app keeps offline, it keeps itself under its owner.
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
    await trim(cache, MEDIA_MAX_ENTRIES);
  }
  return response;
}
// Map tiles of the places already seen, so the map still shows them with no signal: the oldest go
// first past the cap (a few MB). A tile is a cross-origin image named {z}/{x}/{y}; the tile
// server answers with CORS (web/map.js asks for it), so what is kept is a readable copy.
const TILE_CACHE = 'tiles-v1';
const TILE_MAX_ENTRIES = 300;
const TILE_PATH = /\/\d{1,2}\/\d+\/\d+(@2x)?\.(png|jpe?g|webp)$/;

async function trim(cache, max) {
  const keys = await cache.keys();  // in insertion order
  for (const old of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(old);
}

async function cacheTile(request) {
  const cache = await caches.open(TILE_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      // Seen again: moves to the newest end, so the places used most stay.
      await cache.delete(request);
      await cache.put(request, response.clone());
      await trim(cache, TILE_MAX_ENTRIES);
    }
    return response;
  } catch (e) {
    const hit = await cache.match(request);
    if (hit) return hit;
    throw e;
  }
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
  if (url.origin === self.location.origin && url.pathname.startsWith('/api/')) return;
  if (url.origin !== self.location.origin) {
    if (request.destination === 'image' && request.mode === 'cors' && TILE_PATH.test(url.pathname))
      event.respondWith(cacheTile(request));
    return;
  }
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
