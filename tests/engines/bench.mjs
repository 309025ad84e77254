// scripts/bench: the first interactive frame and the frames drawn in 10 s idle, in Chromium (the
// harness's headless one) and in WebKit and Firefox under Xvfb, unthrottled, one cold load each
// on one server; WebKit and Firefox as ratios to Chromium. Figures only: nothing passes or fails.
//   node tests/engines/bench.mjs
import { PHONE, launchBrowser, sleep, startServer } from '../e2e/harness.mjs';
import { ENGINES, startXvfb } from './drivers.mjs';

// Milliseconds from the start of navigation to the first frame whose widgets reached the DOM
// mirror (the loader notes the moment), then the frames rendered over 10 s without input.
async function measure(evaluate) {
  let first = null;
  while (first === null) {
    first = await evaluate(() => window.cdscb?.firstFrameAt?.() ?? null);
    if (first === null) await sleep(50);
  }
  // Where the time went: the wasm's bytes arrived at `wasm` ms; the rest is compiling and starting.
  const wasm = await evaluate(() => Math.round(performance.getEntriesByType('resource')
    .find((e) => /\/app\.[0-9a-f]+\.wasm$/.test(e.name))?.responseEnd ?? 0));
  await sleep(2000);
  const start = await evaluate(() => window.cdscb.framesRendered());
  await sleep(10000);
  const idle = (await evaluate(() => window.cdscb.framesRendered())) - start;
  return { first: Math.round(first), wasm, idle };
}

const server = await startServer({ rateLimits: false });
const xvfb = await startXvfb();
const rows = [];
try {
  const chromium = await launchBrowser();
  try {
    const page = await (await chromium.newContext(PHONE)).newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
    rows.push({ engine: `Chromium ${chromium.version()} (headless, SwiftShader)`, ...await measure((fn) => page.evaluate(fn)) });
  } finally {
    await chromium.close();
  }
  for (const [name, launch] of Object.entries(ENGINES)) {
    const page = await launch(xvfb.display);
    try {
      await page.goto(server.url);
        rows.push({ engine: `${page.version} (${name}, Xvfb, Mesa llvmpipe)`, ...await measure((fn) => page.evaluate(fn)) });
    } finally {
      await page.close();
    }
  }
} finally {
  await xvfb.stop();
  await server.stop();
}
const [base] = rows;
console.log('== First interactive frame and idle frames per engine (one cold load each, unthrottled)');
for (const r of rows) {
  const ratio = r === base ? '' : `  (×${(r.first / base.first).toFixed(2)} of Chromium; idle ${base.idle ? `×${(r.idle / base.idle).toFixed(2)}` : `${r.idle} vs ${base.idle}`})`;
  console.log(`  ${r.engine.padEnd(52)} first interactive frame ${String(r.first).padStart(5)} ms (wasm in at ${r.wasm} ms), frames in 10 s idle ${String(r.idle).padStart(3)}${ratio}`);
}
