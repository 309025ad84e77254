// VNPay 2.1.0 checksums and time stamps (README "The checksum…"). Shared with the tests, which
// sign requests the way a merchant does and check what the sandbox signs.
import crypto from 'node:crypto';

const GMT7_MS = 7 * 3600e3;

// application/x-www-form-urlencoded of the value's UTF-8 bytes: WHATWG's serializer, which is
// byte for byte Java's URLEncoder used by VNPay's own sample (A–Z a–z 0–9 - _ . * kept, space → +).
export function formEncode(value) {
  return new URLSearchParams({ v: String(value) }).toString().slice(2);
}

// The signed pairs: vnp_* names except the hash itself, empty values dropped, sorted by name.
export function hashData(params) {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType')
    .filter((k) => params[k] !== undefined && params[k] !== null && String(params[k]) !== '')
    .sort()
    .map((k) => `${k}=${formEncode(params[k])}`)
    .join('&');
}

export const hmacSha512 = (secret, data) => crypto.createHmac('sha512', secret).update(data, 'utf8').digest('hex');

export function secureHash(secret, params) {
  return hmacSha512(secret, hashData(params));
}

// The query string of a signed parameter set: the hashed pairs, then vnp_SecureHash.
export function signedQuery(secret, params) {
  const data = hashData(params);
  return `${data}&vnp_SecureHash=${hmacSha512(secret, data)}`;
}

export function sameHash(given, expected) {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given.toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

// The pipe-joined checksum of querydr and refund (fixed field order, values not encoded).
export function pipeHash(secret, fields, values) {
  return hmacSha512(secret, fields.map((f) => (values[f] === undefined || values[f] === null ? '' : String(values[f]))).join('|'));
}

export const QUERYDR_REQUEST = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef',
  'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'];
export const REFUND_REQUEST = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TransactionType',
  'vnp_TxnRef', 'vnp_Amount', 'vnp_TransactionNo', 'vnp_TransactionDate', 'vnp_CreateBy', 'vnp_CreateDate',
  'vnp_IpAddr', 'vnp_OrderInfo'];
export const REFUND_RESPONSE = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode',
  'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType',
  'vnp_TransactionStatus', 'vnp_OrderInfo'];
export const QUERYDR_RESPONSE = [...REFUND_RESPONSE, 'vnp_PromotionCode', 'vnp_PromotionAmount'];

// yyyyMMddHHmmss in GMT+7, and back (undefined when not a real time).
export function vnpDate(ms = Date.now()) {
  return new Date(ms + GMT7_MS).toISOString().replace(/\D/g, '').slice(0, 14);
}

export function parseVnpDate(text) {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? '');
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - GMT7_MS;
  return vnpDate(ms) === text ? ms : undefined;
}

export function isoGmt7(ms = Date.now()) {
  return new Date(ms + GMT7_MS).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}
