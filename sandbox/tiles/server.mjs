// Stand-in map tile server for development and tests (production uses the province's tile
// service through the same URL template). Draws 256×256 PNG tiles: pale land, a faint grid and,
// near Cao Bằng city, a river line, so a map visibly moves and zooms.
//   node sandbox/tiles/server.mjs [--port N]   → prints "listening on http://127.0.0.1:N"
import http from 'node:http';
import zlib from 'node:zlib';

const SIZE = 256;

function crc32(bytes) {
  let c, crc = 0xffffffff;
  for (const b of bytes) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function tilePng(z, x, y) {
  const raw = Buffer.alloc((SIZE * 3 + 1) * SIZE);
  const n = 2 ** z;
  for (let py = 0; py < SIZE; py++) {
    const row = py * (SIZE * 3 + 1);
    raw[row] = 0;  // filter: none
    for (let px = 0; px < SIZE; px++) {
      // World coordinates in [0,1): a river meanders along a sine through the tile grid.
      const wx = (x + px / SIZE) / n, wy = (y + py / SIZE) / n;
      const river = Math.abs(wy - (0.3556 + 0.0006 * Math.sin(wx * 9000))) * n * SIZE < 3;
      const grid = px % 64 === 0 || py % 64 === 0;
      const edge = px === 0 || py === 0;
      const [r, g, b] = river ? [120, 170, 220] : edge ? [200, 206, 196] : grid ? [226, 232, 220] : [238, 242, 232];
      raw[row + 1 + px * 3] = r;
      raw[row + 2 + px * 3] = g;
      raw[row + 3 + px * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8);  // 8-bit RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export function startTileServer(port = 0) {
  const cache = new Map();
  const server = http.createServer((req, res) => {
    const m = /^\/(\d{1,2})\/(\d+)\/(\d+)\.png$/.exec(req.url);
    const [z, x, y] = m ? m.slice(1).map(Number) : [];
    if (!m || z > 19 || x >= 2 ** z || y >= 2 ** z) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such tile');
      return;
    }
    const key = `${z}/${x}/${y}`;
    if (!cache.has(key)) cache.set(key, tilePng(z, x, y));
    res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400',
      'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
    res.end(cache.get(key));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--port');
  const server = await startTileServer(i > 0 ? Number(process.argv[i + 1]) : 0);
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
