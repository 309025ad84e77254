// "Quản lý cán bộ": an admin (the first one made with `cdscb-server user add`) creates an officer
// in the app, who then logs in; a citizen sees no such entry and the API refuses them.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { useAppServer } from './harness.mjs';
import { addOfficial, blur, registerCitizen, signedInPage, tap } from './account_helpers.mjs';

const env = useAppServer({ sms: true });

const admin = { role: 'admin', phone: '0900000011', name: 'Quản Trị Thử', password: 'Quan-Tri-Thu-2026' };
const officer = { phone: '0900000012', name: 'Lương Văn Cán', password: 'Tam-Thoi-Pac-Bo-7' };

const invalid = (page, id) => page.waitForFunction((dataId) =>
  document.querySelector(`[data-id="${dataId}"]`)?.getAttribute('aria-invalid') === 'true', id);
const description = (page, id) => page.locator(`[data-id="${id}"]`).getAttribute('aria-description');

test('an admin creates an officer with their agency, and the officer logs in', async () => {
  await addOfficial(env, admin);
  const { context, page } = await signedInPage(env, admin.phone, admin.password);
  await tap(page, 'button', 'Tài khoản');
  await tap(page, 'button', 'Quản lý cán bộ');
  await page.getByRole('heading', { name: 'Quản trị viên' }).waitFor();
  await page.getByText(admin.name, { exact: true }).waitFor();
  await page.getByText('Chưa có tài khoản nào.').waitFor();  // no officer yet
  await page.screenshot({ path: '/tmp/accounts-app-officials-empty.png' });

  await tap(page, 'button', 'Tạo tài khoản cán bộ');
  await page.getByRole('heading', { name: 'Tạo tài khoản cán bộ' }).waitFor();
  const agency = page.getByRole('combobox', { name: 'Cơ quan' });
  await page.waitForFunction(() => document.querySelector('[data-id="admin.new.agency"]')?.options.length === 71);
  assert.deepEqual(await page.getByRole('combobox', { name: 'Vai trò' }).evaluate(
    (s) => [...s.options].filter((o) => o.value !== '-1').map((o) => o.textContent)), ['Cán bộ', 'Quản trị viên']);

  // Each wrong field says so next to itself; nothing is created.
  await page.getByRole('textbox', { name: 'Số điện thoại' }).fill('12345');
  await page.getByRole('textbox', { name: 'Mật khẩu tạm' }).fill('123');
  await blur(page);
  await tap(page, 'button', 'Tạo tài khoản');
  await invalid(page, 'admin.new.agency');
  assert.match(await description(page, 'admin.new.agency'), /cơ quan/);
  assert.match(await description(page, 'admin.new.phone'), /Số điện thoại không hợp lệ/);
  assert.match(await description(page, 'admin.new.name'), /họ tên/i);
  assert.ok(await description(page, 'admin.new.password'));
  await page.screenshot({ path: '/tmp/accounts-app-official-errors.png', fullPage: true });

  await page.getByRole('textbox', { name: 'Họ tên' }).fill(officer.name);
  await page.getByRole('textbox', { name: 'Số điện thoại' }).fill(officer.phone);
  await agency.selectOption({ label: 'UBND phường Thục Phán' });
  await page.getByRole('textbox', { name: 'Mật khẩu tạm' }).fill(officer.password);
  await blur(page);
  await tap(page, 'button', 'Tạo tài khoản');
  await page.getByRole('status').filter({ hasText: `Đã tạo tài khoản cho ${officer.name}.` }).waitFor();
  await page.screenshot({ path: '/tmp/accounts-app-official-new.png' });

  // The server stored the agency's code; the list shows its name.
  const listed = await (await context.request.get(`${env.server.url}/api/v1/admin/users?role=officer`)).json();
  assert.deepEqual(listed.users.map((u) => [u.full_name, u.role, u.agency]),
    [[officer.name, 'officer', 'ubnd-phuong-thuc-phan']]);
  await page.goBack();
  await page.getByText(officer.name, { exact: true }).waitFor();
  await page.getByText(/^UBND phường Thục Phán · /).waitFor();
  await page.screenshot({ path: '/tmp/accounts-app-officials.png' });
  await context.close();

  const { context: officerContext, page: officerPage } = await signedInPage(env, officer.phone, officer.password);
  await tap(officerPage, 'button', 'Tài khoản');
  await officerPage.getByRole('heading', { name: officer.name }).waitFor();
  assert.equal(await officerPage.getByRole('button', { name: 'Quản lý cán bộ' }).count(), 0);
  const me = await (await officerContext.request.get(`${env.server.url}/api/v1/me`)).json();
  assert.equal(me.user.role, 'officer');
  await officerContext.close();
});

test('a citizen does not see "Quản lý cán bộ" and the API answers 403', async () => {
  const citizen = { name: 'Nông Văn Dân', phone: '0367000444', password: 'Cong-Dan-So-2026' };
  await registerCitizen(env, citizen);
  const { context, page } = await signedInPage(env, citizen.phone, citizen.password);
  await tap(page, 'button', 'Tài khoản');
  await page.getByRole('button', { name: 'Phiên đăng nhập' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Quản lý cán bộ' }).count(), 0);

  // A deep link shows no form either.
  await page.goto(`${env.server.url}/#/tao-can-bo`);
  await page.getByRole('status').filter({ hasText: 'Chỉ quản trị viên' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Tạo tài khoản' }).count(), 0);

  const created = await context.request.post(`${env.server.url}/api/v1/admin/users`, { data: {
    role: 'admin', full_name: 'Kẻ Mạo Danh', phone: '0900000013', password: 'Mao-Danh-2026-x' } });
  assert.equal(created.status(), 403);
  assert.equal((await created.json()).error.code, 'forbidden');
  assert.equal((await context.request.get(`${env.server.url}/api/v1/admin/users`)).status(), 403);
  const login = await fetch(`${env.server.url}/api/v1/sessions`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone: '0900000013', password: 'Mao-Danh-2026-x' }) });
  assert.equal(login.status, 401, 'no account was made');
  await context.close();
});
