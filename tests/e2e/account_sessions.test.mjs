// "Phiên đăng nhập" in Quản lý tài khoản: the same citizen on two devices sees both, ends the
// other one (which is then signed out), and can sign out everywhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { useAppServer } from './harness.mjs';
import { registerCitizen, signedInPage, tap } from './account_helpers.mjs';

const env = useAppServer({ sms: true });

const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/126.0.0.0 Mobile Safari/537.36';
const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 ' +
  '(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const citizen = { name: 'Hà Thị Thu', phone: '0345000111', password: 'Thac-Ban-Gioc-2026' };

// A phone signed in to the citizen's account, as a browser of the given kind.
const device = (userAgent) => signedInPage(env, citizen.phone, citizen.password, { userAgent });

async function openSessions(page) {
  await tap(page, 'button', 'Tài khoản');
  await tap(page, 'button', 'Phiên đăng nhập');
  await page.getByRole('heading', { name: 'Phiên đăng nhập' }).waitFor();
}

const me = (context) => context.request.get(`${env.server.url}/api/v1/me`);

test('two devices: the first lists both, ends the other, and the other is signed out', async () => {
  await registerCitizen(env, citizen);
  const android = await device(ANDROID_CHROME);
  const iphone = await device(IPHONE_SAFARI);

  await openSessions(android.page);
  await android.page.getByRole('heading', { name: 'Safari trên iPhone' }).waitFor();
  await android.page.getByRole('heading', { name: 'Chrome trên Android' }).waitFor();
  // Only this phone is marked, and its button signs this phone out; the other's ends it.
  assert.equal(await android.page.getByText('Thiết bị này', { exact: true }).count(), 1);
  assert.equal(await android.page.getByRole('button', { name: 'Đăng xuất thiết bị này' }).count(), 1);
  assert.equal(await android.page.getByRole('button', { name: 'Kết thúc phiên' }).count(), 1);
  assert.equal(await android.page.getByText('Địa chỉ IP: 127.0.0.1').count(), 2);
  assert.match(await android.page.getByText(/^Hoạt động lần cuối: /).first().innerText(),
    /^Hoạt động lần cuối: \d\d:\d\d \d\d\/\d\d\/20\d\d$/);
  await android.page.screenshot({ path: '/tmp/accounts-app-sessions.png' });

  await tap(android.page, 'button', 'Kết thúc phiên');
  await android.page.getByRole('status').filter({ hasText: 'Đã kết thúc phiên đăng nhập.' }).waitFor();
  await android.page.getByRole('heading', { name: 'Safari trên iPhone' }).waitFor({ state: 'detached' });
  assert.equal(await android.page.getByRole('heading', { name: 'Chrome trên Android' }).count(), 1);
  assert.equal((await me(android.context)).status(), 200, 'this phone is still signed in');

  // The iPhone still shows its account until its next request, which finds the session over.
  await tap(iphone.page, 'button', 'Tài khoản');
  await tap(iphone.page, 'button', 'Phiên đăng nhập');
  await iphone.page.getByText('Bạn chưa đăng nhập.').waitFor();
  await iphone.page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
  assert.equal((await me(iphone.context)).status(), 401);

  await android.context.close();
  await iphone.context.close();
});

test('"Đăng xuất khỏi mọi thiết bị" and "Đăng xuất thiết bị này" from the sessions list', async () => {
  const first = await device(ANDROID_CHROME);
  const second = await device(IPHONE_SAFARI);
  const third = await device(ANDROID_CHROME);

  // Logging out this device ends only its own session.
  await openSessions(third.page);
  await third.page.getByRole('button', { name: 'Kết thúc phiên' }).nth(1).waitFor();
  await tap(third.page, 'button', 'Đăng xuất thiết bị này');
  await third.page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
  assert.equal((await me(third.context)).status(), 401);
  assert.equal((await me(first.context)).status(), 200);

  await openSessions(first.page);
  await first.page.getByRole('heading', { name: 'Safari trên iPhone' }).waitFor();
  await tap(first.page, 'button', 'Đăng xuất khỏi mọi thiết bị');
  await first.page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
  assert.equal((await me(first.context)).status(), 401);
  assert.equal((await me(second.context)).status(), 401);
  for (const d of [first, second, third]) await d.context.close();
});
