// Stand-in for the VNPay gateway (protocol 2.1.0) and for the bank collecting VietQR transfers,
// documented in README.md. Never used in production.
//   VNPAY_HASH_SECRET=… [VIETQR_WEBHOOK_SECRET=…] node sandbox/vnpay/server.mjs --port 0 --tmn-code CODE
//     [--ipn-url URL] [--ipn-retries N] [--ipn-retry-delay-ms N]
//     [--vietqr-notify-url URL] [--vietqr-bin BIN] [--vietqr-account NO]
//   → prints "listening on http://127.0.0.1:N"; SIGTERM or SIGINT stops it
import http from 'node:http';
import { parseArgs } from 'node:util';
import { announceAndStopOnSignal } from '../listening.mjs';
import { Gateway, GatewayError, IPN_MODES } from './gateway.mjs';
import { errorPage, finishedPage, paymentPage, vietqrPage } from './pages.mjs';
import { Bank, QrError, scan } from './vietqr.mjs';
import { merchantApi } from './webapi.mjs';

const HOST = '127.0.0.1';
const MAX_BODY = 64 * 1024;
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
  // No form-action: the form's answer redirects to the merchant's Return URL, which it would block.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' }, 'tmn-code': { type: 'string' }, 'ipn-url': { type: 'string' },
      'ipn-retries': { type: 'string' }, 'ipn-retry-delay-ms': { type: 'string' },
      'vietqr-notify-url': { type: 'string' }, 'vietqr-bin': { type: 'string' }, 'vietqr-account': { type: 'string' },
    },
  });
  const env = process.env;
  const opts = {
    port: Number(values.port ?? env.VNPAY_PORT ?? 0),
    tmnCode: values['tmn-code'] ?? env.VNPAY_TMN_CODE,
    hashSecret: env.VNPAY_HASH_SECRET,
    ipnUrl: values['ipn-url'] ?? env.VNPAY_IPN_URL,
    ipnRetries: Number(values['ipn-retries'] ?? env.VNPAY_IPN_RETRIES ?? 2),
    ipnRetryDelayMs: Number(values['ipn-retry-delay-ms'] ?? env.VNPAY_IPN_RETRY_DELAY_MS ?? 5000),
    notifyUrl: values['vietqr-notify-url'] ?? env.VIETQR_NOTIFY_URL,
    webhookSecret: env.VIETQR_WEBHOOK_SECRET,
    bin: values['vietqr-bin'] ?? env.VIETQR_BIN ?? '970415',
    account: values['vietqr-account'] ?? env.VIETQR_ACCOUNT ?? '113000006868',
  };
  const problems = [];
  if (!opts.tmnCode) problems.push('--tmn-code (or VNPAY_TMN_CODE) is required');
  if (!opts.hashSecret) problems.push('VNPAY_HASH_SECRET is required');
  if (opts.notifyUrl && !opts.webhookSecret) problems.push('VIETQR_WEBHOOK_SECRET is required with --vietqr-notify-url');
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) problems.push('--port must be 0–65535');
  if (!Number.isInteger(opts.ipnRetries) || opts.ipnRetries < 0) problems.push('--ipn-retries must be ≥ 0');
  if (!Number.isInteger(opts.ipnRetryDelayMs) || opts.ipnRetryDelayMs < 0) problems.push('--ipn-retry-delay-ms must be ≥ 0');
  for (const [name, url] of [['--ipn-url', opts.ipnUrl], ['--vietqr-notify-url', opts.notifyUrl]]) {
    if (url && !URL.canParse(url)) problems.push(`${name} is not a URL`);
  }
  if (problems.length) {
    console.error(`usage: VNPAY_HASH_SECRET=… server.mjs --tmn-code CODE [--port N] [--ipn-url URL] [--ipn-retries N] [--ipn-retry-delay-ms N]
  [--vietqr-notify-url URL (with VIETQR_WEBHOOK_SECRET)] [--vietqr-bin BIN] [--vietqr-account NO]\n${problems.join('\n')}`);
    process.exit(2);
  }
  return opts;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > MAX_BODY) reject(Object.assign(new Error('body too large'), { status: 413 }));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const html = (res, status, body, headers = {}) => {
  res.writeHead(status, { ...PAGE_HEADERS, ...headers });
  res.end(body);
};
const json = (res, status, value) => {
  if (status === 204) {
    res.writeHead(204);
    return res.end();
  }
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
  return res.end(body);
};
const redirect = (res, location) => {
  res.writeHead(302, { location, 'cache-control': 'no-store' });
  res.end();
};
const gatewayError = (res, err) => html(res, err.status, errorPage(err.code, err.message), err.code ? { 'x-vnpay-error': err.code } : {});

async function paymentRoutes(gateway, req, res, url) {
  if (url.pathname === '/paymentv2/vpcpay.html' && req.method === 'GET') {
    const txn = gateway.open(Object.fromEntries(url.searchParams));
    return redirect(res, `/paymentv2/Transaction/PaymentMethod.html?token=${txn.token}`);
  }
  const txn = gateway.byToken.get(url.searchParams.get('token') ?? '');
  if (!txn) throw new GatewayError('', 'Không tìm thấy giao dịch hoặc phiên thanh toán đã hết hạn.', 404);
  if (req.method === 'GET') return html(res, 200, txn.status === 'open' ? paymentPage(txn) : finishedPage(txn));
  if (req.method !== 'POST') throw new GatewayError('', 'Phương thức không được hỗ trợ.', 405);
  const form = new URLSearchParams(await readBody(req));
  if (txn.status !== 'open') return html(res, 409, finishedPage(txn));
  const cancel = form.get('action') === 'cancel';
  const delay = form.get('ipn_delay_s');
  const location = await gateway.complete(txn, {
    outcome: cancel ? '24' : form.get('outcome') ?? '00', bankCode: form.get('bank') ?? undefined,
    ipnMode: form.get('ipn_mode') ?? undefined, ipnDelayS: delay === null || delay === '' ? undefined : Number(delay),
  });
  return redirect(res, location);
}

async function vietqrRoutes(bank, req, res, url) {
  if (req.method === 'GET' && url.pathname === '/vietqr') return html(res, 200, vietqrPage());
  if (req.method !== 'POST') return html(res, 404, errorPage('', 'Không có trang này.'));
  const form = new URLSearchParams(await readBody(req));
  const payload = form.get('payload') ?? '';
  try {
    if (url.pathname === '/vietqr/scan') return html(res, 200, vietqrPage({ payload, scanned: scan(payload, bank.account) }));
    if (url.pathname === '/vietqr/transfer') {
      const amount = Number(form.get('amount'));
      const result = await bank.transfer(payload, form.get('amount') ? amount : undefined);
      return html(res, 200, vietqrPage({ payload, scanned: scan(payload, bank.account), result }));
    }
  } catch (err) {
    if (err instanceof QrError) return html(res, 400, vietqrPage({ payload, error: err.message }));
    throw err;
  }
  return html(res, 404, errorPage('', 'Không có trang này.'));
}

async function controlRoutes(gateway, bank, req, res, parts) {
  const body = req.method === 'POST' ? await readBody(req) : '';
  const input = body ? parseJson(body) : {};
  if (typeof input !== 'object' || input === null) return json(res, 400, { error: { code: 'INVALID_REQUEST', message: 'Nội dung không phải JSON.' } });
  const key = parts.slice(1).join('/');
  if (req.method === 'POST' && key === 'reset') {
    gateway.reset();
    bank.reset();
    return json(res, 204);
  }
  if (req.method === 'POST' && key === 'ipn') {
    const mode = input.mode ?? gateway.defaultIpn.mode;
    const delay = input.delay_s ?? gateway.defaultIpn.delay_s;
    if (!IPN_MODES.includes(mode) || !Number.isFinite(delay) || delay < 0 || delay > 3600) {
      return json(res, 400, { error: { code: 'INVALID_REQUEST', message: `mode là một trong ${IPN_MODES.join(', ')}; delay_s 0–3600.` } });
    }
    gateway.defaultIpn = { mode, delay_s: delay };
    return json(res, 200, gateway.defaultIpn);
  }
  if (req.method === 'GET' && key === 'ipn-log') {
    return json(res, 200, [...gateway.byRef.values()].flatMap((t) => t.ipnAttempts.map((a) => ({ txn_ref: t.txnRef, ...a })))
      .sort((a, b) => a.at.localeCompare(b.at)));
  }
  if (parts[1] === 'transactions' && parts.length >= 3) {
    const txn = gateway.byRef.get(decodeURIComponent(parts[2]));
    if (!txn) return json(res, 404, { error: { code: 'NOT_FOUND', message: 'Không có giao dịch này.' } });
    if (req.method === 'GET' && parts.length === 3) return json(res, 200, gateway.describe(txn));
    if (req.method === 'POST' && parts[3] === 'complete' && parts.length === 4) {
      if (txn.status !== 'open') return json(res, 409, { error: { code: 'FINISHED', message: 'Giao dịch đã kết thúc.' } });
      try {
        const returnUrl = await gateway.complete(txn, { outcome: input.outcome, bankCode: input.bank_code,
          ipnMode: input.ipn_mode, ipnDelayS: input.ipn_delay_s });
        return json(res, 200, { return_url: returnUrl, params: txn.returnParams });
      } catch (err) {
        if (err instanceof GatewayError) return json(res, err.status, { error: { code: 'INVALID_REQUEST', message: err.message } });
        throw err;
      }
    }
    if (req.method === 'POST' && parts[3] === 'ipn' && parts.length === 4) {
      if (!txn.returnParams) return json(res, 409, { error: { code: 'OPEN', message: 'Giao dịch chưa kết thúc.' } });
      return json(res, 200, await gateway.attempt(txn) ?? { error: 'no --ipn-url' });
    }
  }
  if (parts[1] === 'vietqr') {
    if (req.method === 'GET' && key === 'vietqr/notifications') return json(res, 200, bank.notifications);
    if (req.method === 'POST' && key === 'vietqr/transfer') {
      try {
        if (input.amount !== undefined && !Number.isSafeInteger(input.amount)) throw new QrError('amount phải là số nguyên VND.');
        return json(res, 200, await bank.transfer(input.payload, input.amount));
      } catch (err) {
        if (err instanceof QrError) return json(res, 400, { error: { code: 'INVALID_QR', message: err.message } });
        throw err;
      }
    }
    if (req.method === 'POST' && parts[2] === 'resend' && parts.length === 4) {
      const result = await bank.resend(decodeURIComponent(parts[3]));
      return result ? json(res, 200, result) : json(res, 404, { error: { code: 'NOT_FOUND', message: 'Không có giao dịch này.' } });
    }
  }
  return json(res, 404, { error: { code: 'NOT_FOUND', message: 'Không có đường dẫn này.' } });
}

export async function startVnpayServer(opts) {
  const gateway = new Gateway(opts);
  const bank = new Bank({ notifyUrl: opts.notifyUrl, secret: opts.webhookSecret, bin: opts.bin, account: opts.account });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const parts = url.pathname.split('/').slice(1);
    let route;
    if (url.pathname === '/merchant_webapi/api/transaction' && req.method === 'POST') {
      route = readBody(req).then((body) => json(res, 200, merchantApi(gateway, parseJson(body))));
    } else if (parts[0] === 'paymentv2') route = paymentRoutes(gateway, req, res, url);
    else if (parts[0] === 'vietqr') route = vietqrRoutes(bank, req, res, url);
    else if (parts[0] === 'control') route = controlRoutes(gateway, bank, req, res, parts);
    else route = Promise.resolve(html(res, 404, errorPage('', 'Không có trang này.')));
    route.catch((err) => {
      if (res.headersSent) return;
      if (err instanceof GatewayError) return gatewayError(res, err);
      if (err.status === 413) return html(res, 413, errorPage('', 'Dữ liệu gửi lên quá lớn.'));
      if (err instanceof URIError) return json(res, 400, { error: { code: 'INVALID_REQUEST', message: 'Đường dẫn không hợp lệ.' } });
      console.error('vnpay: error', err);
      return html(res, 500, errorPage('99', 'Có lỗi xảy ra, vui lòng thử lại sau.'));
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, HOST, resolve);
  });
  server.on('close', () => gateway.reset());
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  announceAndStopOnSignal(await startVnpayServer(options()));
}
