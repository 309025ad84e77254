// The collecting bank for VietQR: reads a NAPAS EMVCo merchant-presented payload the way a bank
// app does after scanning it, and posts the signed transfer notification to the merchant.
import crypto from 'node:crypto';
import { isoGmt7, vnpDate } from './signing.mjs';

export class QrError extends Error {}

// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor), 4 upper-case hex digits.
export function crc16(text) {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

// EMVCo TLV: two-digit id, two-digit length, value; the whole text must be consumed.
function tlv(text, where) {
  const fields = new Map();
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const len = text.slice(i + 2, i + 4);
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(len) || i + 4 + Number(len) > text.length) {
      throw new QrError(`Mã QR không đúng cấu trúc EMVCo (${where}, vị trí ${i}).`);
    }
    if (fields.has(id)) throw new QrError(`Trường ${id} lặp lại (${where}).`);
    fields.set(id, text.slice(i + 4, i + 4 + Number(len)));
    i += 4 + Number(len);
  }
  return fields;
}

// The payload → what the bank app shows; throws QrError (Vietnamese) when a bank would refuse it.
export function scan(payload, account) {
  const text = String(payload ?? '').trim();
  if (!text) throw new QrError('Chưa có nội dung mã QR.');
  const top = tlv(text, 'gốc');
  const crc = top.get('63');
  if (crc === undefined || !text.endsWith(`6304${crc}`) || crc.length !== 4) throw new QrError('Thiếu trường CRC (63) ở cuối mã.');
  if (crc16(text.slice(0, -4)) !== crc.toUpperCase()) throw new QrError('Mã QR không hợp lệ: sai CRC.');
  if (top.get('00') !== '01') throw new QrError('Phiên bản mã (00) phải là 01.');
  if (!['11', '12'].includes(top.get('01'))) throw new QrError('Phương thức khởi tạo (01) phải là 11 hoặc 12.');
  const merchant = top.get('38');
  if (merchant === undefined) throw new QrError('Thiếu thông tin tài khoản VietQR (38).');
  const info = tlv(merchant, '38');
  if (info.get('00') !== 'A000000727') throw new QrError('Mã định danh NAPAS (38/00) phải là A000000727.');
  if (info.get('02') !== 'QRIBFTTA') throw new QrError('Mã dịch vụ (38/02) phải là QRIBFTTA (chuyển nhanh đến tài khoản).');
  const beneficiary = tlv(info.get('01') ?? '', '38/01');
  const bin = beneficiary.get('00');
  const accountNo = beneficiary.get('01');
  if (!/^\d{6}$/.test(bin ?? '') || !accountNo) throw new QrError('Thiếu BIN ngân hàng hoặc số tài khoản (38/01).');
  if (bin !== account.bin || accountNo !== account.number) {
    throw new QrError(`Tài khoản nhận ${bin}/${accountNo} không phải tài khoản thu hộ đã cấu hình (${account.bin}/${account.number}).`);
  }
  if (top.get('53') !== '704') throw new QrError('Mã tiền tệ (53) phải là 704 (VND).');
  if (top.get('58') !== 'VN') throw new QrError('Mã quốc gia (58) phải là VN.');
  const amountText = top.get('54');
  if (amountText !== undefined && !/^[1-9]\d{0,12}$/.test(amountText)) throw new QrError('Số tiền (54) phải là số nguyên VND.');
  const extra = top.has('62') ? tlv(top.get('62'), '62') : new Map();
  return {
    bin, account_no: accountNo, dynamic: top.get('01') === '12',
    amount: amountText === undefined ? null : Number(amountText), purpose: extra.get('08') ?? '',
  };
}

export class Bank {
  constructor({ notifyUrl, secret, bin, account }) {
    Object.assign(this, { notifyUrl, secret, account: { bin, number: account } });
    this.reset();
  }

  reset() {
    this.notifications = [];
    this.sequence = 0;
  }

  async post(record) {
    const body = JSON.stringify(record.notification);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = crypto.createHmac('sha256', this.secret).update(`${timestamp}.${body}`).digest('hex');
    const delivery = { at: new Date().toISOString() };
    try {
      const res = await fetch(this.notifyUrl, {
        method: 'POST', body, redirect: 'manual', signal: AbortSignal.timeout(10000),
        headers: { 'content-type': 'application/json', 'x-signature-timestamp': timestamp, 'x-signature': signature },
      });
      Object.assign(delivery, { status: res.status, body: await res.text() });
    } catch (err) {
      delivery.error = err.name === 'TimeoutError' ? 'timeout' : String(err.cause?.code ?? err.message);
    }
    record.deliveries.push(delivery);
    console.error(`vietqr: ${record.notification.transaction_id} → ${delivery.status ?? delivery.error}`);
    return { notification: record.notification, merchant: delivery };
  }

  // Scans, "transfers" amount (the QR's when not given) and notifies the merchant.
  async transfer(payload, amount) {
    if (!this.notifyUrl || !this.secret) throw new QrError('Ngân hàng chưa được cấu hình địa chỉ nhận thông báo (--vietqr-notify-url, VIETQR_WEBHOOK_SECRET).');
    const qr = scan(payload, this.account);
    const paid = amount ?? qr.amount;
    if (!Number.isSafeInteger(paid) || paid <= 0) throw new QrError('Nhập số tiền chuyển (số nguyên VND lớn hơn 0).');
    this.sequence += 1;
    const notification = {
      transaction_id: `VQR${vnpDate().slice(2, 8)}${String(this.sequence).padStart(8, '0')}`,
      bank_bin: qr.bin, account_no: qr.account_no, amount: paid, currency: 'VND', order_code: qr.purpose,
      description: qr.purpose, transaction_time: isoGmt7(),
    };
    const record = { notification, deliveries: [] };
    this.notifications.push(record);
    return this.post(record);
  }

  resend(transactionId) {
    const record = this.notifications.find((r) => r.notification.transaction_id === transactionId);
    return record ? this.post(record) : undefined;
  }
}
