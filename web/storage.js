// Small settings that survive reloads. localStorage may be unavailable (private modes, full
// quota): then settings simply last for this visit.
const PREFIX = 'cdscb.';

export function createStorage() {
  return {
    get(key) {
      try { return localStorage.getItem(PREFIX + key); } catch { return null; }
    },
    set(key, value) {
      try { localStorage.setItem(PREFIX + key, value); } catch { /* see above */ }
    },
  };
}
