// "Chính quyền": the emergency numbers as tel: links, search without diacritics, the kind filter,
// "Gần tôi", admins' CSV import (a good file, then a bad one that changes nothing) through the
// app's file picker, and the directory opening offline after one visit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { PHONE, launchPersistent, openApp, startServer, tap, useAppServer } from './harness.mjs';

const env = useAppServer();
const SERVER = path.resolve('build/native/src/server/cdscb-server');


// The hrefs of the mirrored links whose names start with the emergency numbers.
async function emergencyHrefs(page) {
  await page.getByRole('link', { name: /^112 – / }).waitFor();
  return page.evaluate(() => [...document.querySelectorAll('#a11y-root a')]
    .filter((a) => /^11\d – /.test(a.textContent)).map((a) => [a.textContent.slice(0, 3), a.getAttribute('href')]));
}

const count = (page) => page.getByText(/^\d+ đơn vị$/).textContent();

test('the emergency numbers come first, each a tel: link; records without a number say so', async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = await openApp(page, `${env.server.url}/#/chinh-quyen`);
  assert.deepEqual(await emergencyHrefs(page), [
    ['112', 'tel:112'], ['113', 'tel:113'], ['114', 'tel:114'], ['115', 'tel:115'], ['111', 'tel:111']]);
  assert.equal(await page.getByRole('link', { name: /^113 – / }).textContent(), '113 – Công an');
  assert.equal(await count(page), '70 đơn vị');
  assert.ok(await page.getByText('Chưa cập nhật số điện thoại').count() > 10);
  await page.screenshot({ path: '/tmp/directory-list.png' });
  // A deep link opens one record.
  await page.goto(`${env.server.url}/#/chinh-quyen/cong-an-tinh`);
  await page.getByRole('heading', { name: 'Công an tỉnh Cao Bằng' }).first().waitFor();
  await page.getByText('Khi khẩn cấp, gọi 113', { exact: false }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('search without diacritics finds the ward; the kind filter narrows the list', async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/chinh-quyen`);
  await page.getByRole('button', { name: 'UBND xã Hòa An', exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill('thuc phan');
  await page.getByRole('button', { name: 'UBND phường Thục Phán', exact: true }).waitFor();
  assert.equal(await count(page), '1 đơn vị');
  assert.equal(await page.getByRole('button', { name: 'UBND xã Hòa An', exact: true }).count(), 0);
  await page.screenshot({ path: '/tmp/directory-search.png' });

  await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill('');
  const kind = page.getByRole('combobox', { name: 'Loại đơn vị' });
  assert.deepEqual(await kind.locator('option').allTextContents(), ['', 'Tất cả', 'Sở ban ngành', 'Xã/Phường', 'Công an']);
  await kind.selectOption({ label: 'Công an' });
  await page.getByRole('button', { name: 'Công an tỉnh Cao Bằng', exact: true }).waitFor();
  assert.equal(await count(page), '1 đơn vị');
  await kind.selectOption({ label: 'Xã/Phường' });
  await page.waitForFunction(() => [...document.querySelectorAll('#a11y-root p')].some((p) => p.textContent === '56 đơn vị'));
  await kind.selectOption({ label: 'Sở ban ngành' });
  await page.waitForFunction(() => [...document.querySelectorAll('#a11y-root p')].some((p) => p.textContent === '13 đơn vị'));
  await context.close();
});

test('"Gần tôi" without permission to use the location says how to allow it', async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/chinh-quyen`);
  await tap(page, 'button', 'Gần tôi');
  await page.getByRole('status').filter({ hasText: 'Bạn chưa cho phép dùng vị trí' }).waitFor();
  await context.close();
});

const GOOD_CSV = '\uFEFFcode,kind,name,address,phones,email,website,hours,lat,lng,note\r\n' +
  'khan-cap-112,emergency,"Sự cố, thiên tai, tìm kiếm cứu nạn",,112,,,24/7,,,\r\n' +
  'khan-cap-113,emergency,Công an,,113,,,24/7,,,\r\n' +
  'ubnd-phuong-thuc-phan,ward,UBND phường Thục Phán,"Phường Thục Phán, tỉnh Cao Bằng",0206 3852 123,' +
  'thucphan@example.gov.vn,https://thucphan.example.gov.vn,"Thứ Hai – Thứ Sáu\n7:30–17:00",22.6657,106.2522,\r\n' +
  'ubnd-xa-bao-lam,commune,UBND xã Bảo Lâm,"Xã Bảo Lâm, tỉnh Cao Bằng",,,,,22.87,105.5,\r\n' +
  'so-y-te,department,Sở Y tế,,,,,,,,\r\n';
const BAD_CSV = 'code,kind,name,address,phones,email,website,hours,lat,lng,note\r\n' +
  'so-y-te,department,Sở Y tế (đã đổi),,,,,,,,\r\n' +
  'so-tu-phap,department,Sở Tư pháp,,0206 12,,,,,,\r\n' +
  'so-xay-dung,department,Sở Xây dựng, Cao Bằng,,,,,,,,\r\n';

async function importThroughApp(page, name, text) {
  const chooser = page.waitForEvent('filechooser');
  await tap(page, 'button', 'Nhập CSV');
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

test('an admin imports a good CSV, then a bad one is refused by line and changes nothing', async () => {
  const phone = '0900000009', password = 'Quan tri danh ba 2026';
  const added = spawnSync(SERVER, ['user', 'add', '--role', 'admin', '--phone', phone, '--name', 'Quản Trị Viên',
    '--password-stdin', '--db', `sqlite:${path.join(env.server.dataDir, 'app.db')}`], { input: `${password}\n` });
  assert.equal(added.status, 0, String(added.stderr));

  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/dang-nhap`);
  await page.getByRole('textbox', { name: 'Số điện thoại' }).fill(phone);
  await page.getByRole('textbox', { name: 'Mật khẩu' }).fill(password);
  await page.evaluate(() => document.activeElement?.blur());
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).last().tap({ force: true });
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).waitFor();
  await page.goto(`${env.server.url}/#/chinh-quyen`);
  await page.getByRole('heading', { name: 'Quản trị danh bạ' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Xuất CSV' }).getAttribute('href'), '/api/v1/admin/directory.csv');

  await importThroughApp(page, 'danh-ba.csv', GOOD_CSV);
  await page.getByRole('status').filter({ hasText: 'Đã nhập danh bạ: 0 thêm mới, 5 cập nhật, 0 giữ nguyên, 70 đã xóa.' }).waitFor();
  await page.getByRole('link', { name: '0206 3852 123' }).waitFor();
  assert.equal(await page.getByRole('link', { name: '0206 3852 123' }).getAttribute('href'), 'tel:02063852123');
  assert.deepEqual(await emergencyHrefs(page), [['112', 'tel:112'], ['113', 'tel:113']]);
  assert.equal(await count(page), '3 đơn vị');

  await importThroughApp(page, 'danh-ba-loi.csv', BAD_CSV);
  await page.getByRole('status').filter({ hasText: 'Tệp CSV có lỗi ở 2 dòng' }).waitFor();
  await page.getByText(/^Dòng 3: .*0206 12/).waitFor();
  await page.getByText(/^Dòng 4: Dòng có 12 ô/).waitFor();
  await page.screenshot({ path: '/tmp/directory-import-error.png' });
  const after = await (await page.request.get(`${env.server.url}/api/v1/directory?limit=200`)).json();
  assert.deepEqual(after.items.map((i) => i.code), ['ubnd-phuong-thuc-phan', 'ubnd-xa-bao-lam', 'so-y-te']);
  assert.equal(after.items[2].name, 'Sở Y tế', 'nothing of the bad file was stored');

  // A record's page: every contact a link, and its place on the map.
  await tap(page, 'button', 'UBND phường Thục Phán');
  await page.getByRole('heading', { name: 'UBND phường Thục Phán', level: 2 }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'thucphan@example.gov.vn' }).getAttribute('href'), 'mailto:thucphan@example.gov.vn');
  assert.equal(await page.getByRole('link', { name: 'https://thucphan.example.gov.vn' }).getAttribute('href'), 'https://thucphan.example.gov.vn');
  await page.getByText(/^Thứ Hai – Thứ Sáu\s+7:30–17:00$/).waitFor();
  await page.getByRole('button', { name: 'Xem bản đồ' }).waitFor();
  await page.screenshot({ path: '/tmp/directory-record.png' });
  await page.getByRole('button', { name: 'Quay lại' }).click({ force: true });

  // Edit one record in the app.
  await tap(page, 'button', 'Sở Y tế');
  assert.equal(await page.getByRole('button', { name: 'Xem bản đồ' }).count(), 0, 'no map without a place');
  await tap(page, 'button', 'Sửa');
  await page.getByRole('textbox', { name: 'Tên đơn vị' }).waitFor();
  await page.screenshot({ path: '/tmp/directory-edit.png' });
  await page.getByRole('textbox', { name: 'Số điện thoại (cách nhau bằng dấu ;)' }).fill('0206 385 9999');
  await page.evaluate(() => document.activeElement?.blur());
  await tap(page, 'button', 'Lưu');
  await page.getByRole('link', { name: '0206 3859 999' }).waitFor();
  await page.screenshot({ path: '/tmp/directory-detail.png' });
  assert.equal(await page.getByRole('link', { name: '0206 3859 999' }).getAttribute('href'), 'tel:02063859999');
  await context.close();

  // A citizen near Thục Phán gets it first with "Gần tôi"; places unknown come last.
  const citizen = await env.browser.newContext({ ...PHONE, permissions: ['geolocation'],
    geolocation: { latitude: 22.666, longitude: 106.258 } });
  const near = await citizen.newPage();
  await openApp(near, `${env.server.url}/#/chinh-quyen`);
  await near.getByRole('button', { name: 'Sở Y tế', exact: true }).waitFor();
  await tap(near, 'button', 'Gần tôi');
  await near.getByRole('status').filter({ hasText: 'Đang xếp theo khoảng cách' }).waitFor();
  const order = await near.evaluate(() => [...document.querySelectorAll('#a11y-root button')]
    .map((b) => b.textContent).filter((t) => /^(UBND|Sở) /.test(t)));
  assert.deepEqual(order, ['UBND phường Thục Phán', 'UBND xã Bảo Lâm', 'Sở Y tế']);
  await near.getByText('Phường · Phường Thục Phán, tỉnh Cao Bằng · 600 m', { exact: true }).waitFor();
  await near.screenshot({ path: '/tmp/directory-near.png' });
  await citizen.close();
});

test('after one visit the directory opens with the server stopped', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-directory-offline-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-profile-'));
  const own = await startServer({ dataDir });
  const context = await launchPersistent(profile);
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await openApp(page, `${own.url}/#/chinh-quyen`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    await page.getByRole('button', { name: 'UBND phường Thục Phán', exact: true }).waitFor();
    assert.equal(await own.stop(), 0);
    await page.reload();
    await page.waitForFunction(() => window.cdscb?.ready, null, { timeout: 30000 });
    await page.getByRole('status').filter({ hasText: 'đang xem danh bạ đã lưu trên máy' }).waitFor();
    assert.deepEqual((await emergencyHrefs(page)).map(([n]) => n), ['112', '113', '114', '115', '111']);
    await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill('nung tri cao');
    await page.getByRole('button', { name: 'UBND phường Nùng Trí Cao', exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/directory-offline.png' });
  } finally {
    await context.close();
    await own.stop();
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
