import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { framesRendered, launchPersistent, openApp, sleep, startServer } from './harness.mjs';

let server;
const profiles = [];
const newProfile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-profile-'));
  profiles.push(dir);
  return dir;
};
before(async () => { server = await startServer(); });
after(async () => {
  await server?.stop();
  for (const dir of profiles) fs.rmSync(dir, { recursive: true, force: true });
});

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });

test('Chromium finds the app installable (manifest, icons, service worker)', async () => {
  const context = await launchPersistent(newProfile());
  const page = context.pages()[0] ?? await context.newPage();
  await openApp(page, server.url);
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await (await page.request.get(`${server.url}/manifest.webmanifest`)).json();
  assert.equal(manifest.name, 'Công dân số Cao Bằng');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512'));
  await context.close();
});

test('after one visit the app starts with the server stopped', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-offline-'));
  profiles.push(dataDir);
  const own = await startServer({ dataDir });
  const context = await launchPersistent(newProfile());
  const page = context.pages()[0] ?? await context.newPage();
  await openApp(page, `${own.url}/#/tin-tuc`);
  await controlled(page);
  assert.equal(await own.stop(), 0, 'the server stops cleanly on SIGTERM');
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready, null, { timeout: 30000 });
  await page.getByRole('heading', { name: 'Tin tức', exact: true }).waitFor();
  // The app tells the citizen the server cannot be reached, in words a screen reader announces.
  await page.getByRole('status').filter({ hasText: 'Mất kết nối với máy chủ' }).waitFor();
  await page.getByRole('button', { name: 'Quay lại' }).click({ force: true });
  await page.getByRole('button', { name: 'Phản ánh kiến nghị', exact: true }).waitFor();
  await context.close();
});

test('idle, the app renders no frames; input wakes it', async () => {
  const context = await launchPersistent(newProfile());
  const page = context.pages()[0] ?? await context.newPage();
  await openApp(page, server.url);
  await sleep(2000);
  const start = await framesRendered(page);
  await sleep(10000);
  const idle = (await framesRendered(page)) - start;
  assert.ok(idle <= 3, `frames rendered in 10 s idle: ${idle}`);
  await page.getByRole('button', { name: 'Camera', exact: true }).tap({ force: true });
  await page.waitForFunction(() => location.hash === '#/camera');
  assert.ok((await framesRendered(page)) > start + idle, 'a tap renders new frames');
  await context.close();
});

test('a new version offers "Có phiên bản mới" and takes over when accepted', async () => {
  const siteA = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-site-'));
  profiles.push(siteA);
  fs.cpSync('build/site', siteA, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-update-'));
  profiles.push(dataDir);
  const first = await startServer({ dataDir, siteDir: siteA });
  const port = new URL(first.url).port;
  const context = await launchPersistent(newProfile());
  const page = context.pages()[0] ?? await context.newPage();
  await openApp(page, first.url);
  await controlled(page);
  const oldVersion = /const VERSION = '(\w+)'/.exec(fs.readFileSync(path.join(siteA, 'sw.js'), 'utf8'))[1];

  // Deploy a new version on the same origin: the service worker's bytes change.
  await first.stop();
  const sw = fs.readFileSync(path.join(siteA, 'sw.js'), 'utf8').replace(oldVersion, `${oldVersion}b`);
  fs.writeFileSync(path.join(siteA, 'sw.js'), sw);
  for (const ext of ['.br', '.gz']) fs.rmSync(path.join(siteA, `sw.js${ext}`), { force: true });
  const second = await startServer({ dataDir, siteDir: siteA, listen: `127.0.0.1:${port}` });
  try {
    await page.reload();
    await page.getByText('Có phiên bản mới').waitFor({ timeout: 20000 });
    await Promise.all([page.waitForEvent('framenavigated', { timeout: 20000 }),
      page.getByRole('button', { name: 'Cập nhật' }).click()]);
    await page.waitForFunction(() => window.cdscb?.ready, null, { timeout: 30000 });
    assert.deepEqual(await page.evaluate(() => caches.keys().then((k) => k.filter((n) => n.startsWith('shell-')))),
      [`shell-${oldVersion}b`], 'the new version took over and the old shell cache is gone');
    await page.getByRole('button', { name: 'Tin tức', exact: true }).waitFor();
  } finally {
    await context.close();
    await second.stop();
  }
});
