// API latency while the SMS gateway stalls: its own cdscb-server (SQLite, 4 workers) and a
// stand-in gateway on loopback (allowed with --allow-private-fetch). 50 clients read the health
// check and the news list for 10 s, while a registration every 100 ms queues a text. Run twice:
// the gateway answering at once, then taking 10 s per message. Prints p50/p99 of the reads and of
// the registrations themselves, and how many codes had arrived by the end.
//   node tests/load/sms_stall.mjs <cdscb-server binary>
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const [binary] = process.argv.slice(2);
const CLIENTS = 50;
const SECONDS = 10;
const STALL_MS = 10000;

let stall = 0;
let received = 0;
const gateway = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => setTimeout(() => { received += 1; res.writeHead(202).end('{}'); }, stall));
});
await new Promise((resolve) => gateway.listen(0, '127.0.0.1', resolve));
const smsPort = gateway.address().port;

async function startServer(dir) {
  const child = spawn(binary, ['--listen', '127.0.0.1:0', '--db', `sqlite:${dir}/app.db`,
    '--data-dir', dir, '--site-dir', `${dir}/none`, '--workers', '4', '--trusted-proxy', '127.0.0.1',
    '--sms-url', `http://127.0.0.1:${smsPort}/messages`, '--allow-private-fetch', `127.0.0.1:${smsPort}`],
  { stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error('server exited')));
  });
  return { child, url };
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

async function run(label, stallMs) {
  stall = stallMs;
  received = 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-stall-'));
  const { child, url } = await startServer(dir);
  const reads = [];
  const registrations = [];
  let failures = 0;
  const end = performance.now() + SECONDS * 1000;
  async function reader() {
    for (let i = 0; performance.now() < end; i += 1) {
      const started = performance.now();
      const response = await fetch(`${url}${i % 2 ? '/api/v1/news?limit=20' : '/api/v1/health'}`);
      await response.arrayBuffer();
      if (response.status === 200) reads.push(performance.now() - started);
      else failures += 1;
    }
  }
  async function registrar() {
    for (let n = 0; performance.now() < end; n += 1) {
      const started = performance.now();
      const response = await fetch(`${url}/api/v1/accounts/register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.51.${n >> 8}.${n & 255}` },
        body: JSON.stringify({ full_name: 'Người Đo Tải', phone: `0913${String(n).padStart(6, '0')}`,
          password: 'Mat khau do tai 2025' }),
      });
      await response.arrayBuffer();
      if (response.status === 201) registrations.push(performance.now() - started);
      else failures += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await Promise.all([...Array.from({ length: CLIENTS }, reader), registrar()]);
  const fmt = (ms) => `${ms.toFixed(1)} ms`;
  console.log(`  ${label.padEnd(34)} reads p50 ${fmt(quantile(reads, 0.5))}, p99 ${fmt(quantile(reads, 0.99))}` +
    ` (${reads.length} reads); registrations p50 ${fmt(quantile(registrations, 0.5))},` +
    ` p99 ${fmt(quantile(registrations, 0.99))} (${registrations.length}); codes delivered by the end:` +
    ` ${received}; failures ${failures}`);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  fs.rmSync(dir, { recursive: true, force: true });
}

await run('gateway answering at once:', 0);
await run(`gateway taking ${STALL_MS / 1000} s per message:`, STALL_MS);
gateway.closeAllConnections?.();
gateway.close();
