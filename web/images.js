// Images for the app's canvas: fetched like any page resource (so the service worker can answer
// from its cache offline) and decoded off the main thread into an ImageBitmap, downscaled to the
// width the app will draw so a phone's GPU memory holds only what it shows.
export function createImages() {
  return {
    // `revalidate`: ask the server even if the browser keeps a copy (camera snapshots).
    async decode(url, maxWidth, revalidate = false) {
      const response = await fetch(url, { credentials: 'same-origin', ...(revalidate ? { cache: 'no-cache' } : {}) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bitmap = await createImageBitmap(await response.blob());
      if (!maxWidth || bitmap.width <= maxWidth) return bitmap;
      const height = Math.max(1, Math.round(bitmap.height * maxWidth / bitmap.width));
      const smaller = await createImageBitmap(bitmap, { resizeWidth: maxWidth, resizeHeight: height,
        resizeQuality: 'high' });
      bitmap.close();
      return smaller;
    },
    prefetch(url) {
      fetch(url, { credentials: 'same-origin' }).catch(() => { /* offline: nothing to keep */ });
    },
  };
}
