// "Camera" (issue 13) as a citizen on a phone sees it, against the real server relaying the
// sandbox NVR (sandbox/cameras): the list by commune, a camera played live (its clock advances),
// the camera taken down and brought back without a reload, nothing downloaded after leaving,
// "Tiết kiệm dữ liệu" playing the 360p rendition, a map marker opening the same camera, and the
// camera's source address in no answer the browser receives.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, sleep, tap, useAppServer } from './harness.mjs';

const env = useAppServer({ tiles: true, cameras: true });
const SHOTS = '/tmp/cam-app-cameras';
const CAM = { code: 'cb-cam-01', nvrId: 'cam1', name: 'Cầu Bằng Giang' };

const video = (page) => page.locator('#overlays video');
const currentTime = (page) => video(page).evaluate((v) => v.currentTime);
const videoHeight = (page) => video(page).evaluate((v) => v.videoHeight);

// Waits until the video has played `seconds` more than when asked.
async function playsFor(page, seconds, timeout = 30000) {
  await page.waitForFunction(() => document.querySelector('#overlays video')?.currentTime > 0, null, { timeout });
  const start = await currentTime(page);
  await page.waitForFunction((t) => document.querySelector('#overlays video').currentTime >= t, start + seconds, { timeout });
}

async function nvr(action) {
  const r = await fetch(`${env.cameras.url}/streams/${CAM.nvrId}/${action}`, { method: 'POST' });
  assert.equal(r.status, 200);
}

test('list → live → outage and recovery → data saver → leave → map marker, the source never shown', async () => {
  assert.ok(env.cameras?.url, 'the harness starts the camera NVR sandbox');
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  // Every request for the stream, and every answer's bytes checked for the NVR's address.
  const requests = [];
  const leaks = [];
  const nvrHost = new URL(env.cameras.url).host;
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', async (r) => {
    try {
      const body = await r.body();
      if (body.includes(nvrHost) || body.includes('/streams/cam')) leaks.push(r.url());
    } catch { /* a redirect or an aborted download has no body */ }
  });
  const segments = () => requests.filter((u) => u.includes('/live/') && u.endsWith('.ts'));
  const streamRequests = () => requests.filter((u) => u.includes('/live/'));

  const errors = await openApp(page, env.server.url);
  await page.evaluate(() => { window.notReloaded = true; });
  await tap(page, 'button', 'Camera');
  await page.waitForFunction(() => location.hash === '#/camera');
  // Grouped by commune, each camera a button named by its name and status.
  const row = page.getByRole('button', { name: new RegExp(`^${CAM.name} – (Đang hoạt động|Mất kết nối)$`) });
  await row.waitFor();
  await page.getByRole('heading', { name: 'Phường Thục Phán', exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: /^Thác Bản Giốc – / }).count(), 1);
  await page.screenshot({ path: `${SHOTS}-list.png` });

  // Search without diacritics.
  await page.getByRole('textbox', { name: 'Tìm camera', exact: true }).fill('bang giang');
  await page.waitForFunction(() => ![...document.querySelectorAll('#a11y-root button')]
    .some((b) => b.textContent.startsWith('Thác Bản Giốc')));
  await row.waitFor();
  await page.screenshot({ path: `${SHOTS}-search.png` });

  // Live: the clock advances at least 4 s, with the badge and a labelled video.
  await row.focus();
  await row.tap({ force: true });
  await page.waitForFunction((code) => location.hash === `#/camera/${code}`, CAM.code);
  await playsFor(page, 4);
  await page.getByText('Trực tiếp', { exact: true }).waitFor();
  assert.equal(await video(page).getAttribute('aria-label'), CAM.name);
  for (const name of ['Tạm dừng', 'Toàn màn hình', 'Tự động', 'Tiết kiệm dữ liệu'])
    await page.getByRole('button', { name, exact: true }).waitFor();
  await page.screenshot({ path: `${SHOTS}-live.png` });

  // The camera goes down: the notice over the last frame; back up: playback resumes, no reload.
  await nvr('stop');
  const outage = page.getByRole('status').filter({ hasText: 'Camera đang mất kết nối' });
  await outage.waitFor({ timeout: 30000 });
  assert.equal(await page.locator('.video-notice').isVisible(), true);
  await page.screenshot({ path: `${SHOTS}-offline.png` });
  await nvr('start');
  await outage.waitFor({ state: 'detached', timeout: 45000 });
  await playsFor(page, 2);
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'resumed without a reload');

  // "Tiết kiệm dữ liệu": the 360p rendition plays.
  await tap(page, 'button', 'Tiết kiệm dữ liệu');
  await page.waitForFunction(() => document.querySelector('#overlays video').videoHeight === 360, null, { timeout: 30000 });
  const before = segments().length;
  await playsFor(page, 2);
  const after = segments().slice(before);
  assert.ok(after.length > 0 && after.every((u) => /360p/.test(u)), `360p segments only: ${after.join(' ')}`);
  await page.getByText('Đang xem độ phân giải 360p', { exact: true }).waitFor();
  await page.screenshot({ path: `${SHOTS}-saver.png` });

  // Paused (through the mirror, as a keyboard or screen-reader user): nothing more is fetched;
  // "Phát" plays again from the live edge.
  await tap(page, 'button', 'Tạm dừng');
  await page.getByRole('button', { name: 'Phát', exact: true }).waitFor();
  await sleep(500);
  const paused = streamRequests().length;
  await sleep(4000);
  assert.deepEqual(streamRequests().slice(paused), [], 'nothing downloaded while paused');
  await tap(page, 'button', 'Phát');
  await playsFor(page, 2);

  // Leaving the screen: no more stream requests.
  const snapshot = page.waitForResponse((r) => r.url().endsWith(`/cameras/${CAM.code}/snapshot.jpg`) &&
    [200, 304].includes(r.status()), { timeout: 30000 });
  await tap(page, 'button', 'Quay lại');
  await page.waitForFunction(() => location.hash === '#/camera');
  await sleep(500);
  const settled = streamRequests().length;
  await sleep(6000);
  assert.deepEqual(streamRequests().slice(settled), [], 'nothing downloaded after leaving');
  assert.equal(await page.locator('#overlays .overlay.video').isVisible(), false);
  // Back on the list after more than 30 s, the snapshots were asked again; the watched camera has one.
  await snapshot;
  await page.screenshot({ path: `${SHOTS}-list-snapshots.png` });

  // The map: the camera's marker opens the same camera.
  await page.getByRole('textbox', { name: 'Tìm camera', exact: true }).fill('');
  await tap(page, 'button', 'Bản đồ');
  const marker = page.locator(`.leaflet-marker-icon[aria-label^="${CAM.name} ("]`);
  await marker.waitFor({ timeout: 20000 });
  await page.screenshot({ path: `${SHOTS}-map.png` });
  await marker.click();
  await page.waitForFunction((code) => location.hash === `#/camera/${code}`, CAM.code);
  await playsFor(page, 2);

  assert.deepEqual(leaks, [], 'no answer carries the source address');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a slow mobile connection "Tiết kiệm dữ liệu" is chosen from the start and only 360p is fetched', async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  const segments = [];
  page.on('request', (r) => { if (r.url().includes('/live/') && r.url().endsWith('.ts')) segments.push(r.url()); });
  // Chromium's navigator.connection follows the emulated link (300 ms round trips: effectiveType "3g").
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: 1600 * 1024 / 8,
    uploadThroughput: 400 * 1024 / 8, connectionType: 'cellular3g' });
  const errors = await openApp(page, `${env.server.url}/#/camera/${CAM.code}`);
  assert.equal(await page.evaluate(() => navigator.connection.effectiveType), '3g');
  await page.getByRole('button', { name: 'Tiết kiệm dữ liệu', exact: true, pressed: true }).waitFor();
  await playsFor(page, 2);
  assert.equal(await videoHeight(page), 360);
  assert.ok(segments.length > 0 && segments.every((u) => /360p/.test(u)), `360p only: ${segments.join(' ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});
