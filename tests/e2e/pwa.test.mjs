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
