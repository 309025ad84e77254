// "Lưu mã QR": the app's QR modules (rows of '1' dark and '0' light, quiet zone included) drawn
// into a PNG by the browser's own encoder and offered as a download.
const PIXELS_PER_MODULE = 10;

function pngOf(rows) {
  const lines = rows.split('\n');
  const side = lines.length * PIXELS_PER_MODULE;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, side, side);
  g.fillStyle = '#000';
  lines.forEach((line, y) => {
    for (let x = 0; x < line.length; x += 1) {
      if (line[x] === '1') g.fillRect(x * PIXELS_PER_MODULE, y * PIXELS_PER_MODULE, PIXELS_PER_MODULE, PIXELS_PER_MODULE);
    }
  });
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

export function createQrImage() {
  return {
    async save(rows, fileName) {
      if (!rows) return { result: 'failed' };
      const blob = await pngOf(rows);
      if (!blob) return { result: 'failed' };
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      // The download has taken the bytes by the next task; the URL would only hold memory.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      return { result: 'saved' };
    },
  };
}
