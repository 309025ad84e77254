// The VietQR collecting bank of sandbox/vnpay as a merchant sees it: a payload "scanned" on the
// page (in Chromium) or through the control API leads to one signed transfer notification; a payload
// a bank would refuse leads to none. The payloads are built here, independently of the sandbox.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import { PHONE, launchBrowser } from './harness.mjs';
import { VNPAY, crc16, startMerchant, startVnpay } from './pay_sandboxes.mjs';

const field = (id, value) => `${id}${String(value.length).padStart(2, '0')}${value}`;
function payload({ bin = VNPAY.bin, account = VNPAY.account, amount, purpose, service = 'QRIBFTTA', currency = '704' } = {}) {
  const body = field('00', '01') + field('01', amount ? '12' : '11')
    + field('38', field('00', 'A000000727') + field('01', field('00', bin) + field('01', account)) + field('02', service))
    + field('53', currency) + (amount ? field('54', String(amount)) : '') + field('58', 'VN')
    + (purpose ? field('62', field('08', purpose)) : '') + '6304';
  return body + crc16(body);
}

let merchant;
let bank;

const transfer = async (body) => {
  const res = await fetch(`${bank.url}/control/vietqr/transfer`, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
};
// What the merchant checks: HMAC-SHA256(secret, timestamp "." raw body).
function verified(request) {
  const expected = crypto.createHmac('sha256', VNPAY.webhookSecret)
    .update(`${request.headers['x-signature-timestamp']}.${request.body}`).digest('hex');
  return request.headers['x-signature'] === expected ? JSON.parse(request.body) : undefined;
}

before(async () => {
  merchant = await startMerchant();
  bank = await startVnpay({ notifyUrl: `${merchant.url}/vietqr` });
});
after(async () => {
  assert.deepEqual(await bank?.stop(), { code: 0, signal: null });
  await merchant?.stop();
});
beforeEach(() => { merchant.requests.length = 0; });

test('the payloads here carry a standard CRC-16/CCITT-FALSE', () => {
  assert.equal(crc16('123456789'), '29B1');
});

test('a dynamic QR transferred as is: one signed notification with the order code, amount and a bank transaction id', async () => {
  const qr = payload({ amount: 801470, purpose: 'CDS2612020001' });
  const sent = await transfer({ payload: qr });
  assert.equal(sent.status, 200);
  assert.equal(sent.body.merchant.status, 200);
  const [request] = merchant.seen('/vietqr');
  assert.equal(request.method, 'POST');
  const note = verified(request);
  assert.ok(note, 'signature verifies');
  assert.deepEqual([note.order_code, note.amount, note.currency, note.bank_bin, note.account_no],
    ['CDS2612020001', 801470, 'VND', VNPAY.bin, VNPAY.account]);
  assert.match(note.transaction_id, /^VQR\d{14}$/);
  assert.match(note.transaction_time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
  const tampered = { ...request, body: request.body.replace('801470', '801471') };
  assert.equal(verified(tampered), undefined);
});

test('the tester may transfer another amount; a static QR needs one; each transfer has its own id', async () => {
  const first = await transfer({ payload: payload({ amount: 801470, purpose: 'CDS2612020002' }), amount: 800000 });
  assert.equal(first.body.notification.amount, 800000);
  const noAmount = await transfer({ payload: payload({ purpose: 'CDS2612020003' }) });
  assert.deepEqual([noAmount.status, noAmount.body.error.code], [400, 'INVALID_QR']);
  const second = await transfer({ payload: payload({ purpose: 'CDS2612020003' }), amount: 50000 });
  assert.equal(second.status, 200);
  assert.notEqual(second.body.notification.transaction_id, first.body.notification.transaction_id);
  assert.deepEqual(merchant.seen('/vietqr').map((r) => verified(r).amount), [800000, 50000]);
});

test('a resend repeats the identical notification, newly signed', async () => {
  const sent = await transfer({ payload: payload({ amount: 120000, purpose: 'CDS2612020004' }) });
  const id = sent.body.notification.transaction_id;
  const again = await fetch(`${bank.url}/control/vietqr/resend/${id}`, { method: 'POST' });
  assert.equal(again.status, 200);
  const [a, b] = merchant.seen('/vietqr');
  assert.deepEqual(verified(b), verified(a));
  const list = await (await fetch(`${bank.url}/control/vietqr/notifications`)).json();
  assert.equal(list.find((n) => n.notification.transaction_id === id).deliveries.length, 2);
  assert.equal((await fetch(`${bank.url}/control/vietqr/resend/VQR0`, { method: 'POST' })).status, 404);
});

test('payloads a bank refuses send nothing', async () => {
  const good = payload({ amount: 801470, purpose: 'CDS1' });
  const refused = [
    good.slice(0, -4) + (good.endsWith('0000') ? '0001' : '0000'),
    good.replace('CDS1', 'CDS2'),
    payload({ amount: 801470, purpose: 'CDS1', account: '0011001234567' }),
    payload({ amount: 801470, purpose: 'CDS1', bin: '970436' }),
    payload({ amount: 801470, purpose: 'CDS1', service: 'QRIBFTTC' }),
    payload({ amount: 801470, purpose: 'CDS1', currency: '840' }),
    good.slice(10),
    '',
  ];
  for (const qr of refused) {
    const res = await transfer({ payload: qr });
    assert.deepEqual([res.status, res.body.error.code], [400, 'INVALID_QR'], qr);
  }
  assert.equal(merchant.seen('/vietqr').length, 0);
});

test('on the page: paste, "Quét mã", check the details, "Chuyển tiền"', async () => {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${bank.url}/vietqr`);
    await page.getByLabel('Nội dung mã QR').fill('000201 không phải mã');
    await page.getByRole('button', { name: 'Quét mã' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').textContent(), /EMVCo|CRC/);

    await page.getByLabel('Nội dung mã QR').fill(payload({ amount: 801470, purpose: 'CDS2612020005' }));
    await page.getByRole('button', { name: 'Quét mã' }).click();
    await page.locator('dd', { hasText: 'CDS2612020005' }).waitFor();
    assert.equal(await page.getByLabel('Số tiền chuyển (VND)').inputValue(), '801470');
    assert.equal(merchant.seen('/vietqr').length, 0);
    await page.getByRole('button', { name: 'Chuyển tiền' }).click();
    await page.getByText('Đã gửi thông báo chuyển khoản').waitFor();
    assert.match(await page.getByRole('status').textContent(), /801\.470 ₫[\s\S]*HTTP 200/);
    const [request] = merchant.seen('/vietqr');
    assert.equal(verified(request).order_code, 'CDS2612020005');
    await context.close();
  } finally {
    await browser.close();
  }
});
