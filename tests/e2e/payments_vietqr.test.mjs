// "Mã VietQR" in Chromium at phone size, with the real server and the sandbox bank: the QR drawn
// by the app is read back from a screenshot by Debian's zbarimg, its payload checked field by
// field (independently of the app's and the server's code), transferred by the sandbox bank,
// and the screen turns to "Thanh toán thành công" by itself; "Lưu mã QR" saves a PNG of the same
// payload. A transfer of another amount books nothing and the QR stays on screen.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';

import { tap, useAppServer } from './harness.mjs';
import { VNPAY, crc16, readEmv } from './pay_sandboxes.mjs';
import { citizens, lookUp, text, toMethods, vnpayControl } from './payments_helpers.mjs';

const env = useAppServer({ sms: true, payments: true });
const SHOTS = '/tmp/payments-vietqr';
const citizen = citizens(env, '0913000050');
const run = promisify(execFile);

// Every QR code zbarimg finds in a PNG, one payload each.
async function qrCodesIn(file) {
  const { stdout } = await run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', file]);
  return stdout.split('\n').filter(Boolean);
}

// What a bank app checks before it offers the transfer (NAPAS VietQR, EMVCo MPM).
function checkPayload(payload, { amount, code }) {
  assert.match(payload, /6304[0-9A-F]{4}$/);
  assert.equal(payload.slice(-4), crc16(payload.slice(0, -4)), 'CRC-16/CCITT-FALSE');
  const fields = readEmv(payload);
  assert.equal(fields['63'], payload.slice(-4), 'the CRC is the last field');
  assert.equal(fields['00'], '01');
  assert.equal(fields['01'], '12', 'a dynamic QR: one transfer of a fixed amount');
  const account = readEmv(fields['38']);
  assert.equal(account['00'], 'A000000727');
  assert.deepEqual(readEmv(account['01']), { '00': VNPAY.bin, '01': VNPAY.account });
  assert.equal(account['02'], 'QRIBFTTA');
  assert.equal(fields['53'], '704');
  assert.equal(fields['54'], String(amount));
  assert.equal(fields['58'], 'VN');
  assert.equal(readEmv(fields['62'])['08'], code);
}

// Lookup → "Thanh toán" → "Mã VietQR" → the order's page with its QR; returns the order code
// and the amount the lookup showed for the periods (all of them, as chosen by default).
async function toQr(page, service, customer) {
  await lookUp(page, service, customer);
  const chosen = await text(page, /^Số tiền các kỳ đã chọn: /).textContent();
  const amount = chosen.replace('Số tiền các kỳ đã chọn: ', '');
  const code = await toMethods(page, amount);
  await tap(page, 'button', 'Mã VietQR');
  await page.waitForURL(`${env.server.url}/#/thanh-toan/don/${code}`);
  await page.getByRole('heading', { name: 'Quét mã VietQR để thanh toán' }).waitFor();
  await page.getByRole('img', { name: `Mã VietQR của giao dịch ${code}` }).waitFor();
  return { code, amount };
}

// The QR as a camera sees the screen: a screenshot, read by zbarimg.
async function scanScreen(page, name) {
  const file = `${SHOTS}-${name}.png`;
  await page.screenshot({ path: file });
  const found = await qrCodesIn(file);
  assert.equal(found.length, 1, `one QR on screen: ${found}`);
  return found[0];
}

const transfer = (body) => vnpayControl(env, 'POST', '/control/vietqr/transfer', body);

test('"Mã VietQR": the QR on screen scans to the order, the bank\'s transfer completes it by itself, "Lưu mã QR" saves the same QR', async () => {
  const { context, page } = await citizen();
  const { code, amount } = await toQr(page, 'Tiền điện', 'PA14010012345');
  assert.equal(amount, '801.470 ₫');
  for (const line of ['Số tiền: 801.470 ₫', `Ngân hàng (mã BIN): ${VNPAY.bin}`, `Số tài khoản: ${VNPAY.account}`,
    `Nội dung chuyển khoản: ${code}`, 'Nhà cung cấp: Điện lực Cao Bằng'])
    await text(page, line).waitFor();
  await page.getByText(/^Mã có hiệu lực đến: \d\d\/\d\d\/\d{4} \d\d:\d\d$/).waitFor();
  // Large: most of the phone's width, inside the screen.
  const box = await page.getByRole('img', { name: `Mã VietQR của giao dịch ${code}` }).boundingBox();
  assert.ok(box.width >= 0.8 * 412 && box.width <= 412 && Math.abs(box.width - box.height) < 1, JSON.stringify(box));
  assert.ok(box.y >= 0 && box.y + box.height <= 915, JSON.stringify(box));

  const payload = await scanScreen(page, 'qr');
  checkPayload(payload, { amount: 801470, code });

  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'button', 'Lưu mã QR')]);
  assert.equal(download.suggestedFilename(), `VietQR-${code}.png`);
  const saved = `${SHOTS}-saved.png`;
  await download.saveAs(saved);
  assert.deepEqual(await qrCodesIn(saved), [payload]);
  await page.getByText('Đã lưu mã QR', { exact: true }).first().waitFor();

  // The citizen's bank app pays what it scanned; the page was not touched since.
  const sent = await transfer({ payload });
  assert.equal(sent.notification.amount, 801470);
  assert.deepEqual([sent.merchant.status, JSON.parse(sent.merchant.body).result], [200, 'booked']);
  await page.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor({ timeout: 30000 });
  await page.getByRole('heading', { name: 'Biên lai' }).waitFor();
  for (const line of [`Mã giao dịch: ${code}`, 'Số tiền: 801.470 ₫',
    `Số giao dịch cổng thanh toán: ${sent.notification.transaction_id}`])
    await text(page, line).waitFor();
  assert.equal(await page.getByRole('img').count(), 0, 'no QR once paid');
  await page.screenshot({ path: `${SHOTS}-success.png` });
  await context.close();
});

test('a transfer of another amount books nothing: the QR stays, the order waits for the right amount', async () => {
  const { context, page } = await citizen();
  const { code, amount } = await toQr(page, 'Tiền điện', 'PA14070002233');
  const payload = await scanScreen(page, 'wrong-amount');
  const due = Number(amount.replace(/\D/g, ''));
  checkPayload(payload, { amount: due, code });
  const sent = await transfer({ payload, amount: due - 1000 });
  assert.deepEqual([sent.merchant.status, JSON.parse(sent.merchant.body).result], [200, 'bad_amount']);
  // The page asks the server again (it polls the order); still unpaid, the QR still there.
  const orderPath = `/api/v1/payments/orders/${code}`;
  const polled = await page.waitForResponse((r) => new URL(r.url()).pathname === orderPath && r.request().method() === 'GET',
    { timeout: 15000 });
  assert.equal((await polled.json()).order.status, 'pending');
  await page.getByRole('img', { name: `Mã VietQR của giao dịch ${code}` }).waitFor();
  await page.getByRole('heading', { name: 'Quét mã VietQR để thanh toán' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Thanh toán thành công' }).count(), 0);
  await page.screenshot({ path: `${SHOTS}-still-unpaid.png` });
  await context.close();
});
