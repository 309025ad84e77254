// "Mở lại phản ánh" (issue 4, Following): after an official resolved a feedback, its author says
// the problem is still there and reopens it, once. The status and the timeline say so, the
// official finds it back in the queue to handle, and after the next answer it cannot be reopened
// again.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';
import { createFeedback, fill, firstField, getJson, postJson, signInCitizen, signInOfficial, tap } from './feedback_support.mjs';

const env = useAppServer({ sms: true });
const TITLE = 'Đường tràn qua suối Khuổi Khoang bị xói';

async function act(official, id, action, note) {
  const r = await postJson(official, env, `/api/v1/feedback/${id}/actions`, note ? { action, note } : { action });
  assert.equal(r.status(), 200, `${action}: ${await r.text()}`);
}

test('the author reopens a resolved feedback once; the official sees it back in the queue', async () => {
  const citizen = await env.browser.newContext(PHONE);
  await signInCitizen(citizen, env, { name: 'Nông Thị Thu', phone: '0912001111', password: 'Khuoi-Khoang-2026' });
  const field = await firstField(citizen, env);
  const sent = await createFeedback(citizen, env, { title: TITLE, field: field.code, key: 'reopen-test-00000001' });
  const official = await env.browser.newContext(PHONE);
  await signInOfficial(official, env, { name: 'Lục Văn Sơn', phone: '0912001222', password: 'Xu-Ly-Mo-Lai-9', agency: field.agency.code });
  await act(official, sent.id, 'receive');
  await act(official, sent.id, 'resolve', 'Đã đắp lại đường tràn.');

  const page = await citizen.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/${sent.id}`);
  await page.locator('[data-id="feedback.status"]').filter({ hasText: 'Trạng thái: Đã giải quyết' }).waitFor();
  await fill(page, 'Lý do chưa được giải quyết', 'Mưa hôm qua lại xói mất nửa mặt đường.');
  await page.screenshot({ path: '/tmp/feedback-citizen-reopen-before.png' });
  await tap(page, 'button', 'Mở lại phản ánh');

  // The status says it is being handled again because the author reopened it, and so does the
  // newest step of the timeline, with the reason.
  await page.locator('[data-id="feedback.status"]').filter({ hasText: 'Trạng thái: Đang xử lý · Đã mở lại' }).waitFor();
  const steps = page.locator('[data-id^="feedback.update."][data-role="text"]:not([data-id$=".at"])');
  await steps.filter({ hasText: 'Đã mở lại · Đang xử lý: Mưa hôm qua lại xói mất nửa mặt đường.' }).waitFor();
  // Reopening is allowed once: the button and its reason are gone.
  assert.equal(await page.getByRole('button', { name: 'Mở lại phản ánh', exact: true }).count(), 0);
  assert.equal(await page.getByRole('textbox', { name: 'Lý do chưa được giải quyết', exact: true }).count(), 0);
  await page.screenshot({ path: '/tmp/feedback-citizen-reopened.png' });
  await page.mouse.move(200, 400);
  await page.mouse.wheel(0, -5000);
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/feedback-citizen-reopened-top.png' });
  const { feedback } = await getJson(citizen, env, `/api/v1/feedback/${sent.id}`);
  assert.equal(feedback.status, 'in_progress');
  assert.equal(feedback.can_reopen, false);
  assert.deepEqual(feedback.updates.at(-1).action, 'reopen');

  // The official finds it in the queue as being handled again, and can answer it again.
  const desk = await official.newPage();
  await openApp(desk, env.server.url);
  await tap(desk, 'button', 'Phản ánh kiến nghị');
  await tap(desk, 'button', 'Xử lý phản ánh');
  const row = desk.locator('[data-id^="feedback.queue."][data-id$=".line"]').filter({ hasText: `${TITLE}: Đang xử lý` });
  await row.waitFor();
  await desk.screenshot({ path: '/tmp/feedback-citizen-queue.png' });
  await tap(desk, 'button', TITLE);
  await desk.locator('[data-id="feedback.status"]').filter({ hasText: 'Đã mở lại' }).waitFor();
  await desk.getByRole('button', { name: 'Trả lời', exact: true }).waitFor();
  await fill(desk, 'Nội dung trả lời hoặc lý do', 'Đã kè đá hai bên đường tràn.');
  await tap(desk, 'button', 'Trả lời');
  await desk.locator('[data-id="feedback.status"]').filter({ hasText: 'Đã giải quyết' }).waitFor();

  // Answered again: the citizen may rate it, but not reopen it a second time.
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready);
  await page.locator('[data-id="feedback.answer_text"]').filter({ hasText: 'Đã kè đá hai bên đường tràn.' }).waitFor();
  await page.getByRole('button', { name: 'Gửi đánh giá', exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Mở lại phản ánh', exact: true }).count(), 0);
  const again = await postJson(citizen, env, `/api/v1/feedback/${sent.id}/reopen`, { reason: 'Vẫn còn xói.' });
  assert.equal(again.status(), 409);
  await official.close();
  await citizen.close();
});
