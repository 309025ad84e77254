// Following feedback (issue 4): an official's updates reach the citizen as notifications (a badge
// with the unread count on home, the "Thông báo" list, read when opened), and a signed-out
// visitor browses "Phản ánh công khai", filters by field and searches without diacritics; what is
// not published is not listed.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';
import { choose, fill, signInCitizen, signInOfficial, tap } from './feedback_support.mjs';

const env = useAppServer({ sms: true });
const headers = (key) => ({ Origin: env.server.url, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) });

async function post(context, path, data, key) {
  const r = await context.request.post(`${env.server.url}${path}`, { headers: headers(key), data });
  assert.ok(r.ok(), `${path}: ${r.status()} ${await r.text()}`);
  return r.status() === 204 ? null : r.json();
}

async function send(context, title, key) {
  const { feedback } = await post(context, '/api/v1/feedback', {
    title, content: 'Mô tả chi tiết sự việc để cơ quan xử lý.', field: 'giao-thong',
    location: { lat: 22.666, lng: 106.258 }, commune: 'phuong-thuc-phan', photos: [], anonymous: false,
  }, key);
  return feedback;
}

const act = (official, id, action, note) => post(official, `/api/v1/feedback/${id}/actions`, note ? { action, note } : { action });

test('an official answers; the citizen sees a badge and the notifications; a visitor finds it in the public list', async () => {
  const citizen = await env.browser.newContext(PHONE);
  await signInCitizen(citizen, env, { name: 'Nông Văn Tài', phone: '0912000777', password: 'Ban-Gioc-Cao-Bang-7' });
  const answered = await send(citizen, 'Đèn tín hiệu hỏng ở ngã tư Hợp Giang', 'public-test-key-000001');
  const pending = await send(citizen, 'Đèn tín hiệu chập chờn gần chợ Xanh', 'public-test-key-000002');

  const official = await env.browser.newContext(PHONE);
  await signInOfficial(official, env, { name: 'Hoàng Văn Minh', phone: '0912000778', password: 'So-Xay-Dung-Cao-Bang-8', agency: 'so-xay-dung' });
  const bridge = await send(citizen, 'Lan can cầu Bằng Giang bị gãy', 'public-test-key-000003');
  for (const [item, answer] of [[bridge, 'Đã hàn lại lan can.'], [answered, 'Đã thay bộ đèn tín hiệu mới.']]) {
    await act(official, item.id, 'receive');
    await act(official, item.id, 'start');
    let { feedback } = await act(official, item.id, 'resolve', answer);
    if (!feedback.published) ({ feedback } = await act(official, item.id, 'publish'));
    assert.equal(feedback.published, true);
  }
  await act(official, pending.id, 'receive');

  const { unread, items } = await (await citizen.request.get(`${env.server.url}/api/v1/notifications`)).json();
  assert.ok(unread >= 7, `the citizen has the official's updates (${unread})`);

  const page = await citizen.newPage();
  await openApp(page, env.server.url);
  const badge = page.locator('[data-id="home.notifications.badge"]');
  await page.waitForFunction((n) => document.querySelector('[data-id="home.notifications.badge"]')?.textContent === `${n} thông báo chưa đọc`, unread);
  await page.screenshot({ path: '/tmp/feedback-public-home.png' });

  await tap(page, 'button', 'Thông báo');
  await page.getByRole('heading', { name: 'Thông báo', exact: true }).waitFor();
  const resolvedText = 'Phản ánh “Đèn tín hiệu hỏng ở ngã tư Hợp Giang” đã có kết quả giải quyết.';
  assert.ok(items.some((n) => n.text === resolvedText));
  await page.getByRole('button', { name: resolvedText, exact: true }).waitFor();
  const cards = page.locator('[data-id^="notifications.item."][data-id$=".line"]');
  assert.equal(await cards.count(), items.length);
  assert.match(await cards.first().textContent(), /Chưa đọc · \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  await page.screenshot({ path: '/tmp/feedback-public-notifications.png' });
  await tap(page, 'button', resolvedText);
  await page.getByRole('heading', { name: 'Chi tiết phản ánh', exact: true }).waitFor();
  await page.locator('[data-id="feedback.detail_title"]').filter({ hasText: answered.title }).waitFor();
  assert.match(page.url(), new RegExp(`#/phan-anh/${answered.id}$`));

  await page.evaluate(() => { location.hash = '#/'; });
  await page.waitForFunction((n) => document.querySelector('[data-id="home.notifications.badge"]')?.textContent === `${n} thông báo chưa đọc`, unread - 1);
  assert.equal(await badge.textContent(), `${unread - 1} thông báo chưa đọc`);

  // A visitor who is not signed in.
  const visitor = await env.browser.newContext(PHONE);
  const view = await visitor.newPage();
  const errors = await openApp(view, env.server.url);
  await tap(view, 'button', 'Phản ánh kiến nghị');
  await tap(view, 'button', 'Phản ánh công khai');
  await view.getByRole('heading', { name: 'Phản ánh công khai', exact: true }).waitFor();
  await choose(view, 'Lĩnh vực', 'Giao thông');
  const listed = view.locator('[data-id^="feedback.public."][data-id$=".line"]');
  await listed.filter({ hasText: answered.title }).waitFor();
  await listed.filter({ hasText: bridge.title }).waitFor();
  assert.equal(await listed.filter({ hasText: pending.title }).count(), 0, 'unpublished feedback is not listed');
  assert.match(await listed.first().textContent(), /Đã giải quyết · Giao thông · Phường Thục Phán · \d\d\/\d\d\/\d{4}/);
  assert.doesNotMatch(await view.locator('#a11y-root').textContent(), /Nông Văn Tài/);
  await fill(view, 'Tìm kiếm', 'den tin hieu hong');
  await tap(view, 'button', 'Tìm');
  await view.waitForFunction(() => document.querySelectorAll('[data-id^="feedback.public."][data-id$=".line"]').length === 1);
  await listed.filter({ hasText: answered.title }).waitFor();
  await view.screenshot({ path: '/tmp/feedback-public-list.png' });
  await tap(view, 'button', answered.title);
  await view.locator('[data-id="feedback.detail_title"]').filter({ hasText: answered.title }).waitFor();
  assert.deepEqual(errors, []);
  await Promise.all([citizen.close(), official.close(), visitor.close()]);
});
