// "Công việc lỗi": a confirmation text the SMS gateway refused every time (it is down) lands in
// the jobs dead-letter list; the admin sees it there with its attempts and last error. A dead
// code's text is not offered "Thử lại" (the code has expired: the citizen asks for a new one);
// kinds that can be retried are, and a retry hands them to the worker again (jobs_test.cpp).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { freePort, launchBrowser, sleep, smsCodes, startServer, startSms } from './harness.mjs';
import { addOfficial, signedInPage, tap } from './account_helpers.mjs';

const env = {};
const admin = { role: 'admin', phone: '0900000031', name: 'Quản Trị Việc', password: 'Quan-Tri-Viec-2026' };
const citizen = { full_name: 'Hoàng Thị Nhắn', phone: '0987001122', password: 'Tin-Nhan-Loi-2026' };

before(async () => {
  // The gateway's address is known to the server, but nothing answers there yet.
  env.smsPort = await freePort();
  env.server = await startServer({ smsUrl: `http://127.0.0.1:${env.smsPort}/messages` });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  await env.sms?.stop();
});

const status = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor();

// The dead jobs as the admin's API answers them, once `until` holds (the worker retries with a
// backoff: 4 attempts over about 35 s).
async function deadJobs(context, until, timeoutMs = 90000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { jobs } = await (await context.request.get(`${env.server.url}/api/v1/admin/jobs?status=dead`)).json();
    if (until(jobs) || Date.now() > deadline) return jobs;
    await sleep(500);
  }
}

test('a text the gateway refused shows in "Công việc lỗi"; an expired code is not offered "Thử lại"', async () => {
  await addOfficial(env, admin);
  const registered = await fetch(`${env.server.url}/api/v1/accounts/register`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(citizen) });
  assert.equal(registered.status, 201);

  const { context, page } = await signedInPage(env, admin.phone, admin.password);
  const jobs = await deadJobs(context, (list) => list.length > 0);
  assert.equal(jobs.length, 1, 'the code\'s text died after its attempts');
  const [job] = jobs;
  assert.equal(job.kind, 'accounts.code_sms');
  assert.equal(job.attempts, job.max_attempts);

  await tap(page, 'button', 'Tài khoản');
  await tap(page, 'button', 'Công việc lỗi');
  const heading = page.getByRole('heading', { name: `Gửi mã xác nhận qua SMS (#${job.id})` });
  await heading.waitFor();
  await page.getByText(new RegExp(`^Đã thử ${job.attempts} lần, lần cuối lúc \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d$`)).waitFor();
  // The error says what failed, never the code itself.
  const error = await page.getByText(/^Lỗi lần cuối: /).textContent();
  assert.match(error, /SMS gateway/);
  assert.match(error, /098\*{4}122/);
  assert.doesNotMatch(error, /\b\d{6}\b/);
  await page.screenshot({ path: '/tmp/admin-jobs-dead.png' });

  // A dead code's text cannot help any more (the code has expired, or the citizen was told to
  // ask again): no "Thử lại", a sentence saying why, and the server refuses it too.
  assert.equal(job.retryable, false);
  assert.equal(await page.getByRole('button', { name: `Thử lại công việc #${job.id}` }).count(), 0);
  await page.getByText(/^Không chạy lại được: mã xác nhận trong tin nhắn đã hết hạn\./).waitFor();
  const refused = await context.request.post(`${env.server.url}/api/v1/admin/jobs/${job.id}/retry`,
    { headers: { Origin: env.server.url } });
  assert.equal(refused.status(), 409);
  assert.equal((await refused.json()).error.code, 'not_retryable');
  // The citizen asks for a new code once the gateway is back, and it arrives.
  env.sms = await startSms({ port: env.smsPort });
  const resent = await fetch(`${env.server.url}/api/v1/accounts/resend`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone: citizen.phone, purpose: 'register' }) });
  assert.ok(resent.status < 300, `resend answered ${resent.status}`);
  assert.equal((await smsCodes(env.sms, citizen.phone)).length, 1, 'the new code arrived');
  await page.screenshot({ path: '/tmp/admin-jobs-retried.png' });

  // Someone who is not an admin gets no list.
  const anonymous = await fetch(`${env.server.url}/api/v1/admin/jobs?status=dead`);
  assert.equal(anonymous.status, 401);
  await context.close();
});
