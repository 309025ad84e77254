import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';

const env = useAppServer({ tiles: true });

const boxOf = (page, selector) => page.locator(selector).boundingBox();

test('the feedback screen shows a Leaflet map with local tiles over the rectangle it reserved', async () => {
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, env.server.url);
  await page.getByRole('button', { name: 'Phản ánh kiến nghị', exact: true }).tap({ force: true });
  await page.getByRole('button', { name: 'Tạo phản ánh', exact: true }).tap({ force: true });
  await page.locator('.overlay.map .leaflet-tile-loaded').first().waitFor({ timeout: 20000 });
  const loaded = await page.$$eval('.overlay.map img.leaflet-tile-loaded', (imgs) =>
    imgs.filter((i) => i.naturalWidth === 256).map((i) => i.src));
  assert.ok(loaded.length >= 2, `tiles loaded: ${loaded.length}`);
  assert.ok(loaded.every((src) => src.startsWith(env.tiles.url)), 'tiles come from the configured template');
  const map = await boxOf(page, '.overlay.map');
  const title = await page.getByRole('textbox', { name: 'Tiêu đề' }).boundingBox();
  assert.ok(map.y > title.y + title.height, 'the map sits below the title field, where the screen reserved it');
  assert.ok(Math.abs(map.width - title.width) <= 1, `the map spans the column: ${map.width} vs ${title.width}`);
  assert.ok(Math.abs(map.height - 280) <= 1);
  await page.screenshot({ path: 'build/e2e-map.png' });

  // Leaving the screen hides the map; coming back shows it again.
  await page.getByRole('button', { name: 'Quay lại' }).click({ force: true });
  await page.getByRole('button', { name: 'Cá nhân', exact: true }).waitFor();
  assert.equal(await page.locator('.overlay.map').isVisible(), false);
  await page.goForward();
  await page.locator('.overlay.map').waitFor({ state: 'visible' });
  await page.context().close();
});

test('the map follows scrolling and is clipped under the header', async () => {
  const page = await (await env.browser.newContext({ ...PHONE, viewport: { width: 412, height: 640 } })).newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  await page.locator('.overlay.map .leaflet-tile-loaded').first().waitFor({ timeout: 20000 });
  const before = await boxOf(page, '.overlay.map .overlay-content');
  const field = await page.getByRole('textbox', { name: 'Tiêu đề' }).boundingBox();
  await page.mouse.move(200, field.y - 20);
  await page.waitForTimeout(100);  // a pointer that arrives with its first wheel has no hover yet
  await page.mouse.wheel(0, 600);  // the form's fields come first: scroll the map under the header
  await page.waitForFunction((y) => {
    const r = document.querySelector('.overlay.map .overlay-content').getBoundingClientRect();
    return r.y < y - 20;
  }, before.y);
  const afterBox = await boxOf(page, '.overlay.map .overlay-content');
  const clip = await boxOf(page, '.overlay.map');
  assert.ok(afterBox.y < before.y, `moved up: ${before.y} → ${afterBox.y}`);
  assert.ok(clip.y >= 56, `the visible part starts below the header: ${clip.y}`);
  await page.context().close();
});
