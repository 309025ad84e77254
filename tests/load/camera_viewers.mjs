// Many viewers of one camera through the server's relay, each behaving like a player: every 2 s
// it fetches the live media playlist and then the newest segment it has not got yet. The NVR is
// sandbox/cameras behind a counting proxy, so the figures say how many times the camera itself
// was asked for each segment (the relay's goal: once), with the segment latency the viewers saw,
// the server's CPU and memory (from /proc) and the bytes a viewer downloads per minute.
//   node tests/load/camera_viewers.mjs <cdscb-server binary> [viewers] [seconds] [rendition]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const [binary, viewersArg = '200', secondsArg = '60', rendition = '360p'] = process.argv.slice(2);
const VIEWERS = Number(viewersArg);
const SECONDS = Number(secondsArg);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startListening(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.on('exit', () => reject(new Error(`${command} exited`)));
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-camera-bench-'));
const nvr = await startListening('node', ['sandbox/cameras/server.mjs', '--port', '0', '--streams', 'cam1']);
// The counting proxy (what the relay asks of the camera), on its own thread so that the viewers'
// event loop does not slow the relay's upstream fetches.
const proxyThread = new Worker(`
  const http = require('node:http');
  const { parentPort, workerData } = require('node:worker_threads');
  const counts = new Map();
  const agent = new http.Agent({ keepAlive: true });
  const proxy = http.createServer((req, res) => {
    const name = req.url.split('/').pop();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const forward = http.request(workerData + req.url, { method: req.method, agent }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  proxy.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: proxy.address().port }));
  parentPort.on('message', (m) => {
    if (m === 'clear') { counts.clear(); parentPort.postMessage({ cleared: true }); }
    if (m === 'counts') parentPort.postMessage({ counts: [...counts.entries()] });
    if (m === 'stop') { proxy.close(); agent.destroy(); parentPort.close(); }
  });
`, { eval: true, workerData: nvr.url });
const ask = (message, key) => new Promise((resolve) => {
  const listener = (m) => { if (key in m) { proxyThread.off('message', listener); resolve(m[key]); } };
  proxyThread.on('message', listener);
  if (message) proxyThread.postMessage(message);
});
const proxyAddress = `127.0.0.1:${await ask(null, 'port')}`;
const server = await startListening(binary, ['--listen', '127.0.0.1:0', '--db', `sqlite:${dir}/app.db`,
  '--data-dir', dir, '--site-dir', `${dir}/none`, '--seed-dir', 'data', '--workers', '4',
  '--camera-nvr', `http://${proxyAddress}`, '--allow-private-fetch', proxyAddress]);
const pid = server.child.pid;

function cpuTicks() {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}
const rssKiB = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

const base = `${server.url}/api/v1/cameras/cb-cam-01/live`;
const viewerAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
function get(url, id) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.get(url, { agent: viewerAgent, headers: { 'User-Agent': `bench-viewer-${id}` } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks), ms: performance.now() - started }));
    });
    req.on('error', () => resolve({ status: 0, body: Buffer.alloc(0), ms: performance.now() - started }));
  });
}

// Warm up: the encoder starts on the first media playlist request (about 3 s).
for (let i = 0; i < 40 && (await get(`${base}/${rendition}.m3u8`, 'warmup')).status !== 200; i++) await sleep(500);
await ask('clear', 'cleared');

const segmentMs = [];
const bytes = new Array(VIEWERS).fill(0);
let failures = 0;
let playlistRequests = 0;
let stop = false;
async function viewer(id) {
  await sleep(Math.random() * 2000);
  const got = new Set();
  while (!stop) {
    const next = performance.now() + 2000;
    const list = await get(`${base}/${rendition}.m3u8`, id);
    playlistRequests += 1;
    bytes[id] += list.body.length;
    if (list.status !== 200) failures += 1;
    const newest = list.body.toString().split('\n').filter((l) => l && !l.startsWith('#')).pop();
    if (list.status === 200 && newest && !got.has(newest)) {
      got.add(newest);
      const segment = await get(`${base}/${newest}`, id);
      if (segment.status === 200) segmentMs.push(segment.ms); else failures += 1;
      bytes[id] += segment.body.length;
    }
    await sleep(Math.max(0, next - performance.now()));
  }
}

const ticks0 = cpuTicks();
const t0 = performance.now();
let rssMax = rssKiB();
const sampler = setInterval(() => { rssMax = Math.max(rssMax, rssKiB()); }, 1000);
const running = Array.from({ length: VIEWERS }, (_, i) => viewer(i));
await sleep(SECONDS * 1000);
stop = true;
await Promise.all(running);
clearInterval(sampler);
const wall = (performance.now() - t0) / 1000;
const cpu = (cpuTicks() - ticks0) / 100 / wall; // clock ticks are 1/100 s on Linux

const upstream = new Map(await ask('counts', 'counts'));
const segments = [...upstream.entries()].filter(([name]) => name.endsWith('.ts'));
const segmentFetches = segments.reduce((sum, [, n]) => sum + n, 0);
const playlistFetches = upstream.get(`${rendition}.m3u8`) ?? 0;
segmentMs.sort((a, b) => a - b);
const pct = (p) => segmentMs.length ? segmentMs[Math.min(segmentMs.length - 1, Math.floor(p * segmentMs.length))].toFixed(1) : '-';
const perMinute = bytes.reduce((a, b) => a + b, 0) / VIEWERS / wall * 60;
console.log(`  ${VIEWERS} viewers of one camera at ${rendition}, ${wall.toFixed(0)} s through the relay:`);
console.log(`    upstream fetches per segment: ${(segmentFetches / Math.max(1, segments.length)).toFixed(2)} ` +
  `(${segmentFetches} fetches of ${segments.length} segments; ${playlistFetches} playlist fetches for ` +
  `${playlistRequests} viewer playlist requests)`);
console.log(`    segment latency p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms (${segmentMs.length} segments served), failures ${failures}`);
console.log(`    server CPU ${(cpu * 100).toFixed(1)} % of one core, RSS max ${(rssMax / 1024).toFixed(1)} MiB`);
console.log(`    bytes per viewer per minute: ${(perMinute / 1e6).toFixed(2)} MB`);

server.child.kill('SIGTERM');
nvr.child.kill('SIGTERM');
proxyThread.postMessage('stop');
viewerAgent.destroy();
await Promise.all([server.child, nvr.child].map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r)))));
fs.rmSync(dir, { recursive: true, force: true });
