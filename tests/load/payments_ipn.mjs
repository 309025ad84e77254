// Payments under load, on a server of its own with the bill providers' sandbox (a generated seed
// of 200 electricity customers with one unpaid bill each):
//  - order creation: 200 orders, 10 at a time (each asks the provider for the amounts);
//  - IPN handling: every order's VNPay IPN sent 50 times at once (the duplicates a flaky gateway
//    or an attacker replaying sends), signed as VNPay signs it; then every order must be booked
//    exactly once (one "booked" message, one delivery).
//   node tests/load/payments_ipn.mjs <cdscb-server binary>
import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [binary] = process.argv.slice(2);
const ORDERS = 200;
const DUPLICATES = 50;
const SECRET = 'bench-vnpay-secret';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-pay-'));
const children = [];
process.on('exit', () => { for (const c of children) c.kill('SIGTERM'); fs.rmSync(dir, { recursive: true, force: true }); });

function listening(child) {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}`)));
  });
}

// 200 customers PA1499000000..: one bill of a different amount each.
const seed = JSON.parse(fs.readFileSync('sandbox/bills/seed.json', 'utf8'));
const customers = [];
for (let i = 0; i < ORDERS; i++) {
  const code = `PA1499${String(i).padStart(7, '0')}`;
  customers.push({ code, name: 'NÔNG VĂN TẢI', address: `Tổ ${i}, Phường Thục Phán, tỉnh Cao Bằng`,
    bills: [{ bill_id: `EVN-${code}-202611`, period: '2026-11', amount: 100000 + i * 100, due_date: '2026-12-10' }] });
}
seed.providers.evn.customers = customers;
fs.writeFileSync(path.join(dir, 'seed.json'), JSON.stringify(seed));

const env = { ...process.env, BILLS_SECRET_EVN: 'bench-evn-secret', VNPAY_HASH_SECRET: SECRET };
const bills = spawn('node', ['sandbox/bills/server.mjs', '--port', '0', '--seed', path.join(dir, 'seed.json')],
  { env, stdio: ['ignore', 'pipe', 'ignore'] });
children.push(bills);
const billsUrl = await listening(bills);
const billsPort = new URL(billsUrl).port;
const server = spawn(binary, ['--listen', '127.0.0.1:0', '--db', `sqlite:${dir}/app.db`, '--data-dir', dir,
  '--site-dir', 'build/site', '--rate-limits', 'off', '--bills-url', billsUrl, '--vnpay-url', 'http://127.0.0.1:9',
  '--vnpay-tmn-code', 'CDSCB001', '--allow-private-fetch', `127.0.0.1:${billsPort}`],
  { env, stdio: ['ignore', 'pipe', 'ignore'] });
children.push(server);
const url = await listening(server);

execFileSync(binary, ['user', 'add', '--role', 'officer', '--agency', 'so-cong-thuong', '--phone', '0912999001',
  '--name', 'Người đo tải', '--password-stdin', '--db', `sqlite:${dir}/app.db`], { input: 'Bench Pay 2026\n' });
const signIn = await fetch(`${url}/api/v1/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ phone: '0912999001', password: 'Bench Pay 2026' }) });
if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
const cookie = signIn.headers.get('set-cookie').split(';')[0];
const post = (p, body) => fetch(`${url}${p}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie },
  body: JSON.stringify(body) });

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
async function inBatches(items, size, work) {
  const results = [];
  for (let i = 0; i < items.length; i += size) results.push(...await Promise.all(items.slice(i, i + size).map(work)));
  return results;
}

// Order creation.
const orderTimes = [];
const orders = await inBatches(customers, 10, async (c) => {
  const started = performance.now();
  const answer = await post('/api/v1/payments/orders', { provider: 'evn', customer_code: c.code, bill_ids: [c.bills[0].bill_id] });
  orderTimes.push(performance.now() - started);
  if (answer.status !== 201) throw new Error(`order answered ${answer.status}: ${await answer.text()}`);
  const { order } = await answer.json();
  const start = await post(`/api/v1/payments/orders/${order.code}/vnpay`, {});
  if (start.status !== 200) throw new Error(`vnpay start answered ${start.status}`);
  return order;
});
console.log(`  order creation: ${ORDERS} orders, 10 at a time: p50 ${quantile(orderTimes, 0.5).toFixed(1)} ms, ` +
  `p99 ${quantile(orderTimes, 0.99).toFixed(1)} ms (each asks the provider for the amounts)`);

// The IPN query VNPay would send for an order, signed as sandbox/vnpay/README.md says.
function ipnQuery(order) {
  const params = { vnp_Amount: String(order.amount * 100), vnp_BankCode: 'NCB', vnp_CardType: 'ATM',
    vnp_OrderInfo: `Thanh toan hoa don ${order.code}`, vnp_PayDate: '20261202091503', vnp_ResponseCode: '00',
    vnp_TmnCode: 'CDSCB001', vnp_TransactionNo: String(14000000 + orders.indexOf(order)), vnp_TransactionStatus: '00',
    vnp_TxnRef: order.code };
  const data = new URLSearchParams(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1))).toString();
  return `${data}&vnp_SecureHash=${crypto.createHmac('sha512', SECRET).update(data).digest('hex')}`;
}
const ipnTimes = [];
const codes = {};
const began = performance.now();
for (const order of orders) {
  const query = ipnQuery(order);
  await Promise.all(Array.from({ length: DUPLICATES }, async () => {
    const started = performance.now();
    const answer = await fetch(`${url}/api/v1/payments/vnpay/ipn?${query}`);
    const { RspCode } = await answer.json();
    ipnTimes.push(performance.now() - started);
    codes[RspCode] = (codes[RspCode] ?? 0) + 1;
  }));
}
const elapsed = (performance.now() - began) / 1000;
console.log(`  IPN: ${ipnTimes.length} notifications (${DUPLICATES} copies of each order's, at once) in ${elapsed.toFixed(1)} s: ` +
  `${(ipnTimes.length / elapsed).toFixed(0)}/s, p50 ${quantile(ipnTimes, 0.5).toFixed(1)} ms, ` +
  `p99 ${quantile(ipnTimes, 0.99).toFixed(1)} ms; answers ${JSON.stringify(codes)}`);

// Booked once each: wait for the deliveries, then count in the database.
for (let i = 0; i < 100; i++) {
  const left = execFileSync('sqlite3', [`${dir}/app.db`, "SELECT COUNT(*) FROM payment_orders WHERE status <> 'delivered'"]).toString().trim();
  if (left === '0') break;
  await new Promise((r) => setTimeout(r, 200));
}
const count = (sql) => execFileSync('sqlite3', [`${dir}/app.db`, sql]).toString().trim();
console.log(`  booked once each: ${count("SELECT COUNT(*) FROM payment_events WHERE outcome = 'booked'")} booked messages, ` +
  `${count("SELECT COUNT(*) FROM jobs WHERE kind = 'payments.deliver'")} deliveries, ` +
  `${count("SELECT COUNT(*) FROM payment_orders WHERE status = 'delivered'")} of ${ORDERS} orders delivered`);
process.exit(0);
