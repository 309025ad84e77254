// Steps the "Thanh toán không tiền mặt" e2e tests share: a signed-in citizen on a phone-sized
// page, a customer code looked up from the home screen, the way to the VNPay sandbox's page.
import assert from 'node:assert/strict';

import { registerCitizen, signedInPage } from './account_helpers.mjs';
import { blur, tap } from './harness.mjs';

export const PASSWORD = 'Thanh-Toan-2026!';

// Makes citizen(options) for a test file: a new account for each call (numbers from `firstPhone`),
// signed in on a new phone-sized context. Returns {context, page, phone}.
export function citizens(env, firstPhone) {
  let made = 0;
  return async (options = {}) => {
    const phone = String(Number(firstPhone) + made++).padStart(firstPhone.length, '0');
    await registerCitizen(env, { name: 'Nông Văn Dũng', phone, password: PASSWORD });
    return { ...(await signedInPage(env, phone, PASSWORD, options)), phone };
  };
}

export const text = (page, value) => page.getByText(value, typeof value === 'string' ? { exact: true } : {});

export async function vnpayControl(env, method, path, body) {
  const r = await fetch(`${env.vnpay.url}${path}`, { method, headers: { 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined });
  return r.status === 204 ? null : r.json();
}

// From the home screen to a provider's lookup with `code` looked up.
export async function lookUp(page, service, code, provider) {
  await tap(page, 'button', 'Thanh toán không tiền mặt');
  await tap(page, 'button', service);
  if (provider) await tap(page, 'button', provider);
  await page.getByRole('textbox', { name: 'Mã khách hàng' }).fill(code);
  await blur(page);
  await tap(page, 'button', 'Tra cứu');
}

// "Thanh toán" on a lookup: the method page with the server's amount; returns the order code.
export async function toMethods(page, amount) {
  await tap(page, 'button', 'Thanh toán');
  await text(page, `Số tiền: ${amount}`).waitFor();
  return (await text(page, /^Mã giao dịch: CDS\d+$/).textContent()).replace('Mã giao dịch: ', '');
}

// "Thanh toán" → "Thanh toán qua VNPay" → the gateway's page, which shows the server's amount
// and our order code (vnp_TxnRef); returns that code. `shot(name)` is called at each step.
export async function toGateway(env, page, amount, shot = null) {
  const orderCode = await toMethods(page, amount);
  await shot?.('method');
  await tap(page, 'button', 'Thanh toán qua VNPay');
  await page.waitForURL((url) => url.href.startsWith(env.vnpay.url));
  await page.getByText(amount).first().waitFor();
  assert.ok((await page.evaluate(() => document.body.innerText)).includes(orderCode), 'the gateway names our order');
  await shot?.('gateway');
  return orderCode;
}

// The amount the lookup shows for the chosen periods ("801.470 ₫").
export async function amountOf(page) {
  const line = await page.getByText(/^Số tiền các kỳ đã chọn: /).textContent();
  return line.replace('Số tiền các kỳ đã chọn: ', '');
}

// On a lookup's result: "Tên gợi nhớ" → "Lưu vào danh bạ", until it says it saved.
export async function saveContact(page, name) {
  await page.getByRole('textbox', { name: 'Tên gợi nhớ' }).fill(name);
  await blur(page);
  await tap(page, 'button', 'Lưu vào danh bạ');
  await page.getByText('Đã lưu vào danh bạ').first().waitFor();
}
