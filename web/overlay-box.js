// A DOM element kept over the rectangle a screen reserved: the outer box is the visible (clipped)
// part, the inner content sits at the full rectangle, so scrolling moves it under the clip.
export function createOverlayBox(parent, className) {
  const outer = document.createElement('div');
  outer.className = `overlay ${className}`;
  const inner = document.createElement('div');
  inner.className = 'overlay-content';
  outer.append(inner);
  parent.append(outer);
  let size = '';
  return {
    inner,
    // Returns true when the content's size changed (maps must then re-measure).
    place(rect, clip) {
      const visible = clip.w > 0 && clip.h > 0;
      outer.hidden = !visible;
      Object.assign(outer.style, { left: `${clip.x}px`, top: `${clip.y}px`, width: `${clip.w}px`, height: `${clip.h}px` });
      Object.assign(inner.style, { left: `${rect.x - clip.x}px`, top: `${rect.y - clip.y}px`, width: `${rect.w}px`, height: `${rect.h}px` });
      const newSize = `${rect.w}x${rect.h}`;
      const changed = newSize !== size;
      size = newSize;
      return changed;
    },
    hide() { outer.hidden = true; },
  };
}

// Loads a classic script (UMD build of a library) once; CSP allows same-origin scripts.
const loaded = new Map();
export function loadScript(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error(`không tải được ${src}`));
      document.head.append(s);
    }));
  }
  return loaded.get(src);
}

export function loadStylesheet(href) {
  if (document.querySelector(`link[href="${href}"]`)) return;
  const l = document.createElement('link');
  l.rel = 'stylesheet';
  l.href = href;
  document.head.append(l);
}
