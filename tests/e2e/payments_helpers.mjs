// Steps the "Thanh toán không tiền mặt" e2e files share: a signed-in citizen on a phone-sized
// page, a customer code looked up as a citizen does it, and the payment sandbox's control API.
import { registerCitizen, signedInPage } from './account_helpers.mjs';
import { blur, tap } from './harness.mjs';

const PASSWORD = 'Thanh-Toan-2026!';

// Makes a new citizen for each call (numbers from `first` on), signed in on a page of its own.
export function citizens(env, first = 10) {
  let next = first;
  return async (options = {}) => {
    const phone = `09130000${String(next++)}`;
    await registerCitizen(env, { name: 'Nông Văn Dũng', phone, password: PASSWORD });
    return signedInPage(env, phone, PASSWORD, options);
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
