// The public map of feedback (issue 4): a visitor who is not signed in switches "Phản ánh công
// khai" to "Bản đồ" and sees the published feedback as markers named by their titles (not the
// unpublished one), filters by field, and taps a marker to open its public detail.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';
import { choose, createFeedback, postJson, signInCitizen, signInOfficial, tap } from './feedback_support.mjs';

const env = useAppServer({ tiles: true, sms: true });

async function publish(official, id) {
  const r = await postJson(official, env, `/api/v1/feedback/${id}/actions`, { action: 'publish' });
  assert.equal(r.status(), 200, await r.text());
}

test('published feedback shows as markers, filtered by field; a marker opens its public detail', async () => {
  const citizen = await env.browser.newContext(PHONE);
  await signInCitizen(citizen, env, { name: 'Nông Thị Lan', phone: '0912000881', password: 'Ban-Gioc-Cao-Bang-9' });
  // Places ~5 km apart around Thục Phán ward, inside the map's first view (zoom 10).
  const road = await createFeedback(citizen, env, { title: 'Ổ gà trên đường Hoàng Đình Giong', field: 'giao-thong', key: 'map-test-key-00000001' });
  const waste = await createFeedback(citizen, env, { title: 'Rác thải bên bờ sông Bằng', field: 'moi-truong', key: 'map-test-key-00000002', lat: 22.70, lng: 106.20 });
  const hidden = await createFeedback(citizen, env, { title: 'Đèn đường hỏng ở Đề Thám', field: 'giao-thong', key: 'map-test-key-00000003', lat: 22.63, lng: 106.30 });
  const roads = await env.browser.newContext(PHONE);
  await signInOfficial(roads, env, { name: 'Hoàng Văn Minh', phone: '0912000882', password: 'So-Xay-Dung-Cao-Bang-8', agency: 'so-xay-dung' });
  const nature = await env.browser.newContext(PHONE);
  await signInOfficial(nature, env, { name: 'Lương Thị Hà', phone: '0912000883', password: 'So-Nong-Nghiep-Cao-Bang-3', agency: 'so-nong-nghiep-moi-truong' });
  await publish(roads, road.id);
  await publish(nature, waste.id);

  const visitor = await env.browser.newContext(PHONE);
  const page = await visitor.newPage();
  const errors = await openApp(page, env.server.url);
  await tap(page, 'button', 'Phản ánh kiến nghị');
  await tap(page, 'button', 'Phản ánh công khai');
  await page.getByRole('heading', { name: 'Phản ánh công khai', exact: true }).waitFor();
  await tap(page, 'button', 'Bản đồ');
  await page.getByRole('button', { name: 'Bản đồ', exact: true, pressed: true }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Tìm kiếm', exact: true }).count(), 0, 'the map has no word search');

  const map = page.locator('.overlay.map [data-map="feedback.public_map"]');
  const markers = map.locator('.feedback-marker');
  const marker = (item) => page.getByRole('button', { name: `${item.title} (${item.status_label})`, exact: true });
  await marker(road).waitFor({ timeout: 20000 });
  await marker(waste).waitFor();
  await map.locator('.leaflet-tile-loaded').first().waitFor({ timeout: 20000 });
  assert.equal(await markers.count(), 2, 'only the two published items are markers');
  assert.equal(await map.locator(`[title="${hidden.title}"]`).count(), 0, 'the unpublished one is not on the map');
  assert.equal(await marker(road).getAttribute('title'), road.title);
  assert.match(await marker(waste).getAttribute('class'), /status-submitted/);
  await page.screenshot({ path: '/tmp/feedback-map-all.png' });

  // Filtering by field keeps only that field's markers.
  await choose(page, 'Lĩnh vực', 'Môi trường');
  await page.waitForFunction(() => document.querySelectorAll('.overlay.map .feedback-marker').length === 1);
  assert.equal(await markers.first().getAttribute('title'), waste.title);
  await page.screenshot({ path: '/tmp/feedback-map-filtered.png' });
  await choose(page, 'Lĩnh vực', 'Tất cả');
  await page.waitForFunction(() => document.querySelectorAll('.overlay.map .feedback-marker').length === 2);

  // Zooming in on the town asks for the points of the smaller view only (the far one is gone
  // from the answer, not just out of sight).
  for (let zoom = 11; zoom <= 13; zoom++) {
    await map.getByRole('button', { name: 'Zoom in' }).tap();
    await page.waitForFunction((z) => document.querySelector('.overlay.map .leaflet-tile-loaded')?.src.includes(`/${z}/`), zoom);
  }
  await page.waitForFunction(() => document.querySelectorAll('.overlay.map .feedback-marker').length === 1);
  assert.equal(await markers.first().getAttribute('title'), road.title);

  // Tapping a marker opens the public detail.
  await marker(road).tap();
  await page.locator('[data-id="feedback.detail_title"]').filter({ hasText: road.title }).waitFor();
  assert.match(page.url(), new RegExp(`#/phan-anh/${road.id}$`));
  assert.doesNotMatch(await page.locator('#a11y-root').textContent(), /Nông Thị Lan/);
  assert.deepEqual(errors, []);
  await Promise.all([citizen.close(), roads.close(), nature.close(), visitor.close()]);
});
