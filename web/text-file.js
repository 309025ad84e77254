// A text file the person picks (a CSV kept in a spreadsheet), read as UTF-8 for the app.
export function createTextFilePicker() {
  return {
    pick(accept, maxBytes) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = accept;
        input.addEventListener('change', async () => {
          const file = input.files[0];
          if (!file) return resolve({ error: 'cancelled' });
          if (file.size > maxBytes) return resolve({ error: 'too_large', name: file.name, size: file.size });
          try {
            resolve({ name: file.name, size: file.size, text: await file.text() });
          } catch (e) {
            resolve({ error: 'unreadable', message: e.message });
          }
        });
        input.addEventListener('cancel', () => resolve({ error: 'cancelled' }));
        input.click();
      });
    },
  };
}
