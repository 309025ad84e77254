// Registers the service worker and, when a new version is waiting, offers "Có phiên bản mới".
// Without an answer the new version takes over at the next start of the app.
export function registerServiceWorker(prompt) {
  if (!('serviceWorker' in navigator)) return;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!reloading && prompt.dataset.accepted) {
      reloading = true;
      location.reload();
    }
  });
  const offer = (worker) => {
    prompt.hidden = false;
    prompt.querySelector('#update-apply').onclick = () => {
      prompt.dataset.accepted = '1';
      worker.postMessage('skip-waiting');
    };
    prompt.querySelector('#update-later').onclick = () => { prompt.hidden = true; };
  };
  navigator.serviceWorker.register('/sw.js').then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    });
  }).catch((e) => console.warn('service worker:', e.message));
}
