// Photos from the camera or gallery, made fit for a slow network before the app sees them:
// orientation applied, downscaled to at most 1600 px, re-encoded as JPEG (which drops all EXIF,
// GPS included).
const MAX_SIDE = 1600;
const QUALITY = 0.8;

async function downscale(file) {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.round(bitmap.width * scale);
  const height = Math.round(bitmap.height * scale);
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
  return { name: file.name.replace(/\.[^.]*$/, '') + '.jpg', type: blob.type, size: blob.size, width, height,
           url: URL.createObjectURL(blob) };
}

export function createPhotoPicker() {
  return {
    pick(max) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = 'image/*';
        input.multiple = max > 1;
        input.addEventListener('change', async () => {
          const files = [...input.files].slice(0, max);
          try {
            resolve({ photos: await Promise.all(files.map(downscale)) });
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
