// The admins' payment screens in Chromium at phone size, with the real server and both payment
// sandboxes: a citizen pays through the VNPay sandbox; an admin finds the order by filter in
// "Giao dịch thanh toán", reads the IPN exactly as the gateway sent it, reconciles the day
// ("Khớp"), refunds it with a reason, and then "Đối soát" lists the refunded order the provider
// still has as paid. A citizen gets neither the buttons nor the API.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { addOfficial, signedInPage } from './account_helpers.mjs';
import { blur, openApp, tap, useAppServer } from './harness.mjs';
import { citizens, lookUp, text, toGateway, vnpayControl } from './payments_helpers.mjs';

const env = useAppServer({ sms: true, payments: true });
const citizen = citizens(env, '0914000010');
const admin = { role: 'admin', phone: '0900000041', name: 'Quản Trị Thanh Toán', password: 'Quan-Tri-Tien-2026' };
const SHOTS = '/tmp/pay-admin';
const shot = (page, name) => page.screenshot({ path: `${SHOTS}-${name}.png` });
const vietnamToday = () => new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
const description = (page, id) => page.evaluate((i) => document.querySelector(`[data-id="${i}"]`)?.getAttribute('aria-description'), id);

// "Đối soát" for `day`: the day typed, the button tapped, the answer shown.
async function reconcile(page, day) {
  await page.getByRole('textbox', { name: 'Ngày đối soát' }).fill(day);
  await blur(page);
  await tap(page, 'button', 'Đối soát ngày này');
  const [y, m, d] = day.split('-');
  await page.getByRole('heading', { name: new RegExp(`^Ngày ${d}/${m}/${y}: `) }).waitFor();
}

test('an admin finds a paid order, reads its IPN verbatim, reconciles the day and refunds it', async () => {
  // A citizen pays two periods through the gateway's page; the browser's way back is kept.
  const { context: citizenContext, page: citizenPage } = await citizen();
  await lookUp(citizenPage, 'Tiền điện', 'PA14010012345');
  await text(citizenPage, 'Khách hàng: NÔNG V** D**').waitFor();
  const code = await toGateway(env, citizenPage, '801.470 ₫');
  const returned = citizenPage.waitForRequest((r) => r.url().includes('/api/v1/payments/vnpay/return?'));
  await citizenPage.getByRole('button', { name: 'Xác nhận thanh toán' }).click();
  const returnQuery = new URL((await returned).url()).search.slice(1);
  await citizenPage.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor({ timeout: 30000 });
  const gateway = await vnpayControl(env, 'GET', `/control/transactions/${code}`);
  assert.deepEqual(gateway.ipn_attempts.map((a) => a.rsp_code), ['00']);

  // The citizen has no admin buttons, the admin pages say so, and the API refuses.
  await openApp(citizenPage, env.server.url);
  await tap(citizenPage, 'button', 'Tài khoản');
  await citizenPage.getByRole('button', { name: 'Phiên đăng nhập', exact: false }).first().waitFor();
  for (const label of ['Giao dịch thanh toán', 'Đối soát'])
    assert.equal(await citizenPage.getByRole('button', { name: label, exact: true }).count(), 0);
  for (const route of ['giao-dich-thanh-toan', `giao-dich-thanh-toan/${code}`, 'doi-soat']) {
    await openApp(citizenPage, `${env.server.url}/#/${route}`);
    await text(citizenPage, 'Chỉ quản trị viên mới dùng được trang này.').waitFor();
  }
  await shot(citizenPage, 'citizen-refused');
  const asCitizen = (path, init = {}) => citizenPage.evaluate(async ([p, i]) => (await fetch(p, i)).status, [path, init]);
  assert.equal(await asCitizen('/api/v1/admin/payments/orders'), 403);
  assert.equal(await asCitizen(`/api/v1/admin/payments/orders/${code}`), 403);
  assert.equal(await asCitizen('/api/v1/admin/payments/reconciliation?date=2026-12-01'), 403);
  assert.equal(await asCitizen(`/api/v1/admin/payments/orders/${code}/refund`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: '{"reason":"x"}' }), 403);
  await citizenContext.close();

  // The admin finds it by its customer code and status.
  await addOfficial(env, admin);
  const { context, page } = await signedInPage(env, admin.phone, admin.password);
  await tap(page, 'button', 'Tài khoản');
  await tap(page, 'button', 'Giao dịch thanh toán');
  const row = page.getByRole('button', { name: `${code} · 801.470 ₫`, exact: true });
  await row.waitFor();
  await page.getByRole('textbox', { name: 'Mã giao dịch hoặc mã khách hàng' }).fill('PA14099999999');
  await blur(page);
  await tap(page, 'button', 'Tìm giao dịch');
  await text(page, 'Không có giao dịch nào khớp bộ lọc.').waitFor();
  assert.equal(await row.count(), 0);
  await page.getByRole('textbox', { name: 'Mã giao dịch hoặc mã khách hàng' }).fill(' PA14010012345 ');
  await page.getByRole('combobox', { name: 'Trạng thái' }).selectOption({ label: 'Thanh toán thành công' });
  await page.getByRole('combobox', { name: 'Dịch vụ / nhà cung cấp' }).selectOption({ label: 'Tiền điện' });
  await page.getByRole('textbox', { name: 'Từ ngày' }).fill(vietnamToday());
  await blur(page);
  await tap(page, 'button', 'Tìm giao dịch');
  await row.waitFor();
  await page.getByText(new RegExp(`^${code} · 801\\.470 ₫: Điện lực Cao Bằng \\(Tiền điện\\) · NÔNG V\\*\\* D\\*\\* · PA14010012345\\s+` +
    'Thanh toán thành công · Đã gạch nợ · \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d$')).waitFor();
  assert.equal(await page.getByRole('button', { name: /^CDS\d+ · / }).count(), 1);
  await shot(page, 'orders');

  // The order: its facts and every partner message, the IPN exactly as the gateway sent it.
  await tap(page, 'button', `${code} · 801.470 ₫`);
  await page.waitForURL(`${env.server.url}/#/giao-dich-thanh-toan/${code}`);
  await page.getByRole('heading', { name: code }).waitFor();
  for (const line of ['Trạng thái: Thanh toán thành công', 'Gạch nợ: Đã gạch nợ', 'Số tiền: 801.470 ₫',
    'Nhà cung cấp: Điện lực Cao Bằng (Tiền điện)', 'Khách hàng: NÔNG V** D** · PA14010012345',
    'Cách thanh toán: VNPay', `Số giao dịch cổng thanh toán: ${gateway.transaction_no}`,
    'Kỳ 10/2026 · 412.350 ₫ · EVN-PA14010012345-202610', 'Kỳ 11/2026 · 389.120 ₫ · EVN-PA14010012345-202611'])
    await text(page, line).waitFor();
  const ipnHead = page.getByText(/^\d+\. IPN VNPay · Đã ghi nhận thanh toán · \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  await ipnHead.waitFor();
  const headId = await ipnHead.getAttribute('data-id');
  const ipnText = await page.locator(`[data-id="${headId.replace(/\.head$/, '')}"]`).textContent();
  assert.equal(ipnText, returnQuery, 'the IPN is kept as sent (the gateway signs the same query for both)');
  assert.match(ipnText, new RegExp(`vnp_TxnRef=${code}`));
  await page.getByText(/^\d+\. Nhà cung cấp · Đã gạch nợ · /).waitFor();
  await page.getByText(/^\d+\. VNPay trả về trình duyệt \(Return URL\) · Báo đã thanh toán · /).waitFor();
  await shot(page, 'order');
  // The history further down, as a thumb scrolls to it.
  await page.mouse.move(206, 600);
  await page.mouse.wheel(0, 1400);
  await page.waitForTimeout(500);
  await shot(page, 'order-history');

  // "Đối soát" for today: the paid order's day matches.
  await page.goBack();
  await tap(page, 'button', 'Đối soát');
  await page.getByRole('textbox', { name: 'Ngày đối soát' }).waitFor();
  const yesterday = new Date(Date.now() + 7 * 3600e3 - 86400e3).toISOString().slice(0, 10);
  assert.equal(await page.getByRole('textbox', { name: 'Ngày đối soát' }).inputValue(), yesterday);
  await reconcile(page, vietnamToday());
  await page.getByRole('status').filter({ hasText: 'Khớp: không có chênh lệch nào.' }).waitFor();
  await text(page, 'Điện lực Cao Bằng: hệ thống 1 giao dịch, 801.470 ₫ · nhà cung cấp xác nhận 1, 801.470 ₫').waitFor();
  await text(page, 'Cấp nước Cao Bằng: hệ thống 0 giao dịch, 0 ₫ · nhà cung cấp xác nhận 0, 0 ₫').waitFor();
  await text(page, 'VNPay: 1 giao dịch, 801.470 ₫').waitFor();
  await shot(page, 'reconciliation-match');

  // "Hoàn tiền": a reason is required; the gateway gives the money back; the state is refunded.
  await openApp(page, `${env.server.url}/#/giao-dich-thanh-toan/${code}`);
  await tap(page, 'button', 'Hoàn tiền');
  await page.getByRole('heading', { name: 'Xác nhận hoàn tiền' }).waitFor();
  await text(page, 'Toàn bộ số tiền sẽ được hoàn cho khách hàng qua cổng thanh toán VNPay.').waitFor();
  await tap(page, 'button', 'Xác nhận hoàn tiền');
  await page.waitForFunction((id) => document.querySelector(`[data-id="${id}"]`)?.getAttribute('aria-description') ===
    'Vui lòng nhập lý do hoàn tiền.', 'admin.payment.reason');
  assert.equal(await description(page, 'admin.payment.reason'), 'Vui lòng nhập lý do hoàn tiền.');
  assert.equal((await vnpayControl(env, 'GET', `/control/transactions/${code}`)).refunds.length, 0);
  await shot(page, 'refund-confirm');
  await page.getByRole('textbox', { name: 'Lý do hoàn tiền' }).fill('Khách hàng trả nhầm kỳ');
  await blur(page);
  await tap(page, 'button', 'Xác nhận hoàn tiền');
  await page.getByRole('status').filter({ hasText: 'Đã hoàn tiền' }).waitFor();
  await text(page, 'Trạng thái: Đã hoàn tiền').waitFor();
  await page.getByText(/^\d+\. Hoàn tiền qua VNPay · Đã hoàn tiền · /).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Hoàn tiền', exact: true }).count(), 0);
  const refunds = (await vnpayControl(env, 'GET', `/control/transactions/${code}`)).refunds;
  assert.equal(refunds.length, 1);
  await shot(page, 'refunded');

  // The provider still has the bills paid: the day no longer matches, and says why.
  await openApp(page, `${env.server.url}/#/doi-soat`);
  await reconcile(page, vietnamToday());
  await page.getByRole('status').filter({ hasText: 'Có 1 chênh lệch cần xử lý' }).waitFor();
  await page.getByText(new RegExp(`^1\\. Đã hoàn tiền nhưng nhà cung cấp vẫn ghi đã thanh toán · ${code} · evn · `)).waitFor();
  assert.equal(await page.getByText('Khớp: không có chênh lệch nào.').count(), 0);
  await shot(page, 'reconciliation-mismatch');
  await context.close();
});
