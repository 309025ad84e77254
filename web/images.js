// Pictures (photo thumbnails) in <img> elements over rectangles the app reserves.
import { createOverlayBox } from './overlay-box.js';

export function createImageBridge(parent) {
  const images = new Map();  // id → { box, img }
  return {
    place(id, rect, clip, url) {
      let entry = images.get(id);
      if (!entry) {
        const box = createOverlayBox(parent, 'image');
        box.inner.parentElement.style.pointerEvents = 'none';  // taps reach the canvas
        const img = document.createElement('img');
        img.alt = '';
        img.decoding = 'async';
        Object.assign(img.style, { width: '100%', height: '100%', objectFit: 'cover', display: 'block' });
        box.inner.append(img);
        entry = { box, img };
        images.set(id, entry);
      }
      if (entry.img.getAttribute('src') !== url) entry.img.src = url;
      entry.box.place(rect, clip);
    },
    hide(id) {
      images.get(id)?.box.hide();
    },
  };
}
