import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';

const TILES = ['Tin tức', 'Chính quyền', 'Phản ánh kiến nghị', 'Dịch vụ công', 'Thanh toán không tiền mặt', 'Camera'];
const ROUTES = ['#/tin-tuc', '#/chinh-quyen', '#/phan-anh', '#/dich-vu-cong', '#/thanh-toan', '#/camera'];

const env = useAppServer();

test('the home screen shows the header, the login button and the six tiles by role and name', async () => {
  const page = await (await env.browser.newContext(PHONE)).newPage();
  const errors = await openApp(page, env.server.url);
  await assert.doesNotReject(page.getByRole('heading', { name: 'Công dân số Cao Bằng' }).waitFor());
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
  for (const name of TILES) {
    const tile = page.getByRole('button', { name, exact: true });
    assert.equal(await tile.count(), 1, name);
    const box = await tile.boundingBox();
    assert.ok(box.width > 80 && box.height > 80, `${name} is a tile-sized target: ${JSON.stringify(box)}`);
    assert.ok(box.x >= 0 && box.x + box.width <= 412, `${name} fits the phone width`);
  }
  assert.deepEqual(errors, []);
  await page.screenshot({ path: 'build/e2e-home.png' });
  await page.context().close();
});

test('each tile opens its screen by touch, and the browser back button returns home', async () => {
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, env.server.url);
  for (const [i, name] of TILES.entries()) {
    // A real tap on the canvas where the tile is drawn.
    await page.getByRole('button', { name, exact: true }).tap({ force: true });
    await page.waitForFunction((r) => location.hash === r, ROUTES[i]);
    await page.getByRole('heading', { name, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Quay lại' }).waitFor();
    await page.goBack();
    await page.getByRole('button', { name: 'Phản ánh kiến nghị', exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Quay lại' }).count(), 0);
  }
  await page.context().close();
});

test('activating a mirror element (as a screen reader does) opens the screen; reload keeps it', async () => {
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, env.server.url);
  await page.getByRole('button', { name: 'Chính quyền', exact: true }).evaluate((el) => el.click());
  await page.waitForFunction(() => location.hash === '#/chinh-quyen');
  await page.reload();
  await page.getByRole('heading', { name: 'Chính quyền', exact: true }).waitFor();
  // The in-app back button goes back through the browser's history.
  await page.getByRole('button', { name: 'Quay lại' }).click({ force: true });
  await page.getByRole('button', { name: 'Camera', exact: true }).waitFor();
  await page.context().close();
});

test('an unknown route falls back to home, and a deep link opens its screen', async () => {
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, `${env.server.url}/#/khong-co-trang-nay`);
  await page.getByRole('button', { name: 'Tin tức', exact: true }).waitFor();
  await openApp(page, `${env.server.url}/#/thanh-toan`);
  await page.getByRole('heading', { name: 'Thanh toán không tiền mặt', exact: true }).waitFor();
  await page.context().close();
});
