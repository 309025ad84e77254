// The VNPay stand-in (sandbox/vnpay) as a merchant sees it: the signed payment URL it checks, the
// bank-choice page's buttons in Chromium, signed Return URL and IPN in each IPN mode, and the
// merchant_webapi (querydr, refund). The merchant's signing here is VNPay's Node sample, written
// independently of the sandbox's code.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { PHONE, launchBrowser } from './harness.mjs';
import { VNPAY, startMerchant, startVnpay } from './pay_sandboxes.mjs';

const hmac512 = (data) => crypto.createHmac('sha512', VNPAY.hashSecret).update(data, 'utf8').digest('hex');
// VNPay's Node sample: encodeURIComponent with %20 → +, sorted, empty values dropped.
const hashData = (params) => Object.keys(params).filter((k) => params[k] !== '' && k.startsWith('vnp_') && k !== 'vnp_SecureHash')
  .sort().map((k) => `${k}=${encodeURIComponent(params[k]).replace(/%20/g, '+')}`).join('&');
const stamp = (ms = Date.now()) => new Date(ms + 7 * 3600e3).toISOString().replace(/\D/g, '').slice(0, 14);

let merchant;
let gateway;
let browser;
let sequence = 0;

function payParams(overrides = {}) {
  sequence += 1;
  return {
    vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: VNPAY.tmnCode, vnp_Amount: '80147000', vnp_CurrCode: 'VND',
    vnp_TxnRef: `CDS${Date.now()}${sequence}`, vnp_OrderInfo: 'Thanh toan tien dien PA14010012345', vnp_OrderType: 'billpayment',
    vnp_Locale: 'vn', vnp_ReturnUrl: `${merchant.url}/return`, vnp_IpAddr: '203.113.1.2', vnp_CreateDate: stamp(),
    vnp_ExpireDate: stamp(Date.now() + 15 * 60e3), ...overrides,
  };
}

const payUrl = (params, hash = hmac512(hashData(params))) => `${gateway.url}/paymentv2/vpcpay.html?${hashData(params)}&vnp_SecureHash=${hash}`;

// Opens a transaction as a browser would (without following the redirect).
async function open(params) {
  const res = await fetch(payUrl(params), { redirect: 'manual' });
  assert.equal(res.status, 302, await res.text());
  return new URL(res.headers.get('location'), gateway.url);
}

async function complete(txnRef, body) {
  const res = await fetch(`${gateway.url}/control/transactions/${txnRef}/complete`, { method: 'POST', body: JSON.stringify(body) });
  assert.equal(res.status, 200);
  return res.json();
}

const transaction = async (txnRef) => (await fetch(`${gateway.url}/control/transactions/${txnRef}`)).json();

// What a merchant checks: the signature over everything but the hash.
function verified(searchParams) {
  const params = Object.fromEntries(searchParams);
  return params.vnp_SecureHash === hmac512(hashData(params)) ? params : undefined;
}

async function api(body, fields) {
  const signed = { ...body, vnp_SecureHash: hmac512(fields.map((f) => body[f] ?? '').join('|')) };
  const res = await fetch(`${gateway.url}/merchant_webapi/api/transaction`, { method: 'POST', body: JSON.stringify(signed),
    headers: { 'content-type': 'application/json' } });
  assert.equal(res.status, 200);
  return res.json();
}
const QUERY_FIELDS = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'];
const REFUND_FIELDS = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TransactionType', 'vnp_TxnRef', 'vnp_Amount',
  'vnp_TransactionNo', 'vnp_TransactionDate', 'vnp_CreateBy', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'];
const QUERY_ANSWER = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount',
  'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo'];
const requestId = () => crypto.randomBytes(8).toString('hex');

const querydr = (params, extra = {}) => api({ vnp_RequestId: requestId(), vnp_Version: '2.1.0', vnp_Command: 'querydr', vnp_TmnCode: VNPAY.tmnCode,
  vnp_TxnRef: params.vnp_TxnRef, vnp_OrderInfo: 'Truy van', vnp_TransactionDate: params.vnp_CreateDate, vnp_CreateDate: stamp(),
  vnp_IpAddr: '127.0.0.1', ...extra }, QUERY_FIELDS);
const refund = (params, type, amount, extra = {}) => api({ vnp_RequestId: requestId(), vnp_Version: '2.1.0', vnp_Command: 'refund',
  vnp_TmnCode: VNPAY.tmnCode, vnp_TransactionType: type, vnp_TxnRef: params.vnp_TxnRef, vnp_Amount: String(amount), vnp_OrderInfo: 'Hoan tien',
  vnp_TransactionDate: params.vnp_CreateDate, vnp_CreateBy: 'admin', vnp_CreateDate: stamp(), vnp_IpAddr: '127.0.0.1', ...extra }, REFUND_FIELDS);

before(async () => {
  merchant = await startMerchant();
  gateway = await startVnpay({ ipnUrl: `${merchant.url}/ipn`, ipnRetries: 1, ipnRetryDelayMs: 50 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  assert.deepEqual(await gateway?.stop(), { code: 0, signal: null });
  await merchant?.stop();
});
beforeEach(async () => {
  merchant.requests.length = 0;
  merchant.rspCode = '00';
  await fetch(`${gateway.url}/control/ipn`, { method: 'POST', body: '{"mode":"normal","delay_s":5}' });
});

describe('payment URL', () => {
  test('a URL signed like VNPay\'s sample opens the bank-choice page in Vietnamese', async () => {
    const location = await open(payParams({ vnp_OrderInfo: 'Thanh toan: hoa don/thang 11, 2026 #1' }));
    const page = await (await fetch(location)).text();
    assert.match(page, /801\.470 ₫/);
    assert.match(page, /Xác nhận thanh toán/);
    assert.match(page, /Hủy giao dịch/);
  });

  test('the checksum encodes values like Java\'s URLEncoder: "(" signed the Node sample\'s way does not verify', async () => {
    const params = payParams({ vnp_OrderInfo: 'Hoa don (thang 11)' });
    assert.equal((await fetch(payUrl(params), { redirect: 'manual' })).headers.get('x-vnpay-error'), '97');
    const javaStyle = Object.keys(params).sort().map((k) => `${k}=${new URLSearchParams({ v: params[k] }).toString().slice(2)}`).join('&');
    const res = await fetch(`${gateway.url}/paymentv2/vpcpay.html?${javaStyle}&vnp_SecureHash=${hmac512(javaStyle)}`, { redirect: 'manual' });
    assert.equal(res.status, 302);
  });

  test('a wrong or missing signature, a tampered amount, another merchant, an expired or non-ASCII request are refused', async () => {
    const params = payParams();
    const cases = [
      [payUrl(params, 'ab'.repeat(64)), '97'],
      [`${gateway.url}/paymentv2/vpcpay.html?${hashData(params)}`, '97'],
      [payUrl(params).replace('vnp_Amount=80147000', 'vnp_Amount=100000'), '97'],
      [payUrl(payParams({ vnp_TmnCode: 'OTHER001' })), '02'],
      [payUrl(payParams({ vnp_CreateDate: stamp(Date.now() - 3600e3), vnp_ExpireDate: stamp(Date.now() - 60e3) })), '11'],
      [payUrl(payParams({ vnp_OrderInfo: 'Thanh toán tiền điện' })), '03'],
      [payUrl(payParams({ vnp_Amount: '80147050' })), '03'],
      [payUrl(payParams({ vnp_Amount: '100000' })), '03'],
      [payUrl(payParams({ vnp_Version: '2.0.0' })), '03'],
    ];
    for (const [url, code] of cases) {
      const res = await fetch(url, { redirect: 'manual' });
      assert.equal(res.status, 400, url);
      assert.equal(res.headers.get('x-vnpay-error'), code, url);
      assert.match(await res.text(), /Giao dịch không thành công/);
    }
    assert.equal((await fetch(`${gateway.url}/control/transactions/${params.vnp_TxnRef}`)).status, 404);
  });

  test('a TxnRef is one transaction: the same URL returns to it, other parameters or a finished one are refused', async () => {
    const params = payParams();
    const first = await open(params);
    assert.equal((await open(params)).href, first.href);
    const changed = await fetch(payUrl({ ...params, vnp_Amount: '90000000' }), { redirect: 'manual' });
    assert.deepEqual([changed.status, changed.headers.get('x-vnpay-error')], [409, '94']);
    await complete(params.vnp_TxnRef, { outcome: '00', ipn_mode: 'never' });
    assert.equal((await fetch(payUrl(params), { redirect: 'manual' })).status, 409);
    assert.match(await (await fetch(first)).text(), /Giao dịch đã kết thúc/);
    const pressedAgain = await fetch(first, { method: 'POST', body: 'action=cancel', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(pressedAgain.status, 409);
    assert.equal((await transaction(params.vnp_TxnRef)).status, '00');
  });
});

describe('the bank-choice page in Chromium', () => {
  async function pressOnPage(params, choose) {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(payUrl(params));
    await choose(page);
    await page.waitForURL((u) => u.origin === merchant.url && u.pathname === '/return');
    const back = new URL(page.url());
    await context.close();
    return back;
  }

  test('"Xác nhận thanh toán" pays: signed Return URL with 00/00, and the same parameters in the IPN', async () => {
    const params = payParams({ vnp_BankCode: 'VIETCOMBANK' });
    const back = await pressOnPage(params, (page) => page.getByRole('button', { name: 'Xác nhận thanh toán' }).click());
    const result = verified(back.searchParams);
    assert.ok(result, back.href);
    assert.equal(result.vnp_ResponseCode, '00');
    assert.equal(result.vnp_TransactionStatus, '00');
    assert.equal(result.vnp_Amount, params.vnp_Amount);
    assert.equal(result.vnp_TxnRef, params.vnp_TxnRef);
    assert.equal(result.vnp_BankCode, 'VIETCOMBANK');
    assert.match(result.vnp_TransactionNo, /^\d{8}$/);
    const [ipn] = await merchant.waitFor('/ipn');
    assert.deepEqual(verified(ipn.query), result);
  });

  test('"Hủy giao dịch" cancels with 24, status 02 and transaction number 0, whatever outcome is chosen', async () => {
    const back = await pressOnPage(payParams(), async (page) => {
      await page.getByLabel('Không đủ số dư (51)').check();
      await page.getByRole('button', { name: 'Hủy giao dịch' }).click();
    });
    const result = verified(back.searchParams);
    assert.deepEqual([result.vnp_ResponseCode, result.vnp_TransactionStatus, result.vnp_TransactionNo], ['24', '02', '0']);
  });

  test('insufficient funds (51) and timeout (11) are chosen on the same page; IPN "never" sends none', async () => {
    for (const [label, code] of [['Không đủ số dư (51)', '51'], ['Hết thời gian chờ thanh toán (11)', '11']]) {
      const params = payParams();
      const back = await pressOnPage(params, async (page) => {
        await page.getByLabel(label).check();
        await page.getByLabel('Chế độ').selectOption('never');
        await page.getByRole('button', { name: 'Xác nhận thanh toán' }).click();
      });
      const result = verified(back.searchParams);
      assert.deepEqual([result.vnp_ResponseCode, result.vnp_TransactionStatus], [code, '02']);
      const txn = await transaction(params.vnp_TxnRef);
      assert.deepEqual([txn.status, txn.ipn_mode, txn.ipn_attempts], [code, 'never', []]);
    }
    assert.equal(merchant.seen('/ipn').length, 0);
  });
});

describe('IPN modes', () => {
  test('before: the IPN is answered before the browser is sent back', async () => {
    const params = payParams();
    await open(params);
    const done = await complete(params.vnp_TxnRef, { outcome: '00', ipn_mode: 'before' });
    assert.equal(merchant.seen('/ipn').length, 1);
    assert.equal(merchant.seen('/ipn')[0].query.get('vnp_TxnRef'), params.vnp_TxnRef);
    assert.ok(verified(new URL(done.return_url).searchParams));
    assert.equal((await transaction(params.vnp_TxnRef)).ipn_attempts[0].rsp_code, '00');
  });

  test('twice: the identical IPN comes two times; both answers are recorded', async () => {
    const params = payParams();
    await open(params);
    await complete(params.vnp_TxnRef, { outcome: '00', ipn_mode: 'twice' });
    const [a, b] = await merchant.waitFor('/ipn', 2);
    assert.equal(a.rawQuery, b.rawQuery);
    for (let i = 0; i < 100 && (await transaction(params.vnp_TxnRef)).ipn_attempts.length < 2; i += 1) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual((await transaction(params.vnp_TxnRef)).ipn_attempts.map((x) => x.rsp_code), ['00', '00']);
  });

  test('late: the browser returns first, the IPN follows after the delay', async () => {
    const params = payParams();
    await open(params);
    await complete(params.vnp_TxnRef, { outcome: '00', ipn_mode: 'late', ipn_delay_s: 1 });
    assert.equal(merchant.seen('/ipn').length, 0);
    const [ipn] = await merchant.waitFor('/ipn');
    assert.equal(ipn.query.get('vnp_TxnRef'), params.vnp_TxnRef);
  });

  test('the mode set by the control API applies to new transactions; a replay sends the IPN once more', async () => {
    await fetch(`${gateway.url}/control/ipn`, { method: 'POST', body: '{"mode":"never"}' });
    const params = payParams();
    await open(params);
    const bad = await fetch(`${gateway.url}/control/transactions/${params.vnp_TxnRef}/complete`, { method: 'POST', body: '{"ipn_mode":"often"}' });
    assert.equal(bad.status, 400);
    await complete(params.vnp_TxnRef, { outcome: '00' });
    assert.equal((await transaction(params.vnp_TxnRef)).ipn_mode, 'never');
    const replay = await (await fetch(`${gateway.url}/control/transactions/${params.vnp_TxnRef}/ipn`, { method: 'POST' })).json();
    assert.equal(replay.rsp_code, '00');
    assert.equal(merchant.seen('/ipn').length, 1);
  });

  test('an answer other than 00/02 is retried and every answer is kept; the payment stays paid', async () => {
    merchant.rspCode = '97';
    const params = payParams();
    await open(params);
    await complete(params.vnp_TxnRef, { outcome: '00' });
    await merchant.waitFor('/ipn', 2);
    for (let i = 0; i < 100 && (await transaction(params.vnp_TxnRef)).ipn_attempts.length < 2; i += 1) await new Promise((r) => setTimeout(r, 10));
    const txn = await transaction(params.vnp_TxnRef);
    assert.deepEqual(txn.ipn_attempts.map((a) => [a.http_status, a.rsp_code]), [[200, '97'], [200, '97']]);
    assert.equal(txn.status, '00');
    const log = await (await fetch(`${gateway.url}/control/ipn-log`)).json();
    assert.equal(log.filter((a) => a.txn_ref === params.vnp_TxnRef).length, 2);
  });
});

describe('merchant_webapi', () => {
  test('querydr: open, paid, not found, bad checksum, duplicate request id; answers are signed', async () => {
    const params = payParams();
    await open(params);
    const pending = await querydr(params);
    assert.deepEqual([pending.vnp_ResponseCode, pending.vnp_TransactionStatus], ['00', '01']);
    assert.equal(pending.vnp_SecureHash, hmac512([...QUERY_ANSWER, 'vnp_PromotionCode', 'vnp_PromotionAmount'].map((f) => pending[f]).join('|')));
    const { params: result } = await complete(params.vnp_TxnRef, { outcome: '00', ipn_mode: 'never' });
    const paid = await querydr(params);
    assert.deepEqual([paid.vnp_ResponseCode, paid.vnp_TransactionStatus, paid.vnp_TransactionType], ['00', '00', '01']);
    assert.equal(paid.vnp_TransactionNo, result.vnp_TransactionNo);
    assert.equal(paid.vnp_Amount, params.vnp_Amount);
    assert.equal((await querydr(params, { vnp_TransactionDate: stamp(Date.now() - 86400e3) })).vnp_ResponseCode, '91');
    assert.equal((await querydr({ ...params, vnp_TxnRef: 'NOPE' })).vnp_ResponseCode, '91');
    assert.equal((await querydr(params, { vnp_TmnCode: 'OTHER001' })).vnp_ResponseCode, '02');
    const id = requestId();
    assert.equal((await querydr(params, { vnp_RequestId: id })).vnp_ResponseCode, '00');
    assert.equal((await querydr(params, { vnp_RequestId: id })).vnp_ResponseCode, '94');
    const forged = await fetch(`${gateway.url}/merchant_webapi/api/transaction`, { method: 'POST', body: JSON.stringify({
      vnp_RequestId: requestId(), vnp_Version: '2.1.0', vnp_Command: 'querydr', vnp_TmnCode: VNPAY.tmnCode, vnp_TxnRef: params.vnp_TxnRef,
      vnp_OrderInfo: 'x', vnp_TransactionDate: params.vnp_CreateDate, vnp_CreateDate: stamp(), vnp_IpAddr: '127.0.0.1', vnp_SecureHash: 'ab'.repeat(64) }) });
    assert.equal((await forged.json()).vnp_ResponseCode, '97');
  });

  test('querydr of a cancelled payment says 02', async () => {
    const params = payParams();
    await open(params);
    await complete(params.vnp_TxnRef, { outcome: '24', ipn_mode: 'never' });
    const answer = await querydr(params);
    assert.deepEqual([answer.vnp_ResponseCode, answer.vnp_TransactionStatus, answer.vnp_TransactionNo], ['00', '02', '0']);
  });

  test('refund: partial then the rest, nothing beyond; full after partial 94; a failed payment 95', async () => {
    const params = payParams();
    await open(params);
    await complete(params.vnp_TxnRef, { outcome: '00', ipn_mode: 'never' });
    const part = await refund(params, '03', 30000000);
    assert.deepEqual([part.vnp_ResponseCode, part.vnp_TransactionType, part.vnp_Amount], ['00', '03', '30000000']);
    assert.equal(part.vnp_SecureHash, hmac512(QUERY_ANSWER.map((f) => part[f]).join('|')));
    assert.equal((await refund(params, '02', params.vnp_Amount)).vnp_ResponseCode, '94');
    assert.equal((await refund(params, '03', 50147001)).vnp_ResponseCode, '93');
    assert.equal((await refund(params, '03', 50147000)).vnp_ResponseCode, '00');
    const after = await querydr(params);
    assert.deepEqual([after.vnp_TransactionType, after.vnp_TransactionStatus], ['02', '05']);
    assert.equal((await refund(params, '03', 100)).vnp_ResponseCode, '93');
    assert.equal((await transaction(params.vnp_TxnRef)).refunds.length, 2);

    const failed = payParams();
    await open(failed);
    await complete(failed.vnp_TxnRef, { outcome: '51', ipn_mode: 'never' });
    assert.equal((await refund(failed, '02', failed.vnp_Amount)).vnp_ResponseCode, '95');
    const whole = payParams();
    await open(whole);
    await complete(whole.vnp_TxnRef, { outcome: '00', ipn_mode: 'never' });
    assert.equal((await refund(whole, '02', 100)).vnp_ResponseCode, '93');
    assert.equal((await refund(whole, '02', whole.vnp_Amount, { vnp_TransactionNo: '1' })).vnp_ResponseCode, '91');
    assert.equal((await refund(whole, '02', whole.vnp_Amount)).vnp_ResponseCode, '00');
  });
});
