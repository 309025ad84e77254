// Nothing lost when the server refuses a feedback (issue 4, Sending): the field the citizen chose
// was removed before the outbox sent it, so the server answers 422. The feedback stays on the
// phone with the server's message, over a reload, photo included; the citizen picks another
// field and sends it, and the server ends up with exactly one record.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';
import { choose, fill, firstField, getJson, photoWithGps, postJson, signInCitizen, signInOfficial, tap }
  from './feedback_support.mjs';

const env = useAppServer({ tiles: true, sms: true });
const AT = { latitude: 22.666, longitude: 106.258, accuracy: 12 };
const TITLE = 'Cầu treo bản Nà Mạ hỏng ván';

test('a refused feedback is kept over a reload with the server\'s message, fixed and sent once', async () => {
  // An admin adds a field; the citizen fills the form with it; then it is removed from the
  // database (no API deletes fields), as an administrator's clean-up would.
  const admin = await env.browser.newContext(PHONE);
  await signInOfficial(admin, env, { name: 'Quản trị Thử', phone: '0912002111', password: 'Quan-Tri-Thu-7', role: 'admin' });
  const added = await postJson(admin, env, '/api/v1/admin/feedback-fields',
    { code: 'cau-treo-thu', name: 'Cầu treo dân sinh (thử)', agency: 'so-xay-dung', answer_days: 10 });
  assert.equal(added.status(), 201, await added.text());

  const context = await env.browser.newContext({ ...PHONE, geolocation: AT, permissions: ['geolocation'] });
  await signInCitizen(context, env, { name: 'Hà Văn Nam', phone: '0912002222', password: 'Na-Ma-Cao-Bang-5' });
  const other = await firstField(context, env);
  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  await fill(page, 'Tiêu đề', TITLE);
  await fill(page, 'Nội dung', 'Nhiều tấm ván mặt cầu bị gãy, học sinh đi qua rất nguy hiểm.');
  await choose(page, 'Lĩnh vực', 'Cầu treo dân sinh (thử)');
  await tap(page, 'button', 'Dùng vị trí của tôi');
  await page.waitForFunction(() => /±12 m/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''));
  const chooser = page.waitForEvent('filechooser');
  await tap(page, 'button', 'Thêm ảnh');
  await (await chooser).setFiles([{ name: 'IMG_2001.jpg', mimeType: 'image/jpeg',
    buffer: await photoWithGps(page, { width: 2000, height: 1500, color: '#6d4c41' }) }]);
  await page.getByRole('button', { name: 'Xoá ảnh 1', exact: true }).waitFor();
  execFileSync('sqlite3', ['-cmd', '.timeout 5000', path.join(env.server.dataDir, 'app.db'),
    "DELETE FROM feedback_fields WHERE code = 'cau-treo-thu'"]);

  await tap(page, 'button', 'Gửi Phản ánh');
  const refused = page.locator('[data-id^="feedback.refused."][data-id$=".line"]')
    .filter({ hasText: `${TITLE}: Chưa gửi được: Lĩnh vực không tồn tại.` });
  await refused.waitFor({ timeout: 20000 });
  assert.equal(await page.locator('[data-id^="feedback.waiting."]').count(), 0, 'not waiting to be sent again');

  // A reload keeps it, with the server's message.
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready);
  await refused.waitFor();
  await page.screenshot({ path: '/tmp/feedback-citizen-refused.png' });
  assert.equal((await getJson(context, env, '/api/v1/feedback/mine')).items.length, 0);
  // The feedback menu says so too.
  await page.evaluate(() => { location.hash = '#/phan-anh'; });
  await page.getByRole('status').filter({ hasText: 'Có phản ánh chưa gửi được. Mở “Cá nhân” để sửa và gửi lại.' }).waitFor();
  await page.screenshot({ path: '/tmp/feedback-citizen-refused-menu.png' });
  await tap(page, 'button', 'Cá nhân');

  // Opened: the form as it was, photo included, with the message by the field.
  await tap(page, 'button', TITLE);
  await page.waitForFunction((t) => document.querySelector('[data-id="feedback.title"]')?.value === t, TITLE);
  await page.locator('[data-id="feedback.refused"]')
    .filter({ hasText: 'Thông tin chưa hợp lệ. Vui lòng kiểm tra lại các ô được đánh dấu.' }).waitFor();
  await page.locator('[data-id="feedback.field_error"]').filter({ hasText: 'Lĩnh vực không tồn tại.' }).waitFor();
  await page.getByRole('button', { name: 'Xoá ảnh 1', exact: true }).waitFor();
  await page.waitForTimeout(500);  // the thumbnail is decoded as a texture
  await page.screenshot({ path: '/tmp/feedback-citizen-refused-form.png' });
  const discard = page.getByRole('button', { name: 'Bỏ phản ánh này', exact: true });
  await discard.focus();
  await page.waitForFunction((el) => !el.classList.contains('scrolled-away') &&
    el.getBoundingClientRect().bottom <= innerHeight, await discard.elementHandle());
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/feedback-citizen-refused-form-end.png' });

  await choose(page, 'Lĩnh vực', other.name);
  await page.locator('[data-id="feedback.field_error"]').waitFor({ state: 'detached' });
  await tap(page, 'button', 'Gửi Phản ánh');
  await page.getByRole('heading', { name: 'Cá nhân', exact: true }).waitFor();
  await page.locator('[data-id^="feedback.mine."]').filter({ hasText: `${TITLE}: Đã gửi` }).waitFor({ timeout: 20000 });
  await refused.waitFor({ state: 'detached' });
  const { items } = await getJson(context, env, '/api/v1/feedback/mine');
  assert.equal(items.length, 1, 'exactly one record');
  assert.equal(items[0].field.code, other.code);
  assert.equal(items[0].photos.length, 1, 'the photo went with it');

  // Sent: nothing refused comes back after another reload.
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready);
  await page.locator('[data-id^="feedback.mine."]').filter({ hasText: `${TITLE}: Đã gửi` }).waitFor();
  assert.equal(await page.locator('[data-id^="feedback.refused."]').count(), 0);
  await admin.close();
  await context.close();
});
