// merchant_webapi: querydr and refund (JSON POST, pipe-joined HMAC-SHA512 checksums; README §3).
import crypto from 'node:crypto';
import { QUERYDR_REQUEST, QUERYDR_RESPONSE, REFUND_REQUEST, REFUND_RESPONSE, parseVnpDate, pipeHash, sameHash, vnpDate }
  from './signing.mjs';

const MESSAGES = {
  querydr: { '00': 'QueryDR Success', 91: 'Transaction not found' },
  refund: { '00': 'Refund success', 91: 'Transaction not found', 93: 'Invalid refund amount',
    94: 'Refund request already sent', 95: 'Transaction was not successful' },
  common: { '02': 'Merchant is not valid', '03': 'Invalid data format', 94: 'Duplicate request', 97: 'Invalid checksum' },
};
const OPTIONAL = new Set(['vnp_TransactionNo']);

function answer(gateway, command, code, extra = {}) {
  const fields = command === 'refund' ? REFUND_RESPONSE : QUERYDR_RESPONSE;
  const body = {
    vnp_ResponseId: crypto.randomBytes(16).toString('hex'), vnp_Command: command, vnp_ResponseCode: code,
    vnp_Message: MESSAGES[command]?.[code] ?? MESSAGES.common[code] ?? 'Error', vnp_TmnCode: gateway.tmnCode,
    vnp_TxnRef: '', ...extra,
  };
  for (const f of fields) body[f] ??= '';
  body.vnp_SecureHash = pipeHash(gateway.hashSecret, fields, body);
  return body;
}

// The transaction a request names: the TxnRef made at that vnp_CreateDate (and that number, if given).
function find(gateway, req) {
  const txn = gateway.byRef.get(req.vnp_TxnRef);
  if (!txn || txn.params.vnp_CreateDate !== req.vnp_TransactionDate) return undefined;
  if (req.vnp_TransactionNo && req.vnp_TransactionNo !== txn.transactionNo) return undefined;
  return txn;
}

function transactionFields(txn) {
  const refundedType = txn.refunded === 0 ? '01' : txn.refunded === Number(txn.amount) ? '02' : '03';
  return {
    vnp_TxnRef: txn.txnRef, vnp_Amount: txn.amount, vnp_OrderInfo: txn.params.vnp_OrderInfo,
    vnp_BankCode: txn.status === 'open' ? '' : txn.bankCode, vnp_PayDate: txn.payDate, vnp_TransactionNo: txn.transactionNo,
    vnp_TransactionType: refundedType,
    vnp_TransactionStatus: txn.status === 'open' ? '01' : refundedType !== '01' ? '05' : txn.status === '00' ? '00' : '02',
  };
}

function refund(gateway, req, txn) {
  const ref = { vnp_TxnRef: req.vnp_TxnRef };
  if (!txn) return answer(gateway, 'refund', '91', ref);
  if (txn.status !== '00') return answer(gateway, 'refund', '95', ref);
  if (!/^[1-9]\d{0,11}$/.test(req.vnp_Amount)) return answer(gateway, 'refund', '93', ref);
  const amount = Number(req.vnp_Amount);
  const total = Number(txn.amount);
  if (req.vnp_TransactionType === '02') {
    if (txn.refunded > 0) return answer(gateway, 'refund', '94', ref);
    if (amount !== total) return answer(gateway, 'refund', '93', ref);
  } else if (amount > total - txn.refunded) {
    return answer(gateway, 'refund', '93', ref);
  }
  txn.refunded += amount;
  const at = vnpDate();
  txn.refunds.push({ request_id: req.vnp_RequestId, type: req.vnp_TransactionType, amount: req.vnp_Amount,
    create_by: req.vnp_CreateBy, at });
  console.error(`vnpay: refund ${txn.txnRef} ${amount / 100} VND by ${req.vnp_CreateBy}`);
  return answer(gateway, 'refund', '00', {
    vnp_TxnRef: txn.txnRef, vnp_Amount: req.vnp_Amount, vnp_OrderInfo: req.vnp_OrderInfo, vnp_BankCode: txn.bankCode,
    vnp_PayDate: at, vnp_TransactionNo: txn.transactionNo, vnp_TransactionType: req.vnp_TransactionType,
    vnp_TransactionStatus: '05',
  });
}

// A parsed JSON body → the JSON answer (VNPay answers 200 with a code, whatever went wrong).
export function merchantApi(gateway, body) {
  const command = body?.vnp_Command === 'refund' ? 'refund' : 'querydr';
  const fields = command === 'refund' ? REFUND_REQUEST : QUERYDR_REQUEST;
  if (typeof body !== 'object' || body === null || !['querydr', 'refund'].includes(body.vnp_Command)) {
    return answer(gateway, command, '03');
  }
  const req = {};
  for (const f of [...fields, 'vnp_SecureHash']) {
    const v = body[f];
    if (v === undefined || v === null || v === '') {
      if (OPTIONAL.has(f)) { req[f] = ''; continue; }
      return answer(gateway, command, '03', { vnp_TxnRef: String(body.vnp_TxnRef ?? '') });
    }
    if (typeof v !== 'string' && !Number.isSafeInteger(v)) return answer(gateway, command, '03');
    req[f] = String(v);
  }
  const ref = { vnp_TxnRef: req.vnp_TxnRef };
  const datesOk = [req.vnp_TransactionDate, req.vnp_CreateDate].every((d) => parseVnpDate(d) !== undefined);
  if (req.vnp_Version !== '2.1.0' || req.vnp_RequestId.length > 32 || !datesOk ||
      (command === 'refund' && !['02', '03'].includes(req.vnp_TransactionType))) {
    return answer(gateway, command, '03', ref);
  }
  if (req.vnp_TmnCode !== gateway.tmnCode) return answer(gateway, command, '02', ref);
  if (!sameHash(req.vnp_SecureHash, pipeHash(gateway.hashSecret, fields, req))) return answer(gateway, command, '97', ref);
  const requestKey = `${vnpDate().slice(0, 8)}|${req.vnp_RequestId}`;
  if (gateway.requestIds.has(requestKey)) return answer(gateway, command, '94', ref);
  gateway.requestIds.add(requestKey);
  const txn = find(gateway, req);
  if (command === 'refund') return refund(gateway, req, txn);
  if (!txn) return answer(gateway, 'querydr', '91', ref);
  return answer(gateway, 'querydr', '00', transactionFields(txn));
}
