// The flows a citizen's phone must get through in every engine (issue 17), written once against
// drivers.mjs's page API and run for WebKit and Firefox by webkit.test.mjs and firefox.test.mjs:
// the real server, the tile and SMS stand-ins, the built site, a real browser under Xvfb.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { addOfficial, registerCitizen } from '../e2e/account_helpers.mjs';
import { freePort, sleep, startServer, startSms, startTiles } from '../e2e/harness.mjs';
import { ENGINES, startXvfb } from './drivers.mjs';

const TILES = ['Tin tức', 'Chính quyền', 'Phản ánh kiến nghị', 'Dịch vụ công', 'Thanh toán không tiền mặt', 'Camera'];
const ROUTES = ['#/tin-tuc', '#/chinh-quyen', '#/phan-anh', '#/dich-vu-cong', '#/thanh-toan', '#/camera'];
const TYPED = 'Đường ở Hòa An bị sạt lở';

const json = (method, body, cookie = '') => ({ method, headers: { 'Content-Type': 'application/json', Cookie: cookie },
  body: JSON.stringify(body) });

// One phone per engine; everything a test file starts, stopped by process id in after().
export function engineSuite(engine) {
  const env = { shots: fs.mkdtempSync(path.join(os.tmpdir(), `cdscb-${engine}-`)) };
  const citizen = { name: 'Lương Thị Hoa', phone: engine === 'webkit' ? '0912017001' : '0912017002', password: 'Hoa-An-Cao-Bang-17' };
  const sql = (query) => execFileSync('sqlite3', ['-cmd', '.timeout 5000', path.join(env.dataDir, 'app.db'), query]).toString().trim();
  const shot = (name) => env.page.screenshot(path.join(env.shots, `${name}.png`));
  const serve = () => startServer({ dataDir: env.dataDir, listen: env.listen, tileUrl: `${env.tiles.url}/{z}/{x}/{y}.png`,
    smsUrl: `${env.sms.url}/messages` });

  before(async () => {
    env.xvfb = await startXvfb();
    env.tiles = await startTiles();
    env.sms = await startSms();
    env.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-engines-'));
    // A fixed port: the offline flow stops the server and starts it again at the same address.
    env.listen = `127.0.0.1:${await freePort()}`;
    env.server = await serve();
    env.page = await ENGINES[engine](env.xvfb.display);
    env.photo = path.join(env.shots, 'IMG_1701.jpg');  // a phone's photo, as the camera left it
    execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=0x2e7d32:s=1600x1200', '-frames:v', '1', '-y', env.photo]);
    process.stderr.write(`# ${engine}: ${env.page.version}, screenshots in ${env.shots}\n`);
  });
  after(async () => {
    await env.page?.close();
    await env.server?.stop();
    await env.sms?.stop();
    await env.tiles?.stop();
    await env.xvfb?.stop();
  });
  const url = (hash = '') => `${env.server.url}/${hash}`;

  test(`${engine}: the home screen shows the header, "Đăng nhập" and the six tiles by role and name`, async () => {
    const { page } = env;
    await page.openApp(url());
    await page.waitForRole('heading', 'Công dân số Cao Bằng');
    await page.waitForRole('button', 'Đăng nhập');
    const width = await page.evaluate(() => innerWidth);
    for (const name of TILES) {
      const box = await page.box('button', name);
      assert.ok(box, name);
      assert.equal(box.count, 1, name);
      assert.ok(box.width > 80 && box.height > 80, `${name} is a tile-sized target: ${JSON.stringify(box)}`);
      assert.ok(box.x >= 0 && box.x + box.width <= width, `${name} fits the width`);
    }
    await shot('home');
  });

  test(`${engine}: each tile opens its screen by a tap, and the browser's back returns home`, async () => {
    const { page } = env;
    for (const [i, name] of TILES.entries()) {
      await page.tap('button', name);
      await page.waitFor((r) => location.hash === r, [ROUTES[i]], { what: ROUTES[i] });
      await page.waitForRole('heading', name);
      await page.waitForRole('button', 'Quay lại');
      await page.back();
      await page.waitForRole('button', 'Phản ánh kiến nghị');
      assert.equal(await page.box('button', 'Quay lại'), null, `back from ${name} is home`);
    }
  });

  test(`${engine}: "${TYPED}" typed into a mirrored field reads back exactly, in NFC, also typed decomposed`, async () => {
    const { page } = env;
    await page.openApp(url('#/phan-anh/tao'));
    await page.fill('Tiêu đề', TYPED);
    await page.waitFor((t) => document.querySelector('[data-id="feedback.title"]')?.value === t, [TYPED], { what: 'the title' });
    // The keys of a decomposed spelling (base letters and combining marks) become the same NFC text.
    await page.fill('Nội dung', TYPED.normalize('NFD'));
    await page.waitFor((t) => document.querySelector('[data-id="feedback.content"]')?.value === t, [TYPED], { what: 'the content' });
    // Away and back: the app kept the text itself, not only the DOM.
    await page.tap('button', 'Quay lại');
    await page.tap('button', 'Phản ánh kiến nghị');
    await page.tap('button', 'Tạo phản ánh');
    await page.waitForRole('textbox', 'Tiêu đề');
    assert.equal(await page.value('feedback.title'), TYPED);
    assert.equal(await page.value('feedback.content'), TYPED);
    assert.equal((await page.value('feedback.content')).length, TYPED.length);
    await shot('typed');
  });

  test(`${engine}: "Đăng nhập" with number and password`, async () => {
    const { page } = env;
    await registerCitizen(env, citizen);
    await page.openApp(url());
    await page.tap('button', 'Đăng nhập');
    await page.fill('Số điện thoại', citizen.phone);
    await page.fill('Mật khẩu', citizen.password);
    await page.tap('button', 'Đăng nhập');  // the form's own: the header shows "Quay lại" here
    await page.waitForRole('button', 'Tài khoản');
  });

  // The form of "Tạo phản ánh", filled by taps and keys, with a photo and a pin placed then dragged.
  async function fillFeedback(title, { photo }) {
    const { page } = env;
    await page.waitForRole('textbox', 'Tiêu đề');
    await page.fill('Tiêu đề', title);
    await page.fill('Nội dung', `${title}: xin cơ quan chức năng kiểm tra.`);
    // The native picker is the engine's own; the choice arrives as change events as a finger's would.
    const field = await page.waitFor(() => {
      const select = document.querySelector('#a11y-root > select[aria-label="Lĩnh vực"]');
      const option = [...(select?.options ?? [])].find((o) => o.value !== '-1');
      if (!option) return null;
      select.value = option.value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return option.textContent;
    }, [], { what: 'the fields' });
    assert.ok(field);
    // The map in view and still (the page may still be scrolling after the last field).
    const map = await page.waitFor(() => new Promise((resolve) => {
      const box = () => document.querySelector('.overlay.map')?.getBoundingClientRect().toJSON();
      const a = box();
      setTimeout(() => {
        const b = box();
        resolve(a && b && b.height > 50 && b.bottom <= innerHeight && a.y === b.y ? b : null);
      }, 250);
    }), [], { what: 'the map in view' });
    const coordinates = () => page.evaluate(() => document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? '');
    // A tap on the map puts the pin there. Under load Firefox sometimes takes a synthetic touch for
    // the start of a gesture and Leaflet sees no click: like a citizen, tap again (at most 3 times,
    // and the count is printed so a change shows).
    for (let taps = 1; ; ++taps) {
      await page.clickAt(map.x + map.width / 2, map.y + map.height / 2);
      const pinned = await page.waitFor(() => /^Vĩ độ \d/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''),
        [], { timeout: 4000, what: 'a pin from a tap on the map' }).catch((e) => (taps === 3 ? Promise.reject(e) : false));
      if (pinned) {
        if (taps > 1) process.stderr.write(`# ${engine}: the map took ${taps} taps\n`);
        break;
      }
    }
    const placed = await coordinates();
    const pin = await page.waitFor(() => document.querySelector('.overlay.map .leaflet-marker-icon')?.getBoundingClientRect().toJSON(),
      [], { what: 'the pin' });
    const from = { x: pin.x + pin.width / 2, y: pin.y + pin.height - 6 };
    await page.drag(from, { x: from.x + 50, y: from.y + 35 });
    await page.waitFor((p) => document.querySelector('[data-id="feedback.coordinates"]')?.textContent !== p, [placed],
      { what: 'the pin dragged' });
    const [, lat0, lon0] = /Vĩ độ ([\d.]+), kinh độ ([\d.]+)/.exec(placed).map(Number);
    const [, lat1, lon1] = /Vĩ độ ([\d.]+), kinh độ ([\d.]+)/.exec(await coordinates()).map(Number);
    assert.ok(lat1 < lat0 && lon1 > lon0, `dragged south-east: ${placed} → ${await coordinates()}`);
    if (photo) {
      await page.choosePhoto('button', 'Thêm ảnh', photo);
      await page.waitForRole('button', 'Xoá ảnh 1', { timeout: 20000 });
    }
    return { lat: lat1, lon: lon1 };
  }

  test(`${engine}: a feedback with a photo and a moved pin arrives with both`, async () => {
    const { page, photo } = env;
    const title = `Sạt lở taluy ở Hòa An (${engine})`;
    await page.openApp(url('#/phan-anh/tao'));
    const at = await fillFeedback(title, { photo });
    await sleep(300);  // the thumbnail is decoded as a texture
    await shot('feedback-form');
    await page.tap('button', 'Gửi Phản ánh');
    await page.waitFor((t) => [...document.querySelectorAll('[data-id^="feedback.mine."]')].some((e) => e.textContent.includes(t)),
      [title], { timeout: 30000, what: 'the sent feedback in "Cá nhân"' });
    const rows = sql(`SELECT lat || '|' || lng || '|' || json_array_length(photos) FROM feedback WHERE title = '${title}'`).split('\n');
    assert.equal(rows.length, 1, 'one record');
    const [lat, lng, photos] = rows[0].split('|').map(Number);
    assert.ok(Math.abs(lat - at.lat) < 1e-5 && Math.abs(lng - at.lon) < 1e-5, `kept where the pin was: ${rows[0]}`);
    assert.equal(photos, 1, 'with its photo');
  });

  test(`${engine}: a news article opens by deep link`, async () => {
    const { page } = env;
    const official = { role: 'officer', agency: 'van-phong-ubnd-tinh', phone: engine === 'webkit' ? '0912017101' : '0912017102',
      name: 'Hoàng Văn Tin', password: 'Tin-Tuc-Cao-Bang-17' };
    await addOfficial(env, official);
    const login = await fetch(`${env.server.url}/api/v1/sessions`, json('POST', { phone: official.phone, password: official.password }));
    assert.equal(login.status, 200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const title = 'Cảnh báo sạt lở đất trên Quốc lộ 34 qua Hòa An';
    const created = await fetch(`${env.server.url}/api/v1/news`, json('POST', { title, summary: 'Mưa lớn kéo dài.',
      text: 'Mưa lớn kéo dài gây sạt lở taluy dương.\n\n## Khuyến cáo\n\n- Không đi qua khu vực', published: true }, cookie));
    assert.equal(created.status, 201, await created.clone().text());
    const { article } = await created.json();
    await page.openApp(url(`#/tin-tuc/${article.id}`));
    await page.waitForRole('heading', title);
    await page.waitForRole('heading', 'Khuyến cáo');
    await shot('news-article');
  });

  test(`${engine}: a lost WebGL context comes back and the app starts again on the same screen`, async () => {
    const { page } = env;
    await page.openApp(url('#/chinh-quyen'));
    await page.waitForRole('heading', 'Chính quyền');
    // What a phone does to a page in the background: the GPU context is taken away, later given back.
    await page.evaluate(() => {
      window.beforeLoss = true;
      window.loseContext = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
      window.loseContext.loseContext();
    });
    await sleep(300);
    await page.evaluate(() => window.loseContext.restoreContext());
    await page.waitFor(() => !window.beforeLoss && window.cdscb?.ready, [], { timeout: 45000, what: 'the app started again' });
    await page.waitForRole('heading', 'Chính quyền');
  });

  test(`${engine}: after one visit the app starts with the server stopped, and a feedback queued offline arrives once`, async () => {
    const { page } = env;
    await page.openApp(url('#/phan-anh/tao'));
    await page.waitFor(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined,
      [], { timeout: 30000, what: 'the service worker in control' });
    // The one visit: loaded under the service worker, with the form's map and its tiles.
    await page.reload();
    await page.ready();
    await page.waitFor(() => !!document.querySelector('.overlay.map .leaflet-tile-loaded'), [], { what: 'the map\'s tiles' });
    assert.equal(await env.server.stop(), 0);
    env.server = null;
    await page.reload();
    await page.ready();
    await page.waitForRole('textbox', 'Tiêu đề');
    await page.waitFor(() => [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes('Mất kết nối với máy chủ')),
      [], { what: 'the offline notice' });
    await shot('offline-form');
    const title = `Cống thoát nước tắc ở Hòa An (${engine})`;
    await fillFeedback(title, { photo: env.photo });
    await page.tap('button', 'Gửi Phản ánh');
    await page.waitFor((t) => [...document.querySelectorAll('[data-id^="feedback.waiting."]')].some((e) => e.textContent.includes(t)),
      [title], { what: 'the feedback waiting to be sent' });
    await shot('offline-queued');
    // Safari may evict what is not yet sent unless storage is persistent: when refused, the page says so.
    const storage = await page.evaluate(() => window.cdscb.storage ?? 'asking');
    process.stderr.write(`# ${engine}: persistent storage ${storage}\n`);
    if (storage === 'refused') {
      await page.waitFor(() => !document.getElementById('storage-note').hidden &&
        document.getElementById('storage-note').textContent.includes('7 ngày'), [], { what: 'the storage note' });
      await shot('storage-note');
    } else {
      assert.equal(await page.evaluate(() => document.getElementById('storage-note').hidden), true);
    }
    env.server = await serve();
    // The server is back with no network change the browser could report: the app, asking again
    // every 15 s while the server does not answer, notices by itself and sends what waits.
    await page.waitFor((t) => [...document.querySelectorAll('[data-id^="feedback.mine."]')].some((e) => e.textContent.includes(t)),
      [title], { timeout: 90000, what: 'the queued feedback sent' });
    await sleep(1000);
    assert.equal(sql(`SELECT count(*) FROM feedback WHERE title = '${title}'`), '1', 'exactly once');
    assert.equal(sql(`SELECT json_array_length(photos) FROM feedback WHERE title = '${title}'`), '1', 'with its photo, kept offline');
  });
}
