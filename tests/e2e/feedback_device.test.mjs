// Offline data belongs to an account, not to the phone (issue 10). On a family phone, what An
// queued, drafted or had refused is hers alone: signed out it is held and hidden, Bình signing in
// sees none of it and nothing goes in his name, An signing in again sends it exactly once. And a
// cold start with no signal works: after one online visit, "Tạo phản ánh" opened offline still
// offers its fields and the map tiles already seen, and what is sent from it arrives once.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';
import { logIn, registerCitizen } from './account_helpers.mjs';
import { choose, fill, firstField, getJson, photoWithGps, postJson, signInCitizen, signInOfficial, tap }
  from './feedback_support.mjs';

const env = useAppServer({ tiles: true, sms: true });
const AT = { latitude: 22.666, longitude: 106.258, accuracy: 12 };
const AN = { name: 'Nông Thị An', phone: '0912003111', password: 'An-Non-Nuoc-2026' };
const BINH = { name: 'Nông Văn Bình', phone: '0912003222', password: 'Binh-Non-Nuoc-2026' };
const QUEUED = 'Rãnh thoát nước tắc trước nhà văn hoá';
const REFUSED = 'Biển báo cầu yếu bị đổ';
const DRAFT = 'Nháp của An chưa gửi';
const MINE = 'Đèn tín hiệu ngã tư hỏng';

const sql = (query) => execFileSync('sqlite3', ['-cmd', '.timeout 5000',
  path.join(env.server.dataDir, 'app.db'), query]).toString().trim();
const go = (page, hash) => page.evaluate((h) => { location.hash = h; }, hash);
const card = (page, prefix, text) => page.locator(`[data-id^="feedback.${prefix}."]`).filter({ hasText: text });

async function fillForm(page, { title, field, photo }) {
  await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).waitFor();
  await fill(page, 'Tiêu đề', title);
  await fill(page, 'Nội dung', `${title}: xin cơ quan chức năng kiểm tra.`);
  await choose(page, 'Lĩnh vực', field);
  await tap(page, 'button', 'Dùng vị trí của tôi');
  await page.waitForFunction(() => /±12 m/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''));
  if (photo) {
    const chooser = page.waitForEvent('filechooser');
    await tap(page, 'button', 'Thêm ảnh');
    await (await chooser).setFiles([{ name: 'IMG_3001.jpg', mimeType: 'image/jpeg',
      buffer: await photoWithGps(page, { width: 1200, height: 900, color: photo }) }]);
    await page.getByRole('button', { name: 'Xoá ảnh 1', exact: true }).waitFor();
  }
}

async function signOut(page) {
  await go(page, '#/');  // "Tài khoản" is a tile of the home screen
  await tap(page, 'button', 'Tài khoản');
  await tap(page, 'button', 'Đăng xuất');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
}

// The store keys of the app's IndexedDB (what the phone keeps).
const storedKeys = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('cdscb');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const all = open.result.transaction('kv').objectStore('kv').getAllKeys();
    all.onsuccess = () => resolve(all.result.map(String));
  };
}));

test('on a family phone, An\'s queued, refused and draft feedback is hers: Bình sees and sends none of it', async () => {
  const admin = await env.browser.newContext(PHONE);
  await signInOfficial(admin, env, { name: 'Quản trị Gia Đình', phone: '0912003999', password: 'Quan-Tri-Gia-7', role: 'admin' });
  const added = await postJson(admin, env, '/api/v1/admin/feedback-fields',
    { code: 'bien-bao-thu', name: 'Biển báo (thử)', agency: 'so-xay-dung', answer_days: 10 });
  assert.equal(added.status(), 201, await added.text());

  const phone = await env.browser.newContext({ ...PHONE, geolocation: AT, permissions: ['geolocation'] });
  await signInCitizen(phone, env, AN);
  await registerCitizen(env, BINH);
  const field = await firstField(phone, env);
  const anId = (await getJson(phone, env, '/api/v1/me')).user.id;
  const page = await phone.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);

  // An's refused feedback: its field is removed before the outbox sends it.
  await fillForm(page, { title: REFUSED, field: 'Biển báo (thử)' });
  sql("DELETE FROM feedback_fields WHERE code = 'bien-bao-thu'");
  await tap(page, 'button', 'Gửi Phản ánh');
  await card(page, 'refused', `${REFUSED}: Chưa gửi được`).waitFor({ timeout: 20000 });

  // An's queued feedback, with a photo, sent with no signal.
  await go(page, '#/phan-anh/tao');
  await fillForm(page, { title: QUEUED, field: field.name, photo: '#455a64' });
  await phone.setOffline(true);
  await tap(page, 'button', 'Gửi Phản ánh');
  await card(page, 'waiting', `${QUEUED}: Đang chờ gửi`).waitFor();
  // And a draft she leaves for later.
  await go(page, '#/phan-anh/tao');
  await fill(page, 'Tiêu đề', DRAFT);

  // Signing out and in needs the server; the outbox's own requests stay cut until "network back".
  const cut = (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue());
  const outboxPaths = /\/api\/v1\/(feedback|media)$/;
  await phone.route(outboxPaths, cut);
  await phone.setOffline(false);
  await signOut(page);
  const anKeys = (await storedKeys(page)).filter((k) => k.startsWith(`u/${anId}/`));
  assert.ok(anKeys.some((k) => k.startsWith(`u/${anId}/outbox/`)), `kept under An: ${anKeys}`);
  assert.ok(anKeys.some((k) => k.startsWith(`u/${anId}/refused/`)));
  assert.ok(anKeys.includes(`u/${anId}/draft/feedback`));
  // Signed out, none of it shows.
  await go(page, '#/phan-anh/ca-nhan');
  await page.locator('[data-id="feedback.login_needed"]').waitFor();
  assert.equal(await page.locator('[data-id^="feedback.waiting."], [data-id^="feedback.refused."]').count(), 0);

  await logIn(page, BINH.phone, BINH.password);
  await go(page, '#/phan-anh');
  await page.getByRole('button', { name: 'Cá nhân', exact: true }).waitFor();
  assert.equal(await page.locator('[data-id="feedback.menu_waiting"], [data-id="feedback.menu_refused"]').count(), 0);
  await tap(page, 'button', 'Cá nhân');
  await page.locator('[data-id="feedback.mine_empty"]').waitFor();
  assert.equal(await page.locator('[data-id^="feedback.waiting."], [data-id^="feedback.refused."]').count(), 0);
  for (const title of [QUEUED, REFUSED, DRAFT]) assert.equal(await page.getByText(title).count(), 0, title);
  await go(page, '#/phan-anh/tao');
  await page.getByRole('combobox', { name: 'Lĩnh vực', exact: true }).locator('option', { hasText: field.name }).waitFor({ state: 'attached' });
  assert.equal(await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).inputValue(), '', 'no draft of An');
  await page.screenshot({ path: '/tmp/feedback-device-binh-form.png' });

  // The network is back. Bình sends his own: it goes alone (An's, older, would have gone first).
  await phone.unroute(outboxPaths, cut);
  await phone.setOffline(true);
  await phone.setOffline(false);
  await fillForm(page, { title: MINE, field: field.name });
  await tap(page, 'button', 'Gửi Phản ánh');
  await card(page, 'mine', `${MINE}: Đã gửi`).waitFor({ timeout: 20000 });
  assert.deepEqual(sql('SELECT title FROM feedback ORDER BY id').split('\n'), [MINE], 'nothing of An\'s reached the server');
  assert.equal(sql('SELECT count(*) FROM media'), '0', 'not even her photo');
  assert.equal((await getJson(phone, env, '/api/v1/feedback/mine')).items.length, 1);

  // An signs in again: hers goes, exactly once, in her name, with its photo; the rest is back.
  await signOut(page);
  await logIn(page, AN.phone, AN.password);
  await go(page, '#/phan-anh/ca-nhan');
  await card(page, 'mine', `${QUEUED}: Đã gửi`).waitFor({ timeout: 30000 });
  await card(page, 'refused', `${REFUSED}: Chưa gửi được`).waitFor();
  const { items } = await getJson(phone, env, '/api/v1/feedback/mine');
  assert.deepEqual(items.map((i) => i.title), [QUEUED]);
  assert.equal(items[0].photos.length, 1);
  assert.equal(sql(`SELECT count(*) FROM feedback WHERE title = '${QUEUED}'`), '1');
  await go(page, '#/phan-anh/tao');
  await page.waitForFunction((t) => document.querySelector('[data-id="feedback.title"]')?.value === t, DRAFT);
  await admin.close();
  await phone.close();
});

test('after one online visit, "Tạo phản ánh" works with no signal: fields, seen tiles, a photo; sent once', async () => {
  const context = await env.browser.newContext({ ...PHONE, geolocation: AT, permissions: ['geolocation'] });
  await signInCitizen(context, env, { name: 'Hà Thị Thung', phone: '0912003333', password: 'Thung-Lung-2026' });
  const field = await firstField(context, env);
  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  // The one visit: the service worker takes the page over, the form and its map load.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready && navigator.serviceWorker.controller);
  await page.getByRole('combobox', { name: 'Lĩnh vực', exact: true }).locator('option', { hasText: field.name }).waitFor({ state: 'attached' });
  await page.locator('.overlay.map .leaflet-tile-loaded').first().waitFor();
  const cached = await page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    return out;
  });
  assert.ok((cached['tiles-v1'] ?? []).length > 0, 'the tiles seen are kept');
  for (const [name, urls] of Object.entries(cached))
    assert.equal(urls.filter((u) => new URL(u).pathname.startsWith('/api/')).length, 0, `no API answer in ${name}`);

  // Reopened in a valley with no network.
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready && document.querySelector('#a11y-root > *'));
  await go(page, '#/phan-anh');
  await tap(page, 'button', 'Tạo phản ánh');
  await page.getByRole('combobox', { name: 'Lĩnh vực', exact: true }).locator('option', { hasText: field.name }).waitFor({ state: 'attached' });
  await page.locator('.overlay.map .leaflet-tile-loaded').first().waitFor();
  await fillForm(page, { title: 'Sạt lở đường vào bản Khuổi Ky', field: field.name, photo: '#6d4c41' });
  await fill(page, 'Địa chỉ', 'Đường vào bản Khuổi Ky, xã Đàm Thuỷ');
  // The pin (Leaflet's own marker image, never shown during the online visit) is drawn, not a
  // broken image: the service worker had it precached.
  const pin = page.locator('.overlay.map img.leaflet-marker-icon');
  await pin.waitFor();
  await page.waitForFunction((img) => img.complete, await pin.elementHandle());
  assert.ok(await pin.evaluate((img) => img.naturalWidth) > 0, 'the pin\'s image loaded offline');
  await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).focus();
  await page.waitForTimeout(500);  // the thumbnail is decoded as a texture
  await page.screenshot({ path: '/tmp/feedback-offline-form.png' });
  await tap(page, 'button', 'Gửi Phản ánh');
  const waiting = card(page, 'waiting', 'Sạt lở đường vào bản Khuổi Ky: Đang chờ gửi');
  await waiting.waitFor();

  await context.setOffline(false);
  await card(page, 'mine', 'Sạt lở đường vào bản Khuổi Ky: Đã gửi').waitFor({ timeout: 30000 });
  const { items } = await getJson(context, env, '/api/v1/feedback/mine');
  assert.equal(items.length, 1, 'exactly one record');
  assert.equal(items[0].photos.length, 1, 'with its photo');
  assert.equal(items[0].address, 'Đường vào bản Khuổi Ky, xã Đàm Thuỷ');
  assert.equal(sql("SELECT count(*) FROM feedback WHERE title = 'Sạt lở đường vào bản Khuổi Ky'"), '1');
  await context.close();
});
