import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, smsCodes, useAppServer } from './harness.mjs';

const env = useAppServer({ sms: true, vneid: true });

const tap = (page, role, name) => page.getByRole(role, { name, exact: true }).tap({ force: true });

// On the provider's own page (a real web page, not the app): the citizen's CCCD number and password.
async function vneidLogin(page, number, password) {
  await tap(page, 'button', 'Đăng nhập');
  await tap(page, 'button', 'Đăng nhập bằng VNeID');
  await page.getByLabel('Số định danh cá nhân').fill(number);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test('first VNeID login creates a linked account; the next one goes straight in', async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await vneidLogin(page, '004085012345', 'Dung@2025');
  await page.waitForURL(/#\/lien-ket-vneid$/);
  await page.waitForFunction(() => window.cdscb?.ready);
  await page.getByRole('heading', { name: 'Nông Văn Dũng' }).waitFor();
  assert.match(await page.getByText(/Số định danh cá nhân: /).innerText(), /^Số định danh cá nhân: 004\*+45$/);
  await tap(page, 'button', 'Tạo mới tài khoản liên kết');
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).waitFor();
  await tap(page, 'button', 'Tài khoản');
  await page.getByText('Đã định danh VNeID').first().waitFor();
  await tap(page, 'button', 'Đăng xuất');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();

  // The provider still knows this browser: no form, and the identity is already linked.
  await tap(page, 'button', 'Đăng nhập');
  await tap(page, 'button', 'Đăng nhập bằng VNeID');
  await page.waitForURL((url) => new URL(url).hash === '#/');
  await page.waitForFunction(() => window.cdscb?.ready);
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).waitFor();
  await context.close();
});

test('a VNeID identity can be linked to an existing phone account after its password', async () => {
  // The phone account, made through the API as the app would.
  const api = (path, body) => fetch(`${env.server.url}${path}`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal((await api('/api/v1/accounts/register', { full_name: 'Hoàng Thị Mai', phone: '0977123456', password: 'Thac-Ban-Gioc-7' })).status, 201);
  const [code] = await smsCodes(env.sms, '0977123456');
  assert.equal((await api('/api/v1/accounts/verify', { phone: '0977123456', code })).status, 200);

  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await vneidLogin(page, '004192003456', 'Mai@2025');
  await page.waitForURL(/#\/lien-ket-vneid$/);
  await page.getByRole('button', { name: 'Liên kết với tài khoản đã có' }).waitFor();
  await page.getByRole('textbox', { name: 'Số điện thoại' }).last().fill('0977123456');
  await page.getByRole('textbox', { name: 'Mật khẩu' }).fill('sai-mat-khau-roi');
  await page.evaluate(() => document.activeElement.blur());
  await tap(page, 'button', 'Liên kết với tài khoản đã có');
  await page.getByText('Số điện thoại hoặc mật khẩu không đúng.').waitFor();
  await page.getByRole('textbox', { name: 'Mật khẩu' }).fill('Thac-Ban-Gioc-7');
  await page.evaluate(() => document.activeElement.blur());
  await tap(page, 'button', 'Liên kết với tài khoản đã có');
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).waitFor();
  await tap(page, 'button', 'Tài khoản');
  await page.getByText('Đã định danh VNeID').first().waitFor();
  await context.close();
});

test('cancelling on the VNeID page brings the citizen back with a clear message', async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await tap(page, 'button', 'Đăng nhập');
  await tap(page, 'button', 'Đăng nhập bằng VNeID');
  await page.getByRole('button', { name: 'Hủy' }).click();
  await page.waitForURL(/#\/lien-ket-vneid$/);
  await page.getByRole('status').filter({ hasText: 'Bạn đã hủy đăng nhập bằng VNeID.' }).waitFor();
  await context.close();
});
