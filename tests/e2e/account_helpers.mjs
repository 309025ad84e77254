// Steps the account-management e2e tests share: tapping like a user, signing in through the
// app, and making accounts the way a citizen (API + SMS code) or the server's operator would.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { blur, openApp, PHONE, smsCodes, tap } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export { blur, tap };

// "Đăng nhập" with number and password, from the home screen; resolves once signed in.
export async function logIn(page, phone, password) {
  await tap(page, 'button', 'Đăng nhập');
  await page.getByRole('textbox', { name: 'Số điện thoại' }).fill(phone);
  await page.getByRole('textbox', { name: 'Mật khẩu' }).fill(password);
  await blur(page);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).last().tap({ force: true });
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).waitFor();
}

// A new phone-sized browser context with the app open and signed in with number and password.
export async function signedInPage(env, phone, password, options = {}) {
  const context = await env.browser.newContext({ ...PHONE, ...options });
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await logIn(page, phone, password);
  return { context, page };
}

// A confirmed citizen's phone account, made through the API as the app would.
export async function registerCitizen(env, { name, phone, password }) {
  const post = (p, body) => fetch(`${env.server.url}${p}`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal((await post('/api/v1/accounts/register', { full_name: name, phone, password })).status, 201);
  const [code] = await smsCodes(env.sms, phone);
  const verified = await post('/api/v1/accounts/verify', { phone, code });
  assert.equal(verified.status, 200);
  // Confirming signed this script in; sign it out so that only the test's browsers have sessions.
  const cookie = verified.headers.get('set-cookie').split(';')[0];
  const out = await fetch(`${env.server.url}/api/v1/sessions/current`, { method: 'DELETE', headers: { Cookie: cookie } });
  assert.equal(out.status, 204);
}

// `cdscb-server user add` on the test server's database: how the first admin is made.
export function addOfficial(env, { role, phone, name, password, agency }) {
  const args = ['user', 'add', '--role', role, '--phone', phone, '--name', name, '--password-stdin',
    '--db', `sqlite:${path.join(env.server.dataDir, 'app.db')}`, ...(agency ? ['--agency', agency] : [])];
  return new Promise((resolve, reject) => {
    const child = execFile(path.join(root, 'build/native/src/server/cdscb-server'), args, (error, stdout, stderr) =>
      (error ? reject(new Error(`user add failed: ${stderr}`)) : resolve(stdout)));
    child.stdin.end(`${password}\n`);
  });
}
