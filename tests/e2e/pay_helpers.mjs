// Steps the payment e2e tests share: a new signed-in citizen, a lookup from the home screen, the
// way to the VNPay sandbox's page, and the sandbox's control API. `env` is useAppServer's with
// payments (and sms, for the citizens' codes).
import assert from 'node:assert/strict';

import { registerCitizen, signedInPage } from './account_helpers.mjs';
import { blur, tap } from './harness.mjs';

const PASSWORD = 'Thanh-Toan-2026!';

// A maker of citizens: each call registers a new one (numbers from `prefix`) and signs them in on
// a phone-sized page.
export function citizens(env, prefix = '09130000') {
  let made = 0;
  return async (options = {}) => {
    const phone = `${prefix}${String(10 + made++)}`;
    await registerCitizen(env, { name: 'Nông Văn Dũng', phone, password: PASSWORD });
    return signedInPage(env, phone, PASSWORD, options);
  };
}

export const text = (page, value) => page.getByText(value, typeof value === 'string' ? { exact: true } : {});

// A request to the VNPay sandbox's control API; its JSON (null for 204).
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

// The amount the lookup shows for the chosen periods ("801.470 ₫").
export async function amountOf(page) {
  const line = await page.getByText(/^Số tiền các kỳ đã chọn: /).textContent();
  return line.replace('Số tiền các kỳ đã chọn: ', '');
}

// "Thanh toán" → "Thanh toán qua VNPay" → the gateway's page, which shows the server's amount
// and our order code (vnp_TxnRef); returns that code. `shot(name)` is called on the way.
export async function toGateway(env, page, amount, shot = null) {
  await tap(page, 'button', 'Thanh toán');
  await text(page, `Số tiền: ${amount}`).waitFor();
  const orderCode = (await text(page, /^Mã giao dịch: CDS\d+$/).textContent()).replace('Mã giao dịch: ', '');
  if (shot) await shot('method');
  await tap(page, 'button', 'Thanh toán qua VNPay');
  await page.waitForURL((url) => url.href.startsWith(env.vnpay.url));
  await page.getByText(amount).first().waitFor();
  assert.ok((await page.evaluate(() => document.body.innerText)).includes(orderCode), 'the gateway names our order');
  if (shot) await shot('gateway');
  return orderCode;
}
