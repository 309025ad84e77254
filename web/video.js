// Camera streams in <video> over rectangles the app reserves. HLS plays natively where the
// browser can (Safari), elsewhere through hls.js, which loads on first use.
import { createOverlayBox, loadScript } from './overlay-box.js';

export function createVideoBridge(parent, vendor) {
  const videos = new Map();  // id → { box, video, url, hls }

  async function attach(entry, url) {
    entry.hls?.destroy();
    entry.hls = null;
    entry.url = url;
    const video = entry.video;
    if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = url;
    } else {
      await loadScript(vendor.hlsJs);
      if (!window.Hls?.isSupported()) return;
      entry.hls = new window.Hls();
      entry.hls.loadSource(url);
      entry.hls.attachMedia(video);
    }
    video.play().catch(() => { /* autoplay refused: the controls are there */ });
  }

  return {
    place(id, rect, clip, url) {
      let entry = videos.get(id);
      if (!entry) {
        const box = createOverlayBox(parent, 'video');
        const video = document.createElement('video');
        Object.assign(video, { muted: true, playsInline: true, controls: true });
        video.style.width = video.style.height = '100%';
        box.inner.append(video);
        entry = { box, video, url: '', hls: null };
        videos.set(id, entry);
      }
      entry.box.place(rect, clip);
      if (url !== entry.url) attach(entry, url).catch((e) => console.warn('video:', e.message));
    },
    hide(id) {
      const entry = videos.get(id);
      if (!entry) return;
      entry.box.hide();
      entry.video.pause();
    },
  };
}
