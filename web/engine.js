// What differs between the engines a citizen's phone runs (Safari's WebKit on every iPhone,
// Firefox's Gecko, Chromium), handled here so that no screen has to know:
//  - requestIdleCallback is missing in Safari: a timer stands in for it;
//  - the phone keyboard covers the page in Safari and Firefox (only Chromium honours the viewport
//    meta's interactive-widget=resizes-content): the app is laid out in the visual viewport;
//  - phones drop WebGL contexts in the background: the page lets the context come back and then
//    starts again on the same screen (its state is in the address and IndexedDB);
//  - Safari evicts a site's storage after 7 days without a visit unless it is on the home screen:
//    the page asks for persistent storage, and tells the citizen when it is refused while the
//    outbox holds something not yet sent.
const IDLE_FALLBACK_MS = 50;

export function installIdleCallback(win = window) {
  if (typeof win.requestIdleCallback === 'function') return false;
  win.requestIdleCallback = (callback, { timeout } = {}) => win.setTimeout(() => {
    const start = performance.now();
    callback({ didTimeout: false, timeRemaining: () => Math.max(0, IDLE_FALLBACK_MS - (performance.now() - start)) });
  }, Math.min(timeout ?? 1, 1));
  win.cancelIdleCallback = (id) => win.clearTimeout(id);
  return true;
}

// The app's box follows the visual viewport: when an on-screen keyboard covers the bottom of the
// page, the canvas shrinks to what is visible and SDL is told the size changed, so the focused
// field (which the app scrolls into view) stays above the keyboard.
export function followVisualViewport(root = document.documentElement, win = window) {
  const vv = win.visualViewport;
  if (!vv) return;
  let last = '';
  const apply = () => {
    const covered = win.innerHeight - vv.height > 1;
    const height = covered ? `${Math.round(vv.height)}px` : '';
    const top = covered ? `${Math.round(vv.offsetTop)}px` : '';
    if (height + top === last) return;
    last = height + top;
    root.style.setProperty('--app-height', height || null);
    root.style.setProperty('--app-top', top || null);
    if (!height) root.style.removeProperty('--app-height');
    if (!top) root.style.removeProperty('--app-top');
    // SDL reads the canvas size on the window's resize, which Safari does not send for the keyboard.
    win.dispatchEvent(new Event('resize'));
  };
  vv.addEventListener('resize', apply);
  vv.addEventListener('scroll', apply);
}

// A lost WebGL context may be restored only if the loss was prevented; the textures the app
// uploaded (fonts, photos) went with it, so a restored context starts the page again where it was.
export function surviveContextLoss(canvas, win = window) {
  canvas.addEventListener('webglcontextlost', (event) => event.preventDefault());
  canvas.addEventListener('webglcontextrestored', () => win.location.reload());
}

async function outboxHolds() {
  return new Promise((resolve) => {
    const open = indexedDB.open('cdscb');
    open.onerror = () => resolve(false);
    open.onupgradeneeded = () => open.transaction.abort();
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('kv')) { db.close(); resolve(false); return; }
      const keys = db.transaction('kv').objectStore('kv').getAllKeys();
      keys.onsuccess = () => { db.close(); resolve(keys.result.some((k) => /^u\/[^/]+\/outbox\//.test(String(k)))); };
      keys.onerror = () => { db.close(); resolve(false); };
    };
  });
}

async function messages() {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
  try {
    return await (await fetch(`/i18n/${lang}.json`)).json();
  } catch {
    return {};
  }
}

// Asks for persistent storage once; when it is refused and the outbox holds items, `banner`
// (a role=status element of the shell) says so, checked again whenever the page comes back.
export async function keepStorage(banner, { storage = navigator.storage } = {}) {
  if (!storage?.persist) return 'unsupported';
  let state = (await storage.persisted?.()) ? 'granted' : (await storage.persist().catch(() => false)) ? 'granted' : 'refused';
  banner.dataset.persist = state;
  // Read now, while the network is surely there: the note matters most when it is not.
  const text = state === 'refused' ? await messages() : {};
  const check = async () => {
    if (state === 'granted') return;
    if (await storage.persisted?.()) { state = 'granted'; banner.hidden = true; return; }
    if (!(await outboxHolds())) { banner.hidden = true; return; }
    banner.querySelector('span').textContent = text['engine.storage_not_kept'] ?? '';
    banner.hidden = false;
  };
  await check();
  document.addEventListener('visibilitychange', () => { if (!document.hidden) check(); });
  // The mirror reports every change of what is shown; a queued or sent item shows up as one.
  // At most one check a second, always one after the last change.
  let pending = null;
  document.addEventListener('cdscb-mirror', () => {
    pending ??= setTimeout(() => { pending = null; check(); }, 1000);
  });
  return state;
}
