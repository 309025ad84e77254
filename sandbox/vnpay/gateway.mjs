// The gateway's transactions: a payment URL opens one, the bank-choice page (or the control API)
// finishes it with an outcome, and the IPN carries the signed result to the merchant.
import crypto from 'node:crypto';
import { parseVnpDate, secureHash, sameHash, signedQuery, vnpDate } from './signing.mjs';

export const BANKS = [
  ['NCB', 'Ngân hàng NCB'], ['VIETCOMBANK', 'Vietcombank'], ['VIETINBANK', 'VietinBank'], ['BIDV', 'BIDV'],
  ['AGRIBANK', 'Agribank'], ['TECHCOMBANK', 'Techcombank'], ['MBBANK', 'MB'],
];
export const OUTCOMES = { '00': 'Thành công', 51: 'Không đủ số dư', 11: 'Hết thời gian chờ thanh toán', 24: 'Khách hàng hủy giao dịch' };
export const IPN_MODES = ['normal', 'before', 'late', 'twice', 'never'];
const IPN_TIMEOUT_MS = 10000;
const MIN_AMOUNT = 5000 * 100;
const MAX_AMOUNT = 1000000000 * 100;
const REQUIRED = ['vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_Amount', 'vnp_CurrCode', 'vnp_TxnRef', 'vnp_OrderInfo',
  'vnp_OrderType', 'vnp_Locale', 'vnp_ReturnUrl', 'vnp_IpAddr', 'vnp_CreateDate', 'vnp_ExpireDate'];

export class GatewayError extends Error {
  constructor(code, message, status = 400) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

function checkFormat(p) {
  const bad = (why) => new GatewayError('03', `Dữ liệu gửi sang không đúng định dạng: ${why}.`);
  for (const k of REQUIRED) if (!p[k]) return bad(`thiếu ${k}`);
  for (const [k, v] of Object.entries(p)) if (!/^[\x20-\x7e]*$/.test(v)) return bad(`${k} phải là ký tự ASCII (tiếng Việt không dấu)`);
  if (p.vnp_Version !== '2.1.0') return bad('vnp_Version phải là 2.1.0');
  if (p.vnp_Command !== 'pay') return bad('vnp_Command phải là pay');
  if (p.vnp_CurrCode !== 'VND') return bad('vnp_CurrCode phải là VND');
  if (!['vn', 'en'].includes(p.vnp_Locale)) return bad('vnp_Locale phải là vn hoặc en');
  if (!/^[1-9]\d{0,11}$/.test(p.vnp_Amount) || Number(p.vnp_Amount) % 100 !== 0) return bad('vnp_Amount phải là số tiền × 100');
  if (Number(p.vnp_Amount) < MIN_AMOUNT || Number(p.vnp_Amount) >= MAX_AMOUNT) return bad('số tiền từ 5.000 ₫ đến dưới 1 tỷ ₫');
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(p.vnp_TxnRef)) return bad('vnp_TxnRef');
  if (p.vnp_OrderInfo.length > 255 || p.vnp_OrderType.length > 100) return bad('vnp_OrderInfo hoặc vnp_OrderType quá dài');
  if (p.vnp_IpAddr.length < 7 || p.vnp_IpAddr.length > 45) return bad('vnp_IpAddr');
  let returnUrl;
  try {
    returnUrl = new URL(p.vnp_ReturnUrl);
  } catch {
    return bad('vnp_ReturnUrl');
  }
  if (!['http:', 'https:'].includes(returnUrl.protocol) || p.vnp_ReturnUrl.length > 255) return bad('vnp_ReturnUrl');
  const created = parseVnpDate(p.vnp_CreateDate);
  const expires = parseVnpDate(p.vnp_ExpireDate);
  if (created === undefined || expires === undefined || expires <= created) return bad('vnp_CreateDate, vnp_ExpireDate');
  if (p.vnp_BankCode && !/^[A-Za-z0-9]{3,20}$/.test(p.vnp_BankCode)) return bad('vnp_BankCode');
  return undefined;
}

export class Gateway {
  constructor({ tmnCode, hashSecret, ipnUrl, ipnRetries = 2, ipnRetryDelayMs = 5000 }) {
    Object.assign(this, { tmnCode, hashSecret, ipnUrl, ipnRetries, ipnRetryDelayMs });
    this.timers = new Set();
    this.reset();
  }

  reset() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.byRef = new Map();
    this.byToken = new Map();
    this.nextTransactionNo = 14270001;
    this.defaultIpn = { mode: 'normal', delay_s: 5 };
    this.requestIds = new Set();
  }

  // The payment URL's parameters (already percent-decoded) → an open transaction.
  open(params) {
    const p = Object.fromEntries(Object.entries(params).filter(([k]) => k.startsWith('vnp_')));
    if (!p.vnp_SecureHash || !sameHash(p.vnp_SecureHash, secureHash(this.hashSecret, p))) {
      throw new GatewayError('97', 'Sai chữ ký (vnp_SecureHash không hợp lệ).');
    }
    if (p.vnp_TmnCode !== this.tmnCode) throw new GatewayError('02', 'Mã website (vnp_TmnCode) không hợp lệ.');
    const formatError = checkFormat(p);
    if (formatError) throw formatError;
    if (parseVnpDate(p.vnp_ExpireDate) < Date.now()) throw new GatewayError('11', 'Giao dịch đã quá thời gian chờ thanh toán.');
    const existing = this.byRef.get(p.vnp_TxnRef);
    if (existing) {
      if (existing.status === 'open' && existing.params.vnp_SecureHash.toLowerCase() === p.vnp_SecureHash.toLowerCase()) return existing;
      throw new GatewayError('94', 'Mã giao dịch (vnp_TxnRef) đã được sử dụng.', 409);
    }
    const txn = {
      token: crypto.randomBytes(12).toString('hex'), params: p, txnRef: p.vnp_TxnRef, amount: p.vnp_Amount,
      status: 'open', transactionNo: '0', payDate: '', bankCode: p.vnp_BankCode ?? '', returnParams: undefined,
      ipnMode: this.defaultIpn.mode, ipnDelayS: this.defaultIpn.delay_s, ipnAttempts: [], refunds: [], refunded: 0,
    };
    this.byRef.set(txn.txnRef, txn);
    this.byToken.set(txn.token, txn);
    console.error(`vnpay: opened ${txn.txnRef} for ${Number(txn.amount) / 100} VND`);
    return txn;
  }

  // Finishes an open transaction; resolves with the URL the browser goes back to.
  async complete(txn, { outcome = '00', bankCode, ipnMode, ipnDelayS } = {}) {
    if (txn.status !== 'open') throw new GatewayError('', 'Giao dịch đã kết thúc.', 409);
    if (!(outcome in OUTCOMES)) throw new GatewayError('03', 'Kết quả giao dịch không hợp lệ.');
    const mode = ipnMode ?? txn.ipnMode;
    if (!IPN_MODES.includes(mode)) throw new GatewayError('03', 'Chế độ gửi IPN không hợp lệ.');
    const delay = ipnDelayS ?? txn.ipnDelayS;
    if (!Number.isFinite(delay) || delay < 0 || delay > 3600) throw new GatewayError('03', 'Số giây trễ không hợp lệ.');
    const bank = bankCode || txn.bankCode || 'NCB';
    if (!BANKS.some(([code]) => code === bank) && bank !== txn.bankCode) throw new GatewayError('03', 'Ngân hàng không hợp lệ.');
    // Pressing "confirm" after vnp_ExpireDate is the timeout, whatever was chosen.
    const code = outcome === '00' && parseVnpDate(txn.params.vnp_ExpireDate) < Date.now() ? '11' : outcome;
    const now = Date.now();
    Object.assign(txn, { status: code, bankCode: bank, payDate: vnpDate(now), ipnMode: mode, ipnDelayS: delay,
      transactionNo: code === '24' ? '0' : String(this.nextTransactionNo++) });
    const result = {
      vnp_Amount: txn.amount, vnp_BankCode: bank, vnp_OrderInfo: txn.params.vnp_OrderInfo, vnp_PayDate: txn.payDate,
      vnp_ResponseCode: code, vnp_TmnCode: this.tmnCode, vnp_TransactionNo: txn.transactionNo,
      vnp_TransactionStatus: code === '00' ? '00' : '02', vnp_TxnRef: txn.txnRef,
    };
    if (code === '00') result.vnp_BankTranNo = `${bank}${vnpDate(now)}`;
    if (code !== '24') result.vnp_CardType = 'ATM';
    result.vnp_SecureHash = secureHash(this.hashSecret, result);
    txn.returnParams = result;
    console.error(`vnpay: ${txn.txnRef} finished with ${code}, IPN ${mode}`);
    if (mode === 'normal') void this.deliver(txn);
    else if (mode === 'before') await this.deliver(txn);
    else if (mode === 'late') this.later(delay * 1000, () => this.deliver(txn));
    else if (mode === 'twice') void this.attempt(txn).then(() => this.attempt(txn));
    const base = txn.params.vnp_ReturnUrl;
    return `${base}${base.includes('?') ? '&' : '?'}${signedQuery(this.hashSecret, result)}`;
  }

  later(ms, fn) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  // One IPN, then retries while the answer is not RspCode 00/02; the promise settles after the
  // first attempt and the retries go on in the background.
  async deliver(txn) {
    const first = await this.attempt(txn);
    const retry = (left) => {
      if (left <= 0) return;
      this.later(this.ipnRetryDelayMs, () => this.attempt(txn).then((a) => { if (!a.acknowledged) retry(left - 1); }));
    };
    if (first && !first.acknowledged) retry(this.ipnRetries);
    return first;
  }

  async attempt(txn) {
    if (!this.ipnUrl) {
      console.error(`vnpay: no --ipn-url, IPN for ${txn.txnRef} not sent`);
      return undefined;
    }
    const url = `${this.ipnUrl}${this.ipnUrl.includes('?') ? '&' : '?'}${signedQuery(this.hashSecret, txn.returnParams)}`;
    const record = { at: new Date().toISOString(), http_status: null, body: null, rsp_code: null, error: null };
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(IPN_TIMEOUT_MS), redirect: 'manual' });
      record.http_status = res.status;
      record.body = await res.text();
      try {
        const answer = JSON.parse(record.body);
        if (typeof answer?.RspCode === 'string') record.rsp_code = answer.RspCode;
      } catch { /* recorded verbatim; no RspCode */ }
    } catch (err) {
      record.error = err.name === 'TimeoutError' ? 'timeout' : String(err.cause?.code ?? err.message);
    }
    record.acknowledged = record.http_status === 200 && ['00', '02'].includes(record.rsp_code);
    txn.ipnAttempts.push(record);
    console.error(`vnpay: IPN ${txn.txnRef} → ${record.http_status ?? record.error} ${record.rsp_code ?? ''}`);
    return record;
  }

  describe(txn) {
    return {
      txn_ref: txn.txnRef, status: txn.status, amount: txn.amount, create_date: txn.params.vnp_CreateDate,
      transaction_no: txn.transactionNo, ipn_mode: txn.ipnMode, ipn_delay_s: txn.ipnDelayS,
      return_params: txn.returnParams ?? null, ipn_attempts: txn.ipnAttempts, refunds: txn.refunds,
    };
  }
}
