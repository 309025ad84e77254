// Camera streams in <video> over rectangles the app reserves. hls.js (loaded on first use) plays
// where Media Source Extensions exist; elsewhere (iOS Safari) the browser's own HLS. Chromium
// answers "maybe" to canPlayType for HLS, so Hls.isSupported() is asked first.
//
// What the app cannot see from C++ is handled here:
// - outages: hls.js gives up after a fatal network error and never recovers by itself, so the
//   bridge retries on a timer with backoff (startLoad, or loadSource when the master playlist
//   itself failed) and the picture resumes, without a reload, when the camera returns;
// - data: a stream that is not shown (screen left, scrolled away, popup over it, page hidden or
//   paused) downloads nothing; coming back starts again at the live edge;
// - quality: "low" locks the lowest rendition (360p), "auto" lets hls.js choose.
// Every change of a stream's state is reported through stateChanged(id), and the app reads it
// with state(id).
import { createOverlayBox, loadScript } from './overlay-box.js';

const kRetryMinMs = 1000;
const kRetryMaxMs = 8000;

// The browser's hint that data is dear: Save-Data, or a cellular or slow link. Absent in WebKit
// and Firefox: then nothing is assumed.
export function prefersDataSaver() {
  const c = navigator.connection;
  if (!c) return false;
  return Boolean(c.saveData) || c.type === 'cellular' || ['slow-2g', '2g', '3g'].includes(c.effectiveType);
}

// The lowest rendition's URI in a master playlist (for native HLS, which has no level API).
async function lowestRendition(masterUrl) {
  const text = await (await fetch(masterUrl, { credentials: 'same-origin', cache: 'no-cache' })).text();
  const lines = text.split(/\r?\n/);
  let best = null;
  for (let i = 0; i < lines.length; i++) {
    const m = /^#EXT-X-STREAM-INF:.*RESOLUTION=\d+x(\d+)/.exec(lines[i]);
    const uri = lines[i + 1];
    if (m && uri && !uri.startsWith('#') && (!best || Number(m[1]) < best.height)) best = { height: Number(m[1]), uri };
  }
  return best ? new URL(best.uri, new URL(masterUrl, location.href)).href : masterUrl;
}

export function createVideoBridge(parent, vendor, { stateChanged = () => {} } = {}) {
  const videos = new Map();  // id → entry

  function report(entry, patch) {
    Object.assign(entry.state, patch);
    stateChanged(entry.id);
  }

  function setOffline(entry, offline) {
    entry.notice.hidden = !offline;
    if (entry.state.offline !== offline) report(entry, { offline });
  }

  // Stops every download of a stream at once. The element keeps its last frame only while hls.js
  // stays attached (pause); otherwise the source goes.
  function stop(entry, { keepFrame = false } = {}) {
    clearTimeout(entry.retryTimer);
    entry.retryTimer = null;
    entry.generation++;
    if (entry.hls) {
      if (keepFrame) {
        entry.hls.stopLoad();
        return;
      }
      entry.hls.destroy();
      entry.hls = null;
    }
    if (entry.video.getAttribute('src')) {
      entry.video.removeAttribute('src');
      entry.video.load();
    }
    entry.loading = false;
  }

  function scheduleRetry(entry, retry) {
    if (entry.retryTimer) return;
    const delay = Math.min(kRetryMaxMs, kRetryMinMs * 2 ** entry.retries);
    entry.retries++;
    entry.retryTimer = setTimeout(() => {
      entry.retryTimer = null;
      if (wanted(entry)) retry();
    }, delay);
  }

  function wanted(entry) {
    return entry.shown && !entry.paused && document.visibilityState !== 'hidden' && entry.url;
  }

  function lowestLevel(hls) {
    let best = -1;
    hls.levels.forEach((l, i) => { if (best < 0 || l.height < hls.levels[best].height) best = i; });
    return best;
  }

  function applyQuality(entry) {
    const hls = entry.hls;
    if (!hls || !hls.levels?.length) return;
    const want = entry.quality === 'low' ? lowestLevel(hls) : -1;
    if (want < 0) hls.currentLevel = -1;
    else if (hls.currentLevel !== want || hls.autoLevelEnabled) hls.currentLevel = want;
  }

  async function startHls(entry, generation) {
    await loadScript(vendor.hlsJs);
    if (generation !== entry.generation) return;
    const Hls = window.Hls;
    // Keep little behind the playhead: a phone's memory, and nothing to seek back to in a live view.
    // No worker: the page's CSP allows none from blob: URLs, and a 400 kbit/s stream is light.
    const hls = new Hls({ lowLatencyMode: false, backBufferLength: 10, liveSyncDurationCount: 2, enableWorker: false });
    entry.hls = hls;
    const { Events, ErrorTypes, ErrorDetails } = Hls;
    hls.on(Events.MANIFEST_PARSED, () => {
      applyQuality(entry);
      entry.video.play().catch(() => { /* autoplay refused: the play button is there */ });
    });
    hls.on(Events.LEVEL_SWITCHED, (_, data) => report(entry, { height: hls.levels[data.level]?.height ?? 0 }));
    hls.on(Events.FRAG_BUFFERED, () => {
      entry.retries = 0;
      setOffline(entry, false);
    });
    hls.on(Events.ERROR, (_, data) => {
      // One slow segment is not an outage; a camera that answers 5xx (or a fatal error) is.
      if (data.type === ErrorTypes.NETWORK_ERROR && (data.fatal || (data.response?.code ?? 0) >= 500)) setOffline(entry, true);
      if (!data.fatal) return;
      if (data.type === ErrorTypes.MEDIA_ERROR) {
        hls.recoverMediaError();
      } else if (data.type === ErrorTypes.NETWORK_ERROR) {
        // A master playlist that never loaded is not fetched again by startLoad.
        const manifest = [ErrorDetails.MANIFEST_LOAD_ERROR, ErrorDetails.MANIFEST_LOAD_TIMEOUT,
          ErrorDetails.MANIFEST_PARSING_ERROR].includes(data.details);
        scheduleRetry(entry, () => (manifest ? hls.loadSource(entry.url) : hls.startLoad()));
      } else {
        setOffline(entry, true);
        scheduleRetry(entry, () => attach(entry));
      }
    });
    hls.attachMedia(entry.video);
    hls.loadSource(entry.url);
  }

  async function startNative(entry, generation) {
    const url = entry.quality === 'low' ? await lowestRendition(entry.url).catch(() => entry.url) : entry.url;
    if (generation !== entry.generation) return;
    entry.video.src = url;
    entry.video.play().catch(() => {});
  }

  // A fresh start at the live edge.
  function attach(entry) {
    stop(entry);
    const generation = entry.generation;
    entry.loading = true;
    report(entry, { playing: false, paused: false });
    const useHls = entry.mse ?? (entry.mse = typeof MediaSource !== 'undefined' || typeof ManagedMediaSource !== 'undefined');
    const run = useHls ? startHls(entry, generation).then(() => {
      if (generation === entry.generation && !window.Hls.isSupported()) {
        entry.mse = false;
        entry.hls?.destroy();
        entry.hls = null;
        return startNative(entry, generation);
      }
      return undefined;
    }) : startNative(entry, generation);
    run.catch((e) => {
      console.warn('video:', e.message);
      setOffline(entry, true);
      scheduleRetry(entry, () => attach(entry));
    });
  }

  // Starts or stops the stream to match what the app shows.
  function sync(entry) {
    if (!wanted(entry)) {
      if (entry.loading || entry.hls) stop(entry, { keepFrame: entry.shown && entry.paused });
      entry.loading = false;
      return;
    }
    if (!entry.loading) attach(entry);
  }

  function create(id) {
    const box = createOverlayBox(parent, 'video');
    const video = document.createElement('video');
    Object.assign(video, { muted: true, playsInline: true, controls: true, autoplay: true });
    video.style.width = video.style.height = '100%';
    video.style.background = '#000';
    const notice = document.createElement('div');
    notice.className = 'video-notice';
    notice.hidden = true;
    // The app's own status line says it to screen readers; this is for the eyes, over the picture.
    notice.setAttribute('aria-hidden', 'true');
    box.inner.append(video, notice);
    const entry = { id, box, video, notice, url: '', quality: 'auto', paused: false, shown: false, hls: null,
      loading: false, retries: 0, retryTimer: null, generation: 0, mse: null,
      state: { playing: false, paused: false, offline: false, height: 0 } };
    video.addEventListener('playing', () => {
      setOffline(entry, false);
      report(entry, { playing: true, paused: false, height: video.videoHeight || entry.state.height });
    });
    video.addEventListener('resize', () => report(entry, { height: video.videoHeight }));
    // The browser's own controls pause too: the app follows and nothing more is downloaded.
    video.addEventListener('pause', () => {
      if (!entry.shown || entry.paused || !entry.loading) return;
      entry.paused = true;
      report(entry, { playing: false, paused: true });
      sync(entry);
    });
    video.addEventListener('play', () => {
      if (!entry.paused) return;
      entry.paused = false;
      report(entry, { paused: false });
      sync(entry);
    });
    video.addEventListener('error', () => {
      if (entry.hls || !wanted(entry)) return;
      setOffline(entry, true);
      scheduleRetry(entry, () => attach(entry));
    });
    videos.set(id, entry);
    return entry;
  }

  document.addEventListener('visibilitychange', () => { for (const entry of videos.values()) sync(entry); });
  // hls.js does not listen for the network coming back; try at once rather than at the next backoff.
  window.addEventListener('online', () => {
    for (const entry of videos.values()) {
      if (!entry.state.offline || !wanted(entry)) continue;
      clearTimeout(entry.retryTimer);
      entry.retryTimer = null;
      entry.retries = 0;
      attach(entry);
    }
  });

  return {
    // opts: { label, offlineText, quality: 'auto' | 'low', paused }
    place(id, rect, clip, url, opts) {
      const entry = videos.get(id) ?? create(id);
      entry.box.place(rect, clip);
      entry.video.setAttribute('aria-label', opts.label);
      entry.notice.textContent = opts.offlineText;
      const visible = clip.w > 0 && clip.h > 0;
      const restart = url !== entry.url;
      const qualityChanged = opts.quality !== entry.quality;
      entry.url = url;
      entry.quality = opts.quality;
      entry.shown = visible;
      if (opts.paused !== entry.paused) {
        entry.paused = opts.paused;
        if (opts.paused) entry.video.pause();
        report(entry, { paused: opts.paused, playing: opts.paused ? false : entry.state.playing });
      }
      if (restart) {
        stop(entry);
        setOffline(entry, false);
        report(entry, { height: 0 });
      } else if (qualityChanged) {
        if (entry.hls) applyQuality(entry);
        else if (entry.loading) attach(entry);
      }
      sync(entry);
    },
    hide(id) {
      const entry = videos.get(id);
      if (!entry) return;
      entry.box.hide();
      entry.shown = false;
      // A pause belongs to one viewing: shown again (another camera, or after a popup), it plays.
      if (entry.paused) {
        entry.paused = false;
        report(entry, { paused: false });
      }
      sync(entry);
    },
    fullscreen(id) {
      const video = videos.get(id)?.video;
      if (!video) return;
      if (video.requestFullscreen) video.requestFullscreen().catch(() => {});
      else video.webkitEnterFullscreen?.();
    },
    state(id) {
      const entry = videos.get(id);
      return entry ? { ...entry.state } : { playing: false, paused: false, offline: false, height: 0 };
    },
    prefersDataSaver,
  };
}
