// The VNeID stand-in (sandbox/vneid) behaves like the portal's OpenID Connect provider: full
// authorization-code flow with PKCE over plain HTTP, RS256 ID tokens checked against the JWKS, the
// portal's claim names, and the attacks it must refuse. No browser: fetch and a small cookie jar.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = path.join(root, 'sandbox/vneid/server.mjs');
const CITIZENS = JSON.parse(fs.readFileSync(path.join(root, 'sandbox/vneid/citizens.json'), 'utf8'));
const CLIENT_ID = 'cdscb-test';
const CLIENT_SECRET = 'sandbox-secret-0123456789';
// Nothing listens here: the code is read from the Location header, never delivered.
const REDIRECT_URI = 'http://127.0.0.1:9/api/v1/auth/vneid/callback';
const REDIRECT_URI_2 = 'http://localhost:9/callback';
const DUNG = CITIZENS.find((c) => c.HoVaTen === 'Nông Văn Dũng');
const MAI = CITIZENS.find((c) => c.HoVaTen === 'Hoàng Thị Mai');
const LAN = CITIZENS.find((c) => c.HoVaTen === 'Bế Thị Lan');

function startSandbox(args, env = {}) {
  const child = spawn(process.execPath, [SERVER, ...args], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env },
  });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`vneid sandbox did not start:\n${log}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (m) { clearTimeout(timer); resolve({ url: m[1], pid: child.pid, exited, log: () => log }); }
    });
    exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`vneid sandbox exited (${code}):\n${log}`)); });
  });
}

async function stopSandbox(sandbox) {
  process.kill(sandbox.pid, 'SIGTERM');
  return sandbox.exited;
}

// A user agent: keeps cookies (ignoring path/domain, enough for one origin) and never follows redirects.
class Browser {
  constructor() { this.cookies = new Map(); }

  async fetch(url, init = {}) {
    const headers = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now());
      if (expired) this.cookies.delete(name); else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
    return res;
  }

  // Follows redirects within the provider; stops at the client's redirect_uri or at a page.
  async follow(url, init) {
    let res = await this.fetch(url, init);
    for (let hops = 0; hops < 10; hops += 1) {
      const location = res.headers.get('location');
      if (!location) return { res, html: await res.text() };
      const next = new URL(location, url);
      if (next.port === '9') return { res, callback: next };
      url = next.href;
      res = await this.fetch(url);
    }
    throw new Error('too many redirects');
  }
}

function pkce() {
  const verifier = crypto.randomBytes(32).toString('base64url');
  return { verifier, challenge: crypto.createHash('sha256').update(verifier).digest('base64url') };
}

// An authorization request as the app sends it; `params` overrides or (with undefined) drops values.
function authorizeUrl(issuer, params = {}) {
  const url = new URL('/auth', issuer);
  const all = { client_id: CLIENT_ID, response_type: 'code', scope: 'openid profile', redirect_uri: REDIRECT_URI,
    state: 's', nonce: 'n', code_challenge: pkce().challenge, code_challenge_method: 'S256', ...params };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) url.searchParams.set(k, v);
  return url.href;
}

function formAction(html, issuer) {
  const m = /<form method="post" action="([^"]+\/login)"/.exec(html);
  assert.ok(m, `no login form in:\n${html}`);
  return new URL(m[1], issuer).href;
}

function submitLogin(browser, action, number, password) {
  return browser.follow(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ SoDinhDanh: number, password }).toString(),
  });
}

// Runs the whole code flow in a fresh browser and returns the callback URL and what went in.
async function signIn(issuer, citizen, { redirectUri = REDIRECT_URI, ...extra } = {}) {
  const browser = new Browser();
  const { verifier, challenge } = pkce();
  const state = crypto.randomBytes(12).toString('base64url');
  const nonce = crypto.randomBytes(12).toString('base64url');
  const page = await browser.follow(authorizeUrl(issuer, {
    redirect_uri: redirectUri, state, nonce, code_challenge: challenge, ...extra }));
  assert.equal(page.res.status, 200, page.html);
  const done = await submitLogin(browser, formAction(page.html, issuer), citizen.SoDinhDanh, citizen.password);
  assert.ok(done.callback, `no redirect to the client after login: ${done.res.status} ${done.html}`);
  return { callback: done.callback, verifier, state, nonce, browser };
}

function tokenRequest(endpoint, params, { auth = 'basic', secret = CLIENT_SECRET } = {}) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  const body = new URLSearchParams({ grant_type: 'authorization_code', ...params });
  if (auth === 'basic') {
    const basic = `${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(secret)}`;
    headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
  } else {
    body.set('client_id', CLIENT_ID);
    body.set('client_secret', secret);
  }
  return fetch(endpoint, { method: 'POST', headers, body: body.toString() });
}

// Verifies an RS256 JWT against a JWKS the way the app's server must; throws when anything is off.
function verifyIdToken(jwt, jwks, { issuer, audience, nonce }) {
  const [h, p, s] = jwt.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url'));
  if (header.alg !== 'RS256') throw new Error(`alg ${header.alg}`);
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) throw new Error(`no key ${header.kid}`);
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  if (!crypto.verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))) {
    throw new Error('bad signature');
  }
  const claims = JSON.parse(Buffer.from(p, 'base64url'));
  const now = Math.floor(Date.now() / 1000);
  if (claims.iss !== issuer) throw new Error(`iss ${claims.iss}`);
  if (claims.aud !== audience && !(Array.isArray(claims.aud) && claims.aud.includes(audience))) throw new Error('aud');
  if (!(claims.exp > now)) throw new Error('expired');
  if (!(claims.iat <= now + 5)) throw new Error('iat in the future');
  if (claims.nonce !== nonce) throw new Error('nonce');
  return claims;
}

const PORTAL_CLAIMS = ['SoDinhDanh', 'HoVaTen', 'NgayThangNamSinh', 'GioiTinh', 'SoDienThoai', 'ThuDienTu',
  'ThuongTru', 'loAs', 'IAL'];

function assertCitizenClaims(claims, citizen) {
  for (const name of PORTAL_CLAIMS) assert.equal(claims[name], citizen[name], name);
  assert.ok(!('password' in claims));
  assert.match(claims.sub, /^[0-9a-f]{32}$/);
  assert.notEqual(claims.sub, citizen.SoDinhDanh);
}

describe('VNeID sandbox provider', () => {
  let sandbox;
  let issuer;
  let discovery;
  let jwks;

  before(async () => {
    sandbox = await startSandbox(['--port', '0', '--client-id', CLIENT_ID, '--client-secret', CLIENT_SECRET,
      '--redirect-uri', REDIRECT_URI, '--redirect-uri', REDIRECT_URI_2]);
    issuer = sandbox.url;
    discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    jwks = await (await fetch(discovery.jwks_uri)).json();
  });

  after(async () => {
    if (sandbox) {
      const { code, signal } = await stopSandbox(sandbox);
      assert.equal(code, 0, `stopped with ${code}/${signal}:\n${sandbox.log()}`);
    }
  });

  test('discovery and JWKS describe an RS256, PKCE S256, confidential-client code flow', () => {
    assert.equal(discovery.issuer, issuer);
    for (const key of ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'jwks_uri']) {
      assert.ok(discovery[key].startsWith(`${issuer}/`), key);
    }
    assert.deepEqual(discovery.response_types_supported, ['code']);
    assert.deepEqual(discovery.grant_types_supported, ['authorization_code']);
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(discovery.id_token_signing_alg_values_supported, ['RS256']);
    assert.deepEqual(discovery.token_endpoint_auth_methods_supported.sort(), ['client_secret_basic', 'client_secret_post']);
    assert.ok(discovery.scopes_supported.includes('openid') && discovery.scopes_supported.includes('profile'));
    for (const claim of PORTAL_CLAIMS) assert.ok(discovery.claims_supported.includes(claim), claim);
    assert.equal(jwks.keys.length, 1);
    const [key] = jwks.keys;
    assert.equal(key.kty, 'RSA');
    assert.equal(key.alg, 'RS256');
    assert.ok(key.kid);
    assert.ok(!('d' in key), 'private key material published');
  });

  test('the login page is Vietnamese, labelled, mobile-friendly and self-contained', async () => {
    const browser = new Browser();
    const { res, html } = await browser.follow(authorizeUrl(issuer));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /text\/html; charset=utf-8/);
    assert.match(html, /<html lang="vi">/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(html, /<h1>Đăng nhập bằng tài khoản định danh điện tử VNeID<\/h1>/);
    assert.match(html, /Nhập số định danh cá nhân và mật khẩu VNeID/);
    for (const [label, type] of [['Số định danh cá nhân', 'text'], ['Mật khẩu', 'password']]) {
      const m = new RegExp(`<label for="([^"]+)">${label}</label>`).exec(html);
      assert.ok(m, `label ${label}`);
      assert.match(html, new RegExp(`<input id="${m[1]}" [^>]*type="${type}"`));
    }
    assert.match(html, /<button type="submit">Đăng nhập<\/button>/);
    assert.match(html, /để tiếp tục vào <strong>Công dân số Cao Bằng<\/strong>/);
    assert.doesNotMatch(html, /<script|<link|src=|https?:\/\//);
  });

  test('full code flow with PKCE and client_secret_basic: RS256 ID token and userinfo carry the claims', async () => {
    const { callback, verifier, state, nonce } = await signIn(issuer, DUNG);
    assert.equal(callback.origin + callback.pathname, REDIRECT_URI);
    assert.equal(callback.searchParams.get('state'), state);
    assert.equal(callback.searchParams.get('iss'), issuer);
    const code = callback.searchParams.get('code');
    assert.ok(code);

    const res = await tokenRequest(discovery.token_endpoint, { code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    const tokens = await res.json();
    assert.equal(res.status, 200, JSON.stringify(tokens));
    assert.equal(tokens.token_type, 'Bearer');
    assert.ok(tokens.access_token && tokens.id_token);
    assert.ok(!tokens.refresh_token);

    const claims = verifyIdToken(tokens.id_token, jwks, { issuer, audience: CLIENT_ID, nonce });
    assertCitizenClaims(claims, DUNG);
    assert.ok(claims.exp - claims.iat <= 600);

    // The verifier is not a rubber stamp: a forged payload, a stranger's nonce or audience fail.
    const [h, , s] = tokens.id_token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, SoDinhDanh: MAI.SoDinhDanh })).toString('base64url');
    assert.throws(() => verifyIdToken(`${h}.${forged}.${s}`, jwks, { issuer, audience: CLIENT_ID, nonce }), /bad signature/);
    assert.throws(() => verifyIdToken(tokens.id_token, jwks, { issuer, audience: CLIENT_ID, nonce: 'other' }), /nonce/);
    assert.throws(() => verifyIdToken(tokens.id_token, jwks, { issuer, audience: 'other-app', nonce }), /aud/);

    const info = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    assert.equal(info.status, 200);
    const userinfo = await info.json();
    assertCitizenClaims(userinfo, DUNG);
    assert.equal(userinfo.sub, claims.sub);
    assert.equal(userinfo.HoVaTen.normalize('NFC'), 'Nông Văn Dũng');

    const noToken = await fetch(discovery.userinfo_endpoint, { headers: { authorization: 'Bearer not-a-token' } });
    assert.equal(noToken.status, 401);
  });

  test('client_secret_post works, a second registered redirect_uri works, a citizen without phone has no SoDienThoai', async () => {
    const { callback, verifier, nonce } = await signIn(issuer, LAN, { redirectUri: REDIRECT_URI_2 });
    assert.equal(callback.origin + callback.pathname, REDIRECT_URI_2);
    const res = await tokenRequest(discovery.token_endpoint, {
      code: callback.searchParams.get('code'), redirect_uri: REDIRECT_URI_2, code_verifier: verifier,
    }, { auth: 'post' });
    const tokens = await res.json();
    assert.equal(res.status, 200, JSON.stringify(tokens));
    const claims = verifyIdToken(tokens.id_token, jwks, { issuer, audience: CLIENT_ID, nonce });
    assert.equal(claims.SoDinhDanh, LAN.SoDinhDanh);
    assert.equal(claims.GioiTinh, 'Nữ');
    assert.ok(!('SoDienThoai' in claims));
    assert.ok(!('SoDienThoai' in await (await fetch(discovery.userinfo_endpoint, {
      headers: { authorization: `Bearer ${tokens.access_token}` } })).json()));
  });

  test('the subject is stable for a citizen and differs between citizens', async () => {
    const subOf = async (citizen) => {
      const { callback, verifier, nonce } = await signIn(issuer, citizen);
      const tokens = await (await tokenRequest(discovery.token_endpoint, {
        code: callback.searchParams.get('code'), redirect_uri: REDIRECT_URI, code_verifier: verifier })).json();
      return verifyIdToken(tokens.id_token, jwks, { issuer, audience: CLIENT_ID, nonce }).sub;
    };
    const [a, b, c] = [await subOf(MAI), await subOf(MAI), await subOf(DUNG)];
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  test('a reused authorization code is rejected with invalid_grant', async () => {
    const { callback, verifier } = await signIn(issuer, MAI);
    const params = { code: callback.searchParams.get('code'), redirect_uri: REDIRECT_URI, code_verifier: verifier };
    const first = await tokenRequest(discovery.token_endpoint, params);
    assert.equal(first.status, 200);
    const { access_token: accessToken } = await first.json();
    const second = await tokenRequest(discovery.token_endpoint, params);
    assert.equal(second.status, 400);
    assert.equal((await second.json()).error, 'invalid_grant');
    // Reuse also revokes what the code gave (RFC 6749 §4.1.2).
    const info = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal(info.status, 401);
  });

  test('a wrong PKCE verifier or redirect_uri at the token endpoint is rejected', async () => {
    const { callback } = await signIn(issuer, MAI);
    const code = callback.searchParams.get('code');
    const wrongVerifier = await tokenRequest(discovery.token_endpoint, {
      code, redirect_uri: REDIRECT_URI, code_verifier: pkce().verifier });
    assert.equal(wrongVerifier.status, 400);
    assert.equal((await wrongVerifier.json()).error, 'invalid_grant');

    const again = await signIn(issuer, MAI);
    const wrongRedirect = await tokenRequest(discovery.token_endpoint, {
      code: again.callback.searchParams.get('code'), redirect_uri: REDIRECT_URI_2, code_verifier: again.verifier });
    assert.equal(wrongRedirect.status, 400);
    assert.equal((await wrongRedirect.json()).error, 'invalid_grant');
  });

  test('a wrong client secret is rejected with invalid_client, by either method', async () => {
    for (const auth of ['basic', 'post']) {
      const { callback, verifier } = await signIn(issuer, DUNG);
      const res = await tokenRequest(discovery.token_endpoint, {
        code: callback.searchParams.get('code'), redirect_uri: REDIRECT_URI, code_verifier: verifier,
      }, { auth, secret: `${CLIENT_SECRET}x` });
      assert.equal(res.status, 401, auth);
      assert.equal((await res.json()).error, 'invalid_client', auth);
    }
  });

  test('an authorization request without PKCE, or with plain PKCE, is refused', async () => {
    const without = { state: 'st', code_challenge: undefined, code_challenge_method: undefined };
    for (const extra of [{}, { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }]) {
      const { callback, html } = await new Browser().follow(authorizeUrl(issuer, { ...without, ...extra }));
      assert.ok(callback, html);
      assert.equal(callback.searchParams.get('error'), 'invalid_request');
      assert.equal(callback.searchParams.get('state'), 'st');
      assert.equal(callback.searchParams.get('code'), null);
    }
  });

  test('an unregistered redirect_uri or client gets a Vietnamese error page, never a redirect', async () => {
    for (const bad of [{ redirect_uri: 'http://127.0.0.1:9/evil' }, { client_id: 'someone-else' }]) {
      const res = await fetch(authorizeUrl(issuer, bad), { redirect: 'manual' });
      assert.equal(res.status, 400);
      assert.equal(res.headers.get('location'), null);
      assert.match(await res.text(), /Không thể đăng nhập bằng VNeID/);
    }
  });

  test('wrong credentials and a malformed number show Vietnamese errors; the same form then succeeds', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const page = await browser.follow(authorizeUrl(issuer, { code_challenge: challenge }));
    const action = formAction(page.html, issuer);

    const wrong = await submitLogin(browser, action, DUNG.SoDinhDanh, 'sai-mat-khau');
    assert.equal(wrong.res.status, 401);
    assert.ok(!wrong.callback);
    assert.match(wrong.html, /role="alert"[^>]*>Số định danh hoặc mật khẩu không đúng\.</);
    assert.match(wrong.html, new RegExp(`value="${DUNG.SoDinhDanh}"`));

    const unknown = await submitLogin(browser, action, '004999999999', DUNG.password);
    assert.equal(unknown.res.status, 401);
    assert.match(unknown.html, /Số định danh hoặc mật khẩu không đúng\./);

    for (const number of ['00408501234', '0040850123456', '00408501234a', '']) {
      const bad = await submitLogin(browser, action, number, DUNG.password);
      assert.equal(bad.res.status, 400, number);
      assert.match(bad.html, /Số định danh cá nhân phải gồm đúng 12 chữ số\./, number);
    }

    const ok = await submitLogin(browser, action, DUNG.SoDinhDanh.replace(/(\d{4})(\d{4})/, '$1 $2 '), DUNG.password);
    assert.ok(ok.callback, ok.html);
    const res = await tokenRequest(discovery.token_endpoint, {
      code: ok.callback.searchParams.get('code'), redirect_uri: REDIRECT_URI, code_verifier: verifier });
    assert.equal(res.status, 200);
  });

  test('"Hủy" sends access_denied back to the client', async () => {
    const browser = new Browser();
    const page = await browser.follow(authorizeUrl(issuer, { state: 'huy' }));
    const abort = formAction(page.html, issuer).replace(/\/login$/, '/abort');
    const { callback } = await browser.follow(abort, { method: 'POST' });
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    assert.equal(callback.searchParams.get('state'), 'huy');
  });

  test('an expired or foreign interaction shows the Vietnamese expiry page', async () => {
    const res = await new Browser().fetch(`${issuer}/interaction/does-not-exist`);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Phiên đăng nhập đã hết hạn/);
  });
});

test('configuration from the environment, any loopback port when asked, clean stop on SIGTERM', async () => {
  const sandbox = await startSandbox(['--any-loopback-port'], {
    VNEID_CLIENT_ID: CLIENT_ID, VNEID_CLIENT_SECRET: CLIENT_SECRET, VNEID_REDIRECT_URIS: REDIRECT_URI, VNEID_PORT: '0',
  });
  try {
    const otherPort = REDIRECT_URI.replace(':9/', ':8/');
    const browser = new Browser();
    const { res } = await browser.follow(authorizeUrl(sandbox.url, { redirect_uri: otherPort }));
    assert.equal(res.status, 200, 'login page for a loopback redirect_uri on another port');
    const foreign = await fetch(authorizeUrl(sandbox.url, {
      redirect_uri: 'http://example.test:9/api/v1/auth/vneid/callback' }), { redirect: 'manual' });
    assert.equal(foreign.status, 400);
  } finally {
    const { code } = await stopSandbox(sandbox);
    assert.equal(code, 0);
  }
});

// Runs the sandbox expecting it to refuse to start; resolves with its exit code and output.
function runRefused(args, env = {}) {
  const child = spawn(process.execPath, [SERVER, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}

test('missing client configuration is a usage error', async () => {
  const { code, out, err } = await runRefused(['--port', '0'], { VNEID_CLIENT_ID: '', VNEID_CLIENT_SECRET: '', VNEID_REDIRECT_URIS: '' });
  assert.equal(code, 2);
  assert.equal(out, '');
  assert.match(err, /missing: --client-id --client-secret --redirect-uri/);
});

test('a client secret outside printable ASCII is refused at start, not at the first login', async () => {
  const { code, out, err } = await runRefused(['--port', '0', '--client-id', CLIENT_ID, '--client-secret', 'bí-mật',
    '--redirect-uri', REDIRECT_URI]);
  assert.equal(code, 2);
  assert.equal(out, '');
  assert.match(err, /invalid client configuration: invalid client_secret value/);
});
