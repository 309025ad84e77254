// A document the person picks (a PDF of a paper, or an official's result), kept as a blob: URL so
// the app can upload it now or, offline, keep its bytes in the outbox like a photo.
export function createDocumentPicker() {
  return {
    pick(accept, maxBytes) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = accept;
        input.addEventListener('change', () => {
          const file = input.files[0];
          if (!file) return resolve({ error: 'cancelled' });
          if (file.size > maxBytes) return resolve({ error: 'too_large', name: file.name, size: file.size });
          resolve({ name: file.name, type: file.type || 'application/octet-stream', size: file.size,
            url: URL.createObjectURL(file) });
        });
        input.addEventListener('cancel', () => resolve({ error: 'cancelled' }));
        input.click();
      });
    },
  };
}
