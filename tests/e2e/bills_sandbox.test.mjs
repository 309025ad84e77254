// The bill providers' stand-in (sandbox/bills) as a client sees it: signed requests, lookups per
// provider kind, idempotent confirmations with the providers' refusals, the day's list, faults.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BILLS_SECRETS, startBills } from './pay_sandboxes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = JSON.parse(fs.readFileSync(path.join(root, 'sandbox/bills/seed.json'), 'utf8'));
const SECRETS = BILLS_SECRETS;
const customer = (provider, pick) => SEED.providers[provider].customers.find(pick);
const severalUnpaid = (provider) => customer(provider, (c) => c.bills.length >= 2 && !c.unavailable && !c.refuse_confirms);

let sandbox;

// A client as the server's integration would be: HMAC-SHA256 over method, target, time and body.
async function call(provider, method, target, body, { secret = SECRETS[provider], timestamp } = {}) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const ts = String(timestamp ?? Math.floor(Date.now() / 1000));
  const signature = crypto.createHmac('sha256', secret).update(`${method}\n${target}\n${ts}\n${raw}`).digest('hex');
  const res = await fetch(sandbox.url + target, {
    method, body: body === undefined ? undefined : raw,
    headers: { 'x-timestamp': ts, 'x-signature': signature, 'content-type': 'application/json' },
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

const lookup = (provider, code) => call(provider, 'GET', `/v1/${provider}/customers/${encodeURIComponent(code)}`);
const confirm = (provider, body) => call(provider, 'POST', `/v1/${provider}/payments`, body);
const control = (pathname, body) => fetch(sandbox.url + pathname, { method: 'POST', body: body && JSON.stringify(body) });
const today = () => new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);

before(async () => { sandbox = await startBills(); });
after(async () => { assert.deepEqual(await sandbox?.stop(), { code: 0, signal: null }); });
beforeEach(async () => { assert.equal((await control('/control/reset')).status, 204); });

describe('authentication', () => {
  test('a request without headers, with another provider\'s secret or a stale time is refused', async () => {
    const code = severalUnpaid('evn').code;
    const bare = await fetch(`${sandbox.url}/v1/evn/customers/${code}`);
    assert.equal(bare.status, 401);
    assert.equal((await bare.json()).error.code, 'UNAUTHORIZED');
    assert.equal((await call('evn', 'GET', `/v1/evn/customers/${code}`, undefined, { secret: SECRETS.water })).status, 401);
    const stale = await call('evn', 'GET', `/v1/evn/customers/${code}`, undefined, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    assert.equal(stale.status, 401);
    assert.equal((await lookup('evn', code)).status, 200);
  });

  test('a signed body that was altered afterwards is refused and books nothing', async () => {
    const c = severalUnpaid('water');
    const body = JSON.stringify({ order_code: 'T1', customer_code: c.code, bill_ids: [c.bills[0].bill_id], amount: c.bills[0].amount });
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = crypto.createHmac('sha256', SECRETS.water).update(`POST\n/v1/water/payments\n${ts}\n${body}`).digest('hex');
    const res = await fetch(`${sandbox.url}/v1/water/payments`, { method: 'POST', body: body.replace('T1', 'T2'),
      headers: { 'x-timestamp': ts, 'x-signature': signature } });
    assert.equal(res.status, 401);
    assert.equal((await lookup('water', c.code)).body.bills.length, c.bills.length);
  });
});

describe('lookup', () => {
  for (const provider of Object.keys(SEED.providers)) {
    test(`${provider}: unpaid periods oldest first, no debt, unknown, malformed, down`, async () => {
      const c = severalUnpaid(provider);
      const found = await lookup(provider, c.code);
      assert.equal(found.status, 200);
      assert.deepEqual(found.body.customer, { name: c.name, address: c.address });
      assert.deepEqual(found.body.bills.map((b) => b.period), c.bills.map((b) => b.period).sort());
      assert.equal(found.body.total, c.bills.reduce((s, b) => s + b.amount, 0));
      assert.ok(found.body.bills.every((b) => Number.isInteger(b.amount) && /^\d{4}-\d{2}-\d{2}$/.test(b.due_date)));

      const clear = await lookup(provider, customer(provider, (x) => x.bills.length === 0).code);
      assert.equal(clear.status, 200);
      assert.deepEqual([clear.body.bills, clear.body.total], [[], 0]);

      const unknown = await lookup(provider, SEED.providers[provider].unknown_codes[0]);
      assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'CUSTOMER_NOT_FOUND']);

      for (const bad of [`${c.code}0`, c.code.slice(1), ` ${c.code}`, `${c.code}' OR '1'='1`, c.code.replace(/.$/, '٣')]) {
        const refused = await lookup(provider, bad);
        assert.deepEqual([refused.status, refused.body.error.code], [400, 'INVALID_CUSTOMER_CODE'], bad);
      }

      const down = await lookup(provider, customer(provider, (x) => x.unavailable).code);
      assert.deepEqual([down.status, down.body.error.code], [503, 'PROVIDER_UNAVAILABLE']);
      assert.match(down.body.error.message, /gián đoạn/);
    });
  }

  test('electricity codes are 13 characters beginning with PA14; a telecom number is only its network\'s', async () => {
    assert.equal((await lookup('evn', 'PA22040428573')).status, 400);
    assert.equal((await lookup('evn', 'PA1401001234')).status, 400);
    assert.equal((await lookup('vnpt', severalUnpaid('viettel').code)).status, 400);
    assert.equal((await lookup('viettel', severalUnpaid('mobifone').code)).status, 400);
    assert.equal((await lookup('vnpt', '02063851234')).status, 200);
  });
});

describe('confirm', () => {
  test('EVN requires the oldest period first; paying all books once and empties the lookup', async () => {
    const c = severalUnpaid('evn');
    const [older, newer] = [...c.bills].sort((a, b) => a.period.localeCompare(b.period));
    const alone = await confirm('evn', { order_code: 'EVN1', customer_code: c.code, bill_ids: [newer.bill_id], amount: newer.amount });
    assert.deepEqual([alone.status, alone.body.error.code], [422, 'OLDER_BILL_UNPAID']);

    const all = c.bills.map((b) => b.bill_id);
    const total = c.bills.reduce((s, b) => s + b.amount, 0);
    const wrong = await confirm('evn', { order_code: 'EVN1', customer_code: c.code, bill_ids: all, amount: total - 1 });
    assert.deepEqual([wrong.status, wrong.body.error.code], [422, 'AMOUNT_MISMATCH']);

    const paid = await confirm('evn', { order_code: 'EVN1', customer_code: c.code, bill_ids: [...all].reverse(), amount: total });
    assert.equal(paid.status, 201);
    assert.equal(paid.body.replayed, false);
    assert.deepEqual(paid.body.periods, c.bills.map((b) => b.period).sort());
    assert.match(paid.body.confirmed_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);

    const again = await confirm('evn', { order_code: 'EVN1', customer_code: c.code, bill_ids: all, amount: total });
    assert.equal(again.status, 200);
    assert.equal(again.body.replayed, true);
    assert.equal(again.body.payment_id, paid.body.payment_id);

    const reused = await confirm('evn', { order_code: 'EVN1', customer_code: c.code, bill_ids: [all[0]], amount: c.bills[0].amount });
    assert.deepEqual([reused.status, reused.body.error.code], [409, 'ORDER_CODE_REUSED']);
    const twice = await confirm('evn', { order_code: 'EVN2', customer_code: c.code, bill_ids: all, amount: total });
    assert.deepEqual([twice.status, twice.body.error.code], [409, 'BILL_ALREADY_PAID']);

    const after = await lookup('evn', c.code);
    assert.deepEqual([after.body.bills, after.body.total], [[], 0]);
    const one = await call('evn', 'GET', '/v1/evn/payments/EVN1');
    assert.deepEqual(one.body.bill_ids, paid.body.bill_ids);
    assert.equal((await call('evn', 'GET', '/v1/evn/payments/EVN2')).status, 404);
  });

  test('the water company takes a newer period alone; another customer\'s bill is not found', async () => {
    const c = severalUnpaid('water');
    const newest = [...c.bills].sort((a, b) => b.period.localeCompare(a.period))[0];
    const other = customer('water', (x) => x.code !== c.code && x.bills.length > 0);
    const foreign = await confirm('water', { order_code: 'W0', customer_code: c.code, bill_ids: [other.bills[0].bill_id], amount: other.bills[0].amount });
    assert.deepEqual([foreign.status, foreign.body.error.code], [422, 'BILL_NOT_FOUND']);
    const paid = await confirm('water', { order_code: 'W1', customer_code: c.code, bill_ids: [newest.bill_id], amount: newest.amount });
    assert.equal(paid.status, 201);
    assert.deepEqual((await lookup('water', c.code)).body.bills.map((b) => b.bill_id),
      c.bills.filter((b) => b !== newest).map((b) => b.bill_id));
  });

  test('bad bodies are refused', async () => {
    const c = severalUnpaid('viettel');
    const base = { order_code: 'V1', customer_code: c.code, bill_ids: [c.bills[0].bill_id], amount: c.bills[0].amount };
    for (const body of [{ ...base, amount: '1000' }, { ...base, amount: 1.5 }, { ...base, bill_ids: [] },
      { ...base, bill_ids: [c.bills[0].bill_id, c.bills[0].bill_id] }, { ...base, order_code: 'có dấu' }, { ...base, order_code: undefined }]) {
      const res = await confirm('viettel', body);
      assert.deepEqual([res.status, res.body.error.code], [400, 'INVALID_REQUEST'], JSON.stringify(body));
    }
  });

  for (const provider of Object.keys(SEED.providers)) {
    test(`${provider}: the customer whose first confirmation is refused is booked on the retry`, async () => {
      const c = customer(provider, (x) => x.refuse_confirms === 1);
      const body = { order_code: `R-${provider}`, customer_code: c.code, bill_ids: c.bills.map((b) => b.bill_id),
        amount: c.bills.reduce((s, b) => s + b.amount, 0) };
      const first = await confirm(provider, body);
      assert.deepEqual([first.status, first.body.error.code], [503, 'CONFIRM_REFUSED']);
      assert.equal((await call(provider, 'GET', `/v1/${provider}/payments/R-${provider}`)).status, 404);
      assert.equal((await confirm(provider, body)).status, 201);
    });
  }
});

describe('reconciliation and faults', () => {
  test('the day\'s list has every confirmation of that day (GMT+7) and nothing else', async () => {
    const c = severalUnpaid('mobifone');
    for (const [i, b] of c.bills.entries()) {
      assert.equal((await confirm('mobifone', { order_code: `M${i}`, customer_code: c.code, bill_ids: [b.bill_id], amount: b.amount })).status, 201);
    }
    const day = await call('mobifone', 'GET', `/v1/mobifone/payments?date=${today()}`);
    assert.equal(day.status, 200);
    assert.deepEqual(day.body.payments.map((p) => p.order_code), c.bills.map((_, i) => `M${i}`));
    assert.equal(day.body.total, c.bills.reduce((s, b) => s + b.amount, 0));
    assert.equal((await call('mobifone', 'GET', '/v1/mobifone/payments?date=2020-01-01')).body.count, 0);
    assert.equal((await call('evn', 'GET', `/v1/evn/payments?date=${today()}`)).body.count, 0);
    assert.equal((await call('mobifone', 'GET', '/v1/mobifone/payments?date=2026-02-30')).status, 400);
  });

  test('a provider switched off answers 503 to everything until switched on', async () => {
    const c = severalUnpaid('vnpt');
    assert.equal((await control('/control/providers/vnpt', { available: false })).status, 200);
    assert.equal((await lookup('vnpt', c.code)).status, 503);
    assert.equal((await lookup('viettel', severalUnpaid('viettel').code)).status, 200);
    await control('/control/providers/vnpt', { available: true });
    assert.equal((await lookup('vnpt', c.code)).status, 200);
  });

  test('a slow confirmation is booked before it answers, so a timed-out client can ask for it', async () => {
    const c = severalUnpaid('viettel');
    await control('/control/providers/viettel', { confirm_delay_ms: 1500 });
    const slow = confirm('viettel', { order_code: 'SLOW', customer_code: c.code, bill_ids: [c.bills[0].bill_id], amount: c.bills[0].amount });
    let seen;
    for (let i = 0; i < 50 && seen?.status !== 200; i += 1) {
      seen = await call('viettel', 'GET', '/v1/viettel/payments/SLOW');
      if (seen.status !== 200) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(seen.status, 200);
    assert.equal((await slow).status, 201);
  });

  test('refuse_confirms refuses the next N confirmations of any customer; reset forgets payments', async () => {
    const c = severalUnpaid('water');
    const body = { order_code: 'N1', customer_code: c.code, bill_ids: [c.bills[0].bill_id], amount: c.bills[0].amount };
    await control('/control/providers/water', { refuse_confirms: 2 });
    assert.equal((await confirm('water', body)).status, 503);
    assert.equal((await confirm('water', body)).status, 503);
    assert.equal((await confirm('water', body)).status, 201);
    const state = await (await fetch(`${sandbox.url}/control/state`)).json();
    assert.equal(state.providers.water.payments, 1);
    await control('/control/reset');
    assert.equal((await lookup('water', c.code)).body.bills.length, c.bills.length);
  });
});
