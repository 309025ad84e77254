// Leaflet maps over rectangles the app reserves. Leaflet and the tile settings load on first use.
// A map may carry a pin; a draggable pin (or a tap on the map) reports its new place through
// pinMoved(id, lat, lon).
import { createOverlayBox, loadScript, loadStylesheet } from './overlay-box.js';

async function fetchMapConfig() {
  try {
    const response = await fetch('/api/v1/config');
    if (response.ok) return (await response.json()).map ?? {};
  } catch { /* offline: a map without tiles still shows its frame */ }
  return {};
}

export function createMapBridge(parent, vendor, { pinMoved = () => {} } = {}) {
  const maps = new Map();  // id → { box, map, view, marker }
  let ready = null;

  function leaflet() {
    ready ??= (async () => {
      loadStylesheet(vendor.leafletCss);
      const [config] = await Promise.all([fetchMapConfig(), loadScript(vendor.leafletJs)]);
      return config;
    })();
    return ready;
  }

  // Shows the pin where the app says (the app keeps the exact coordinates).
  function applyPin(id, entry) {
    const L = window.L;
    const view = entry.view;
    if (!view.pin) {
      entry.marker?.remove();
      entry.marker = null;
      return;
    }
    if (!entry.marker) {
      entry.marker = L.marker([view.pinLat, view.pinLon], { draggable: view.draggable, autoPan: true })
        .addTo(entry.map);
      entry.marker.getElement()?.setAttribute('data-pin', id);
      entry.marker.on('dragend', () => {
        const p = entry.marker.getLatLng();
        pinMoved(id, p.lat, p.lng);
      });
    } else {
      entry.marker.setLatLng([view.pinLat, view.pinLon]);
    }
  }

  function create(id, entry) {
    const L = window.L;
    entry.map = L.map(entry.box.inner, { zoomControl: true, attributionControl: true })
      .setView([entry.view.lat, entry.view.lon], entry.view.zoom);
    entry.shownCenter = `${entry.view.lat},${entry.view.lon},${entry.view.zoom}`;
    entry.map.on('click', (e) => {
      if (!entry.view.draggable) return;
      pinMoved(id, e.latlng.lat, e.latlng.lng);
    });
    applyPin(id, entry);
  }

  return {
    place(id, rect, clip, view) {
      let entry = maps.get(id);
      if (!entry) {
        entry = { box: createOverlayBox(parent, 'map'), map: null, view, marker: null };
        entry.box.inner.dataset.map = id;
        maps.set(id, entry);
        leaflet().then((config) => {
          create(id, entry);
          if (config.tile_url) {
            window.L.tileLayer(config.tile_url, { maxZoom: 19, attribution: config.attribution ?? '' }).addTo(entry.map);
          }
          parent.dispatchEvent(new CustomEvent('cdscb-map-ready', { detail: id }));
        }).catch((e) => console.warn('map:', e.message));
      }
      entry.view = view;
      if (entry.box.place(rect, clip)) entry.map?.invalidateSize();
      if (entry.map) {
        const center = `${view.lat},${view.lon},${view.zoom}`;
        if (center !== entry.shownCenter) {
          entry.shownCenter = center;
          entry.map.setView([view.lat, view.lon], view.zoom);
        }
        applyPin(id, entry);
      }
    },
    hide(id) {
      maps.get(id)?.box.hide();
    },
  };
}
