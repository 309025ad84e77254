// The device position, answered as plain data the app can show (accuracy in metres).
export function createGeo() {
  return {
    request() {
      return new Promise((resolve) => {
        if (!navigator.geolocation) return resolve({ error: 'unavailable' });
        navigator.geolocation.getCurrentPosition(
          (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy }),
          (e) => resolve({ error: e.code === 1 ? 'denied' : e.code === 3 ? 'timeout' : 'unavailable' }),
          { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
      });
    },
  };
}
