// The bill providers' books: customers and bills from the seed, and the confirmations made since
// the start (or the last reset). One Store per server; every method answers {status, body}.

const ORDER_CODE = /^[A-Za-z0-9_-]{1,64}$/;

export function nowGmt7Iso(ms = Date.now()) {
  return new Date(ms + 7 * 3600e3).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

const fail = (status, code, message) => ({ status, body: { error: { code, message } } });
const UNAVAILABLE = () => fail(503, 'PROVIDER_UNAVAILABLE', 'Nhà cung cấp đang gián đoạn, vui lòng thử lại sau.');

class Provider {
  constructor(id, spec) {
    this.id = id;
    this.spec = spec;
    this.pattern = new RegExp(spec.code_pattern);
    this.reset();
  }

  reset() {
    this.customers = new Map(this.spec.customers.map((c) => [c.code, { ...c, refusalsLeft: c.refuse_confirms ?? 0 }]));
    this.paidBy = new Map(); // bill id → order code
    this.payments = new Map(); // order code → payment, in booking order
    this.available = true;
    this.refuseConfirms = 0;
    this.confirmDelayMs = 0;
    this.sequence = 0;
  }

  state() {
    return { available: this.available, refuse_confirms: this.refuseConfirms, confirm_delay_ms: this.confirmDelayMs,
      payments: this.payments.size };
  }

  // Format first, then existence: a malformed code never reaches the "not found" answer.
  customer(code) {
    if (!this.pattern.test(code)) return { error: fail(400, 'INVALID_CUSTOMER_CODE', this.spec.code_message) };
    const customer = this.customers.get(code);
    if (!customer) return { error: fail(404, 'CUSTOMER_NOT_FOUND', 'Không tìm thấy khách hàng với mã này.') };
    if (customer.unavailable) return { error: UNAVAILABLE() };
    return { customer };
  }

  lookup(code) {
    const { customer, error } = this.customer(code);
    if (error) return error;
    const bills = customer.bills.filter((b) => !this.paidBy.has(b.bill_id))
      .sort((a, b) => a.period.localeCompare(b.period))
      .map(({ bill_id, period, amount, due_date }) => ({ bill_id, period, amount, due_date }));
    return {
      status: 200,
      body: {
        provider: this.id, customer_code: customer.code,
        customer: { name: customer.name, address: customer.address },
        bills, total: bills.reduce((sum, b) => sum + b.amount, 0),
      },
    };
  }

  // Books the payment (or refuses it); the caller applies the confirmation delay afterwards.
  confirm(request) {
    const { order_code: orderCode, customer_code: code, bill_ids: billIds, amount } = request ?? {};
    if (typeof orderCode !== 'string' || !ORDER_CODE.test(orderCode) || typeof code !== 'string' ||
        !Array.isArray(billIds) || billIds.length === 0 || !billIds.every((id) => typeof id === 'string') ||
        new Set(billIds).size !== billIds.length || !Number.isSafeInteger(amount) || amount <= 0) {
      return fail(400, 'INVALID_REQUEST', 'Yêu cầu cần order_code, customer_code, bill_ids (không trùng) và amount (số nguyên VND).');
    }
    const { customer, error } = this.customer(code);
    if (error) return error;
    const previous = this.payments.get(orderCode);
    if (previous) {
      const same = previous.customer_code === code && previous.amount === amount &&
        previous.bill_ids.length === billIds.length && billIds.every((id) => previous.bill_ids.includes(id));
      if (!same) return fail(409, 'ORDER_CODE_REUSED', 'Mã đơn hàng này đã được dùng cho một thanh toán khác.');
      return { status: 200, body: { ...previous, replayed: true } };
    }
    const byId = new Map(customer.bills.map((b) => [b.bill_id, b]));
    const chosen = billIds.map((id) => byId.get(id));
    if (chosen.includes(undefined)) return fail(422, 'BILL_NOT_FOUND', 'Hóa đơn không thuộc khách hàng này.');
    if (billIds.some((id) => this.paidBy.has(id))) return fail(409, 'BILL_ALREADY_PAID', 'Hóa đơn đã được thanh toán.');
    if (this.spec.requires_oldest_first) {
      const newest = chosen.reduce((max, b) => (b.period > max ? b.period : max), '');
      const skipped = customer.bills.some((b) => !billIds.includes(b.bill_id) && !this.paidBy.has(b.bill_id) && b.period < newest);
      if (skipped) return fail(422, 'OLDER_BILL_UNPAID', 'Cần thanh toán các kỳ cũ hơn trước.');
    }
    if (chosen.reduce((sum, b) => sum + b.amount, 0) !== amount) {
      return fail(422, 'AMOUNT_MISMATCH', 'Số tiền không khớp với tổng các hóa đơn.');
    }
    if (customer.refusalsLeft > 0 || this.refuseConfirms > 0) {
      if (customer.refusalsLeft > 0) customer.refusalsLeft -= 1; else this.refuseConfirms -= 1;
      return fail(503, 'CONFIRM_REFUSED', 'Nhà cung cấp tạm thời chưa ghi nhận thanh toán, vui lòng thử lại sau.');
    }
    chosen.sort((a, b) => a.period.localeCompare(b.period));
    this.sequence += 1;
    const payment = {
      payment_id: `${this.id.toUpperCase()}-PMT-${String(this.sequence).padStart(6, '0')}`,
      provider: this.id, order_code: orderCode, customer_code: code,
      bill_ids: chosen.map((b) => b.bill_id), periods: chosen.map((b) => b.period), amount,
      confirmed_at: nowGmt7Iso(),
    };
    this.payments.set(orderCode, payment);
    for (const id of billIds) this.paidBy.set(id, orderCode);
    return { status: 201, body: { ...payment, replayed: false } };
  }

  payment(orderCode) {
    const payment = this.payments.get(orderCode);
    if (!payment) return fail(404, 'NOT_FOUND', 'Không có thanh toán với mã đơn hàng này.');
    return { status: 200, body: { ...payment, replayed: false } };
  }

  day(date) {
    const valid = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) &&
      new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
    if (!valid) return fail(400, 'INVALID_REQUEST', 'Tham số date phải là ngày dạng YYYY-MM-DD.');
    const payments = [...this.payments.values()].filter((p) => p.confirmed_at.startsWith(date))
      .map((p) => ({ ...p, replayed: false }));
    return { status: 200, body: { provider: this.id, date, count: payments.length,
      total: payments.reduce((sum, p) => sum + p.amount, 0), payments } };
  }
}

export class Store {
  constructor(seed) {
    this.providers = new Map(Object.entries(seed.providers).map(([id, spec]) => [id, new Provider(id, spec)]));
  }

  reset() {
    for (const provider of this.providers.values()) provider.reset();
  }

  unavailable() {
    return UNAVAILABLE();
  }
}
