import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, blur, openApp, sleep, smsCodes, tap, useAppServer } from './harness.mjs';

const env = useAppServer({ sms: true });

async function register(page, { name, phone, password }) {
  await tap(page, 'button', 'Đăng nhập');
  await tap(page, 'button', 'Đăng ký tài khoản');
  await page.getByRole('textbox', { name: 'Họ tên' }).fill(name);
  await page.getByRole('textbox', { name: 'Số điện thoại' }).fill(phone);
  await page.getByRole('textbox', { name: 'Mật khẩu' }).fill(password);
  await blur(page);
  await tap(page, 'button', 'Đăng ký');
}

async function login(page, phone, password) {
  await page.getByRole('textbox', { name: 'Số điện thoại' }).fill(phone);
  await page.getByRole('textbox', { name: 'Mật khẩu' }).fill(password);
  await blur(page);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).last().tap({ force: true });
}

test('register with a phone number, confirm the SMS code, log out and log in again', async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await register(page, { name: 'Nông Thị Hoa', phone: '0912 345 678', password: 'Cao-Bang-2026!' });
  await page.getByRole('heading', { name: 'Xác nhận số điện thoại' }).waitFor();
  const [code] = await smsCodes(env.sms, '0912345678');
  assert.match(code, /^\d{6}$/);
  await page.getByRole('textbox', { name: 'Mã xác nhận' }).fill(code);
  await blur(page);
  await tap(page, 'button', 'Xác nhận');
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).waitFor();

  const [cookie] = (await context.cookies()).filter((c) => c.name === 'cdscb_session');
  assert.ok(cookie, 'a session cookie was set');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(await page.evaluate(() => document.cookie.includes('cdscb_session')), false, 'scripts cannot read it');

  await tap(page, 'button', 'Tài khoản');
  await page.getByRole('heading', { name: 'Nông Thị Hoa' }).waitFor();
  await tap(page, 'button', 'Đăng xuất');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();

  await tap(page, 'button', 'Đăng nhập');
  await login(page, '+84 912 345 678', 'Cao-Bang-2026!');
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).waitFor();
  // A reload keeps the session: the app asks the server who is signed in.
  await page.reload();
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).waitFor();
  await context.close();
});

test('each bad field gets its own Vietnamese message next to it, and nothing is created', async () => {
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, env.server.url);
  await register(page, { name: '', phone: '12345', password: '12345678' });
  const error = (name) => page.getByRole('textbox', { name }).getAttribute('aria-description');
  await page.waitForFunction(() => document.querySelector('[data-id="register.phone"]')?.getAttribute('aria-invalid') === 'true');
  assert.match(await error('Số điện thoại'), /Số điện thoại không hợp lệ/);
  assert.match(await error('Họ tên'), /họ tên/i);
  assert.match(await error('Mật khẩu'), /phổ biến|ít nhất/);
  assert.deepEqual(await smsCodes(env.sms, '12345', { atLeast: 0 }), []);
  await page.context().close();
});

test('a wrong password is refused with one message that does not tell whether the number exists', async () => {
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, `${env.server.url}/#/dang-nhap`);
  await login(page, '0987654321', 'khong-dung-mat-khau');
  await page.getByRole('status').filter({ hasText: 'Số điện thoại hoặc mật khẩu không đúng.' }).waitFor();
  await page.context().close();
});

test('the profile is updated in Quản lý tài khoản: commune from the 56 units, street, email', async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await register(page, { name: 'Lục Văn Bình', phone: '0356 111 222', password: 'Nui-Thung-Chung-9' });
  await page.getByRole('heading', { name: 'Xác nhận số điện thoại' }).waitFor();
  const [code] = await smsCodes(env.sms, '0356111222');
  await page.getByRole('textbox', { name: 'Mã xác nhận' }).fill(code);
  await blur(page);
  await tap(page, 'button', 'Xác nhận');
  await tap(page, 'button', 'Tài khoản');
  const commune = page.getByRole('combobox', { name: 'Xã, phường' });
  await page.waitForFunction(() => document.querySelector('[data-id="profile.commune"]')?.options.length === 57);
  await commune.selectOption({ label: 'Xã Hòa An' });
  await page.getByRole('textbox', { name: 'Email' }).fill('binh@vidu.vn');
  await page.getByRole('textbox', { name: 'Số nhà, đường, thôn/xóm' }).fill('Xóm Nà Lạn');
  await blur(page);
  await tap(page, 'button', 'Lưu thay đổi');
  await page.getByRole('status').filter({ hasText: 'Đã lưu thông tin cá nhân.' }).waitFor();

  await page.reload();
  await page.waitForFunction(() => {
    const select = document.querySelector('[data-id="profile.commune"]');
    return select && select.options.length === 57 && select.selectedOptions[0]?.textContent === 'Xã Hòa An';
  });
  assert.equal(await page.getByRole('textbox', { name: 'Email' }).inputValue(), 'binh@vidu.vn');

  await page.getByRole('textbox', { name: 'Email' }).fill('khong-phai-email');
  await blur(page);
  await tap(page, 'button', 'Lưu thay đổi');
  await page.waitForFunction(() => document.querySelector('[data-id="profile.email"]')?.getAttribute('aria-invalid') === 'true');
  await page.screenshot({ path: 'build/e2e-account.png', fullPage: true });
  await context.close();
});

test('change the password, download my data, then delete the account', async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await register(page, { name: 'Đàm Văn Quý', phone: '0868 000 111', password: 'Ban-Gioc-Thac-1' });
  await page.getByRole('heading', { name: 'Xác nhận số điện thoại' }).waitFor();
  const [code] = await smsCodes(env.sms, '0868000111');
  await page.getByRole('textbox', { name: 'Mã xác nhận' }).fill(code);
  await blur(page);
  await tap(page, 'button', 'Xác nhận');
  await tap(page, 'button', 'Tài khoản');

  await page.getByRole('textbox', { name: 'Mật khẩu hiện tại' }).fill('Ban-Gioc-Thac-1');
  await page.getByRole('textbox', { name: 'Mật khẩu mới' }).fill('Pac-Bo-Suoi-Le-Nin-2');
  await blur(page);
  await tap(page, 'button', 'Đổi mật khẩu');
  await page.getByRole('status').filter({ hasText: 'Đã đổi mật khẩu.' }).waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải dữ liệu của tôi (JSON)' }).evaluate((a) => a.click())]);
  assert.equal(download.suggestedFilename(), 'du-lieu-ca-nhan.json');
  const data = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  assert.equal(data.account.full_name, 'Đàm Văn Quý');
  assert.ok(!JSON.stringify(data).includes('Pac-Bo-Suoi-Le-Nin-2'), 'no password in the export');

  await tap(page, 'button', 'Xóa tài khoản');
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill('Pac-Bo-Suoi-Le-Nin-2');
  await blur(page);
  await tap(page, 'button', 'Xóa vĩnh viễn tài khoản');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
  const login = await fetch(`${env.server.url}/api/v1/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ phone: '0868000111', password: 'Pac-Bo-Suoi-Le-Nin-2' }) });
  assert.equal(login.status, 401, 'the deleted account cannot log in');
  await context.close();
});

test('a forgotten password is reset with a code sent to the phone', async () => {
  const api = (path, body) => fetch(`${env.server.url}${path}`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal((await api('/api/v1/accounts/register', { full_name: 'Triệu Thị Hằng', phone: '0399888777', password: 'Pho-Cao-Bang-11' })).status, 201);
  const registered = Date.now();
  const [first] = await smsCodes(env.sms, '0399888777');
  assert.equal((await api('/api/v1/accounts/verify', { phone: '0399888777', code: first })).status, 200);
  // One SMS a minute per number: a reset right after registering would send nothing.
  await sleep(61000 - (Date.now() - registered));

  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, `${env.server.url}/#/dang-nhap`);
  await tap(page, 'link', 'Quên mật khẩu?');
  await page.getByRole('heading', { name: 'Quên mật khẩu' }).waitFor();
  await page.getByRole('textbox', { name: 'Số điện thoại' }).fill('039 988 8777');
  await blur(page);
  await tap(page, 'button', 'Gửi mã xác nhận');
  await page.getByRole('textbox', { name: 'Mã xác nhận' }).waitFor();
  const codes = await smsCodes(env.sms, '0399888777', { atLeast: 2 });
  assert.equal(codes.length, 2, 'a second code went out for the reset');
  await page.getByRole('textbox', { name: 'Mã xác nhận' }).fill(codes[1]);
  await page.getByRole('textbox', { name: 'Mật khẩu mới' }).fill('Hang-Pac-Bo-2026');
  await blur(page);
  await tap(page, 'button', 'Đặt lại mật khẩu');
  await page.getByRole('status').filter({ hasText: 'Đã đặt lại mật khẩu.' }).waitFor();
  assert.equal((await api('/api/v1/sessions', { phone: '0399888777', password: 'Hang-Pac-Bo-2026' })).status, 200);
  assert.equal((await api('/api/v1/sessions', { phone: '0399888777', password: 'Pho-Cao-Bang-11' })).status, 401);
  await page.context().close();
});
