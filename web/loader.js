// Starts the app: checks the browser can run it, downloads the wasm with a progress bar, connects
// the platform bridges, keeps the frame loop asleep until something happens, and follows history.
import { createA11y } from './a11y.js';
import { followVisualViewport, installIdleCallback, keepStorage, surviveContextLoss } from './engine.js';
import { createGeo } from './geo.js';
import { createIdbStore } from './idb.js';
import { createImages } from './images.js';
import { createMapBridge } from './map.js';
import { createPhotoPicker } from './photo.js';
import { createQrImage } from './qr-image.js';
import { createRedirect } from './redirect.js';
import { createShare } from './share.js';
import { createStorage } from './storage.js';
import { createTextFilePicker } from './text-file.js';
import { createDocumentPicker } from './document.js';
import { registerServiceWorker } from './sw-client.js';
import { createVideoBridge } from './video.js';

installIdleCallback();
// When the first frame's widgets reached the DOM mirror (scripts/bench compares engines by it).
let firstFrameAt = null;
document.addEventListener('cdscb-mirror', () => { firstFrameAt = performance.now(); }, { once: true });
const build = JSON.parse(document.getElementById('build-info').textContent);
const loading = document.getElementById('loading');
const canvas = document.getElementById('canvas');

function fail(title, detail) {
  const box = document.getElementById('fatal');
  box.replaceChildren();
  const h = document.createElement('h1');
  h.textContent = title;
  const p = document.createElement('p');
  p.textContent = detail;
  box.append(h, p);
  box.hidden = false;
  loading.classList.add('done');
}

function supportProblem() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function')
    return 'Trình duyệt này không hỗ trợ WebAssembly.';
  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2'))
    return 'Trình duyệt này không hỗ trợ WebGL2 (hoặc tăng tốc đồ hoạ đang bị tắt).';
  return null;
}

function setProgress(fraction) {
  const pct = Math.round(Math.min(1, fraction) * 100);
  loading.querySelector('.fill').style.width = `${pct}%`;
  loading.querySelector('.bar').setAttribute('aria-valuenow', String(pct));
}

// Streams the wasm through a counter so the bar moves while it downloads and compiles.
async function fetchWasm(url, expectedBytes) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} cho ${url}`);
  // From the service worker's cache it arrives at once: hand over the response itself, so the
  // browser can reuse its cached compilation of the module (it cannot for a re-wrapped stream).
  if (navigator.serviceWorker?.controller) return response;
  let received = 0;
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) {
      received += chunk.byteLength;
      setProgress(0.1 + 0.85 * received / expectedBytes);
      controller.enqueue(chunk);
    },
  }));
  return new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} cho ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

function keepAwakeOnInput(module) {
  const wake = () => module._app_wake();
  for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'touchstart',
    'touchmove', 'touchend', 'mousedown', 'mouseup', 'mousemove', 'wheel', 'keydown', 'keyup', 'resize',
    'focus', 'blur'])
    window.addEventListener(type, wake, { capture: true, passive: true });
  document.addEventListener('visibilitychange', wake);
  window.visualViewport?.addEventListener('resize', wake);
}

async function start() {
  const problem = supportProblem();
  if (problem) {
    fail('Không thể mở ứng dụng', `${problem} Hãy dùng phiên bản mới của Chrome, Safari, Firefox hoặc Edge.`);
    return;
  }
  setProgress(0.05);
  const [{ default: createCdscbApp }, regular, bold] = await Promise.all([
    import(build.appJs), fetchBytes(build.fonts.regular), fetchBytes(build.fonts.bold)]);
  let module = null;
  const call = (name, ...args) => module.ccall(name, null, args.map((a) => (typeof a === 'number' ? 'number' : 'string')), args);
  const bridges = {
    a11y: createA11y(document.getElementById('a11y-root'), {
      activate: (id) => call('mirror_activate', id),
      setValue: (id, value) => call('mirror_set_value', id, value),
      focus: (id, focused) => call('mirror_focus', id, focused ? 1 : 0),
    }),
    map: createMapBridge(document.getElementById('overlays'), build.vendor, {
      pinMoved: (id, lat, lon) => call('app_reply', `map-pin:${id}`, JSON.stringify({ lat, lon })),
      markerTapped: (id, markerId) => call('app_reply', `map-marker:${id}`, JSON.stringify({ id: markerId })),
      viewMoved: (id, bounds) => call('app_reply', `map-view:${id}`, JSON.stringify(bounds)),
    }),
    video: createVideoBridge(document.getElementById('overlays'), build.vendor, {
      stateChanged: (id) => call('app_reply', `video-state:${id}`, '{}'),
    }),
    geo: createGeo(),
    photo: createPhotoPicker(),
    redirect: createRedirect(),
    storage: createStorage(),
    textFile: createTextFilePicker(),
    document: createDocumentPicker(),
    idb: createIdbStore(),
    images: createImages(),
    share: createShare(),
    qrImage: createQrImage(),
  };
  module = await createCdscbApp({
    canvas,
    bridges,
    cdscbFonts: { regular, bold },
    instantiateWasm(imports, done) {
      WebAssembly.instantiateStreaming(fetchWasm(build.appWasm, build.wasmSize), imports)
        .then((r) => done(r.instance))
        .catch((e) => fail('Không tải được ứng dụng', `Vui lòng kiểm tra kết nối mạng rồi tải lại trang. (${e.message})`));
      return {};
    },
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  });
  keepAwakeOnInput(module);
  followVisualViewport();
  surviveContextLoss(canvas);
  window.addEventListener('online', () => call('app_network_changed'));
  window.addEventListener('offline', () => call('app_network_changed'));
  const followLocation = () => call('app_route_changed', location.hash || '#/');
  window.addEventListener('popstate', followLocation);
  window.addEventListener('hashchange', followLocation);
  setProgress(1);
  loading.classList.add('done');
  window.cdscb = { ready: true, framesRendered: () => module._app_frames_rendered(), firstFrameAt: () => firstFrameAt };
  document.dispatchEvent(new Event('cdscb-ready'));
  keepStorage(document.getElementById('storage-note')).then((state) => { window.cdscb.storage = state; });
}

start().catch((e) => fail('Không thể mở ứng dụng', `Đã có lỗi khi khởi động: ${e.message}. Hãy tải lại trang.`));
registerServiceWorker(document.getElementById('update'));
