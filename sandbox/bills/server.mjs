// Stand-in for the bill providers (electricity, water, telecom postpaid) behind one JSON API,
// documented in README.md. Never used in production.
//   node sandbox/bills/server.mjs [--port N] [--seed FILE]
//     secrets: BILLS_SECRET_EVN, BILLS_SECRET_WATER, BILLS_SECRET_VNPT, BILLS_SECRET_VIETTEL, BILLS_SECRET_MOBIFONE
//     → prints "listening on http://127.0.0.1:N"; SIGTERM or SIGINT stops it
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { announceAndStopOnSignal } from '../listening.mjs';
import { Store } from './store.mjs';

const HOST = '127.0.0.1';
const MAX_BODY = 64 * 1024;
const MAX_SKEW_S = 300;

function send(res, status, value) {
  if (status === 204) {
    res.writeHead(204);
    return res.end();
  }
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length,
    'cache-control': 'no-store' });
  return res.end(body);
}

const error = (res, status, code, message) => send(res, status, { error: { code, message } });

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(Object.assign(new Error('body too large'), { status: 413 }));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(buffer) {
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    return undefined;
  }
}

// HMAC-SHA256(secret, METHOD \n TARGET \n TIMESTAMP \n BODY), hex; see README "Authentication".
export function signRequest(secret, method, target, timestamp, body = Buffer.alloc(0)) {
  return crypto.createHmac('sha256', secret)
    .update(`${method.toUpperCase()}\n${target}\n${timestamp}\n`).update(body).digest('hex');
}

function authentic(req, secret, body) {
  const timestamp = req.headers['x-timestamp'];
  const signature = req.headers['x-signature'];
  if (!secret || typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp) || typeof signature !== 'string') return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_SKEW_S) return false;
  const expected = Buffer.from(signRequest(secret, req.method, req.url, timestamp, body));
  const given = Buffer.from(signature.toLowerCase());
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

async function providerApi(store, secrets, req, res, parts, url) {
  const [, providerId, resource, key] = parts;
  const provider = store.providers.get(providerId);
  if (!provider) return error(res, 404, 'NOT_FOUND', 'Không có nhà cung cấp này.');
  const body = await readBody(req);
  if (!authentic(req, secrets[providerId], body)) {
    return error(res, 401, 'UNAUTHORIZED', 'Chữ ký yêu cầu không hợp lệ.');
  }
  if (!provider.available) return send(res, 503, store.unavailable().body);
  const code = key === undefined ? undefined : decodeSegment(key);
  let answer;
  if (resource === 'customers' && code !== undefined && parts.length === 4 && req.method === 'GET') {
    answer = provider.lookup(code);
  } else if (resource === 'payments' && parts.length === 3 && req.method === 'POST') {
    const request = parseJson(body);
    answer = request === undefined
      ? { status: 400, body: { error: { code: 'INVALID_REQUEST', message: 'Nội dung yêu cầu không phải JSON.' } } }
      : provider.confirm(request);
    if (answer.status < 300 && provider.confirmDelayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, provider.confirmDelayMs));
    }
  } else if (resource === 'payments' && parts.length === 3 && req.method === 'GET') {
    answer = provider.day(url.searchParams.get('date'));
  } else if (resource === 'payments' && code !== undefined && parts.length === 4 && req.method === 'GET') {
    answer = provider.payment(code);
  } else {
    return error(res, 404, 'NOT_FOUND', 'Không có đường dẫn này.');
  }
  if (answer.status >= 400) console.error(`bills: ${req.method} ${req.url} → ${answer.status} ${answer.body.error.code}`);
  return send(res, answer.status, answer.body);
}

async function controlApi(store, req, res, parts) {
  if (req.method === 'POST' && parts[1] === 'reset' && parts.length === 2) {
    store.reset();
    return send(res, 204);
  }
  if (req.method === 'GET' && parts[1] === 'state' && parts.length === 2) {
    return send(res, 200, { providers: Object.fromEntries([...store.providers].map(([id, p]) => [id, p.state()])) });
  }
  const provider = parts[1] === 'providers' && parts.length === 3 ? store.providers.get(parts[2]) : undefined;
  if (req.method === 'POST' && provider) {
    const change = parseJson(await readBody(req));
    if (typeof change !== 'object' || change === null) return error(res, 400, 'INVALID_REQUEST', 'Nội dung yêu cầu không phải JSON.');
    const count = (v) => Number.isSafeInteger(v) && v >= 0;
    if (('available' in change && typeof change.available !== 'boolean') ||
        ('refuse_confirms' in change && !count(change.refuse_confirms)) ||
        ('confirm_delay_ms' in change && !count(change.confirm_delay_ms))) {
      return error(res, 400, 'INVALID_REQUEST', 'available là true/false; refuse_confirms, confirm_delay_ms là số nguyên không âm.');
    }
    if ('available' in change) provider.available = change.available;
    if ('refuse_confirms' in change) provider.refuseConfirms = change.refuse_confirms;
    if ('confirm_delay_ms' in change) provider.confirmDelayMs = change.confirm_delay_ms;
    return send(res, 200, provider.state());
  }
  return error(res, 404, 'NOT_FOUND', 'Không có đường dẫn này.');
}

export function startBillsServer({ port = 0, seed, secrets }) {
  const store = new Store(seed);
  for (const id of store.providers.keys()) {
    if (!secrets[id]) console.error(`bills: no secret for ${id} (BILLS_SECRET_${id.toUpperCase()}): its API refuses every request`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const parts = url.pathname.split('/').slice(1);
    const route = parts[0] === 'v1' ? providerApi(store, secrets, req, res, parts, url)
      : parts[0] === 'control' ? controlApi(store, req, res, parts)
        : Promise.resolve(error(res, 404, 'NOT_FOUND', 'Không có đường dẫn này.'));
    route.catch((err) => {
      if (res.headersSent) return;
      if (err.status === 413) error(res, 413, 'INVALID_REQUEST', 'Nội dung yêu cầu quá lớn.');
      else {
        console.error('bills: error', err);
        error(res, 500, 'INTERNAL', 'Có lỗi xảy ra.');
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: 'string' }, seed: { type: 'string' } } });
  const port = Number(values.port ?? process.env.BILLS_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('usage: server.mjs [--port N] [--seed FILE]');
    process.exit(2);
  }
  const seedFile = values.seed ?? process.env.BILLS_SEED ?? new URL('./seed.json', import.meta.url);
  const seed = JSON.parse(fs.readFileSync(seedFile, 'utf8'));
  const secrets = Object.fromEntries(Object.keys(seed.providers)
    .map((id) => [id, process.env[`BILLS_SECRET_${id.toUpperCase()}`] ?? '']));
  announceAndStopOnSignal(await startBillsServer({ port, seed, secrets }));
}
