// "Tạo phản ánh" in the browser, before anything is sent: the menu, the place on the map (my
// position, a moved pin with exact coordinates, denied and outside-the-province messages), photos
// as thumbnails, messages by each field, and a draft that survives a reload.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';
import { fill, photoWithGps, signInCitizen, tap } from './feedback_support.mjs';

const env = useAppServer({ tiles: true, sms: true });
const AT = { latitude: 22.666, longitude: 106.258, accuracy: 12 };
const coordinates = (page) => page.locator('[data-id="feedback.coordinates"]').textContent();

test('the form: my position, a moved pin, two photos, and a draft kept over a reload', async () => {
  const context = await env.browser.newContext({ ...PHONE, geolocation: AT, permissions: ['geolocation'] });
  await signInCitizen(context, env, { name: 'Nông Văn Dũng', phone: '0912000111', password: 'Thac-Ban-Gioc-7' });
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await tap(page, 'button', 'Phản ánh kiến nghị');
  await page.getByRole('button', { name: 'Cá nhân', exact: true }).waitFor();
  await page.screenshot({ path: '/tmp/feedback-app-menu.png' });
  await tap(page, 'button', 'Tạo phản ánh');
  await fill(page, 'Tiêu đề', 'Cây đổ chắn đường');
  await fill(page, 'Nội dung', 'Một cây lớn đổ chắn ngang đường sau cơn mưa đêm qua.');

  await tap(page, 'button', 'Dùng vị trí của tôi');
  await page.waitForFunction(() => /±12 m/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''));
  assert.equal(await coordinates(page), 'Vĩ độ 22.666000, kinh độ 106.258000 (±12 m)');

  // Drag the pin: the exact point where it lands is kept, with no accuracy any more.
  const pin = page.locator('.overlay.map .leaflet-marker-icon');
  await pin.waitFor();
  const box = await pin.boundingBox();
  const from = { x: box.x + box.width / 2, y: box.y + box.height - 4 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 5; ++i) await page.mouse.move(from.x + 12 * i, from.y + 8 * i);
  await page.mouse.up();
  await page.waitForFunction(() => !/±/.test(document.querySelector('[data-id="feedback.coordinates"]').textContent));
  const moved = /^Vĩ độ (\d+\.\d{6}), kinh độ (\d+\.\d{6})$/.exec(await coordinates(page));
  assert.ok(moved, await coordinates(page));
  assert.ok(Number(moved[1]) < 22.666 && Number(moved[2]) > 106.258, `moved south-east: ${moved[0]}`);
  assert.notEqual(moved[1], '22.666000');

  const chooser = page.waitForEvent('filechooser');
  await tap(page, 'button', 'Thêm ảnh');
  await (await chooser).setFiles([
    { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps(page, { width: 2400, height: 1800, color: '#2e7d32' }) },
    { name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps(page, { width: 1200, height: 1600, color: '#1565c0' }) },
  ]);
  await page.getByRole('button', { name: 'Xoá ảnh 2', exact: true }).waitFor();
  assert.equal(await page.locator('[data-id^="feedback.photo."][data-role="text"]').count(), 2);
  // The thumbnails are the downscaled copies, decoded as textures: wait until both are drawn.
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/feedback-app-form.png', fullPage: true });

  // A reload keeps everything typed, the moved pin and both photos (from IndexedDB).
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready);
  await page.waitForFunction(() => document.querySelector('[data-id="feedback.title"]')?.value === 'Cây đổ chắn đường');
  assert.equal(await coordinates(page), moved[0]);
  await page.getByRole('button', { name: 'Xoá ảnh 2', exact: true }).waitFor();
  await page.screenshot({ path: '/tmp/feedback-app-form-reloaded.png' });
  await tap(page, 'button', 'Xoá ảnh 2');
  await page.getByRole('button', { name: 'Xoá ảnh 2', exact: true }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Xoá ảnh 1', exact: true }).waitFor();
  await context.close();
});

test('each missing field gets its Vietnamese message; a denied position and a place outside the province say so', async () => {
  const context = await env.browser.newContext({ ...PHONE });
  await signInCitizen(context, env, { name: 'Hoàng Thị Mai', phone: '0912000222', password: 'Pac-Bo-Cao-Bang-3' });
  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  await tap(page, 'button', 'Gửi Phản ánh');
  const title = page.getByRole('textbox', { name: 'Tiêu đề', exact: true });
  await page.waitForFunction(() => document.querySelector('[data-id="feedback.title"]')?.getAttribute('aria-invalid') === 'true');
  assert.equal(await title.getAttribute('aria-description'), 'Vui lòng nhập tiêu đề.');
  assert.equal(await page.getByRole('textbox', { name: 'Nội dung' }).getAttribute('aria-description'), 'Vui lòng nhập nội dung phản ánh.');
  await page.getByText('Vui lòng chọn lĩnh vực.').waitFor();
  await page.getByText('Vui lòng chọn vị trí phản ánh trên bản đồ.').waitFor();
  await page.getByRole('status').filter({ hasText: 'Vui lòng kiểm tra lại các mục được đánh dấu.' }).waitFor();
  await page.screenshot({ path: '/tmp/feedback-app-errors.png' });

  // No permission for the position: a clear message, and the map still takes a pin.
  await tap(page, 'button', 'Dùng vị trí của tôi');
  await page.getByRole('status').filter({ hasText: 'Bạn chưa cho phép ứng dụng dùng vị trí.' }).waitFor();

  // In Hà Nội: the exact point is shown, with the message that it is outside Cao Bằng.
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 21.028511, longitude: 105.804817, accuracy: 30 });
  await tap(page, 'button', 'Dùng vị trí của tôi');
  await page.waitForFunction(() => /21\.028511/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''));
  await page.getByText('Vị trí nằm ngoài tỉnh Cao Bằng.').first().waitFor();
  await context.close();
});
