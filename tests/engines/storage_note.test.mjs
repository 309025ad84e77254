// Safari evicts a site's storage after 7 days without a visit unless it is on the home screen:
// the page asks for persistent storage and, when the browser refuses while the outbox holds
// feedback not yet sent, tells the citizen. The browser's answer is the one input set here
// (headless Chromium would grant or refuse by its own heuristics); the rest is the real app.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from '../e2e/harness.mjs';
import { choose, fill, firstField, signInCitizen, tap } from '../e2e/feedback_support.mjs';

const env = useAppServer({ tiles: true, sms: true });
const AT = { latitude: 22.666, longitude: 106.258, accuracy: 12 };
const note = (page) => page.locator('#storage-note');

test('persistent storage refused: a note while feedback waits to be sent, gone once it is sent', async () => {
  const context = await env.browser.newContext({ ...PHONE, geolocation: AT, permissions: ['geolocation'] });
  await context.addInitScript(() => {
    navigator.storage.persist = async () => false;
    navigator.storage.persisted = async () => false;
  });
  await signInCitizen(context, env, { name: 'Đàm Thị Lan', phone: '0912017301', password: 'Lan-Tra-Linh-2026' });
  const field = await firstField(context, env);
  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  await page.waitForFunction(() => window.cdscb.storage === 'refused');
  assert.equal(await note(page).isHidden(), true, 'nothing waits yet: no note');

  await fill(page, 'Tiêu đề', 'Đèn đường hỏng ở Hòa An');
  await fill(page, 'Nội dung', 'Đèn đường hỏng ở Hòa An: xin kiểm tra.');
  await choose(page, 'Lĩnh vực', field.name);
  await tap(page, 'button', 'Dùng vị trí của tôi');
  await page.waitForFunction(() => /±12 m/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''));
  await context.setOffline(true);
  await tap(page, 'button', 'Gửi Phản ánh');
  await page.locator('[data-id^="feedback.waiting."]').filter({ hasText: 'Đèn đường hỏng ở Hòa An: Đang chờ gửi' }).waitFor();
  const status = page.getByRole('status').filter({ hasText: 'phản ánh đang chờ gửi có thể bị mất' });
  await status.waitFor({ timeout: 10000 });
  assert.match(await status.textContent(), /7 ngày.*màn hình chính/);
  await page.screenshot({ path: '/tmp/engines-storage-note.png' });

  await context.setOffline(false);
  await page.locator('[data-id^="feedback.mine."]').filter({ hasText: 'Đèn đường hỏng ở Hòa An: Đã gửi' }).waitFor({ timeout: 30000 });
  await note(page).waitFor({ state: 'hidden', timeout: 10000 });
  await context.close();
});
