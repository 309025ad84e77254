// The server's camera relay between the NVR stand-in (sandbox/cameras) and hls.js in Chromium:
// the three sandbox cameras registered from data/cameras.csv, played through
// /api/v1/cameras/{code}/live/…, "offline" in the list within 30 s of the camera stopping and back
// when it starts, playback resuming by itself, and the NVR's address in no answer the browser got.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { useAppServer } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// The server with the camera NVR stand-in, as any e2e test gets it with { cameras: true }.
const env = useAppServer({ cameras: true });

async function statusOf(code) {
  const list = await (await fetch(`${env.server.url}/api/v1/cameras`)).json();
  return list.items.find((c) => c.code === code)?.status;
}

async function waitForStatus(code, wanted, limitMs) {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    if ((await statusOf(code)) === wanted) return Date.now() - start;
    await sleep(500);
  }
  return null;
}

describe('camera relay', () => {
  test('the three sandbox cameras are listed under their places, online', async () => {
    const list = await (await fetch(`${env.server.url}/api/v1/cameras`)).json();
    assert.deepEqual(list.items.map((c) => [c.code, c.name, c.commune_name]), [
      ['cb-cam-01', 'Cầu Bằng Giang', 'Phường Thục Phán'],
      ['cb-cam-03', 'Thác Bản Giốc', 'Xã Đàm Thủy'],
      ['cb-cam-02', 'Cửa khẩu Tà Lùng', 'Xã Phục Hòa'],
    ]);
    // The probe runs at start and every 10 s.
    assert.notEqual(await waitForStatus('cb-cam-03', 'online', 15000), null);
  });

  test('hls.js plays through the relay, the camera goes offline and back, and playback resumes', async () => {
    const page = await env.browser.newPage({ bypassCSP: true });
    const bodies = [];
    page.on('response', async (res) => {
      if (!res.url().startsWith('http')) return; // hls.js's own blob: URLs
      try { bodies.push({ url: res.url(), headers: JSON.stringify(res.headers()), body: (await res.body()).toString('latin1') }); } catch { /* redirects, aborted */ }
    });
    await page.goto(`${env.server.url}/api/v1/health`);
    await page.setContent('<video muted playsinline></video>');
    await page.addScriptTag({ path: path.join(root, 'web/node_modules/hls.js/dist/hls.min.js') });
    await page.evaluate((url) => {
      window.errors = [];
      const video = document.querySelector('video');
      const hls = new window.Hls();
      hls.on(window.Hls.Events.ERROR, (_, data) => {
        window.errors.push(`${data.details}${data.fatal ? ' (fatal)' : ''}`);
        if (!data.fatal) return;
        if (data.type === window.Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
        else setTimeout(() => hls.startLoad(), 1000);
      });
      hls.on(window.Hls.Events.MANIFEST_PARSED, () => video.play());
      hls.loadSource(url);
      hls.attachMedia(video);
    }, '/api/v1/cameras/cb-cam-03/live/master.m3u8');
    const time = () => page.evaluate(() => document.querySelector('video').currentTime);
    const advances = async (from, seconds, limitMs) => {
      for (const end = Date.now() + limitMs; Date.now() < end; await sleep(250)) if ((await time()) >= from + seconds) return true;
      return false;
    };
    assert.ok(await advances(0, 4, 30000), `playing: ${await time()} s, errors ${await page.evaluate(() => window.errors)}`);

    await fetch(`${env.cameras.url}/streams/cam3/stop`, { method: 'POST' });
    const offlineAfter = await waitForStatus('cb-cam-03', 'offline', 30000);
    assert.notEqual(offlineAfter, null, 'listed as offline within 30 s');
    const live = await fetch(`${env.server.url}/api/v1/cameras/cb-cam-03/live/master.m3u8`);
    assert.equal(live.status, 503);
    assert.ok(live.headers.get('retry-after'));
    const stalled = await time();

    await fetch(`${env.cameras.url}/streams/cam3/start`, { method: 'POST' });
    assert.notEqual(await waitForStatus('cb-cam-03', 'online', 30000), null, 'listed as online again');
    assert.ok(await advances(stalled, 4, 40000),
      `resumed: ${stalled} → ${await time()} s, errors ${await page.evaluate(() => window.errors)}`);

    // Every answer the browser got came from the server; none names the NVR.
    const nvrHost = new URL(env.cameras.url).host;
    assert.ok(bodies.some((b) => b.url.endsWith('.ts')), 'segments were fetched through the relay');
    for (const b of bodies) {
      assert.ok(b.url.startsWith(env.server.url), b.url);
      assert.ok(!b.body.includes(nvrHost) && !b.headers.includes(nvrHost), `${b.url} names the NVR`);
      assert.ok(!b.body.includes('/streams/'), `${b.url} names an NVR path`);
    }
    await page.close();
  });
});
