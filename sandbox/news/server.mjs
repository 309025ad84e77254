// Stand-in for an official portal's news feed, for development and tests (production points
// --news-feed at the province's real portals). Every item is SAMPLE text, marked as such.
//   node sandbox/news/server.mjs [--port N] [--dir DIR]
//     → prints "listening on http://127.0.0.1:N"; SIGTERM or SIGINT stops it
//   GET /rss.xml            RSS 2.0 with 30 sample items about the province (Vietnamese)
//   GET /images/<n>.png     generated pictures (landscapes drawn in code) used by the items
//   GET /status/<code>      an empty answer with that status (for broken-feed tests)
//   GET /files/<name>       with --dir: the file DIR/<name>, read on every request, so a test
//                           can change a feed between two imports
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function crc32(bytes) {
  let c, crc = 0xffffffff;
  for (const b of bytes) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

// A 640×400 landscape: sky, two ridges of karst mountains and a river, tinted by `seed`.
export function picturePng(seed, width = 640, height = 400) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  const hue = (seed * 47) % 360;
  const tint = (h, l) => {
    const a = Math.cos(((h + hue) * Math.PI) / 180);
    return [l + 30 * a, l + 20 * Math.sin(((h + hue) * Math.PI) / 180), l - 20 * a].map((v) =>
      Math.max(0, Math.min(255, Math.round(v))));
  };
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const far = height * 0.45 - 60 * Math.abs(Math.sin((x + seed * 31) / 55)) ;
      const near = height * 0.62 - 90 * Math.abs(Math.sin((x + seed * 17) / 90));
      const river = Math.abs(y - (height * 0.8 + 12 * Math.sin(x / 40))) < 10;
      const [r, g, b] = river ? [110, 160, 210] : y > near ? tint(120, 90 + (y - near) / 4)
        : y > far ? tint(140, 130) : [170 + y / 8, 200 + y / 10, 235].map(Math.round);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const PLACES = ['xã Hòa An', 'phường Thục Phán', 'phường Nùng Trí Cao', 'phường Tân Giang',
  'xã Trùng Khánh', 'xã Bảo Lạc', 'xã Hà Quảng', 'xã Quảng Uyên', 'xã Bảo Lâm', 'xã Thông Nông'];
const TOPICS = [
  ['Cảnh báo nguy cơ sạt lở đất tại {p}', 'Mưa lớn kéo dài làm tăng nguy cơ sạt lở đất ở các sườn đồi.',
    ['Không đi qua các đoạn đường có vết nứt', 'Theo dõi thông báo của chính quyền địa phương']],
  ['{P} ra quân dọn vệ sinh sau mưa lũ', 'Lực lượng đoàn viên và người dân cùng khơi thông cống rãnh.',
    ['Thu gom rác thải dọc bờ suối', 'Phun khử khuẩn khu dân cư']],
  ['Lịch tiêm chủng mở rộng tháng này tại {p}', 'Trạm y tế thông báo lịch tiêm cho trẻ dưới 5 tuổi.',
    ['Mang theo sổ tiêm chủng', 'Đến đúng khung giờ đã hẹn']],
  ['Hướng dẫn nộp hồ sơ trực tuyến cho người dân {p}', 'Người dân có thể nộp hồ sơ qua Cổng dịch vụ công.',
    ['Chuẩn bị ảnh chụp giấy tờ', 'Theo dõi tình trạng hồ sơ trong ứng dụng']],
  ['Mùa thu hoạch hạt dẻ ở {p}', 'Bà con phấn khởi vì năng suất năm nay khá.',
    ['Thu hái khi quả chín', 'Bảo quản nơi khô ráo']],
  ['Lễ hội truyền thống được tổ chức tại {p}', 'Nhiều hoạt động văn hóa, thể thao diễn ra trong hai ngày.',
    ['Thi đẩy gậy, kéo co', 'Hát then, đàn tính']],
];

function xml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function sampleRss(base, now = Date.now()) {
  const day = Math.floor(now / 86400000) * 86400000;
  const items = [];
  for (let i = 0; i < 30; i++) {
    const [titleTemplate, lead, points] = TOPICS[i % TOPICS.length];
    const place = PLACES[(i * 7) % PLACES.length];
    const title = titleTemplate.replace('{p}', place).replace('{P}', place[0].toUpperCase() + place.slice(1));
    const link = `${base}/bai-viet/${i + 1}.html`;
    const picture = i % 3 === 0 ? `${base}/images/${i + 1}.png` : null;
    const html = `<p><em>Bài viết mẫu để thử ứng dụng (sandbox), không phải tin thật.</em></p>` +
      `<p>${lead} <strong>${place[0].toUpperCase() + place.slice(1)}</strong> đề nghị người dân chú ý.</p>` +
      (picture ? `<p><img src="/images/${i + 1}.png" alt="Ảnh minh họa ${i + 1}" width="640" height="400"></p>` : '') +
      `<h2>Những điều cần biết</h2><ul>${points.map((p) => `<li>${p}</li>`).join('')}</ul>` +
      `<p>Chi tiết xem tại <a href="${link}">trang gốc</a>.</p>`;
    const pub = new Date(day - i * 7 * 3600000 - 3600000).toUTCString();
    items.push(`  <item>
    <title>${xml(title)}</title>
    <link>${link}</link>
    <guid isPermaLink="false">sandbox-news-${i + 1}</guid>
    <pubDate>${pub}</pubDate>
    <description>${xml(`<p>${lead}</p>`)}</description>
    <content:encoded><![CDATA[${html}]]></content:encoded>${picture ? `
    <enclosure url="${picture}" type="image/png" length="0"/>` : ''}
  </item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Tin mẫu (sandbox)</title>
  <link>${base}/</link>
  <description>Nguồn tin mẫu để thử ứng dụng Công dân số Cao Bằng; không phải tin thật.</description>
  <language>vi</language>
${items.join('\n')}
</channel>
</rss>
`;
}

export function startNewsServer({ port = 0, dir = null }) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const base = `http://${req.headers.host}`;
    let m;
    if (url.pathname === '/rss.xml') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
      return res.end(sampleRss(base));
    }
    if ((m = /^\/images\/(\d{1,3})\.png$/.exec(url.pathname))) {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      return res.end(picturePng(Number(m[1])));
    }
    if ((m = /^\/status\/(\d{3})$/.exec(url.pathname))) {
      res.writeHead(Number(m[1]), { 'Content-Type': 'text/plain' });
      return res.end('status ' + m[1]);
    }
    if (dir && (m = /^\/files\/([\w.-]+)$/.exec(url.pathname))) {
      const file = path.join(dir, m[1]);
      if (fs.existsSync(file)) {
        const type = file.endsWith('.png') ? 'image/png' : 'application/xml; charset=utf-8';
        res.writeHead(200, { 'Content-Type': type });
        return res.end(fs.readFileSync(file));
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startNewsServer({ port: Number(arg('--port', '0')), dir: arg('--dir', null) });
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
