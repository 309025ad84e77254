// Starts the payment sandboxes (sandbox/bills, sandbox/vnpay) for tests (startProgram: any sandbox), and a stand-in merchant
// that records what the gateway and the bank send it. Each start resolves once the program prints
// its address; stop() ends it by process id.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function startProgram(script, args, env, name) {
  const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${log}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1], pid: child.pid, log: () => log, exited,
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGTERM');
          return exited;
        },
      });
    });
    exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`${name} exited (${code}):\n${log}`)); });
  });
}

export const BILLS_SECRETS = { evn: 'evn-test-secret', water: 'water-test-secret', vnpt: 'vnpt-test-secret',
  viettel: 'viettel-test-secret', mobifone: 'mobifone-test-secret' };

export function startBills(secrets = BILLS_SECRETS) {
  const env = Object.fromEntries(Object.entries(secrets).map(([id, s]) => [`BILLS_SECRET_${id.toUpperCase()}`, s]));
  return startProgram('sandbox/bills/server.mjs', ['--port', '0'], env, 'bills sandbox');
}

export const VNPAY = { tmnCode: 'CDSCBTST', hashSecret: 'VNPAYTESTSECRET0123456789ABCDEF', webhookSecret: 'vietqr-test-secret',
  bin: '970415', account: '113000006868' };

export function startVnpay({ ipnUrl, notifyUrl, ipnRetries = 0, ipnRetryDelayMs = 100, config = VNPAY } = {}) {
  const args = ['--port', '0', '--tmn-code', config.tmnCode, '--ipn-retries', String(ipnRetries),
    '--ipn-retry-delay-ms', String(ipnRetryDelayMs), '--vietqr-bin', config.bin, '--vietqr-account', config.account];
  if (ipnUrl) args.push('--ipn-url', ipnUrl);
  if (notifyUrl) args.push('--vietqr-notify-url', notifyUrl);
  return startProgram('sandbox/vnpay/server.mjs', args,
    { VNPAY_HASH_SECRET: config.hashSecret, VIETQR_WEBHOOK_SECRET: config.webhookSecret }, 'vnpay sandbox');
}

// A merchant on a free port: GET /ipn answers {"RspCode": merchant.rspCode}, GET /return a page,
// POST /vietqr 200; every request is kept in merchant.requests (method, path, query, headers, body).
export async function startMerchant() {
  const merchant = { requests: [], rspCode: '00', waiters: [] };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const url = new URL(req.url, 'http://localhost');
      merchant.requests.push({ method: req.method, path: url.pathname, query: url.searchParams, rawQuery: url.search.slice(1),
        headers: req.headers, body });
      for (const w of merchant.waiters.splice(0)) w();
      if (url.pathname === '/ipn') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ RspCode: merchant.rspCode, Message: merchant.rspCode === '00' ? 'Confirm Success' : 'Other' }));
      }
      if (url.pathname === '/vietqr') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"received":true}');
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><title>Cửa hàng</title><h1>Đã quay về cửa hàng</h1>');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  merchant.url = `http://127.0.0.1:${server.address().port}`;
  merchant.seen = (pathname) => merchant.requests.filter((r) => r.path === pathname);
  // Resolves once `count` requests to pathname have arrived (a test's own timeout bounds it).
  merchant.waitFor = async (pathname, count = 1) => {
    while (merchant.seen(pathname).length < count) await new Promise((resolve) => merchant.waiters.push(resolve));
    return merchant.seen(pathname);
  };
  merchant.stop = () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); });
  return merchant;
}

// CRC-16/CCITT-FALSE as VietQR's field 63 writes it: 4 upper-case hex digits.
export function crc16(text) {
  let crc = 0xffff;
  for (const byte of Buffer.from(text)) {
    for (let bit = 7; bit >= 0; bit -= 1) {
      const top = ((crc >> 15) & 1) ^ ((byte >> bit) & 1);
      crc = (crc << 1) & 0xffff;
      if (top) crc ^= 0x1021;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

// An EMVCo payload's fields by ID ({"54": "801470", "38": "0010A0…"}), read independently of the
// app's reader: each field is a 2-digit ID, a 2-digit length and the value. Throws when malformed.
export function readEmv(text) {
  const fields = {};
  for (let at = 0; at < text.length;) {
    const id = text.slice(at, at + 2);
    const length = Number(text.slice(at + 2, at + 4));
    if (!/^\d\d$/.test(id) || !/^\d\d$/.test(text.slice(at + 2, at + 4)) || at + 4 + length > text.length)
      throw new Error(`malformed EMV field at ${at} in ${text}`);
    fields[id] = text.slice(at + 4, at + 4 + length);
    at += 4 + length;
  }
  return fields;
}
