// "Thanh toán không tiền mặt" in Chromium at phone size, with the real server and both payment
// sandboxes: look a customer code up, pay its bills through the VNPay sandbox's page, and see only
// what the server booked (success, cancel, a late IPN, a connection lost on the way back).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { blur, openApp, tap, useAppServer } from './harness.mjs';
import { amountOf, citizens, lookUp, saveContact, text, toGateway, vnpayControl as control } from './payments_helpers.mjs';

const env = useAppServer({ sms: true, payments: true });
const SHOTS = '/tmp/payments-app';
// A new citizen for each test, signed in on a phone-sized page of the app.
const citizen = citizens(env, '0913000010');
const shot = (page, name) => page.screenshot({ path: `${SHOTS}-${name}.png` });
const vnpayControl = (...args) => control(env, ...args);

test('two unpaid periods paid through VNPay: success, receipt, no bills left, kept in the history', async () => {
  const { context, page } = await citizen({ permissions: ['clipboard-read', 'clipboard-write'] });
  await tap(page, 'button', 'Thanh toán không tiền mặt');
  for (const label of ['Tiền điện', 'Tiền nước', 'Cước viễn thông', 'Lịch sử thanh toán'])
    await page.getByRole('button', { name: label, exact: true }).waitFor();
  await shot(page, 'menu');
  await tap(page, 'button', 'Cước viễn thông');
  for (const label of ['VNPT', 'Viettel', 'MobiFone']) await page.getByRole('button', { name: label, exact: true }).waitFor();
  await shot(page, 'telecom');
  await page.goBack();
  await tap(page, 'button', 'Tiền điện');

  // Checked in the app before any provider is asked.
  await page.getByRole('textbox', { name: 'Mã khách hàng' }).fill('PA123');
  await blur(page);
  await tap(page, 'button', 'Tra cứu');
  await page.waitForFunction((el) => el.getAttribute('aria-description') ===
    'Mã khách hàng điện gồm 13 ký tự, bắt đầu bằng PA14 (ví dụ: PA14010012345).',
  await page.getByRole('textbox', { name: 'Mã khách hàng' }).elementHandle());

  await page.getByRole('textbox', { name: 'Mã khách hàng' }).fill('pa14 0100 12345');
  await blur(page);
  await tap(page, 'button', 'Tra cứu');
  await text(page, 'Khách hàng: NÔNG V** D**').waitFor();
  await page.getByText(/^Địa chỉ: \*\*\*, .*Phường Thục Phán/i).waitFor();
  const older = page.getByRole('checkbox', { name: 'Kỳ 10/2026 · 412.350 ₫ · hạn 10/11/2026' });
  const newer = page.getByRole('checkbox', { name: 'Kỳ 11/2026 · 389.120 ₫ · hạn 10/12/2026' });
  assert.equal(await older.isChecked(), true);
  assert.equal(await newer.isChecked(), true);
  await text(page, 'Tổng cộng: 801.470 ₫').waitFor();
  // Oldest first: leaving the older period out leaves the newer out; choosing the newer brings the older.
  await tap(page, 'checkbox', 'Kỳ 10/2026 · 412.350 ₫ · hạn 10/11/2026');
  await page.waitForFunction((el) => el.getAttribute('aria-checked') === 'false' || el.checked === false, await newer.elementHandle());
  assert.equal(await older.isChecked(), false);
  await tap(page, 'checkbox', 'Kỳ 11/2026 · 389.120 ₫ · hạn 10/12/2026');
  await page.waitForFunction((el) => el.getAttribute('aria-checked') === 'true' || el.checked === true, await older.elementHandle());
  await text(page, 'Số tiền các kỳ đã chọn: 801.470 ₫').waitFor();
  await shot(page, 'lookup');

  const code = await toGateway(env, page, '801.470 ₫', (name) => shot(page, name));
  await page.getByRole('button', { name: 'Xác nhận thanh toán' }).click();

  await page.waitForURL(`${env.server.url}/#/thanh-toan/don/${code}`);
  await page.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor({ timeout: 30000 });
  const gateway = await vnpayControl('GET', `/control/transactions/${code}`);
  assert.equal(gateway.status, '00');
  await page.getByRole('heading', { name: 'Biên lai' }).waitFor();
  for (const line of [`Mã giao dịch: ${code}`, 'Nhà cung cấp: Điện lực Cao Bằng', 'Mã khách hàng: PA14010012345',
    'Kỳ thanh toán: 10/2026, 11/2026', 'Số tiền: 801.470 ₫', `Số giao dịch cổng thanh toán: ${gateway.transaction_no}`])
    await text(page, line).waitFor();
  await page.getByText(/^Thời gian: \d\d\/\d\d\/\d{4} \d\d:\d\d$/).waitFor();
  await shot(page, 'success');
  // This Chromium has no share sheet: the receipt is copied, the lines as shown.
  assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined');
  await tap(page, 'button', 'Chia sẻ biên lai');
  await page.getByText('Đã sao chép biên lai').first().waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith('Biên lai\n') && copied.includes(`Mã giao dịch: ${code}\n`) &&
    copied.includes('Số tiền: 801.470 ₫\n'), copied);

  // A new lookup: the provider has the bills paid.
  await openApp(page, `${env.server.url}/#/thanh-toan/tra-cuu/evn`);
  await page.getByRole('textbox', { name: 'Mã khách hàng' }).fill('PA14010012345');
  await blur(page);
  await tap(page, 'button', 'Tra cứu');
  await page.getByText('Không có hóa đơn cần thanh toán').first().waitFor();
  assert.equal(await page.getByRole('checkbox').count(), 0);
  await shot(page, 'no-debt');

  await openApp(page, `${env.server.url}/#/thanh-toan`);
  await tap(page, 'button', 'Lịch sử thanh toán');
  const row = page.getByRole('button', { name: 'Điện lực Cao Bằng · 801.470 ₫', exact: true });
  await row.waitFor();
  await page.getByText(/^Điện lực Cao Bằng · 801\.470 ₫: Thanh toán thành công · \d\d\/\d\d\/\d{4} \d\d:\d\d$/).waitFor();
  await shot(page, 'history');
  await tap(page, 'button', 'Điện lực Cao Bằng · 801.470 ₫');
  await page.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor();
  await text(page, `Mã giao dịch: ${code}`).waitFor();
  await context.close();
});

test('lookups that find nothing to pay say so, and a provider down offers "Thử lại"', async () => {
  const { context, page } = await citizen();
  await lookUp(page, 'Tiền điện', 'PA14030007890');
  await page.getByText('Không có hóa đơn cần thanh toán').first().waitFor();
  await page.getByRole('textbox', { name: 'Mã khách hàng' }).fill('PA14040009999');
  await blur(page);
  await tap(page, 'button', 'Tra cứu');
  await page.getByText('Không tìm thấy khách hàng với mã này. Vui lòng kiểm tra lại mã khách hàng trên hóa đơn.').first().waitFor();
  await page.getByRole('textbox', { name: 'Mã khách hàng' }).fill('PA14050000503');
  await blur(page);
  await tap(page, 'button', 'Tra cứu');
  await page.getByText('Nhà cung cấp đang gián đoạn, vui lòng thử lại sau.').first().waitFor();
  await page.getByRole('button', { name: 'Thử lại', exact: true }).waitFor();
  await shot(page, 'provider-down');
  await context.close();
});

test('a code in another provider\'s form is refused in the app, naming the expected form, before the server is asked', async () => {
  const { context, page } = await citizen();
  const lookups = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/v1/payments/lookup')) lookups.push(r.url()); });
  // A MobiFone number typed under Viettel.
  await lookUp(page, 'Cước viễn thông', '0904 123 456', 'Viettel');
  const field = await page.getByRole('textbox', { name: 'Mã khách hàng' }).elementHandle();
  await page.waitForFunction((el) => el.getAttribute('aria-description') ===
    'Số thuê bao Viettel gồm 10 chữ số, bắt đầu bằng 086, 096, 097, 098 hoặc 032 đến 039 (ví dụ: 0986123456).', field);
  await shot(page, 'code-form');
  // The water company's codes: two letters and six digits.
  await page.goBack();
  await page.goBack();
  await tap(page, 'button', 'Tiền nước');
  await page.getByRole('textbox', { name: 'Mã khách hàng' }).fill('TP01023');
  await blur(page);
  await tap(page, 'button', 'Tra cứu');
  await page.waitForFunction((el) => el.getAttribute('aria-description') ===
    'Mã khách hàng nước gồm 2 chữ cái và 6 chữ số (ví dụ: TP010234).',
  await page.getByRole('textbox', { name: 'Mã khách hàng' }).elementHandle());
  assert.deepEqual(lookups, [], 'no lookup reached the server');
  // The same number under MobiFone is looked up.
  await openApp(page, `${env.server.url}/#/thanh-toan/tra-cuu/mobifone`);
  await page.getByRole('textbox', { name: 'Mã khách hàng' }).fill('0904 123 456');
  await blur(page);
  await tap(page, 'button', 'Tra cứu');
  await text(page, 'Khách hàng: LỤC T** M**').waitFor();
  assert.equal(lookups.length, 1);
  await context.close();
});

test('"Hủy giao dịch" at the gateway: the app says the payment failed and the bills stay unpaid', async () => {
  const { context, page } = await citizen();
  await lookUp(page, 'Tiền điện', 'PA14020004567');
  await text(page, 'Khách hàng: HOÀNG T** M**').waitFor();
  assert.equal(await page.getByRole('checkbox').count(), 3);
  const code = await toGateway(env, page, await amountOf(page));
  await page.getByRole('button', { name: 'Hủy giao dịch' }).click();
  await page.waitForURL(`${env.server.url}/#/thanh-toan/don/${code}`);
  await page.getByRole('heading', { name: 'Thanh toán không thành công' }).waitFor({ timeout: 30000 });
  await page.getByText(/^Kỳ 09\/2026 · /).waitFor();
  await page.getByText(/^Kỳ 11\/2026 · /).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Thanh toán thành công' }).count(), 0);
  await shot(page, 'failed');
  await tap(page, 'button', 'Tra cứu lại');
  await page.getByRole('textbox', { name: 'Mã khách hàng' }).fill('PA14020004567');
  await blur(page);
  await tap(page, 'button', 'Tra cứu');
  await page.getByRole('checkbox', { name: /^Kỳ 09\/2026 · / }).waitFor();
  assert.equal(await page.getByRole('checkbox').count(), 3);
  await context.close();
});

test('a late IPN: "Đang xác nhận thanh toán" first, then the screen updates itself', async () => {
  const { context, page } = await citizen();
  await vnpayControl('POST', '/control/ipn', { mode: 'late', delay_s: 4 });
  try {
    await lookUp(page, 'Tiền điện', 'PA14070002233');
    await text(page, 'Khách hàng: ĐÀM T** H**').waitFor();
    const code = await toGateway(env, page, await amountOf(page));
    await page.getByRole('button', { name: 'Xác nhận thanh toán' }).click();
    await page.waitForURL(`${env.server.url}/#/thanh-toan/don/${code}`);
    await page.getByRole('heading', { name: 'Đang xác nhận thanh toán' }).waitFor();
    await shot(page, 'confirming');
    // No reload, no tap: the page asks the server again until the IPN booked it.
    await page.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor({ timeout: 30000 });
    const gateway = await vnpayControl('GET', `/control/transactions/${code}`);
    assert.deepEqual(gateway.ipn_attempts.map((a) => a.rsp_code), ['00']);
  } finally {
    await vnpayControl('POST', '/control/ipn', { mode: 'normal' });
  }
  await context.close();
});

test('the connection drops as the browser comes back from the gateway: after reload, paid once', async () => {
  const { context, page } = await citizen();
  await lookUp(page, 'Tiền nước', 'TP010234');
  await text(page, 'Khách hàng: NÔNG T** H**').waitFor();
  const before = (await (await fetch(`${env.bills.url}/control/state`)).json()).providers.water.payments;
  const code = await toGateway(env, page, await amountOf(page));
  // The payment goes through at the gateway (what "Xác nhận thanh toán" does, by the sandbox's
  // control API, which also sends the IPN), and the phone has lost the network when the gateway
  // sends it back to us: the way back fails. Then the network returns and the citizen reloads.
  const done = await vnpayControl('POST', `/control/transactions/${code}/complete`, { outcome: '00' });
  assert.match(done.return_url, /\/api\/v1\/payments\/vnpay\/return\?/);
  await context.setOffline(true);
  await assert.rejects(page.goto(done.return_url), /ERR_INTERNET_DISCONNECTED/);
  await context.setOffline(false);
  await page.reload();
  await page.waitForURL(`${env.server.url}/#/thanh-toan/don/${code}`);
  await page.waitForFunction(() => window.cdscb?.ready);
  await page.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor({ timeout: 30000 });
  await shot(page, 'after-reload');
  // Booked once by the server, confirmed once at the provider.
  const gateway = await vnpayControl('GET', `/control/transactions/${code}`);
  assert.deepEqual(gateway.ipn_attempts.map((a) => a.rsp_code), ['00']);
  const after = (await (await fetch(`${env.bills.url}/control/state`)).json()).providers.water.payments;
  assert.equal(after, before + 1);
  const orders = await page.evaluate(async () => (await (await fetch('/api/v1/payments/orders')).json()).items);
  assert.deepEqual(orders.map((o) => [o.code, o.status]), [[code, 'delivered']]);
  await context.close();
});

test('"Danh bạ thanh toán": a looked-up code saved with a name, looked up again in one tap, removed', async () => {
  const { context, page } = await citizen();
  await lookUp(page, 'Tiền nước', 'TG020456');
  await page.getByText(/^Khách hàng: TRIỆU V\*\* N\*\*$/).waitFor();
  await saveContact(page, 'Nhà bố mẹ');

  await openApp(page, `${env.server.url}/#/thanh-toan`);
  await tap(page, 'button', 'Danh bạ thanh toán');
  await text(page, 'Nhà bố mẹ: Cấp nước Cao Bằng · TG020456').waitFor();
  await shot(page, 'contacts');
  await tap(page, 'button', 'Nhà bố mẹ');
  await page.waitForURL(/#\/thanh-toan\/tra-cuu\/water$/);
  await page.getByText(/^Khách hàng: TRIỆU V\*\* N\*\*$/).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Mã khách hàng' }).inputValue(), 'TG020456');
  assert.equal(await page.getByRole('checkbox').count(), 3);

  await page.goBack();
  await tap(page, 'button', 'Xóa Nhà bố mẹ');
  await page.getByText('Danh bạ chưa có mã khách hàng nào.', { exact: false }).waitFor();
  await context.close();
});
