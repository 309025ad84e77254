// Linking and unlinking VNeID from Quản lý tài khoản: a signed-in phone account goes to the
// VNeID stand-in, comes back to confirm its password, shows "Đã định danh VNeID", unlinks and
// links again.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';
import { blur, registerCitizen, signedInPage, tap } from './account_helpers.mjs';

const env = useAppServer({ sms: true, vneid: true });

const citizen = { name: 'Be Thi Lan', phone: '0396000333', password: 'Nui-Mat-Than-2026' };

// From the account screen to VNeID and back to the linking screen; the provider shows its form
// only the first time this browser comes.
async function goToVneid(page, { form }) {
  await tap(page, 'button', 'Liên kết VNeID');
  if (form) {
    await page.getByLabel('Số định danh cá nhân').fill('004178000789');
    await page.getByLabel('Mật khẩu').fill('Lan@2025');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }
  await page.waitForURL(/#\/lien-ket-vneid$/);
  await page.waitForFunction(() => window.cdscb?.ready);
  await page.getByRole('heading', { name: 'Bế Thị Lan' }).waitFor();
}

async function confirmLink(page, password) {
  await page.getByRole('button', { name: 'Liên kết VNeID', exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'Mật khẩu' }).fill(password);
  await blur(page);
  await tap(page, 'button', 'Liên kết VNeID');
}

test('link VNeID to the signed-in phone account, unlink it, and link it again', async () => {
  await registerCitizen(env, citizen);
  const { context, page } = await signedInPage(env, citizen.phone, citizen.password);
  await tap(page, 'button', 'Tài khoản');
  await page.getByRole('heading', { name: 'Be Thi Lan' }).waitFor();
  assert.equal(await page.getByText('Đã định danh VNeID').count(), 0);

  await goToVneid(page, { form: true });
  await page.getByRole('button', { name: 'Liên kết VNeID', exact: true }).waitFor();
  // Still signed in: the identity joins this account, not a new one.
  assert.equal(await page.getByRole('button', { name: 'Tạo mới tài khoản liên kết' }).count(), 0);
  await page.screenshot({ path: '/tmp/accounts-app-link-current.png' });
  await confirmLink(page, 'khong-phai-mat-khau');
  await page.waitForFunction(() => document.querySelector('[data-id="link.current_password"]')
    ?.getAttribute('aria-description') === 'Mật khẩu không đúng.');
  await confirmLink(page, citizen.password);

  // Back in Quản lý tài khoản with the name from VNeID.
  await page.getByText('Đã định danh VNeID').waitFor();
  await page.getByRole('heading', { name: 'Bế Thị Lan' }).waitFor();
  assert.match(await page.getByText(/^Số định danh cá nhân: /).innerText(), /^Số định danh cá nhân: 004\*+89$/);
  await page.screenshot({ path: '/tmp/accounts-app-account-linked.png' });

  await tap(page, 'button', 'Hủy liên kết VNeID');
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(citizen.password);
  await blur(page);
  await page.screenshot({ path: '/tmp/accounts-app-unlink.png' });
  await tap(page, 'button', 'Xác nhận hủy liên kết');
  await page.getByRole('status').filter({ hasText: 'Đã hủy liên kết VNeID.' }).waitFor();
  assert.equal(await page.getByText('Đã định danh VNeID').count(), 0);
  const unlinked = await (await context.request.get(`${env.server.url}/api/v1/me`)).json();
  assert.equal(unlinked.user.vneid_verified, false);

  // A VNeID login now finds no account: it is the linking screen again, where this account links.
  await goToVneid(page, { form: false });
  await confirmLink(page, citizen.password);
  await page.getByText('Đã định danh VNeID').waitFor();
  const linked = await (await context.request.get(`${env.server.url}/api/v1/me`)).json();
  assert.equal(linked.user.vneid_verified, true);
  assert.equal(linked.user.phone, citizen.phone);
  await context.close();
});

test('a later VNeID login goes straight into the linked phone account', async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await tap(page, 'button', 'Đăng nhập');
  await tap(page, 'button', 'Đăng nhập bằng VNeID');
  await page.getByLabel('Số định danh cá nhân').fill('004178000789');
  await page.getByLabel('Mật khẩu').fill('Lan@2025');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => new URL(url).hash === '#/');
  const me = await (await context.request.get(`${env.server.url}/api/v1/me`)).json();
  assert.equal(me.user.phone, citizen.phone);
  await context.close();
});
