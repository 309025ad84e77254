// Paid, not yet confirmed at the provider: the bills sandbox's customer PA14060001122 refuses its
// first confirmation (503 CONFIRM_REFUSED). The citizen pays through the VNPay sandbox; the order
// screen shows the money received while the provider has not confirmed, and then, once the
// server's delivery job has retried and the provider confirmed, "Thanh toán thành công" — on the
// same page, without a reload.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { addOfficial } from './account_helpers.mjs';
import { useAppServer } from './harness.mjs';
import { citizens, lookUp, text, toGateway, vnpayControl } from './payments_helpers.mjs';

const env = useAppServer({ sms: true, payments: true });
const citizen = citizens(env, '0913000070');
const shot = (page, name) => page.screenshot({ path: `/tmp/payments-delivery-${name}.png` });
const admin = { role: 'admin', phone: '0900000071', name: 'Quản Trị Thanh Toán', password: 'Quan-Tri-Thanh-Toan-26' };

// The admin's view of an order: {order, messages:[{source, outcome, message, received_at}]}.
async function adminOrder(code) {
  const signIn = await fetch(`${env.server.url}/api/v1/sessions`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone: admin.phone, password: admin.password }) });
  assert.equal(signIn.status, 200);
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const r = await fetch(`${env.server.url}/api/v1/admin/payments/orders/${code}`, { headers: { Cookie: cookie } });
  assert.equal(r.status, 200);
  return r.json();
}

const providerState = async () => (await (await fetch(`${env.bills.url}/control/state`)).json()).providers.evn;

test('the provider refuses the first confirmation: "Đã nhận tiền thanh toán", then success without a reload', async () => {
  await addOfficial(env, admin);
  const { context, page } = await citizen();
  await lookUp(page, 'Tiền điện', 'PA14060001122');
  await text(page, 'Khách hàng: LỤC V** T**').waitFor();
  const before = (await providerState()).payments;
  const code = await toGateway(env, page, '342.700 ₫');
  await page.getByRole('button', { name: 'Xác nhận thanh toán' }).click();
  await page.waitForURL(`${env.server.url}/#/thanh-toan/don/${code}`);

  // The IPN booked the money; the provider refused to confirm it, for now.
  await page.getByRole('heading', { name: 'Đã nhận tiền thanh toán' }).waitFor({ timeout: 30000 });
  await text(page, 'Hệ thống đã nhận tiền và đang báo cho nhà cung cấp gạch nợ hóa đơn. Màn hình sẽ tự cập nhật.').waitFor();
  await text(page, 'Số tiền: 342.700 ₫').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Thanh toán thành công' }).count(), 0);
  assert.equal(await page.getByRole('heading', { name: 'Biên lai' }).count(), 0, 'no receipt before the provider confirmed');
  await shot(page, 'received');
  const waiting = await adminOrder(code);
  assert.equal(waiting.order.status, 'paid');
  assert.deepEqual(waiting.messages.filter((m) => m.source === 'provider').map((m) => m.outcome), ['retry']);
  assert.equal((await providerState()).payments, before, 'nothing booked at the provider yet');

  // Nobody touches the page: a reload would drop this mark.
  await page.evaluate(() => { window.notReloaded = true; });
  await page.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor({ timeout: 45000 });
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page updated itself');
  await page.getByRole('heading', { name: 'Biên lai' }).waitFor();
  for (const line of [`Mã giao dịch: ${code}`, 'Mã khách hàng: PA14060001122', 'Kỳ thanh toán: 11/2026', 'Số tiền: 342.700 ₫'])
    await text(page, line).waitFor();
  await shot(page, 'delivered');

  // Confirmed once, on the delivery job's second attempt.
  assert.equal((await providerState()).payments, before + 1);
  const done = await adminOrder(code);
  assert.equal(done.order.status, 'delivered');
  assert.deepEqual(done.messages.filter((m) => m.source === 'provider').map((m) => m.outcome), ['retry', 'delivered']);
  const gateway = await vnpayControl(env, 'GET', `/control/transactions/${code}`);
  assert.deepEqual(gateway.ipn_attempts.map((a) => a.rsp_code), ['00']);
  await context.close();
});
