// Leaflet maps over rectangles the app reserves. Leaflet and the tile settings load on first use.
import { createOverlayBox, loadScript, loadStylesheet } from './overlay-box.js';

async function fetchMapConfig() {
  try {
    const response = await fetch('/api/v1/config');
    if (response.ok) return (await response.json()).map ?? {};
  } catch { /* offline: a map without tiles still shows its frame */ }
  return {};
}

export function createMapBridge(parent, vendor) {
  const maps = new Map();  // id → { box, map, view }
  let ready = null;

  function leaflet() {
    ready ??= (async () => {
      loadStylesheet(vendor.leafletCss);
      const [config] = await Promise.all([fetchMapConfig(), loadScript(vendor.leafletJs)]);
      return config;
    })();
    return ready;
  }

  return {
    place(id, rect, clip, view) {
      let entry = maps.get(id);
      if (!entry) {
        entry = { box: createOverlayBox(parent, 'map'), map: null, view };
        entry.box.inner.dataset.map = id;
        maps.set(id, entry);
        leaflet().then((config) => {
          const L = window.L;
          entry.map = L.map(entry.box.inner, { zoomControl: true, attributionControl: true })
            .setView([entry.view.lat, entry.view.lon], entry.view.zoom);
          if (config.tile_url) {
            L.tileLayer(config.tile_url, { maxZoom: 19, attribution: config.attribution ?? '' }).addTo(entry.map);
          }
          parent.dispatchEvent(new CustomEvent('cdscb-map-ready', { detail: id }));
        }).catch((e) => console.warn('map:', e.message));
      }
      entry.view = view;
      if (entry.box.place(rect, clip)) entry.map?.invalidateSize();
    },
    hide(id) {
      maps.get(id)?.box.hide();
    },
  };
}
