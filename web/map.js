// Leaflet maps over rectangles the app reserves. Leaflet and the tile settings load on first use.
// A map may carry a pin; a draggable pin (or a tap on the map) reports its new place through
// pinMoved(id, lat, lon). A map may also carry a set of fixed markers (setMarkers): a tap on one
// reports markerTapped(id, markerId), and every settled move of the view reports
// viewMoved(id, {west, south, east, north, zoom}), debounced so a pan or pinch asks once.
import { createOverlayBox, loadScript, loadStylesheet } from './overlay-box.js';

// The tile settings are public and kept here (the service worker keeps no API answers), so the
// app reopened with no signal still draws the tiles it has seen.
const CONFIG_KEY = 'cdscb.map-config';

async function fetchMapConfig() {
  try {
    const response = await fetch('/api/v1/config');
    if (response.ok) {
      const map = (await response.json()).map ?? {};
      try { localStorage.setItem(CONFIG_KEY, JSON.stringify(map)); } catch { /* no storage */ }
      return map;
    }
  } catch { /* offline: the kept settings, or a map without tiles that still shows its frame */ }
  try { return JSON.parse(localStorage.getItem(CONFIG_KEY) ?? '{}') ?? {}; } catch { return {}; }
}

const kViewSettleMs = 300;

export function createMapBridge(parent, vendor, { pinMoved = () => {}, markerTapped = () => {}, viewMoved = () => {} } = {}) {
  const maps = new Map();  // id → { box, map, view, marker, markers, markerLayer, moveTimer }
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

  // The markers the app last gave, kept by id so a refetch moves only what changed. Each is a
  // keyboard-reachable button named by the feedback's title and status (Leaflet gives the icon
  // role="button" and tabindex); the colour class follows the status (see shell.css).
  function applyMarkers(id, entry) {
    const L = window.L;
    if (!entry.markers) return;
    entry.markerLayer ??= new Map();
    const wanted = new Set();
    for (const m of entry.markers) {
      wanted.add(m.id);
      const key = `${m.lat},${m.lon},${m.status},${m.title}`;
      const old = entry.markerLayer.get(m.id);
      if (old && old.key === key) continue;
      old?.layer.remove();
      const layer = L.marker([m.lat, m.lon], {
        title: m.title,
        alt: m.title,
        keyboard: true,
        riseOnHover: true,
        icon: L.divIcon({ className: `feedback-marker status-${m.status}`, iconSize: [22, 22], iconAnchor: [11, 11] }),
      }).addTo(entry.map);
      const el = layer.getElement();
      el?.setAttribute('aria-label', `${m.title} (${m.label})`);
      el?.setAttribute('data-feedback-id', String(m.id));
      layer.on('click', () => markerTapped(id, m.id));
      // A role="button" div is not activated by the keyboard on its own.
      el?.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          markerTapped(id, m.id);
        }
      });
      entry.markerLayer.set(m.id, { key, layer });
    }
    for (const [markerId, { layer }] of entry.markerLayer) {
      if (!wanted.has(markerId)) {
        layer.remove();
        entry.markerLayer.delete(markerId);
      }
    }
  }

  function reportView(id, entry) {
    const b = entry.map.getBounds();
    viewMoved(id, { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth(), zoom: entry.map.getZoom() });
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
    applyMarkers(id, entry);
    entry.map.on('moveend', () => {
      clearTimeout(entry.moveTimer);
      entry.moveTimer = setTimeout(() => reportView(id, entry), kViewSettleMs);
    });
    reportView(id, entry);
  }

  return {
    place(id, rect, clip, view) {
      let entry = maps.get(id);
      if (!entry) {
        entry = { box: createOverlayBox(parent, 'map'), map: null, view, marker: null, markers: null };
        entry.box.inner.dataset.map = id;
        maps.set(id, entry);
        leaflet().then((config) => {
          create(id, entry);
          if (config.tile_url) {
            // CORS, so that the service worker may keep a readable copy of each tile.
            window.L.tileLayer(config.tile_url, { maxZoom: 19, attribution: config.attribution ?? '',
              crossOrigin: 'anonymous' }).addTo(entry.map);
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
    // markers: [{id, lat, lon, title, status, label}]; replaces the map's set. Call after place().
    setMarkers(id, markers) {
      const entry = maps.get(id);
      if (!entry) return;
      entry.markers = markers;
      if (entry.map) applyMarkers(id, entry);
    },
  };
}
