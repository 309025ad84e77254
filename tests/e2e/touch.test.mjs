import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';

const env = useAppServer();

// A finger drag through the browser's touch events (the same path a phone takes).
async function drag(page, cdp, from, to, steps = 8) {
  const point = (p) => [{ x: p.x, y: p.y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
  for (let i = 1; i <= steps; i++) {
    const p = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(p) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('dragging a list scrolls it and does not activate the tile under the finger', async () => {
  const page = await (await env.browser.newContext({ ...PHONE, viewport: { width: 412, height: 300 } })).newPage();
  await openApp(page, env.server.url);
  const cdp = await page.context().newCDPSession(page);
  const tile = page.getByRole('button', { name: 'Dịch vụ công', exact: true });
  const before = await tile.boundingBox();
  const start = { x: before.x + before.width / 2, y: Math.min(before.y + 40, 280) };
  await drag(page, cdp, start, { x: start.x, y: start.y - 120 });
  await page.waitForTimeout(800);  // inertia settles
  const after = await tile.boundingBox();
  assert.ok(after.y < before.y - 60, `the content scrolled: ${before.y} → ${after.y}`);
  assert.equal(await page.evaluate(() => location.hash), '', 'no tile was activated');
  await page.context().close();
});

test('a tap (touch without movement) activates the tile', async () => {
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, env.server.url);
  const cdp = await page.context().newCDPSession(page);
  const box = await page.getByRole('button', { name: 'Tin tức', exact: true }).boundingBox();
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await drag(page, cdp, at, at, 1);
  await page.waitForFunction(() => location.hash === '#/tin-tuc');
  await page.context().close();
});
