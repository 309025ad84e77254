import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';

const env = useAppServer();

// The value the app itself holds for a field, as it reports it back through the mirror.
const appValue = (page, id) =>
  page.evaluate((i) => new Promise((resolve) => {
    const read = () => document.querySelector(`[data-id="${i}"]`);
    const check = () => read() && resolve(read().value);
    document.addEventListener('cdscb-mirror', check, { once: true });
    setTimeout(check, 300);
  }), id);

test('fill() on a text field puts Vietnamese text into the app', async () => {
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  const title = page.getByRole('textbox', { name: 'Tiêu đề' });
  await title.fill('Đường ở Hòa An bị sạt lở');
  // Blur so the mirror may write the app's value back into the element.
  await page.evaluate(() => document.activeElement.blur());
  await page.waitForFunction(() => document.querySelector('[data-id="feedback.title"]').value === 'Đường ở Hòa An bị sạt lở');
  // Navigate away and back: the screen kept the text in its state, not only the DOM.
  await page.getByRole('button', { name: 'Quay lại' }).click({ force: true });
  await page.getByRole('button', { name: 'Phản ánh kiến nghị', exact: true }).tap({ force: true });
  await page.getByRole('button', { name: 'Tạo phản ánh', exact: true }).tap({ force: true });
  await page.getByRole('textbox', { name: 'Tiêu đề' }).waitFor();
  assert.equal(await appValue(page, 'feedback.title'), 'Đường ở Hòa An bị sạt lở');
  await page.context().close();
});

test('a Telex-style IME that deletes and retypes, and decomposed input, end up as NFC text', async () => {
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  const title = page.getByRole('textbox', { name: 'Tiêu đề' });
  await title.tap();  // the tap lands on the real <input>, as a finger would
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), 'feedback.title');
  // Telex: "sa" then "j" turns "a" into "ạ" by deleting it and inserting the composed letter.
  await page.keyboard.type('sa');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('ạ');
  await page.keyboard.insertText('t lo\u031B\u0309');  // "ở" typed as o + horn + hook (NFD)
  await page.evaluate(() => document.activeElement.blur());
  await page.waitForFunction(() => document.querySelector('[data-id="feedback.title"]').value === 'sạt lở');
  const value = await page.evaluate(() => document.querySelector('[data-id="feedback.title"]').value);
  assert.equal(value, 'sạt lở'.normalize('NFC'));
  assert.equal(value.length, 6);
  await page.context().close();
});

test('every mirrored element has a role and an accessible name, and sits over the canvas', async () => {
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, env.server.url);
  const nodes = await page.$$eval('#a11y-root > *', (els) => els.map((e) => ({
    tag: e.tagName, name: (e.getAttribute('aria-label') ?? e.textContent).trim(), box: e.getBoundingClientRect().toJSON() })));
  assert.ok(nodes.length >= 8);
  for (const n of nodes) {
    assert.ok(n.name.length > 0, `${n.tag} has a name`);
    assert.ok(n.box.width > 0 && n.box.height > 0 && n.box.right <= 412, `${n.name} has a box on screen`);
  }
  // Keyboard users reach the tiles with Tab and activate them with Enter.
  await page.getByRole('button', { name: 'Camera', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/camera');
  await page.context().close();
});

test('the larger text setting and the English language apply at once and survive a reload', async () => {
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await openApp(page, env.server.url);
  const before = (await page.getByRole('button', { name: 'Tin tức', exact: true }).boundingBox()).height;
  await page.getByRole('button', { name: 'Cài đặt hiển thị' }).tap({ force: true });
  await page.getByRole('checkbox', { name: 'Chữ lớn' }).tap({ force: true });
  await page.getByRole('button', { name: 'English' }).tap({ force: true });
  await page.getByRole('heading', { name: 'Display settings' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Display settings' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Large text' }).isChecked(), true);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('button', { name: 'Back' }).click({ force: true });
  const after = (await page.getByRole('button', { name: 'News', exact: true }).boundingBox()).height;
  assert.ok(after > before, `tiles grow with large text: ${before} → ${after}`);
  await page.context().close();
});
