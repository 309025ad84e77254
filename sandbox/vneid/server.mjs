// Stand-in for VNeID login through the national public-service portal: a real OpenID Connect
// provider (oidc-provider) with test citizens and Vietnamese login pages. Never used in production.
//
//   node sandbox/vneid/server.mjs --port 0 --client-id ID --client-secret SECRET \
//     --redirect-uri http://127.0.0.1:8080/auth/vneid/callback [--redirect-uri URI2] [--any-loopback-port]
//     [--client-name NAME]
//
// Each option may come from the environment instead: VNEID_PORT, VNEID_CLIENT_ID,
// VNEID_CLIENT_SECRET, VNEID_REDIRECT_URIS (space separated), VNEID_ANY_LOOPBACK_PORT=1, VNEID_CLIENT_NAME.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { errors } from 'oidc-provider';
import { loginPage, messagePage } from './pages.mjs';
import { createProvider, loadCitizens, subjectFor } from './provider.mjs';

const HOST = '127.0.0.1';
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};
const MSG_BAD_NUMBER = 'Số định danh cá nhân phải gồm đúng 12 chữ số.';
const MSG_NO_PASSWORD = 'Vui lòng nhập mật khẩu.';
const MSG_WRONG = 'Số định danh hoặc mật khẩu không đúng.';

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'client-name': { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      'any-loopback-port': { type: 'boolean' },
    },
  });
  const env = process.env;
  const opts = {
    port: Number(values.port ?? env.VNEID_PORT ?? 0),
    clientId: values['client-id'] ?? env.VNEID_CLIENT_ID,
    clientSecret: values['client-secret'] ?? env.VNEID_CLIENT_SECRET,
    clientName: values['client-name'] ?? env.VNEID_CLIENT_NAME ?? 'Công dân số Cao Bằng',
    redirectUris: values['redirect-uri'] ?? (env.VNEID_REDIRECT_URIS ?? '').split(/\s+/).filter(Boolean),
    anyLoopbackPort: values['any-loopback-port'] ?? env.VNEID_ANY_LOOPBACK_PORT === '1',
  };
  const missing = [];
  if (!opts.clientId) missing.push('--client-id');
  if (!opts.clientSecret) missing.push('--client-secret');
  if (opts.redirectUris.length === 0) missing.push('--redirect-uri');
  if (missing.length || !Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error(`usage: server.mjs --port N --client-id ID --client-secret SECRET --redirect-uri URI [--redirect-uri URI2] [--client-name NAME] [--any-loopback-port]`
      + (missing.length ? `\nmissing: ${missing.join(' ')}` : ''));
    process.exit(2);
  }
  return opts;
}

function readForm(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 8192) reject(Object.assign(new Error('form too large'), { status: 413 }));
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

function send(res, status, html) {
  res.writeHead(status, PAGE_HEADERS);
  res.end(html);
}

// Equal work whether or not the number exists, so timing does not reveal registered numbers.
function checkPassword(citizen, password) {
  const digest = (s) => crypto.createHash('sha256').update(s).digest();
  const expected = digest(citizen?.password ?? crypto.randomBytes(16).toString('hex'));
  return crypto.timingSafeEqual(expected, digest(password)) && citizen !== undefined;
}

function interactionRoutes(provider, citizens) {
  const byNumber = new Map([...citizens.values()].map((c) => [c.SoDinhDanh, c]));

  // Consent is implied for the registered client (the portal asks nothing more of the citizen).
  async function grantConsent(req, res, details) {
    const { prompt: { details: missing }, params, session } = details;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  async function show(req, res, uid) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new errors.SessionNotFound('interaction mismatch');
    if (details.prompt.name === 'consent') return grantConsent(req, res, details);
    const client = await provider.Client.find(details.params.client_id);
    return send(res, 200, loginPage({ uid, clientName: client?.clientName }));
  }

  async function login(req, res, uid) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid || details.prompt.name !== 'login') throw new errors.SessionNotFound('interaction mismatch');
    const form = await readForm(req);
    const typed = (form.get('SoDinhDanh') ?? '').trim();
    const number = typed.replace(/[\s.]/g, '');
    const password = form.get('password') ?? '';
    const client = await provider.Client.find(details.params.client_id);
    const again = (status, error) => send(res, status, loginPage({ uid, clientName: client?.clientName, error, number: typed }));
    if (!/^\d{12}$/.test(number)) return again(400, MSG_BAD_NUMBER);
    if (!password) return again(400, MSG_NO_PASSWORD);
    const citizen = byNumber.get(number);
    if (!checkPassword(citizen, password)) {
      console.error(`vneid: failed login for ${number}`);
      return again(401, MSG_WRONG);
    }
    console.error(`vneid: ${citizen.SoDinhDanh} (${citizen.HoVaTen}) signed in`);
    return provider.interactionFinished(req, res, {
      login: { accountId: subjectFor(citizen.SoDinhDanh), amr: ['pwd'] },
    }, { mergeWithLastSubmission: false });
  }

  async function abort(req, res, uid) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new errors.SessionNotFound('interaction mismatch');
    return provider.interactionFinished(req, res, {
      error: 'access_denied', error_description: 'End-User aborted the login',
    }, { mergeWithLastSubmission: false });
  }

  return async (req, res, pathname) => {
    const m = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(pathname);
    try {
      if (!m) return send(res, 404, messagePage('Không tìm thấy', 'Trang này không tồn tại.'));
      const [, uid, action] = m;
      if (req.method === 'GET' && !action) return await show(req, res, uid);
      if (req.method === 'POST' && action === '/login') return await login(req, res, uid);
      if (req.method === 'POST' && action === '/abort') return await abort(req, res, uid);
      return send(res, 405, messagePage('Không hỗ trợ', 'Phương thức này không được hỗ trợ.'));
    } catch (err) {
      if (res.headersSent) return undefined;
      if (err instanceof errors.SessionNotFound) {
        return send(res, 400, messagePage('Phiên đăng nhập đã hết hạn',
          'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng quay lại ứng dụng và đăng nhập lại.'));
      }
      console.error('vneid: interaction error', err);
      return send(res, err.status === 413 ? 413 : 500, messagePage('Có lỗi xảy ra', 'Có lỗi xảy ra, vui lòng thử lại sau.'));
    }
  };
}

async function main() {
  const opts = options();
  const citizenList = JSON.parse(fs.readFileSync(new URL('./citizens.json', import.meta.url), 'utf8'));
  const citizens = loadCitizens(citizenList);

  let handler = (req, res) => { res.writeHead(503); res.end(); };
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, HOST, resolve);
  });
  const issuer = `http://${HOST}:${server.address().port}`;

  const provider = createProvider({
    issuer,
    clients: [{ clientId: opts.clientId, clientSecret: opts.clientSecret, clientName: opts.clientName, redirectUris: opts.redirectUris }],
    citizens,
    anyLoopbackPort: opts.anyLoopbackPort,
  });
  // Static clients are validated lazily; a bad one (e.g. a non-ASCII secret) should stop us now.
  try {
    await provider.Client.find(opts.clientId);
  } catch (err) {
    console.error(`vneid: invalid client configuration: ${err.error_description ?? err.message}`);
    process.exit(2);
  }
  provider.on('server_error', (ctx, err) => console.error('vneid: server error', err));
  const oidc = provider.callback();
  const interactions = interactionRoutes(provider, citizens);
  handler = (req, res) => {
    const { pathname } = new URL(req.url, issuer);
    if (pathname.startsWith('/interaction/')) return interactions(req, res, pathname);
    return oidc(req, res);
  };

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(`listening on ${issuer}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
