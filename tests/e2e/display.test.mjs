import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';

const env = useAppServer();

for (const dpr of [1, 2, 3]) {
  test(`at devicePixelRatio ${dpr} the canvas draws one pixel per device pixel`, async () => {
    const page = await (await env.browser.newContext({ ...PHONE, deviceScaleFactor: dpr })).newPage();
    await openApp(page, env.server.url);
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
    });
    assert.equal(size.cssW, 412);
    assert.equal(size.w, 412 * dpr);
    assert.equal(size.h, 915 * dpr);
    // The mirror stays in CSS pixels whatever the ratio.
    const tile = await page.getByRole('button', { name: 'Tin tức', exact: true }).boundingBox();
    assert.ok(tile.width > 100 && tile.width < 140, `tile width ${tile.width}`);
    await page.screenshot({ path: `build/e2e-home-dpr${dpr}.png` });
    await page.context().close();
  });
}

test('on a desktop browser the content is a centred column, not a stretched phone', async () => {
  const page = await (await env.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await openApp(page, env.server.url);
  const first = await page.getByRole('button', { name: 'Tin tức', exact: true }).boundingBox();
  const last = await page.getByRole('button', { name: 'Camera', exact: true }).boundingBox();
  const left = first.x, right = 1280 - (last.x + last.width);
  assert.ok(Math.abs(left - right) <= 2, `centred: ${left} vs ${right}`);
  assert.ok(last.x + last.width - first.x <= 600, 'the column is at most 600 px wide');
  await page.screenshot({ path: 'build/e2e-desktop.png' });
  await page.context().close();
});

test('without WebGL2 the page explains in Vietnamese why the app cannot start', async () => {
  const context = await env.browser.newContext(PHONE);
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /không hỗ trợ WebGL2/);
  await context.close();
});
