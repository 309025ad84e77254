// Processing by officials (issue 4, "Processing (officials)"), each action through the app as an
// official on a phone, and what the citizen, another agency or a visitor then sees: reject with a
// reason, transfer to another agency, assign to a colleague ("Giao cho cán bộ"), publish and hide
// ("Công khai" / "Ẩn"), and overdue feedback marked "Quá hạn" at the head of the queue.
// The feedback itself is sent through the API (sending through the app is feedback.test.mjs).
// Each test uses a field of its own agency, so that no test sees another's feedback in a queue.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';
import { choose, createFeedback, fill, signInCitizen, signInOfficial, tap } from './feedback_support.mjs';

const env = useAppServer({ sms: true });
const line = (page, id) => page.locator(`[data-id="${id}"]`);
const button = (page, name) => page.getByRole('button', { name, exact: true });

let phones = 0;
const phone = () => `09130${String(++phones).padStart(5, '0')}`;

async function citizenWith(title, field) {
  const context = await env.browser.newContext(PHONE);
  await signInCitizen(context, env, { name: 'Nông Thị Hằng', phone: phone(), password: 'Non-Nuoc-Cao-Bang-9' });
  const feedback = await createFeedback(context, env, { title, field, key: `officer-e2e-${title.length}-${phones}-0000` });
  return { context, feedback };
}

async function official(name, agency) {
  const context = await env.browser.newContext(PHONE);
  await signInOfficial(context, env, { name, phone: phone(), password: 'Xu-Ly-Phan-Anh-2026', agency });
  const page = await context.newPage();
  await openApp(page, env.server.url);
  return { context, page };
}

// The official's way in: home → "Phản ánh kiến nghị" → "Xử lý phản ánh".
async function openQueue(page) {
  await tap(page, 'button', 'Phản ánh kiến nghị');
  await tap(page, 'button', 'Xử lý phản ánh');
  await page.getByRole('heading', { name: 'Xử lý phản ánh', exact: true }).waitFor();
}

async function openFromQueue(page, title) {
  await openQueue(page);
  await tap(page, 'button', title);
  await line(page, 'feedback.detail_title').filter({ hasText: title }).waitFor();
}

const status = (page, label) => line(page, 'feedback.status').filter({ hasText: `Trạng thái: ${label}` }).waitFor();

test('reject with a reason: the citizen sees "Từ chối xử lý" and the reason in the timeline', async () => {
  const title = 'Xin làm đường bê tông vào nhà riêng';
  const reason = 'Đề nghị thuộc trách nhiệm của hộ gia đình, không thuộc phạm vi xử lý.';
  const citizen = await citizenWith(title, 'do-thi-xay-dung');
  const desk = await official('Lục Văn Hải', 'so-xay-dung');
  await openFromQueue(desk.page, title);
  await fill(desk.page, 'Nội dung trả lời hoặc lý do', reason);
  await tap(desk.page, 'button', 'Từ chối');
  await status(desk.page, 'Từ chối xử lý');
  assert.equal(await button(desk.page, 'Từ chối').count(), 0, 'a rejected feedback offers no second rejection');

  const page = await citizen.context.newPage();
  await openApp(page, env.server.url);
  await tap(page, 'button', 'Phản ánh kiến nghị');
  await tap(page, 'button', 'Cá nhân');
  await tap(page, 'button', title);
  await status(page, 'Từ chối xử lý');
  // The timeline's last entry: who (the official), and the status with the reason.
  await page.locator('[data-id^="feedback.update."]').filter({ hasText: `Từ chối xử lý: ${reason}` }).waitFor();
  await page.locator('[data-id$=".at"]').filter({ hasText: '· Lục Văn Hải' }).waitFor();
  await page.screenshot({ path: '/tmp/feedback-officer-rejected.png' });
  await Promise.all([citizen.context.close(), desk.context.close()]);
});

test('transfer with a reason: it leaves the first queue, the other agency receives it, the first can no longer act', async () => {
  const title = 'Khói bụi từ xưởng đốt than gần trường học';
  const citizen = await citizenWith(title, 'moi-truong');
  const first = await official('Hoàng Thị Thu', 'so-nong-nghiep-moi-truong');
  const other = await official('Đàm Văn Quyết', 'cong-an-tinh');

  await openFromQueue(first.page, title);
  await fill(first.page, 'Nội dung trả lời hoặc lý do', 'Có dấu hiệu vi phạm, đề nghị công an xử lý.');
  await choose(first.page, 'Cơ quan tiếp nhận', 'Công an tỉnh');
  await tap(first.page, 'button', 'Chuyển cơ quan');
  await status(first.page, 'Đã chuyển cơ quan khác');
  await line(first.page, 'feedback.detail_agency').filter({ hasText: 'Cơ quan xử lý: Công an tỉnh' }).waitFor();
  await first.page.getByText('Phản ánh này đã thuộc cơ quan khác, bạn không còn xử lý được.', { exact: true }).waitFor();
  await first.page.screenshot({ path: '/tmp/feedback-officer-transferred.png' });
  for (const action of ['Tiếp nhận', 'Từ chối', 'Chuyển cơ quan', 'Công khai']) {
    assert.equal(await button(first.page, action).count(), 0, `"${action}" is gone for the first agency`);
  }
  // Its queue no longer holds it.
  await first.page.goto(`${env.server.url}/#/phan-anh/xu-ly`);
  await line(first.page, 'feedback.queue_empty').filter({ hasText: 'Không có phản ánh nào cần xử lý.' }).waitFor();
  assert.equal(await button(first.page, title).count(), 0);
  // Nor does the page of the feedback offer anything to do.
  await first.page.goto(`${env.server.url}/#/phan-anh/${citizen.feedback.id}`);
  await first.page.reload();
  await first.page.getByText('Không tìm thấy phản ánh.', { exact: true }).waitFor();
  assert.equal(await button(first.page, 'Tiếp nhận').count(), 0);

  // Công an tỉnh finds it in its queue and receives it.
  await openQueue(other.page);
  await line(other.page, 'feedback.queue.0.line').filter({ hasText: `${title}: Đã chuyển cơ quan khác · ` }).waitFor();
  await tap(other.page, 'button', title);
  await tap(other.page, 'button', 'Tiếp nhận');
  await status(other.page, 'Đã tiếp nhận');
  await other.page.locator('[data-id^="feedback.update."]')
    .filter({ hasText: 'Đã chuyển cơ quan khác: Có dấu hiệu vi phạm, đề nghị công an xử lý.' }).waitFor();
  await Promise.all([citizen.context.close(), first.context.close(), other.context.close()]);
});

test('assign to a colleague: "Giao cho cán bộ" offers the agency\'s officials and the detail shows the assignee', async () => {
  const title = 'Trạm y tế xã đóng cửa giờ hành chính';
  const citizen = await citizenWith(title, 'y-te');
  const desk = await official('Bế Thị Nga', 'so-y-te');
  const colleague = await official('Vi Văn Lâm', 'so-y-te');
  const outsider = await official('Sầm Văn Tú', 'so-giao-duc-dao-tao');

  await openFromQueue(desk.page, title);
  await tap(desk.page, 'button', 'Tiếp nhận');
  await status(desk.page, 'Đã tiếp nhận');
  const picker = desk.page.getByRole('combobox', { name: 'Giao cho cán bộ', exact: true });
  await picker.locator('option', { hasText: 'Vi Văn Lâm' }).waitFor({ state: 'attached' });
  const offered = (await picker.locator('option').allTextContents()).slice(1);  // after "Chọn cán bộ"
  assert.deepEqual(offered, ['Bế Thị Nga', 'Vi Văn Lâm'], 'only officials of Sở Y tế are offered');
  // Nothing chosen yet: the picker says so (a screen reader reads it with the field), nothing sent.
  await tap(desk.page, 'button', 'Giao xử lý');
  await desk.page.waitForFunction(() => document.querySelector('[data-id="feedback.assignee"]')
    ?.getAttribute('aria-description') === 'Vui lòng chọn cán bộ được giao.');
  await choose(desk.page, 'Giao cho cán bộ', 'Vi Văn Lâm');
  await desk.page.waitForFunction(() => document.querySelector('[data-id="feedback.assignee"]')
    ?.getAttribute('aria-invalid') !== 'true');
  await picker.focus();
  await desk.page.screenshot({ path: '/tmp/feedback-officer-assign.png' });
  await tap(desk.page, 'button', 'Giao xử lý');
  await line(desk.page, 'feedback.assignee_name').filter({ hasText: 'Cán bộ xử lý: Vi Văn Lâm' }).waitFor();
  await status(desk.page, 'Đang xử lý');
  await desk.page.screenshot({ path: '/tmp/feedback-officer-assigned.png' });

  // The colleague sees it assigned to them, and the timeline says who was given the work. The
  // citizen's page has no assignee line (the timeline, which names officials, is theirs too).
  await colleague.page.goto(`${env.server.url}/#/phan-anh/${citizen.feedback.id}`);
  await line(colleague.page, 'feedback.assignee_name').filter({ hasText: 'Cán bộ xử lý: Vi Văn Lâm' }).waitFor();
  await colleague.page.locator('[data-id^="feedback.update."]').filter({ hasText: 'Giao cho cán bộ Vi Văn Lâm' }).waitFor();
  const page = await citizen.context.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/${citizen.feedback.id}`);
  await status(page, 'Đang xử lý');
  assert.equal(await line(page, 'feedback.assignee_name').count(), 0);
  // An officer of another agency does not learn that this unpublished feedback exists.
  assert.equal((await outsider.context.request.get(
    `${env.server.url}/api/v1/officer/colleagues?feedback=${citizen.feedback.id}`)).status(), 404);
  await Promise.all([citizen.context.close(), desk.context.close(), colleague.context.close(), outsider.context.close()]);
});

// A signed-out visitor looks for the title in "Phản ánh công khai"; true when it is listed.
async function publicly(view, title) {
  await view.goto(`${env.server.url}/#/phan-anh/cong-khai`);
  await view.reload();
  await view.getByRole('heading', { name: 'Phản ánh công khai', exact: true }).waitFor();
  await fill(view, 'Tìm kiếm', title);
  await tap(view, 'button', 'Tìm');
  const found = button(view, title);
  const none = line(view, 'feedback.public_empty');
  await found.or(none).first().waitFor();
  return (await found.count()) > 0;
}

test('"Công khai" puts it in "Phản ánh công khai" for a visitor, "Ẩn" takes it out', async () => {
  const title = 'Lớp học cắm bản dột nát khi mưa';
  const citizen = await citizenWith(title, 'giao-duc');
  const desk = await official('Mạc Văn Thành', 'so-giao-duc-dao-tao');
  const visitor = await env.browser.newContext(PHONE);
  const view = await visitor.newPage();
  await openApp(view, env.server.url);
  assert.equal(await publicly(view, title), false, 'not published on arrival (Giáo dục is not public by default)');

  await openFromQueue(desk.page, title);
  await tap(desk.page, 'button', 'Công khai');
  await button(desk.page, 'Ẩn').waitFor();
  assert.equal(await publicly(view, title), true, 'listed once published');
  assert.doesNotMatch(await view.locator('#a11y-root').textContent(), /Nông Thị Hằng/, 'no personal data');

  await tap(desk.page, 'button', 'Ẩn');
  await button(desk.page, 'Công khai').waitFor();
  assert.equal(await publicly(view, title), false, 'gone once hidden');
  await Promise.all([citizen.context.close(), desk.context.close(), visitor.close()]);
});

test('feedback past its receive deadline shows "Quá hạn" and heads the queue', async () => {
  const older = await citizenWith('Mất điện kéo dài ở tổ 5 phường Sông Hiến', 'dien-nuoc');
  const newer = await citizenWith('Nước sinh hoạt đục màu ở khu tái định cư', 'dien-nuoc');
  const desk = await official('Nông Văn Khoa', 'so-cong-thuong');
  // The first two cards of the queue, top down: [title, "title: line under it"].
  const shown = () => Promise.all([0, 1].map(async (i) => [
    await line(desk.page, `feedback.queue.${i}`).textContent(),
    await line(desk.page, `feedback.queue.${i}.line`).textContent()]));

  // Both new and within their deadline: oldest first, neither marked.
  await openQueue(desk.page);
  await line(desk.page, 'feedback.queue.1.line').waitFor();
  let [first, second] = await shown();
  assert.deepEqual([first[0], second[0]], [older.feedback.title, newer.feedback.title]);
  assert.match(first[1], /: Đã gửi · \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  assert.match(second[1], /: Đã gửi · /);

  // The test moves the newer one's receive deadline (8 working hours after sending) an hour into
  // the past by writing to the test server's SQLite file: the product has no fake clock, and
  // waiting 8 working hours is not an option.
  execFileSync('sqlite3', [path.join(env.server.dataDir, 'app.db'),
    `UPDATE feedback SET receive_deadline = CAST(strftime('%s', 'now') AS INTEGER) - 3600 WHERE id = ${newer.feedback.id}`]);

  await desk.page.reload();
  await desk.page.waitForFunction(() => window.cdscb?.ready);
  await line(desk.page, 'feedback.queue.0.line').filter({ hasText: `${newer.feedback.title}: Quá hạn · ` }).waitFor();
  [first, second] = await shown();
  assert.deepEqual([first[0], second[0]], [newer.feedback.title, older.feedback.title], 'overdue first');
  assert.match(first[1], /: Quá hạn · Đã gửi · \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  assert.match(second[1], /: Đã gửi · /);
  await desk.page.screenshot({ path: '/tmp/feedback-officer-overdue.png' });
  // Its page says so too.
  await tap(desk.page, 'button', newer.feedback.title);
  await status(desk.page, 'Đã gửi · Quá hạn');
  await Promise.all([older.context.close(), newer.context.close(), desk.context.close()]);
});
