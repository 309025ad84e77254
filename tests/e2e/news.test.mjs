// Tin tức end to end: the real server, an official who writes articles through the API and the
// app, and citizens reading them in Chromium at phone size, also offline.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { PHONE, launchPersistent, openApp, sleep, useAppServer } from './harness.mjs';

const env = useAppServer();
const OFFICIAL = { phone: '0912000111', password: 'Tin-Tuc-Cao-Bang-26', name: 'Hoàng Văn Tin' };
const profiles = [];
let cookie = '';
const seeded = [];  // {id, title, thumb}, oldest first
const covers = [];  // media ids

function addOfficial() {
  const bin = path.resolve('build/native/src/server/cdscb-server');
  const child = spawn(bin, ['user', 'add', '--role', 'officer', '--agency', 'van-phong-ubnd-tinh',
    '--phone', OFFICIAL.phone, '--name', OFFICIAL.name, '--password-stdin',
    '--db', `sqlite:${path.join(env.server.dataDir, 'app.db')}`], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(`${OFFICIAL.password}\n`);
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(err)))));
}

async function api(method, url, body, headers = {}) {
  const init = { method, headers: { Cookie: cookie, ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
    if (!init.headers['Content-Type']) init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${env.server.url}${url}`, init);
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

// A small JPEG drawn by Chromium (no image files in the repository).
async function jpeg(page, hue) {
  const bytes = await page.evaluate(async (h) => {
    const canvas = new OffscreenCanvas(640, 400);
    const g = canvas.getContext('2d');
    g.fillStyle = `hsl(${h} 60% 45%)`;
    g.fillRect(0, 0, 640, 400);
    g.fillStyle = '#fff';
    g.beginPath();
    g.moveTo(60, 360); g.lineTo(260, 90); g.lineTo(460, 360);
    g.fill();
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  }, hue);
  return new Uint8Array(bytes);
}

async function publish(title, { summary = 'Tin từ Văn phòng UBND tỉnh.', text, cover, published = true } = {}) {
  const body = { title, summary, text: text ?? `Đoạn mở đầu của tin ${title}.\n\n## Chi tiết\n\nNội dung chính của tin.`,
    published };
  if (cover) body.cover = cover;
  const { status, json } = await api('POST', '/api/v1/news', body);
  assert.equal(status, 201, JSON.stringify(json));
  return json.article;
}

// Seeded once, by the first test that needs it (after the server of useAppServer() is up).
let seeding = null;
const seed = () => (seeding ??= seedArticles());

async function seedArticles() {
  await addOfficial();
  const login = await fetch(`${env.server.url}/api/v1/sessions`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone: OFFICIAL.phone, password: OFFICIAL.password }) });
  assert.equal(login.status, 200);
  cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

  const page = await (await env.browser.newContext()).newPage();
  await page.goto(`${env.server.url}/manifest.webmanifest`);
  for (const hue of [10, 120, 210]) {
    const upload = await api('POST', '/api/v1/media', await jpeg(page, hue), { 'Content-Type': 'image/jpeg' });
    assert.equal(upload.status, 201, JSON.stringify(upload.json));
    covers.push(upload.json.media.id);
  }
  await page.context().close();
  for (let i = 1; i <= 44; i++) {
    const a = await publish(`Bản tin số ${i} của tỉnh Cao Bằng`, { cover: covers[i % covers.length] });
    seeded.push({ id: String(a.id), title: a.title, thumb: a.cover.thumb_url });
  }
  const landslide = await publish('Cảnh báo sạt lở đất trên Quốc lộ 34 qua Bảo Lạc', {
    summary: 'Mưa lớn kéo dài gây sạt lở taluy dương tại Km 215.',
    text: 'Mưa lớn kéo dài gây sạt lở taluy dương.\n\n## Khuyến cáo\n\n- Không đi qua khu vực\n- Theo dõi thông báo\n\n' +
      'Xem [Cổng thông tin điện tử tỉnh](https://caobang.gov.vn) để biết thêm.',
    cover: covers[0] });
  seeded.push({ id: String(landslide.id), title: landslide.title, thumb: landslide.cover.thumb_url });
  for (const { thumb } of seeded) assert.match(thumb, /^\/media\/[0-9a-f]{64}-w480\.jpg$/);
}

// The next answer to a GET of `url` (a path on the server) the page receives.
const responseTo = (page, url) =>
  page.waitForResponse((r) => r.url() === `${env.server.url}${url}` && r.request().method() === 'GET');

async function assertJpeg(response, what) {
  assert.equal(response.status(), 200, `${what}: ${response.url()}`);
  assert.equal((await response.headerValue('content-type')), 'image/jpeg', what);
}

after(() => { for (const dir of profiles) fs.rmSync(dir, { recursive: true, force: true }); });

// Mirror elements take no pointer events: activate them as assistive technology does.
const press = (locator) => locator.evaluate((el) => el.click());
const savedArticles = (page) => page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open('cdscb');
  open.onsuccess = () => {
    const keys = open.result.transaction('kv').objectStore('kv').getAllKeys();
    keys.onsuccess = () => resolve(keys.result.filter((k) => k.startsWith('news/article/')).length);
  };
  open.onerror = () => resolve(0);
}));
const cards = (page) => page.locator('#a11y-root a[data-id^="news.card."]');

test('the news list loads and scrolling brings the next page', async () => {
  await seed();
  const page = await (await env.browser.newContext(PHONE)).newPage();
  const thumb = responseTo(page, seeded.at(-1).thumb);
  const errors = await openApp(page, `${env.server.url}/#/tin-tuc`);
  await page.getByRole('link', { name: seeded.at(-1).title }).waitFor();
  await assertJpeg(await thumb, "the first card's thumbnail");
  await page.getByRole('textbox', { name: 'Tìm kiếm tin tức' }).waitFor();
  await page.getByRole('button', { name: 'Làm mới' }).waitFor();
  const first = await cards(page).count();
  assert.ok(first >= 20 && first < seeded.length, `the first page(s) only: ${first} cards`);
  await page.waitForTimeout(1500);  // thumbnails arrive
  await page.screenshot({ path: '/tmp/news-app-list.png' });
  for (let i = 0; i < 40 && (await cards(page).count()) < seeded.length; i++) {
    await page.mouse.move(200, 600);
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(150);
  }
  assert.equal(await cards(page).count(), seeded.length, 'scrolling to the end brought every page');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a deep link opens the article with its text, a link that opens a new tab, and Chia sẻ', async () => {
  await seed();
  const context = await env.browser.newContext(PHONE);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const page = await context.newPage();
  const article = seeded.at(-1);
  await openApp(page, `${env.server.url}/#/tin-tuc/${article.id}`);
  await page.getByRole('heading', { name: article.title }).waitFor();
  await page.getByRole('heading', { name: 'Khuyến cáo' }).waitFor();
  // Further down the article: present for screen readers, even while scrolled out of view.
  await page.locator('#a11y-root p', { hasText: 'Không đi qua khu vực' }).waitFor({ state: 'attached' });
  const link = page.getByRole('link', { name: 'Cổng thông tin điện tử tỉnh' });
  assert.equal(await link.getAttribute('href'), 'https://caobang.gov.vn');
  assert.equal(await link.getAttribute('target'), '_blank');
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/news-app-article.png' });
  await press(page.getByRole('button', { name: 'Chia sẻ' }));
  await page.getByRole('status').filter({ hasText: 'Đã sao chép liên kết' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${env.server.url}/#/tin-tuc/${article.id}`);
  await context.close();
});

test('searching "sat lo" without diacritics finds the article about sạt lở', async () => {
  await seed();
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, `${env.server.url}/#/tin-tuc`);
  await page.getByRole('link', { name: seeded.at(-1).title }).waitFor();
  await page.getByRole('textbox', { name: 'Tìm kiếm tin tức' }).fill('sat lo');
  await page.waitForFunction(() => document.querySelectorAll('#a11y-root a[data-id^="news.card."]').length === 1);
  assert.equal(await cards(page).first().textContent(), 'Cảnh báo sạt lở đất trên Quốc lộ 34 qua Bảo Lạc');
  await page.getByRole('textbox', { name: 'Tìm kiếm tin tức' }).fill('khong co tin nao nhu the');
  await page.getByText('Không tìm thấy tin tức phù hợp.').waitFor();
  await page.context().close();
});

async function officialPage() {
  const context = await env.browser.newContext(PHONE);
  const [name, value] = cookie.split('; ')[0].split('=');
  await context.addCookies([{ name, value, url: env.server.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  return page;
}

test('an official writes and publishes an article in the app, and a citizen reads it', async () => {
  await seed();
  const page = await officialPage();
  await openApp(page, `${env.server.url}/#/tin-tuc`);
  await press(page.getByRole('button', { name: 'Đăng tin' }));
  await page.getByRole('textbox', { name: 'Tiêu đề' }).fill('Khai mạc Lễ hội Thác Bản Giốc 2026');
  await page.getByRole('textbox', { name: 'Tóm tắt' }).fill('Lễ hội diễn ra tại xã Trùng Khánh.');
  await page.getByRole('textbox', { name: 'Nội dung' }).fill('Sáng nay, lễ hội khai mạc.\n\n## Chương trình\n\n- Thả đèn hoa đăng\n- Chợ phiên vùng cao');
  // A cover from the photo picker, uploaded by the app as soon as it is picked.
  const chooser = page.waitForEvent('filechooser');
  const uploaded = page.waitForResponse((r) => r.url() === `${env.server.url}/api/v1/media` && r.request().method() === 'POST');
  await press(page.getByRole('button', { name: 'Chọn ảnh bìa' }));
  await (await chooser).setFiles({ name: 'IMG_2026.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await jpeg(page, 280)) });
  const upload = await uploaded;
  assert.equal(upload.status(), 201, await upload.text());
  const cover = (await upload.json()).media.id;
  await page.getByRole('button', { name: 'Chọn ảnh bìa' }).waitFor();  // no longer "Đang tải ảnh lên…"
  await press(page.getByRole('checkbox', { name: 'Đăng ngay' }));  // keep it a draft first
  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path: '/tmp/news-app-publish-form.png' });
  await press(page.getByRole('button', { name: 'Lưu bản nháp' }));
  await page.getByRole('status').filter({ hasText: 'Đã lưu bản nháp' }).waitFor();

  const citizen = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(citizen, `${env.server.url}/#/tin-tuc`);
  await citizen.getByRole('link', { name: seeded.at(-1).title }).waitFor();
  assert.equal(await citizen.getByRole('link', { name: 'Khai mạc Lễ hội Thác Bản Giốc 2026' }).count(), 0,
    'a draft is not shown to citizens');

  await press(page.getByRole('button', { name: 'Quay lại' }));
  await press(page.getByRole('button', { name: 'Quản lý tin' }));
  await page.getByRole('link', { name: 'Khai mạc Lễ hội Thác Bản Giốc 2026' }).waitFor();
  await press(page.getByRole('button', { name: 'Xuất bản' }).first());
  await page.getByRole('button', { name: 'Gỡ tin' }).first().waitFor();

  // The citizen's list shows it with the picked photo as its thumbnail.
  const thumb = responseTo(citizen, `/media/${cover}-w480.jpg`);
  await press(citizen.getByRole('button', { name: 'Làm mới' }));
  await citizen.getByRole('link', { name: 'Khai mạc Lễ hội Thác Bản Giốc 2026' }).waitFor();
  await assertJpeg(await thumb, 'the thumbnail of the cover picked in the app');
  await press(citizen.getByRole('link', { name: 'Khai mạc Lễ hội Thác Bản Giốc 2026' }));
  await citizen.getByRole('heading', { name: 'Chương trình' }).waitFor();
  await citizen.getByText('Chợ phiên vùng cao').waitFor();

  // Withdrawn ("Gỡ tin"): gone from the citizen's list after a pull to refresh.
  await press(page.getByRole('button', { name: 'Gỡ tin' }).first());
  await page.getByRole('button', { name: 'Xuất bản' }).first().waitFor();
  await press(citizen.getByRole('button', { name: 'Quay lại' }));
  await citizen.getByRole('link', { name: 'Khai mạc Lễ hội Thác Bản Giốc 2026' }).waitFor();
  const cdp = await citizen.context().newCDPSession(citizen);
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: y === undefined ? [] : [{ x: 300, y, id: 1 }] });
  await touch('touchStart', 30);
  for (let y = 50; y <= 330; y += 20) {
    await touch('touchMove', y);
    await citizen.waitForTimeout(16);
  }
  await touch('touchEnd');
  await citizen.getByRole('link', { name: 'Khai mạc Lễ hội Thác Bản Giốc 2026' }).waitFor({ state: 'detached' });
  await page.context().close();
  await citizen.context().close();
});

test('an alert banner shows on the home screen and goes away when it expires', async () => {
  await seed();
  // An official sends one from the app (the shortest choice is an hour)…
  const page = await officialPage();
  await openApp(page, `${env.server.url}/#/tin-tuc`);
  await press(page.getByRole('button', { name: 'Cảnh báo khẩn' }));
  await page.getByRole('combobox', { name: 'Loại cảnh báo' }).selectOption({ label: 'Bão' });
  await page.getByRole('textbox', { name: 'Tiêu đề' }).fill('Bão số 9 ảnh hưởng Cao Bằng');
  await page.getByRole('textbox', { name: 'Nội dung' }).fill('Hạn chế ra ngoài từ 18 giờ.');
  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path: '/tmp/news-app-alert-form.png' });
  await press(page.getByRole('button', { name: 'Phát cảnh báo' }));
  await page.getByRole('status').filter({ hasText: 'Đã phát cảnh báo' }).waitFor();
  await page.context().close();

  // …and one with a short expiry through the API.
  const expires = new Date(Date.now() + 15000).toISOString().replace(/\.\d+Z$/, 'Z');
  const created = await api('POST', '/api/v1/alerts', { kind: 'landslide', title: 'Sạt lở trên đường tỉnh 208',
    text: 'Tạm dừng lưu thông qua Km 12.', expires_at: expires });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const citizen = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(citizen, env.server.url);
  const banner = citizen.getByRole('button', { name: /Sạt lở đất: Sạt lở trên đường tỉnh 208/ });
  await banner.waitFor();
  const storm = citizen.getByRole('button', { name: /^Bão: Bão số 9 ảnh hưởng Cao Bằng/ });
  await storm.waitFor();
  await citizen.screenshot({ path: '/tmp/news-app-home-banner.png' });
  await press(banner);
  await citizen.getByRole('button', { name: /Tạm dừng lưu thông qua Km 12/ }).waitFor();
  // No input from here on: the app wakes itself at the expiry time.
  await banner.waitFor({ state: 'detached', timeout: 25000 });
  assert.ok(Date.now() >= Date.parse(expires), 'not hidden before it expired');
  assert.equal(await storm.count(), 1, 'the alert valid for an hour is still shown');
  await citizen.context().close();
});

test('offline after one visit: the list and three articles open from the saved copy', async () => {
  await seed();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-news-offline-'));
  profiles.push(dir);
  const context = await launchPersistent(dir);
  const page = context.pages()[0] ?? await context.newPage();
  await openApp(page, `${env.server.url}/#/tin-tuc`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  // A reload under the service worker, so thumbnails fetched from now on go through it.
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready, null, { timeout: 30000 });
  await page.getByRole('link', { name: seeded.at(-1).title }).waitFor();
  const saved = () => savedArticles(page);
  for (let i = 0; i < 100 && (await saved()) < 45; i++) await sleep(200);
  assert.ok((await saved()) >= 45, `articles saved for offline reading: ${await saved()}`);
  const thumbs = await page.evaluate(async () => (await (await caches.open('media-v1')).keys()).length);
  assert.ok(thumbs >= covers.length, `thumbnails kept by the service worker: ${thumbs}`);

  // Without the browser's HTTP cache, only the service worker's own copy can answer offline.
  await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
  await context.setOffline(true);
  const thumb = responseTo(page, seeded.at(-1).thumb);
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready, null, { timeout: 30000 });
  await page.getByRole('status').filter({ hasText: 'Đang xem bản lưu ngoại tuyến' }).waitFor();
  const offlineThumb = await thumb;
  assert.ok(offlineThumb.fromServiceWorker(), 'the thumbnail came from the service worker');
  await assertJpeg(offlineThumb, 'the thumbnail offline');
  for (const article of [seeded.at(-1), seeded.at(-2), seeded.at(-3)]) {
    await press(page.getByRole('link', { name: article.title }));
    await page.getByRole('heading', { name: article.title }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Đang xem bản lưu ngoại tuyến' }).waitFor();
    await press(page.getByRole('button', { name: 'Quay lại' }));
    await page.getByRole('textbox', { name: 'Tìm kiếm tin tức' }).waitFor();
  }
  await context.close();
});
