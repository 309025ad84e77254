// "Lịch sử thanh toán" and "Danh bạ thanh toán" kept on the device for the account they belong
// to: shown offline with a note that they may be out of date, never shown to another citizen who
// signs in on the same browser, and shown again to their owner.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { logIn } from './account_helpers.mjs';
import { tap, useAppServer } from './harness.mjs';
import { citizens, lookUp, PASSWORD, saveContact, text } from './payments_helpers.mjs';

const env = useAppServer({ sms: true, payments: true });
const citizen = citizens(env, '0913000080');
const shot = (page, name) => page.screenshot({ path: `/tmp/payments-offline-${name}.png` });
const go = (page, hash) => page.evaluate((h) => { location.hash = h; }, hash);
const OFFLINE_NOTE = 'Không kết nối được máy chủ: đang xem bản lưu trên máy, có thể chưa cập nhật.';
const ORDER = 'Cấp nước Cao Bằng · 434.000 ₫';  // TG020456's three periods
const CONTACT = 'Nhà bố mẹ: Cấp nước Cao Bằng · TG020456';

async function reloadOffline(context, page) {
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready && document.querySelector('#a11y-root > *'), null, { timeout: 30000 });
}

async function signOut(page) {
  await go(page, '#/');
  await tap(page, 'button', 'Tài khoản');
  await tap(page, 'button', 'Đăng xuất');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
}

test('history and saved codes: offline with a note, never another account\'s, back for their owner', async () => {
  const an = await citizen();
  const binh = await citizen();  // registered and signed in elsewhere; signs in on An's phone below
  await binh.context.close();
  const { context, page } = an;

  // Online: a code saved under a name, and an order made of its bills.
  await lookUp(page, 'Tiền nước', 'TG020456');
  await page.getByText(/^Khách hàng: TRIỆU V\*\* N\*\*$/).waitFor();
  await saveContact(page, 'Nhà bố mẹ');
  await tap(page, 'button', 'Thanh toán');
  await text(page, /^Mã giao dịch: CDS\d+$/).waitFor();
  await go(page, '#/thanh-toan/lich-su');
  await page.getByRole('button', { name: ORDER, exact: true }).waitFor();
  await go(page, '#/thanh-toan/danh-ba');
  await text(page, CONTACT).waitFor();
  assert.equal(await page.getByText(OFFLINE_NOTE).count(), 0, 'no note while the server answers');

  // No network: the app reopens on the contacts, then goes to the history.
  await reloadOffline(context, page);
  await text(page, CONTACT).waitFor();
  await page.getByText(OFFLINE_NOTE).first().waitFor();
  await shot(page, 'contacts');
  await go(page, '#/thanh-toan/lich-su');
  await page.getByRole('button', { name: ORDER, exact: true }).waitFor();
  await page.getByText(new RegExp(`^${ORDER}: Chờ thanh toán · \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d$`)).waitFor();
  await page.getByText(OFFLINE_NOTE).first().waitFor();
  await shot(page, 'history');

  // Back online, An signs out and Bình signs in on the same browser: none of An's.
  await context.setOffline(false);
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready, null, { timeout: 30000 });
  await signOut(page);
  await logIn(page, binh.phone, PASSWORD);
  await go(page, '#/thanh-toan/lich-su');
  await page.getByText('Bạn chưa có giao dịch thanh toán nào.').waitFor();
  await go(page, '#/thanh-toan/danh-ba');
  await page.getByText('Danh bạ chưa có mã khách hàng nào.', { exact: false }).first().waitFor();
  await reloadOffline(context, page);
  await go(page, '#/thanh-toan/danh-ba');
  await page.getByRole('button', { name: 'Thử lại', exact: true }).waitFor();
  await go(page, '#/thanh-toan/lich-su');
  await page.getByRole('button', { name: 'Thử lại', exact: true }).waitFor();
  await shot(page, 'other-account');
  assert.equal(await page.getByRole('button', { name: ORDER, exact: true }).count(), 0);
  assert.equal(await page.getByText(CONTACT).count(), 0);
  assert.equal(await page.getByText('Nhà bố mẹ', { exact: false }).count(), 0);

  // An signs in again: An's copies, offline too.
  await context.setOffline(false);
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready, null, { timeout: 30000 });
  await signOut(page);
  await logIn(page, an.phone, PASSWORD);
  await reloadOffline(context, page);
  await go(page, '#/thanh-toan/lich-su');
  await page.getByRole('button', { name: ORDER, exact: true }).waitFor();
  await page.getByText(OFFLINE_NOTE).first().waitFor();
  await go(page, '#/thanh-toan/danh-ba');
  await text(page, CONTACT).waitFor();
  await context.close();
});
