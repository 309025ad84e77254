// An admin manages what feedback depends on, in the app: "Quản lý lĩnh vực" (a new field offered
// to citizens in "Tạo phản ánh", its answer days edited), "Ngày nghỉ lễ" (added, then deleted
// after a confirmation) and "Khoá Open311" (a key shown once, used by another system, revoked).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openApp, PHONE, useAppServer } from './harness.mjs';
import { addOfficial, signedInPage, tap } from './account_helpers.mjs';
import { choose, fill, signInCitizen } from './feedback_support.mjs';

const env = useAppServer({ sms: true });

const admin = { role: 'admin', phone: '0900000021', name: 'Quản Trị Lĩnh Vực', password: 'Quan-Tri-Linh-Vuc-26' };
let adminAdded;

// The admin's phone, signed in, on "Tài khoản" → `title`.
async function adminScreen(title, options = {}) {
  adminAdded ??= addOfficial(env, admin);
  await adminAdded;
  const session = await signedInPage(env, admin.phone, admin.password, options);
  await tap(session.page, 'button', 'Tài khoản');
  await tap(session.page, 'button', title);
  await session.page.getByRole('heading', { name: title }).first().waitFor();
  return session;
}

const invalid = (page, id) => page.waitForFunction((dataId) =>
  document.querySelector(`[data-id="${dataId}"]`)?.getAttribute('aria-invalid') === 'true', id);
const description = (page, id) => page.locator(`[data-id="${id}"]`).getAttribute('aria-description');
const status = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor();
const text = (page, id) => page.locator(`[data-id="${id}"]`).textContent();

test('"Quản lý lĩnh vực": a new field with its agency, its answer days edited, offered to citizens', async () => {
  const { context, page } = await adminScreen('Quản lý lĩnh vực');
  await page.getByRole('heading', { name: 'Giao thông' }).waitFor();  // seeded from data/feedback_fields.csv
  assert.equal(await text(page, 'admin.fields.row.giao-thong.details'), 'Hạn trả lời: 10 ngày làm việc · Công khai mặc định');
  await page.screenshot({ path: '/tmp/feedback-admin-fields.png', fullPage: true });

  await tap(page, 'button', 'Thêm lĩnh vực');
  await page.getByRole('textbox', { name: 'Mã lĩnh vực' }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-id="admin.field.agency"]')?.options.length === 71);
  // Nothing filled in: the server's message for each field shows next to it.
  await fill(page, 'Hạn trả lời (ngày làm việc)', '0');
  await tap(page, 'button', 'Thêm lĩnh vực');
  for (const id of ['admin.field.code', 'admin.field.name', 'admin.field.agency', 'admin.field.days'])
    await invalid(page, id);
  assert.match(await description(page, 'admin.field.days'), /ngày/);
  await page.screenshot({ path: '/tmp/feedback-admin-field-errors.png', fullPage: true });

  await fill(page, 'Mã lĩnh vực', 'an-toan-thuc-pham');
  await fill(page, 'Tên lĩnh vực', 'An toàn thực phẩm');
  await choose(page, 'Cơ quan chịu trách nhiệm', 'Sở Y tế');
  await fill(page, 'Hạn trả lời (ngày làm việc)', '12');
  await page.getByRole('checkbox', { name: 'Công khai mặc định khi đã trả lời' }).tap({ force: true });
  await tap(page, 'button', 'Thêm lĩnh vực');
  await status(page, 'Đã thêm lĩnh vực An toàn thực phẩm.');
  assert.equal(await page.getByRole('textbox', { name: 'Tên lĩnh vực' }).inputValue(), '', 'an empty form for the next one');

  // The same code again: the server says so by the code.
  await fill(page, 'Mã lĩnh vực', 'an-toan-thuc-pham');
  await fill(page, 'Tên lĩnh vực', 'Lĩnh vực trùng mã');
  await choose(page, 'Cơ quan chịu trách nhiệm', 'Sở Y tế');
  await fill(page, 'Hạn trả lời (ngày làm việc)', '5');
  await tap(page, 'button', 'Thêm lĩnh vực');
  await invalid(page, 'admin.field.code');
  assert.match(await description(page, 'admin.field.code'), /đã có|đã tồn tại|trùng/i);

  await page.goBack();
  await page.getByRole('heading', { name: 'An toàn thực phẩm' }).waitFor();
  assert.equal(await text(page, 'admin.fields.row.an-toan-thuc-pham.agency'), 'Sở Y tế');
  assert.equal(await text(page, 'admin.fields.row.an-toan-thuc-pham.details'), 'Hạn trả lời: 12 ngày làm việc · Công khai mặc định');
  assert.equal(await page.getByRole('heading', { name: 'Lĩnh vực trùng mã' }).count(), 0);

  await tap(page, 'button', 'Sửa An toàn thực phẩm');
  await page.getByRole('heading', { name: 'Sửa lĩnh vực' }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-id="admin.field.days"]')?.value === '12');
  assert.equal(await page.getByRole('textbox', { name: 'Tên lĩnh vực' }).inputValue(), 'An toàn thực phẩm');
  assert.equal(await page.getByRole('combobox', { name: 'Cơ quan chịu trách nhiệm' }).evaluate((s) => s.selectedOptions[0].textContent), 'Sở Y tế');
  await fill(page, 'Hạn trả lời (ngày làm việc)', '7');
  await tap(page, 'button', 'Lưu thay đổi');
  await status(page, 'Đã lưu lĩnh vực An toàn thực phẩm.');
  await page.screenshot({ path: '/tmp/feedback-admin-field-edit.png', fullPage: true });
  await page.goBack();
  await page.getByText('Hạn trả lời: 7 ngày làm việc · Công khai mặc định').waitFor();
  await page.goBack();  // "Tài khoản", where the admin found this screen and the others
  for (const title of ['Quản lý cán bộ', 'Quản lý lĩnh vực', 'Ngày nghỉ lễ', 'Khoá Open311'])
    await page.getByRole('button', { name: title, exact: true }).waitFor();
  await page.screenshot({ path: '/tmp/feedback-admin-account.png' });
  await context.close();

  // A citizen is offered it in "Tạo phản ánh", with the edited deadline behind it.
  const citizen = await env.browser.newContext(PHONE);
  await signInCitizen(citizen, env, { name: 'Hoàng Thị Mai', phone: '0912000777', password: 'Ban-Gioc-Thac-2026' });
  const fields = await (await citizen.request.get(`${env.server.url}/api/v1/feedback/fields`)).json();
  const added = fields.fields.find((f) => f.code === 'an-toan-thuc-pham');
  assert.deepEqual([added.name, added.agency.code, added.answer_days], ['An toàn thực phẩm', 'so-y-te', 7]);
  const form = await citizen.newPage();
  await openApp(form, env.server.url);
  await tap(form, 'button', 'Phản ánh kiến nghị');
  await tap(form, 'button', 'Tạo phản ánh');
  await choose(form, 'Lĩnh vực', 'An toàn thực phẩm');
  assert.equal(await form.getByRole('combobox', { name: 'Lĩnh vực', exact: true }).evaluate((s) => s.selectedOptions[0].textContent), 'An toàn thực phẩm');
  // Not an admin: no entries on "Tài khoản", and a deep link shows no form.
  await form.goto(`${env.server.url}/#/tai-khoan`);
  await form.getByRole('button', { name: 'Phiên đăng nhập' }).waitFor();
  for (const title of ['Quản lý lĩnh vực', 'Ngày nghỉ lễ', 'Khoá Open311'])
    assert.equal(await form.getByRole('button', { name: title }).count(), 0);
  await form.goto(`${env.server.url}/#/sua-linh-vuc/giao-thong`);
  await status(form, 'Chỉ quản trị viên mới dùng được trang này.');
  assert.equal(await form.getByRole('button', { name: 'Lưu thay đổi' }).count(), 0);
  await citizen.close();
});

test('"Ngày nghỉ lễ": a holiday is added, shown day first, and deleted after a confirmation', async () => {
  const { context, page } = await adminScreen('Ngày nghỉ lễ');
  const date = page.locator('[data-id="admin.holidays.date"]');
  await date.fill('2026-12-24');
  await fill(page, 'Tên ngày lễ', 'Nghỉ bù thử nghiệm');
  await tap(page, 'button', 'Thêm ngày nghỉ');
  await status(page, 'Đã thêm ngày nghỉ 24/12/2026 (Nghỉ bù thử nghiệm).');
  await page.getByText('24/12/2026 · Nghỉ bù thử nghiệm').waitFor();
  const listed = await (await context.request.get(`${env.server.url}/api/v1/admin/holidays`)).json();
  assert.ok(listed.holidays.some((h) => h.date === '2026-12-24' && h.name === 'Nghỉ bù thử nghiệm'));

  // The same day again: the server's answer is shown, and nothing more is stored.
  await date.fill('2026-12-24');
  await fill(page, 'Tên ngày lễ', 'Trùng ngày');
  await tap(page, 'button', 'Thêm ngày nghỉ');
  await invalid(page, 'admin.holidays.date');
  assert.match(await description(page, 'admin.holidays.date'), /đã có/);
  // A make-up working day must be a Saturday or Sunday: 23/12/2026 is a Wednesday.
  await date.fill('2026-12-23');
  await fill(page, 'Tên ngày lễ', 'Làm bù thử');
  await page.getByRole('checkbox', { name: 'Ngày làm bù (thứ Bảy, Chủ nhật đi làm)' }).tap({ force: true });
  await tap(page, 'button', 'Thêm ngày nghỉ');
  await page.waitForFunction(() => /thứ Bảy|Chủ nhật/i.test(document.querySelector('[data-id="admin.holidays.date"]')
    ?.getAttribute('aria-description') ?? ''));
  await page.screenshot({ path: '/tmp/feedback-admin-holidays.png', fullPage: true });

  await tap(page, 'button', 'Xoá ngày nghỉ 24/12/2026');
  await page.getByText(/^Xoá 24\/12\/2026 \(Nghỉ bù thử nghiệm\) khỏi lịch\?/).waitFor();
  await page.screenshot({ path: '/tmp/feedback-admin-holiday-confirm.png', fullPage: true });
  await tap(page, 'button', 'Hủy');  // changing one's mind deletes nothing
  await page.getByRole('button', { name: 'Xoá ngày nghỉ 24/12/2026' }).waitFor();
  await tap(page, 'button', 'Xoá ngày nghỉ 24/12/2026');
  await tap(page, 'button', 'Xoá ngày nghỉ');
  await status(page, 'Đã xoá ngày nghỉ 24/12/2026.');
  await page.getByText('24/12/2026 · Nghỉ bù thử nghiệm').waitFor({ state: 'detached' });  // the list read again
  const after = await (await context.request.get(`${env.server.url}/api/v1/admin/holidays`)).json();
  assert.ok(!after.holidays.some((h) => h.date === '2026-12-24' || h.date === '2026-12-23'));
  await context.close();
});

test('"Khoá Open311": a key shown once is used by another system, then revoked', async () => {
  const { context, page } = await adminScreen('Khoá Open311', { permissions: ['clipboard-read', 'clipboard-write'] });
  await fill(page, 'Tên hệ thống dùng khoá', 'Cổng PAKN thử nghiệm');
  await tap(page, 'button', 'Cấp khoá');
  await page.getByRole('heading', { name: 'Khoá mới cho Cổng PAKN thử nghiệm' }).waitFor();
  await status(page, 'Khoá chỉ hiển thị một lần');
  const key = (await text(page, 'admin.keys.value')).trim();
  assert.ok(key.length >= 32, key);
  await tap(page, 'button', 'Sao chép khoá');
  await status(page, 'Đã sao chép khoá.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), key);
  await page.screenshot({ path: '/tmp/feedback-admin-key-new.png', fullPage: true });

  const post = (apiKey) => fetch(`${env.server.url}/open311/v2/requests.json`, { method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ api_key: apiKey, service_code: 'giao-thong', lat: '22.666', long: '106.258',
      description: 'Đèn tín hiệu ở ngã tư không hoạt động (gửi qua Open311).' }) });
  const created = await post(key);
  assert.equal(created.status, 201, await created.clone().text());
  assert.match((await created.json())[0].service_request_id, /^\d+$/);

  // Once put away, the key is not on the screen any more; the list shows it in use.
  await tap(page, 'button', 'Tôi đã lưu khoá');
  await page.locator('[data-id="admin.keys.value"]').waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: 'Cổng PAKN thử nghiệm', exact: true }).waitFor();
  assert.equal(await page.getByText(key).count(), 0);
  await page.getByText(/^Cấp lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} bởi Quản Trị Lĩnh Vực$/).waitFor();
  await page.getByText('Đang dùng', { exact: true }).waitFor();

  await tap(page, 'button', 'Thu hồi khoá Cổng PAKN thử nghiệm');
  await page.getByText(/^Thu hồi khoá "Cổng PAKN thử nghiệm"\?/).waitFor();
  await page.screenshot({ path: '/tmp/feedback-admin-key-confirm.png', fullPage: true });
  await tap(page, 'button', 'Thu hồi khoá');
  await status(page, 'Đã thu hồi khoá "Cổng PAKN thử nghiệm".');
  await page.getByText(/^Đã thu hồi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Thu hồi khoá Cổng PAKN thử nghiệm' }).count(), 0);
  await page.screenshot({ path: '/tmp/feedback-admin-keys.png', fullPage: true });
  assert.equal((await post(key)).status, 403);
  await context.close();
});
