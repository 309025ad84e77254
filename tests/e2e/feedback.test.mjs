// Phản ánh kiến nghị end to end (issue 4, Tests): a citizen on a phone sends feedback with two
// photos that carry EXIF GPS and a moved pin; it appears in "Cá nhân"; an official in another
// browser receives it and answers with a photo; the citizen sees the answer and rates it. And the
// outbox: sent offline, kept over a reload, delivered once when the network returns.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';
import { choose, fill, hasExif, photoWithGps, signInCitizen, signInOfficial, tap } from './feedback_support.mjs';

const env = useAppServer({ tiles: true, sms: true });
const AT = { latitude: 22.666, longitude: 106.258, accuracy: 12 };
const text = (page, id) => page.locator(`[data-id="${id}"]`).textContent();
const api = async (context, path) => (await context.request.get(`${env.server.url}${path}`)).json();

async function firstField(context) {
  const { fields } = await api(context, '/api/v1/feedback/fields');
  assert.ok(fields.length > 0, 'the server offers feedback fields');
  return fields[0];
}

async function pickPhotos(page, button, files) {
  const chooser = page.waitForEvent('filechooser');
  await tap(page, 'button', button);
  await (await chooser).setFiles(files);
}

test('offline: "Gửi Phản ánh" waits in the outbox over a reload and is delivered exactly once', async () => {
  const context = await env.browser.newContext({ ...PHONE, geolocation: AT, permissions: ['geolocation'] });
  await signInCitizen(context, env, { name: 'Mã Văn Khánh', phone: '0912000555', password: 'Hang-Pac-Bo-2026' });
  const field = await firstField(context);
  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  // The service worker must control the page so that it reloads offline.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready && navigator.serviceWorker.controller);
  await fill(page, 'Tiêu đề', 'Đèn đường hỏng ở cầu Bằng Giang');
  await fill(page, 'Nội dung', 'Ba cột đèn liền nhau không sáng từ tuần trước.');
  await choose(page, 'Lĩnh vực', field.name);
  await tap(page, 'button', 'Dùng vị trí của tôi');
  await page.waitForFunction(() => /±12 m/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''));

  await context.setOffline(true);
  await tap(page, 'button', 'Gửi Phản ánh');
  const waiting = page.locator('[data-id^="feedback.waiting."]').filter({ hasText: 'Đèn đường hỏng ở cầu Bằng Giang: Đang chờ gửi' });
  await waiting.waitFor();
  await page.screenshot({ path: '/tmp/feedback-app-waiting.png' });
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready);
  await waiting.waitFor();

  await context.setOffline(false);
  await waiting.waitFor({ state: 'detached', timeout: 30000 });
  await page.locator('[data-id^="feedback.mine."]').filter({ hasText: 'Đèn đường hỏng ở cầu Bằng Giang: Đã gửi' }).waitFor();
  const { items } = await api(context, '/api/v1/feedback/mine');
  assert.equal(items.filter((i) => i.title === 'Đèn đường hỏng ở cầu Bằng Giang').length, 1, 'exactly one record');
  await context.close();
});

test('"Phản ánh tương tự" nearby is shown before sending, and the citizen can follow it instead', async () => {
  const first = await env.browser.newContext(PHONE);
  await signInCitizen(first, env, { name: 'Đinh Văn Phúc', phone: '0912000666', password: 'Me-Pia-Cao-Bang-4' });
  const field = await firstField(first);
  const created = await first.request.post(`${env.server.url}/api/v1/feedback`, {
    headers: { Origin: env.server.url, 'Content-Type': 'application/json', 'Idempotency-Key': 'similar-test-0000000001' },
    data: { title: 'Sạt lở taluy dương trên quốc lộ 3', content: 'Đất đá tràn xuống nửa mặt đường.', field: field.code,
      location: { lat: 22.6661, lng: 106.2581 }, photos: [], anonymous: false } });
  assert.equal(created.status(), 201);
  const { feedback } = await created.json();

  const context = await env.browser.newContext({ ...PHONE, geolocation: AT, permissions: ['geolocation'] });
  await signInCitizen(context, env, { name: 'Triệu Thị Lan', phone: '0912000777', password: 'Ba-Be-Cao-Bang-6' });
  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  await fill(page, 'Tiêu đề', 'Đất đá tràn xuống đường');
  await fill(page, 'Nội dung', 'Đường rất nguy hiểm cho xe máy.');
  await choose(page, 'Lĩnh vực', field.name);
  await tap(page, 'button', 'Dùng vị trí của tôi');
  await page.waitForFunction(() => /±12 m/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''));
  await tap(page, 'button', 'Gửi Phản ánh');
  await page.getByRole('heading', { name: 'Phản ánh tương tự', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Sạt lở taluy dương trên quốc lộ 3', exact: true }).waitFor();
  await page.screenshot({ path: '/tmp/feedback-app-similar.png' });
  // Each nearby feedback has its own "Theo dõi phản ánh này" under its card.
  const card = await page.getByRole('button', { name: 'Sạt lở taluy dương trên quốc lộ 3', exact: true }).getAttribute('data-id');
  const follow = page.locator(`[data-id="${card}.follow"]`);
  assert.equal(await follow.textContent(), 'Theo dõi phản ánh này');
  await follow.focus();
  await follow.tap({ force: true });
  await page.getByRole('status').filter({ hasText: 'Đã theo dõi.' }).waitFor();
  // Following instead of sending: nothing new on the server, and the one followed knows it.
  assert.equal((await api(context, '/api/v1/feedback/mine')).items.length, 0);
  assert.equal((await api(context, `/api/v1/feedback/${feedback.id}`)).feedback.following, true);
  await first.close();
  await context.close();
});
