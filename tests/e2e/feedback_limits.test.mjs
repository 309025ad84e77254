// A limit reached says so: a citizen who already sent the hour's feedback (10) and sends one
// more sees it wait in "Cá nhân" with the server's reason in Vietnamese and when to try again,
// instead of a silent "Đang chờ gửi"; nothing reaches the server past the limit.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';
import { choose, createFeedback, fill, firstField, getJson, signInCitizen, tap } from './feedback_support.mjs';

const env = useAppServer({ tiles: true, sms: true });
const AT = { latitude: 22.666, longitude: 106.258, accuracy: 12 };
const TITLE = 'Cống thoát nước vỡ ở chợ phường';

test('feedback past the hourly limit waits with a clear Vietnamese reason', async () => {
  const context = await env.browser.newContext({ ...PHONE, geolocation: AT, permissions: ['geolocation'] });
  await signInCitizen(context, env, { name: 'Đinh Văn Gửi', phone: '0912004444', password: 'Gui-Nhieu-Lan-2026' });
  const field = await firstField(context, env);
  // The hour's ten, sent elsewhere in the province (not "Phản ánh tương tự" of the eleventh).
  for (let i = 0; i < 10; i++)
    await createFeedback(context, env, { title: `Phản ánh thứ ${i + 1}`, field: field.code, key: `limit-test-key-${String(i).padStart(4, "0")}`,
      lat: 22.72, lng: 106.31 });

  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  await page.getByRole('combobox', { name: 'Lĩnh vực', exact: true }).locator('option', { hasText: field.name })
    .waitFor({ state: 'attached' });
  await fill(page, 'Tiêu đề', TITLE);
  await fill(page, 'Nội dung', `${TITLE}: nước tràn ra lối đi.`);
  await choose(page, 'Lĩnh vực', field.name);
  await tap(page, 'button', 'Dùng vị trí của tôi');
  await page.waitForFunction(() => /±12 m/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''));
  await tap(page, 'button', 'Gửi Phản ánh');

  await page.locator('[data-id^="feedback.waiting."]').filter({ hasText: `${TITLE}: Đang chờ gửi` }).first().waitFor();
  const reason = page.locator('[data-id="feedback.waiting.0.held"]');
  await reason.waitFor({ timeout: 20000 });
  assert.match(await reason.textContent(), /^Bạn đã thao tác quá nhiều lần\. Hãy thử lại sau \d+ phút\.$/);
  await page.screenshot({ path: '/tmp/feedback-rate-limit.png' });
  const { items } = await getJson(context, env, '/api/v1/feedback/mine');
  assert.equal(items.length, 10, 'the eleventh did not reach the server');
  assert.ok(!items.some((i) => i.title === TITLE));
  await context.close();
});
