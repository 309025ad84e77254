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
await page.goto(url);
const first = await timeToInteractive(page);
// Resource Timing: bytes of each body as sent (brotli) and as used, for everything loaded so far.
const files = await page.evaluate(() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .map((e) => ({ url: new URL(e.name).pathname, wire: e.encodedBodySize, raw: e.decodedBodySize })));
console.log('\nFirst load of the first screen, body bytes on the wire (brotli) and decoded:');
let wire = 0, raw = 0;
for (const f of files.filter((f) => !f.url.startsWith('/api/')).sort((a, b) => b.wire - a.wire)) {
  wire += f.wire;
  raw += f.raw;
  console.log(`  ${String(f.wire).padStart(9)} ${String(f.raw).padStart(9)}  ${f.url}`);
}
console.log(`  ${String(wire).padStart(9)} ${String(raw).padStart(9)}  total (${(wire / 1024).toFixed(1)} KiB on the wire; target <= 450 KB)`);
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
