// "Nộp hồ sơ" in Chromium at phone size with the real server and the VNeID stand-in: a
// VNeID-linked citizen finds "Cấp Phiếu lý lịch tư pháp" by a search without diacritics, opens the
// procedure, fills its form in steps (prefilled from the account and VNeID), attaches two photos
// and a PDF, sends it and sees the receipt; a lost answer and a retry file it once; a refusal by
// the server comes back under its field; another account on the same browser never sees the
// first one's draft.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openApp, useAppServer } from './harness.mjs';
import { blur, logIn, registerCitizen, signedInPage, tap } from './account_helpers.mjs';
import { photoWithGps } from './feedback_support.mjs';

const env = useAppServer({ sms: true, vneid: true, payments: true });
const SHOTS = '/tmp/dvcf';
const shot = (page, name) => page.screenshot({ path: `${SHOTS}-${name}.png` });
const PASSWORD = 'Ho-So-Truc-Tuyen-2026';
const NAME = 'Họ, chữ đệm và tên *';
const NUMBER = 'Số định danh cá nhân (số CCCD) *';
const PHOTOS = 'Chụp ảnh: Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp';
const PDF_BUTTON = 'Chọn tệp PDF: Văn bản ủy quyền';

// The smallest well-formed PDF of one page (the server checks a PDF by its content).
function pdf(text = 'Van ban uy quyen') {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const valueOf = (page, name) => page.getByRole('textbox', { name, exact: true }).inputValue();
async function waitValue(page, name, value) {
  const box = page.getByRole('textbox', { name, exact: true });
  await box.waitFor();
  await page.waitForFunction(([el, v]) => el.value === v, [await box.elementHandle(), value]);
}
async function fill(page, name, text) {
  await page.getByRole('textbox', { name, exact: true }).fill(text);
  await blur(page);
}
const choose = (page, name, label) => page.getByRole('combobox', { name, exact: true }).selectOption({ label });
const errorOf = (page, key) => page.locator(`[data-id="services.filing.f.${key}"]`).getAttribute('aria-description');

// A citizen with a phone account linked to one of the VNeID stand-in's people (each identity links
// one account only: every test takes its own), signed in.
async function linkedCitizen(phone, [number, vneidPassword] = ['004178000789', 'Lan@2025']) {
  await registerCitizen(env, { name: 'Be Thi Lan', phone, password: PASSWORD });
  const { context, page } = await signedInPage(env, phone, PASSWORD);
  await tap(page, 'button', 'Tài khoản');
  await tap(page, 'button', 'Liên kết VNeID');
  await page.getByLabel('Số định danh cá nhân').fill(number);
  await page.getByLabel('Mật khẩu').fill(vneidPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/#\/lien-ket-vneid$/);
  await page.waitForFunction(() => window.cdscb?.ready);
  await page.getByRole('textbox', { name: 'Mật khẩu' }).fill(PASSWORD);
  await blur(page);
  await tap(page, 'button', 'Liên kết VNeID');
  await page.getByText('Đã định danh VNeID').waitFor();
  return { context, page };
}

// From the catalogue's search to the form of "Cấp Phiếu lý lịch tư pháp".
async function openForm(page, { shots = false } = {}) {
  await openApp(page, `${env.server.url}/#/dich-vu-cong/nop-ho-so`);
  await fill(page, 'Tìm thủ tục', 'ly lich tu phap');
  await tap(page, 'button', 'Tìm kiếm');
  const card = page.getByRole('button', { name: '[Mẫu] Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', exact: true });
  await page.waitForFunction(() => document.querySelectorAll('[data-id^="services.filing.item."][role="button"], button[data-id^="services.filing.item."]').length === 1);
  await page.getByText(/^\[Mẫu\] Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam: Sở Tư pháp · 10 ngày làm việc · 200\.000/).waitFor();
  if (shots) await shot(page, '1-catalogue');
  await card.focus();
  await card.tap({ force: true });
  await page.getByText('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', { exact: true }).waitFor();
  await page.getByText('Bản chính · Số lượng: 1 · Bắt buộc', { exact: true }).waitFor();
  await page.getByText('Thời hạn giải quyết: 10 ngày làm việc', { exact: true }).waitFor();
  if (shots) await shot(page, '2-procedure');
  await tap(page, 'button', 'Nộp hồ sơ trực tuyến');
  await page.getByText(/^Bước 1\/5: Người nộp hồ sơ$/).waitFor();
}

// Steps 1–3 with valid values, to "Thành phần hồ sơ".
async function fillSteps(page, { shots = false } = {}) {
  await choose(page, 'Nơi thường trú * — Xã, phường', 'Xã Trùng Khánh');
  await fill(page, 'Số nhà, đường, thôn, xóm', 'Xóm Nà Rị');
  await tap(page, 'button', 'Tiếp tục');
  await page.getByText(/^Bước 2\/5: Yêu cầu$/).waitFor();
  // Core's validator, the server's own messages, before anything is sent.
  await tap(page, 'button', 'Tiếp tục');
  await page.waitForFunction(() => document.querySelector('[data-id="services.filing.f.muc_dich"]')
    ?.getAttribute('aria-description') === 'Vui lòng nhập thông tin này.');
  assert.equal(await errorOf(page, 'loai_phieu'), 'Vui lòng chọn một mục.');
  if (shots) await shot(page, '4-step-errors');
  await choose(page, 'Loại phiếu *', 'Phiếu lý lịch tư pháp số 1');
  await fill(page, 'Số lượng phiếu *', '1');
  await fill(page, 'Mục đích sử dụng phiếu *', 'Bổ sung hồ sơ xin việc');
  await fill(page, 'Quá trình cư trú từ đủ 14 tuổi *', '1992 đến nay: Xóm Nà Rị, Xã Trùng Khánh');
  await tap(page, 'button', 'Tiếp tục');
  await page.getByText(/^Bước 3\/5: Cam đoan$/).waitFor();
  await tap(page, 'checkbox', 'Tôi cam đoan những nội dung khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật.');
  await tap(page, 'button', 'Tiếp tục');
  await page.getByText(/^Bước 4\/5: Thành phần hồ sơ$/).waitFor();
}

async function pick(page, button, files) {
  const chooser = page.waitForEvent('filechooser');
  await tap(page, 'button', button);
  await (await chooser).setFiles(files);
}

async function attach(page, { pdfToo = true } = {}) {
  const photo = async (color) => ({ name: `${color}.jpg`, mimeType: 'image/jpeg',
    buffer: await photoWithGps(page, { width: 900, height: 1200, color }) });
  await pick(page, PHOTOS, [await photo('#3a6'), await photo('#a36')]);
  if (pdfToo) await pick(page, PDF_BUTTON, [{ name: 'uy-quyen.pdf', mimeType: 'application/pdf', buffer: pdf() }]);
  await page.getByText('Ảnh trang 2', { exact: true }).waitFor();
  if (pdfToo) await page.getByText('Tệp PDF 1', { exact: true }).waitFor();
  await page.waitForFunction(() => !document.body.innerText.includes('Đang tải lên…'));
}

const mine = async (context) => (await (await context.request.get(`${env.server.url}/api/v1/dossiers/mine`)).json()).items;

test('a VNeID-linked citizen finds the procedure, files it with photos and a PDF and gets the receipt', async () => {
  const { context, page } = await linkedCitizen('0396000401');
  await openForm(page, { shots: true });
  // Prefilled from VNeID (name, birth date, personal number) and the account (phone).
  await waitValue(page, NAME, 'Bế Thị Lan');
  await waitValue(page, 'Ngày sinh *', '1978-11-02');
  await waitValue(page, NUMBER, '004178000789');
  await waitValue(page, 'Số điện thoại *', '0396000401');
  await page.getByText('Đã điền sẵn từ tài khoản và định danh VNeID của bạn. Hãy kiểm tra lại.').waitFor();
  await shot(page, '3-form-prefilled');
  await fillSteps(page, { shots: true });

  // Required papers are enforced before "Xem lại".
  await tap(page, 'button', 'Xem lại');
  await page.getByText('Bước 4/5: Thành phần hồ sơ', { exact: true }).waitFor();
  await page.locator('[data-id="services.filing.paper.to_khai.error"]').waitFor();
  await attach(page);
  await shot(page, '5-papers');
  // One photo removed and picked again: still two photos.
  await tap(page, 'button', 'Xóa Ảnh trang 2');
  // The page's mirror follows the next frame: wait for the row to go (a removal that fails times out).
  await page.getByText('Ảnh trang 2', { exact: true }).waitFor({ state: 'detached' });
  await pick(page, PHOTOS, [{ name: 'p.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps(page, { width: 800, height: 1000, color: '#36a' }) }]);
  await page.getByText('Ảnh trang 2', { exact: true }).waitFor();
  await page.waitForFunction(() => !document.body.innerText.includes('Đang tải lên…'));

  await tap(page, 'button', 'Xem lại');
  await page.getByText('Bước 5/5: Xem lại', { exact: true }).waitFor();
  for (const line of ['Họ, chữ đệm và tên: Bế Thị Lan', 'Số định danh cá nhân (số CCCD): 004178000789',
    'Nơi thường trú: Xóm Nà Rị, Xã Trùng Khánh', 'Loại phiếu: Phiếu lý lịch tư pháp số 1',
    'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp: 2', 'Văn bản ủy quyền: 1'])
    await page.getByText(line, { exact: true }).waitFor();
  await shot(page, '6-review');
  // "Sửa" goes back to its step, with what was typed.
  await tap(page, 'button', 'Sửa: Yêu cầu');
  await waitValue(page, 'Mục đích sử dụng phiếu *', 'Bổ sung hồ sơ xin việc');
  await tap(page, 'button', 'Tiếp tục');
  await tap(page, 'button', 'Tiếp tục');
  await tap(page, 'button', 'Xem lại');
  await tap(page, 'button', 'Gửi hồ sơ');

  await page.waitForURL(/#\/dich-vu-cong\/bien-nhan\/.+$/);
  await page.getByRole('heading', { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' }).waitFor();
  const code = decodeURIComponent(page.url().split('/bien-nhan/')[1]);
  assert.match(code, /^000\.00\.02\.H13-\d{6}-\d{4}$/);
  await page.getByText(`Mã hồ sơ: ${code}`, { exact: true }).waitFor();
  await page.getByText(/^Ngày hẹn trả kết quả: \d\d\/\d\d\/\d{4} \d\d:\d\d$/).waitFor();
  await page.getByText('Phí, lệ phí: 200.000 ₫ · Chưa nộp', { exact: true }).waitFor();
  await page.getByRole('link', { name: 'Tải biên nhận (PDF)' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Tải biên nhận (PDF)' }).getAttribute('href'),
    `/api/v1/dossiers/${code}/receipt.pdf`);
  await page.getByRole('button', { name: 'Nộp phí' }).waitFor();
  await shot(page, '7-receipt');

  const items = await mine(context);
  assert.equal(items.length, 1);
  assert.equal(items[0].code, code);
  const detail = await (await context.request.get(`${env.server.url}/api/v1/dossiers/${code}`)).json();
  assert.equal(detail.dossier.papers.to_khai.length, 2);
  assert.equal(detail.dossier.papers.uy_quyen[0].kind, 'pdf');
  assert.equal(detail.dossier.values.so_dinh_danh, '004178000789');

  // "Nộp phí": the server's amount at the VNPay sandbox; booked by its IPN, not by the browser.
  await tap(page, 'button', 'Nộp phí');
  await page.waitForURL((url) => url.href.startsWith(env.vnpay.url));
  await page.getByText('200.000').first().waitFor();
  await page.getByRole('button', { name: 'Xác nhận thanh toán' }).click();
  await page.waitForURL(/#\/thanh-toan\/don\/CDS\d+$/);
  await page.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor({ timeout: 30000 });
  await shot(page, '8-fee-paid');
  const receipt = await (await context.request.get(`${env.server.url}/api/v1/dossiers/${code}/receipt`)).json();
  assert.equal(receipt.receipt.fee.status, 'paid');
  assert.match(receipt.receipt.fee.paid_by, /VNPay/);
  const paid = await (await context.request.get(`${env.server.url}/api/v1/dossiers/${code}`)).json();
  assert.notEqual(paid.dossier.status, 'awaiting_fee');
  await context.close();
});

test('photographed and sent offline, an answer lost on the way, then online: exactly one dossier', async () => {
  const { context, page } = await linkedCitizen('0396000402', ['004085012345', 'Dung@2025']);
  await openForm(page);
  await waitValue(page, NUMBER, '004085012345');
  await fillSteps(page);
  // Offline from the papers on: the photos wait on the phone, the dossier waits in the outbox.
  await context.setOffline(true);
  await pick(page, PHOTOS, [{ name: 'a.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps(page, { width: 900, height: 1200, color: '#3a6' }) },
    { name: 'b.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps(page, { width: 900, height: 1200, color: '#a36' }) }]);
  await page.getByText('Ảnh trang 2 · Chờ gửi khi có mạng', { exact: true }).waitFor();
  await tap(page, 'button', 'Xem lại');
  await tap(page, 'button', 'Gửi hồ sơ');
  await page.getByText('Không có mạng: hồ sơ đang chờ gửi và sẽ tự gửi khi có mạng.', { exact: true }).waitFor();
  await shot(page, '8-offline-queued');
  assert.equal((await mine(context)).length, 0);
  // Online again: the server files it, but its first answer never reaches the phone; the
  // outbox asks again with the same key and gets the same dossier.
  let posts = 0;
  await page.route('**/api/v1/dossiers', async (route) => {
    if (route.request().method() === 'POST' && posts++ === 0) {
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await context.setOffline(false);
  await page.waitForURL(/#\/dich-vu-cong\/bien-nhan\/.+$/, { timeout: 60000 });
  assert.equal(posts, 2);
  const items = await mine(context);
  assert.equal(items.length, 1);
  assert.equal(decodeURIComponent(page.url().split('/bien-nhan/')[1]), items[0].code);
  const detail = await (await context.request.get(`${env.server.url}/api/v1/dossiers/${items[0].code}`)).json();
  assert.equal(detail.dossier.papers.to_khai.length, 2);
  await page.getByRole('heading', { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' }).waitFor();
  await context.close();
});

test('a refusal by the server comes back under its field', async () => {
  const { context, page } = await linkedCitizen('0396000403', ['004192003456', 'Mai@2025']);
  await openForm(page);
  await waitValue(page, NUMBER, '004192003456');
  await fillSteps(page);
  await attach(page, { pdfToo: false });
  await tap(page, 'button', 'Xem lại');
  // An app older than the server's rules: the server refuses what it sends (a number whose
  // province code does not exist) and stores nothing.
  await page.route('**/api/v1/dossiers', async (route) => {
    const body = JSON.parse(route.request().postData());
    body.values.so_dinh_danh = '999178000789';
    await route.continue({ postData: JSON.stringify(body) });
  });
  await tap(page, 'button', 'Gửi hồ sơ');
  await page.getByText(/^Bước 1\/5: Người nộp hồ sơ$/).waitFor();
  await page.waitForFunction(() => (document.querySelector('[data-id="services.filing.f.so_dinh_danh"]')
    ?.getAttribute('aria-description') ?? '') !== '');
  await shot(page, '9-refused');
  assert.equal((await mine(context)).length, 0);
  await context.close();
});

test('the draft survives a reload and another account on the same browser never sees it', async () => {
  const { context, page } = await linkedCitizen('0396000404', ['004201004321', 'Thanh@2025']);
  await openForm(page);
  await waitValue(page, NUMBER, '004201004321');
  await fill(page, 'Số nhà, đường, thôn, xóm', 'Xóm Nà Rị số 7');
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready);
  await waitValue(page, 'Số nhà, đường, thôn, xóm', 'Xóm Nà Rị số 7');
  // Signed out, another citizen signs in on this browser: its own empty form.
  await registerCitizen(env, { name: 'Hoang Van Ba', phone: '0396000405', password: PASSWORD });
  await context.clearCookies();
  await openApp(page, env.server.url);
  await logIn(page, '0396000405', PASSWORD);
  await openApp(page, `${env.server.url}/#/dich-vu-cong/khai/MAU-LLTP-01`);
  await waitValue(page, NAME, 'Hoang Van Ba');
  assert.equal(await valueOf(page, 'Số nhà, đường, thôn, xóm'), '');
  assert.equal(await valueOf(page, NUMBER), '');
  await shot(page, '10-other-account');
  await context.close();
});
