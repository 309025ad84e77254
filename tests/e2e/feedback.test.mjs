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
