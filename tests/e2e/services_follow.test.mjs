// "Hồ sơ cá nhân", one dossier, "Kho giấy tờ" and "Tra cứu hồ sơ" in Chromium at phone size, with
// the real server: dossiers are filed through the API as a citizen, the Sở Tư pháp's officer acts
// on them through the officer routes, and the app shows what the citizen (or anyone, for the
// lookup) can see at each step.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openApp, PHONE, tap, useAppServer } from './harness.mjs';
import { onePagePdf } from './pdf_fixture.mjs';
import { choose, fill, photoWithGps, postJson, signInCitizen, signInOfficial } from './feedback_support.mjs';

const env = useAppServer({ sms: true });
const SHOTS = '/tmp/dvc-follow';
const shot = (page, name) => page.screenshot({ path: `${SHOTS}-${name}.png` });
const text = (page, value) => page.getByText(value, typeof value === 'string' ? { exact: true } : {});
const PASSWORD = 'Mat-khau-2026';
const PROCEDURE = 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam';
let phones = 0;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A dossier's card in "Hồ sơ cá nhân": its procedure, code and status (then its due date).
const cardLine = (page, code, status) => text(page, new RegExp(`^${escape(PROCEDURE)}: ${escape(code)} · ${status}( · |$)`));

const pdf = (label) => Buffer.from(onePagePdf(label));

async function upload(context, bytes) {
  const r = await context.request.post(`${env.server.url}/api/v1/dossiers/files`, { headers: { Origin: env.server.url }, data: bytes });
  assert.equal(r.status(), 201, await r.text());
  return (await r.json()).file;
}

// A citizen signed in in a phone-sized context of their own.
async function newCitizen(name) {
  const context = await env.browser.newContext(PHONE);
  const phone = `09140000${String(++phones).padStart(2, '0')}`;
  await signInCitizen(context, env, { name, phone, password: PASSWORD });
  return context;
}

// "Cấp Phiếu lý lịch tư pháp" (Sở Tư pháp, fee 200.000 ₫) filed through the API; its code.
async function fileDossier(context, key) {
  const file = await upload(context, pdf(`To khai ${key}`));
  const r = await postJson(context, env, '/api/v1/dossiers', {
    procedure: 'MAU-LLTP-01', version: 1,
    values: { ho_ten: 'Nông Thị Hoa', ngay_sinh: '1990-05-12', so_dinh_danh: '004190001234', dien_thoai: '0912999002',
      dia_chi: { commune: 'phuong-thuc-phan', street: 'Số 5 phố Vườn Cam' }, loai_phieu: 'so_2', so_luong: 1,
      muc_dich: 'Bổ sung hồ sơ xin việc', noi_cu_tru_khac: 'Cao Bằng từ 2004', cam_doan: true },
    papers: { to_khai: [{ media: file.id, kind: file.kind }] },
  }, { 'Idempotency-Key': `dossier-key-${key}` });
  assert.equal(r.status(), 201, await r.text());
  return (await r.json()).dossier.code;
}

let officer;
async function act(code, action, body = {}) {
  if (!officer) {
    officer = await env.browser.newContext(PHONE);
    await signInOfficial(officer, env, { name: 'Cán bộ Tư pháp', phone: '0914999001', password: PASSWORD, agency: 'so-tu-phap' });
  }
  const r = await postJson(officer, env, `/api/v1/officer/dossiers/${code}/${action}`, body);
  assert.equal(r.status(), 200, `${action}: ${await r.text()}`);
  return (await r.json()).dossier;
}

async function appPage(context, route) {
  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/dich-vu-cong${route}`);
  return page;
}

test('my dossiers: the list, the timeline, a request for supplements, the result, the survey and Kho giấy tờ', async () => {
  const citizen = await newCitizen('Nông Thị Hoa');
  const code = await fileDossier(citizen, 'follow-main-1');
  const page = await appPage(citizen, '');
  await tap(page, 'button', 'Hồ sơ cá nhân');
  const card = page.getByRole('button', { name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', exact: true });
  await card.waitFor();
  await cardLine(page, code, 'Chờ nộp phí').waitFor();
  await shot(page, 'mine');

  await act(code, 'fee-paid');
  await act(code, 'receive');
  await page.reload();
  await text(page, new RegExp(`^${PROCEDURE}: ${escape(code)} · Được tiếp nhận · hạn \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d$`)).waitFor();
  await tap(page, 'button', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam');
  await page.waitForURL(`${env.server.url}/#/dich-vu-cong/ho-so/${code}`);
  await text(page, `Mã hồ sơ: ${code}`).waitFor();
  await text(page, 'Trạng thái: Được tiếp nhận').waitFor();
  await text(page, 'Cơ quan tiếp nhận: Sở Tư pháp').waitFor();
  await text(page, 'Phí, lệ phí: 200.000 ₫').waitFor();
  // The form's values under the form's labels, options and communes by name.
  await text(page, 'Loại phiếu: Phiếu lý lịch tư pháp số 2').waitFor();
  await text(page, 'Ngày sinh: 12/05/1990').waitFor();
  await text(page, 'Nơi thường trú: Số 5 phố Vườn Cam, Phường Thục Phán').waitFor();
  // Every step, who and what.
  await text(page, /· Nộp hồ sơ \(Chờ nộp phí\)$/).waitFor();
  await text(page, /· Đã nộp phí \(Mới đăng ký\)$/).waitFor();
  await text(page, /· Tiếp nhận \(Được tiếp nhận\)$/).waitFor();
  assert.ok(await text(page, 'Cán bộ · Sở Tư pháp').count() >= 1);
  await page.getByRole('button', { name: 'Rút hồ sơ', exact: true }).waitFor();
  await shot(page, 'dossier');

  await act(code, 'request-supplement', { items: ['Tờ khai có chữ ký rõ ràng'], papers: ['to_khai'],
    reason: 'Ảnh tờ khai bị mờ, không đọc được chữ ký.', days: 5 });
  await page.reload();
  await text(page, 'Trạng thái: Yêu cầu bổ sung').waitFor();
  await text(page, 'Cần bổ sung:').waitFor();
  await text(page, '• Tờ khai có chữ ký rõ ràng').waitFor();
  await text(page, 'Giấy tờ cần nộp thêm: Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp').waitFor();
  await text(page, 'Lý do: Ảnh tờ khai bị mờ, không đọc được chữ ký.').waitFor();
  await text(page, /^Hạn bổ sung: \d\d\/\d\d\/\d{4} 23:59$/).waitFor();
  await shot(page, 'supplement');
  await tap(page, 'button', 'Bổ sung hồ sơ');
  await page.waitForURL(`${env.server.url}/#/dich-vu-cong/bo-sung/${code}`);
  await page.goBack();

  // The citizen supplements (dvc-filing's page does this in the app), the officer goes on.
  const again = await upload(citizen, pdf('To khai ky ro'));
  const supplemented = await postJson(citizen, env, `/api/v1/dossiers/${code}/supplement`,
    { values: {}, papers: { to_khai: [{ media: again.id, kind: again.kind }] } });
  assert.equal(supplemented.status(), 200, await supplemented.text());
  await act(code, 'accept-supplement');
  await act(code, 'process');
  await act(code, 'finish');
  const result = await upload(officer, await photoWithGps(page, { width: 600, height: 800, color: '#2a6' }));
  await act(code, 'return-result', { media: result.id, number: '1234/LLTP', date: '2026-12-07' });
  await page.reload();
  await text(page, 'Trạng thái: Đã trả kết quả').waitFor();
  await text(page, 'Số văn bản: 1234/LLTP').waitFor();
  await text(page, 'Ngày ký: 07/12/2026').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Rút hồ sơ', exact: true }).count(), 0);
  await shot(page, 'result');

  // "Tải kết quả" opens the file, which the citizen's browser can read.
  const [tab] = await Promise.all([citizen.waitForEvent('page'), tap(page, 'button', 'Tải kết quả')]);
  await tab.waitForLoadState();
  assert.ok(tab.url().includes(result.id), tab.url());
  const served = await citizen.request.get(tab.url());
  assert.equal(served.status(), 200);
  assert.match(served.headers()['content-type'], /^image\//);
  await tab.close();

  // The survey: every question, then what was answered.
  await tap(page, 'button', 'Gửi đánh giá');
  await text(page, 'Vui lòng đánh giá đủ các câu hỏi.').waitFor();
  const questions = ['Thời gian giải quyết hồ sơ so với thời hạn theo quy định', 'Thời gian giải quyết tại từng cơ quan, đơn vị',
    'Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ', 'Số cơ quan, đơn vị phải liên hệ để hoàn thiện hồ sơ',
    'Việc công khai thông tin về thủ tục hành chính', 'Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận và giải quyết hồ sơ',
    'Mức độ dễ sử dụng của dịch vụ công trực tuyến', 'Mức độ hài lòng chung'];
  for (const [i, q] of questions.entries()) await choose(page, q, i === 2 ? 'Hài lòng' : 'Rất hài lòng');
  await fill(page, 'Góp ý thêm', 'Cán bộ hướng dẫn tận tình.');
  await shot(page, 'survey');
  await tap(page, 'button', 'Gửi đánh giá');
  await text(page, 'Cảm ơn bạn đã đánh giá. Nội dung đã gửi:').waitFor();
  await text(page, 'Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ: Hài lòng').waitFor();
  await text(page, 'Mức độ hài lòng chung: Rất hài lòng').waitFor();
  await text(page, 'Góp ý thêm: Cán bộ hướng dẫn tận tình.').waitFor();
  const stored = await (await citizen.request.get(`${env.server.url}/api/v1/dossiers/${code}`)).json();
  assert.equal(stored.dossier.survey.answers['3'], 1);
  assert.equal(stored.dossier.survey.answers['11'], 2);
  await shot(page, 'survey-done');

  // The result is in "Kho giấy tờ"; a paper of one's own can be deleted after a confirmation.
  await openApp(page, `${env.server.url}/#/dich-vu-cong/kho-giay-to`);
  const resultName = 'Kết quả Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam (số 1234/LLTP)';
  await page.getByRole('button', { name: resultName, exact: true }).waitFor();
  await text(page, new RegExp(`kết quả hồ sơ ${escape(code)}$`)).waitFor();
  const own = await upload(citizen, pdf('Giay khai sinh'));
  const saved = await postJson(citizen, env, '/api/v1/papers', { name: 'Giấy khai sinh', media: own.id });
  assert.equal(saved.status(), 201, await saved.text());
  await page.reload();
  await page.getByRole('button', { name: 'Giấy khai sinh', exact: true }).waitFor();
  await shot(page, 'papers');
  await tap(page, 'button', 'Xóa Giấy khai sinh');
  await text(page, /^Xóa giấy tờ này khỏi Kho giấy tờ\?/).waitFor();
  await tap(page, 'button', 'Xác nhận xóa');
  await page.getByRole('button', { name: 'Giấy khai sinh', exact: true }).waitFor({ state: 'detached' });
  const left = await (await citizen.request.get(`${env.server.url}/api/v1/papers/mine`)).json();
  assert.deepEqual(left.items.map((p) => p.name), [resultName]);
  // Adding one needs a name first.
  await tap(page, 'button', 'Thêm giấy tờ');
  await tap(page, 'button', 'Chọn tệp PDF');
  await page.waitForFunction((el) => el.getAttribute('aria-description') === 'Vui lòng nhập tên giấy tờ.',
    await page.getByRole('textbox', { name: 'Tên giấy tờ' }).elementHandle());
  await citizen.close();
});

test('"Rút hồ sơ" on a fresh dossier asks for a reason and a confirmation', async () => {
  const citizen = await newCitizen('Hoàng Văn Nam');
  const code = await fileDossier(citizen, 'follow-withdraw-1');
  const page = await appPage(citizen, `/ho-so/${code}`);
  await text(page, 'Trạng thái: Chờ nộp phí').waitFor();
  await tap(page, 'button', 'Rút hồ sơ');
  await tap(page, 'button', 'Rút hồ sơ');
  await page.waitForFunction((el) => el.getAttribute('aria-description') === 'Vui lòng nhập lý do rút hồ sơ.',
    await page.getByRole('textbox', { name: 'Lý do rút hồ sơ' }).elementHandle());
  await fill(page, 'Lý do rút hồ sơ', 'Tôi nộp nhầm loại phiếu.');
  await tap(page, 'button', 'Rút hồ sơ');
  await text(page, /^Rút hồ sơ này\?/).waitFor();
  await shot(page, 'withdraw');
  await tap(page, 'button', 'Xác nhận rút hồ sơ');
  await text(page, 'Trạng thái: Công dân rút hồ sơ').waitFor();
  await text(page, /· Rút hồ sơ \(Công dân rút hồ sơ\)$/).waitFor();
  await text(page, 'Ghi chú: Tôi nộp nhầm loại phiếu.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Rút hồ sơ', exact: true }).count(), 0);
  await shot(page, 'withdrawn');

  // Another citizen opening this dossier's address learns nothing about it.
  const other = await newCitizen('Lục Văn Khánh');
  const theirs = await appPage(other, `/ho-so/${code}`);
  await text(theirs, 'Không tìm thấy hồ sơ này trong hồ sơ cá nhân của bạn.').waitFor();
  assert.equal(await text(theirs, `Mã hồ sơ: ${code}`).count(), 0);
  await shot(theirs, 'not-mine');
  await other.close();
  await citizen.close();
});

test('"Tra cứu hồ sơ" without login: by the QR link and by typing the code; unknown codes', async () => {
  const citizen = await newCitizen('Bế Thị Lan');
  const code = await fileDossier(citizen, 'follow-lookup-1');
  await citizen.close();
  const anonymous = await env.browser.newContext(PHONE);
  const page = await appPage(anonymous, `/tra-cuu/${code}`);
  await text(page, 'Trạng thái: Chờ nộp phí').waitFor();
  await text(page, 'Thủ tục: Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam').waitFor();
  await text(page, 'Cơ quan tiếp nhận: Sở Tư pháp').waitFor();
  const applicant = await text(page, /^Người nộp: /).textContent();
  assert.match(applicant, /\*/);
  assert.ok(!applicant.includes('Bế Thị Lan'), applicant);
  await shot(page, 'lookup');

  await openApp(page, `${env.server.url}/#/dich-vu-cong/tra-cuu`);
  await tap(page, 'button', 'Tra cứu');
  await page.waitForFunction((el) => el.getAttribute('aria-description') === 'Vui lòng nhập mã hồ sơ.',
    await page.getByRole('textbox', { name: 'Mã hồ sơ' }).elementHandle());
  await fill(page, 'Mã hồ sơ', '000.00.00.H00-000101-0001');
  await tap(page, 'button', 'Tra cứu');
  await text(page, 'Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.').waitFor();
  await shot(page, 'lookup-not-found');
  await fill(page, 'Mã hồ sơ', ` ${code} `);
  await tap(page, 'button', 'Tra cứu');
  await text(page, `Mã hồ sơ: ${code}`).waitFor();
  await anonymous.close();
});

test('"Hồ sơ cá nhân" offline: the copy kept for the account, saying it may be out of date', async () => {
  const citizen = await newCitizen('Đàm Văn Tú');
  const code = await fileDossier(citizen, 'follow-offline-1');
  const page = await appPage(citizen, '/ca-nhan');
  const note = 'Không kết nối được máy chủ: đang xem bản lưu trên máy, có thể chưa cập nhật.';
  await cardLine(page, code, 'Chờ nộp phí').waitFor();
  assert.equal(await text(page, note).count(), 0, 'no note while the server answers');
  await citizen.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready && document.querySelector('#a11y-root > *'), null, { timeout: 30000 });
  await cardLine(page, code, 'Chờ nộp phí').waitFor();
  await text(page, note).first().waitFor();
  await shot(page, 'mine-offline');
  await citizen.setOffline(false);
  await citizen.close();
});
