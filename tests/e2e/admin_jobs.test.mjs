// "Công việc lỗi": a confirmation text the SMS gateway refused every time (it is down) lands in
// the jobs dead-letter list; the admin sees it there with its attempts and last error, and once
// the gateway is back taps "Thử lại", which hands it to the worker again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { freePort, launchBrowser, sleep, startServer, startSms } from './harness.mjs';
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

test('a text the gateway refused shows in "Công việc lỗi" and goes again with "Thử lại"', async () => {
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

  // The gateway is back; the admin runs the job again.
  env.sms = await startSms({ port: env.smsPort });
  await tap(page, 'button', `Thử lại công việc #${job.id}`);
  await status(page, `Đã đưa công việc #${job.id} vào hàng chờ chạy lại.`);
  assert.equal(await heading.count(), 0, 'it left the list');
  await page.getByText('Không có công việc lỗi nào.').waitFor();
  await page.screenshot({ path: '/tmp/admin-jobs-retried.png' });
  // The server gave it a fresh series of attempts: done now, or (should it fail again) dead
  // with more attempts allowed than before.
  const again = await deadJobs(context, () => true, 0);
  assert.ok(again.every((j) => j.id !== job.id || j.max_attempts > job.max_attempts), JSON.stringify(again));

  // Someone who is not an admin gets no list.
  const anonymous = await fetch(`${env.server.url}/api/v1/admin/jobs?status=dead`);
  assert.equal(anonymous.status, 401);
  await context.close();
});
