// "Dịch vụ công" for officials and admins (issue 12), at 412×915: a citizen files a dossier of
// "Cấp Phiếu lý lịch tư pháp" (Sở Tư pháp) through the API; an officer of Sở Tư pháp handles it in
// the app from the queue "Xử lý hồ sơ" to "Trả kết quả" with a PDF, each step checked in what
// the citizen's GET then shows; an officer of another agency is refused; "Thống kê hồ sơ" counts
// it; an admin edits the fee in a draft and publishes it ("Quản lý thủ tục").
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';
import { onePagePdf } from './pdf_fixture.mjs';
import { fill, getJson, postJson, signInCitizen, signInOfficial, tap } from './feedback_support.mjs';

const env = useAppServer({ sms: true });
const line = (page, id) => page.locator(`[data-id="${id}"]`);
const LLTP = 'MAU-LLTP-01';

let phones = 0;
const phone = () => `09150${String(++phones).padStart(5, '0')}`;

const pdf = (text) => Buffer.from(onePagePdf(text), 'latin1');

async function uploadPdf(context, text) {
  const r = await context.request.post(`${env.server.url}/api/v1/dossiers/files`,
    { headers: { Origin: env.server.url, 'Content-Type': 'application/pdf' }, data: pdf(text) });
  assert.equal(r.status(), 201, await r.text());
  return (await r.json()).file.id;
}

async function fileLltp(context) {
  const media = await uploadPdf(context, 'To khai lich tu phap');
  const r = await postJson(context, env, '/api/v1/dossiers', {
    procedure: LLTP, version: 1,
    values: { ho_ten: 'Nông Văn Dũng', ngay_sinh: '1990-05-12', so_dinh_danh: '004090001234',
      dien_thoai: '0912 345 678', dia_chi: { commune: 'phuong-thuc-phan', street: 'Số 5, phố Kim Đồng' },
      loai_phieu: 'so_1', so_luong: 2, muc_dich: 'Bổ sung hồ sơ xin việc',
      noi_cu_tru_khac: '2004–2024: phường Thục Phán, Cao Bằng', cam_doan: true },
    papers: { to_khai: [{ media, kind: 'pdf' }] },
  }, { 'Idempotency-Key': `office-e2e-${phones}-00000000` });
  assert.equal(r.status(), 201, await r.text());
  return (await r.json()).dossier.code;
}

async function officialPage(options) {
  const context = await env.browser.newContext(PHONE);
  await signInOfficial(context, env, { password: 'Xu-Ly-Ho-So-2026', phone: phone(), ...options });
  const page = await context.newPage();
  await openApp(page, env.server.url);
  return { context, page };
}

async function openQueue(page) {
  await page.evaluate(() => { location.hash = '#/'; });
  await tap(page, 'button', 'Dịch vụ công');
  await tap(page, 'button', 'Xử lý hồ sơ');
  await page.getByRole('heading', { name: 'Xử lý hồ sơ', exact: true }).first().waitFor();
}

const status = (page, label) => line(page, 'dossier.status').filter({ hasText: `Trạng thái: ${label}` }).waitFor();
const act = async (page, label, next) => { await tap(page, 'button', label); await status(page, next); };
const dossierOf = async (context, code) => (await getJson(context, env, `/api/v1/dossiers/${code}`)).dossier;

const invalid = (page, id) => page.waitForFunction((dataId) =>
  document.querySelector(`[data-id="${dataId}"]`)?.getAttribute('aria-invalid') === 'true', id);

const shared = {};

test('the officer of Sở Tư pháp takes a dossier from the queue to its returned PDF result', async () => {
  const citizen = await env.browser.newContext(PHONE);
  await signInCitizen(citizen, env, { name: 'Nông Văn Dũng', phone: phone(), password: 'Non-Nuoc-Cao-Bang-9' });
  const code = await fileLltp(citizen);
  shared.code = code;
  const desk = await officialPage({ name: 'Bế Thị Lan', agency: 'so-tu-phap' });
  shared.desk = desk;
  const { page } = desk;
  await openQueue(page);
  const card = line(page, 'services.office.queue.0.line');
  await card.filter({ hasText: 'Cấp Phiếu lý lịch tư pháp' }).waitFor();
  await card.filter({ hasText: 'Chờ nộp phí' }).waitFor();
  await page.screenshot({ path: '/tmp/services-office-queue.png' });
  // The status chips ask the server again: "Đang xử lý" holds nothing yet.
  await tap(page, 'button', 'Đang xử lý');
  await line(page, 'services.office.queue_empty').waitFor();
  await tap(page, 'button', 'Tất cả');
  await tap(page, 'button', code);
  await status(page, 'Chờ nộp phí');
  await line(page, 'dossier.applicant').filter({ hasText: 'Nông Văn Dũng' }).waitFor();
  await page.screenshot({ path: '/tmp/services-office-dossier.png' });

  await act(page, 'Đã nộp phí', 'Mới đăng ký');
  await act(page, 'Tiếp nhận', 'Được tiếp nhận');
  assert.equal((await dossierOf(citizen, code)).status, 'received');
  assert.ok((await dossierOf(citizen, code)).due_at, 'receiving fixes the due date');

  // "Yêu cầu bổ sung": every missing item, a paper, a reason and a number of days.
  await tap(page, 'button', 'Yêu cầu bổ sung');
  await tap(page, 'button', 'Gửi yêu cầu bổ sung');  // nothing typed: core's messages at the fields
  await invalid(page, 'services.office.items');
  await page.getByRole('textbox', { name: 'Giấy tờ, nội dung cần bổ sung (mỗi dòng một mục)', exact: true })
    .fill('Bản sao CCCD có chứng thực\nGiấy ủy quyền có chữ ký');
  await tap(page, 'checkbox', 'Văn bản ủy quyền');
  await fill(page, 'Lý do', 'Thiếu giấy tờ chứng minh nhân thân và ủy quyền.');
  await fill(page, 'Số ngày để bổ sung', '5');
  await page.screenshot({ path: '/tmp/services-office-supplement-form.png' });
  await tap(page, 'button', 'Gửi yêu cầu bổ sung');
  await status(page, 'Yêu cầu bổ sung');
  const asked = await dossierOf(citizen, code);
  assert.equal(asked.status, 'supplement_requested');
  assert.deepEqual(asked.supplement.items, ['Bản sao CCCD có chứng thực', 'Giấy ủy quyền có chữ ký']);
  assert.deepEqual(asked.supplement.papers, ['uy_quyen']);
  assert.equal(asked.supplement.reason, 'Thiếu giấy tờ chứng minh nhân thân và ủy quyền.');
  assert.equal(asked.supplement.days, 5);
  assert.ok(asked.supplement.deadline);
  assert.equal(asked.due_at, null, 'the clock stops while a supplement is awaited');

  // The citizen supplements through the API; the officer accepts it.
  const added = await uploadPdf(citizen, 'Giay uy quyen');
  const supplemented = await postJson(citizen, env, `/api/v1/dossiers/${code}/supplement`,
    { values: {}, papers: { uy_quyen: [{ media: added, kind: 'pdf' }] } });
  assert.equal(supplemented.status(), 200, await supplemented.text());
  await openQueue(page);
  await tap(page, 'button', code);
  await act(page, 'Tiếp nhận bổ sung', 'Được tiếp nhận');
  await act(page, 'Bắt đầu xử lý', 'Đang xử lý');
  await act(page, 'Đã xử lý xong', 'Đã xử lý xong');

  // "Trả kết quả" with a PDF picked from the phone, its number and date.
  await tap(page, 'button', 'Trả kết quả');
  await tap(page, 'button', 'Xác nhận trả kết quả');  // no file yet
  await line(page, 'services.office.media_error').filter({ hasText: 'Vui lòng chọn tệp PDF hoặc ảnh chụp kết quả.' }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await tap(page, 'button', 'Chọn tệp PDF kết quả');
  await (await chooser).setFiles({ name: 'phieu-lltp.pdf', mimeType: 'application/pdf', buffer: pdf('Phieu LLTP so 1') });
  await line(page, 'services.office.result_chosen').filter({ hasText: 'phieu-lltp.pdf' }).waitFor();
  await fill(page, 'Số văn bản kết quả', '125/PLLTP-STP');
  await page.screenshot({ path: '/tmp/services-office-result-form.png' });
  await tap(page, 'button', 'Xác nhận trả kết quả');
  await status(page, 'Đã trả kết quả');
  await line(page, 'services.office.no_actions').waitFor();
  await page.screenshot({ path: '/tmp/services-office-returned.png' });
  const returned = await dossierOf(citizen, code);
  assert.equal(returned.status, 'returned');
  assert.equal(returned.result.number, '125/PLLTP-STP');
  assert.equal(returned.result.kind, 'pdf');
  // The result lands in the citizen's "Kho giấy tờ". (The server has no route yet that serves a
  // PDF result's bytes to its owner: /media/ serves images only.)
  const papers = (await getJson(citizen, env, '/api/v1/papers/mine')).items;
  assert.ok(papers.some((p) => p.media === returned.result.media && p.dossier_code === code && p.kind === 'pdf'));
  const actions = returned.timeline.map((e) => e.action);
  for (const a of ['fee_paid', 'receive', 'request_supplement', 'supplement', 'start', 'finish', 'return_result'])
    assert.ok(actions.includes(a), `the citizen's timeline shows ${a}`);
  await citizen.close();
});

test('an officer of another agency cannot open or act on the dossier', async () => {
  const other = await officialPage({ name: 'Hà Văn Tường', agency: 'so-xay-dung' });
  await other.page.evaluate((code) => { location.hash = `#/dich-vu-cong/xu-ly/${code}`; }, shared.code);
  await line(other.page, 'services.office.dossier_error').filter({ hasText: 'Không tìm thấy hồ sơ.' }).waitFor();
  await other.page.screenshot({ path: '/tmp/services-office-other-agency.png' });
  const refused = await postJson(other.context, env, `/api/v1/officer/dossiers/${shared.code}/stop`, { reason: 'Thử' });
  assert.equal(refused.status(), 403);
  assert.equal((await refused.json()).error.message, 'Hồ sơ này thuộc cơ quan khác, bạn không được xử lý.');
  await other.context.close();
});

test('"Thống kê hồ sơ" counts the agency\'s dossiers this month', async () => {
  const { page } = shared.desk;
  await page.evaluate(() => { location.hash = '#/dich-vu-cong/thong-ke'; });
  await line(page, 'services.office.stat.filed').filter({ hasText: 'Hồ sơ đã nộp: 1' }).waitFor();
  await line(page, 'services.office.stat.received').filter({ hasText: 'Đã tiếp nhận: 1' }).waitFor();
  await line(page, 'services.office.stat.returned').filter({ hasText: 'Đã trả kết quả: 1' }).waitFor();
  await line(page, 'services.office.stat.on_time').filter({ hasText: 'Trả đúng hạn: 1' }).waitFor();
  await line(page, 'services.office.stat.late').filter({ hasText: 'Trả quá hạn: 0' }).waitFor();
  await page.screenshot({ path: '/tmp/services-office-stats.png' });
  await tap(page, 'button', 'Năm nay');
  await line(page, 'services.office.stat.filed').filter({ hasText: 'Hồ sơ đã nộp: 1' }).waitFor();
  await shared.desk.context.close();
});

test('an admin edits the fee in a draft; citizens see the new fee only once "Công bố"', async () => {
  const admin = await officialPage({ name: 'Lương Văn Quản', role: 'admin' });
  const { page } = admin;
  const visitor = await env.browser.newContext(PHONE);
  const fee = async () => (await getJson(visitor, env, `/api/v1/procedures/${LLTP}`)).procedure.fee_vnd;
  await page.evaluate(() => { location.hash = '#/'; });
  await tap(page, 'button', 'Dịch vụ công');
  await tap(page, 'button', 'Quản lý thủ tục');
  await tap(page, 'button', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam');
  await line(page, 'services.office.p.status').filter({ hasText: 'Phiên bản 1 · Đã công bố' }).waitFor();
  await fill(page, 'Lệ phí (đồng)', 'hai trăm');
  await page.screenshot({ path: '/tmp/services-office-procedure-edit.png' });
  await tap(page, 'button', 'Lưu bản nháp');
  await invalid(page, 'services.office.p.fee');
  await fill(page, 'Lệ phí (đồng)', '250000');
  await tap(page, 'button', 'Lưu bản nháp');
  await line(page, 'services.office.p.status').filter({ hasText: 'Phiên bản 2 · Bản nháp' }).waitFor();
  await page.screenshot({ path: '/tmp/services-office-procedure-draft.png' });
  assert.equal(await fee(), 200000, 'a draft is not what citizens see');
  await tap(page, 'button', 'Công bố');
  await line(page, 'services.office.p.status').filter({ hasText: 'Phiên bản 2 · Đã công bố' }).waitFor();
  assert.equal(await fee(), 250000);
  await page.evaluate(() => { location.hash = '#/dich-vu-cong/quan-ly-thu-tuc'; });
  await line(page, 'services.office.procedures.0').waitFor();
  await page.screenshot({ path: '/tmp/services-office-procedures.png' });
  await Promise.all([admin.context.close(), visitor.close()]);
});
