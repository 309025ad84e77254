// Measures what a citizen on a slow phone network waits for: bytes of the first load, time to the
// first interactive frame with Chromium throttled (1.6 Mbps down, 750 kbps up, 150 ms RTT, CPU ×4),
// the same for a repeat visit (service worker), and frames rendered in 10 s idle.
//   node tests/load/first_load.mjs <server url>
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { framesRendered, launchPersistent, sleep } from '../e2e/harness.mjs';

const url = process.argv[2];
const THROTTLE = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

// Milliseconds from navigation start until the app's first frame reached the DOM mirror.
async function timeToInteractive(page) {
  await page.waitForFunction(() => window.cdscb?.ready && document.querySelector('#a11y-root > button'), null, { timeout: 120000 });
  return page.evaluate(() => performance.now());
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-bench-'));
const context = await launchPersistent(profile);
const page = context.pages()[0] ?? await context.newPage();
const cdp = await throttled(context, page);
const transfers = new Map();
const urls = new Map();
cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
cdp.on('Network.loadingFinished', (e) => transfers.set(e.requestId, e.encodedDataLength));

await page.goto(url);
const first = await timeToInteractive(page);
const files = [...transfers].map(([id, bytes]) => ({ url: new URL(urls.get(id) ?? '').pathname, bytes }))
  .filter((f) => !f.url.startsWith('/api/'));
console.log('\nFirst load, bytes on the wire (brotli where the browser asked for it):');
let total = 0;
for (const f of files.sort((a, b) => b.bytes - a.bytes)) {
  total += f.bytes;
  console.log(`  ${String(f.bytes).padStart(9)}  ${f.url}`);
}
console.log(`  ${String(total).padStart(9)}  total transferred for the first screen (${(total / 1024).toFixed(1)} KiB)`);
console.log(`\nTime to first interactive frame, throttled: ${first.toFixed(0)} ms (target < 4000)`);

await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120000 });
await page.reload();
const repeat = await timeToInteractive(page);
console.log(`Repeat visit (service worker), throttled:   ${repeat.toFixed(0)} ms (target < 1500)`);

await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
await sleep(2000);
const f0 = await framesRendered(page);
await sleep(10000);
console.log(`Frames rendered in 10 s idle:               ${(await framesRendered(page)) - f0}`);
await context.close();
fs.rmSync(profile, { recursive: true, force: true });
