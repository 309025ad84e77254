// The gateway's and the bank's pages, in Vietnamese (what a tester and a browser test see).
import { BANKS } from './gateway.mjs';

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
export const vnd = (n) => `${new Intl.NumberFormat('vi-VN').format(n)} ₫`;

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f2f5f9;color:#1d2733}
main{max-width:34rem;margin:0 auto;padding:1rem}h1{font-size:1.3rem;color:#005baa}
.card{background:#fff;border-radius:.6rem;padding:1rem;margin:.8rem 0;box-shadow:0 1px 3px #0002}
dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem .8rem;margin:0}dt{color:#566}dd{margin:0;font-weight:600}
fieldset{border:1px solid #ccd;border-radius:.4rem;margin:.6rem 0}label{display:block;padding:.25rem 0}
.amount{font-size:1.5rem;color:#c8102e}.buttons{display:flex;gap:.6rem;margin-top:1rem}
button{flex:1;padding:.8rem;font-size:1rem;border-radius:.4rem;border:0;cursor:pointer}
.ok{background:#005baa;color:#fff}.cancel{background:#e4e7eb;color:#1d2733}.error{color:#c8102e}
textarea{width:100%;min-height:6rem;font-family:monospace;box-sizing:border-box}
input[type=number]{width:9rem}.note{color:#566;font-size:.85rem}pre{white-space:pre-wrap;word-break:break-all}`;

function page(title, body) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function errorPage(code, message) {
  return page('Giao dịch không thành công', `<h1>VNPAY (mô phỏng)</h1><div class="card">
<h2>Giao dịch không thành công</h2><p class="error" role="alert">${esc(message)}</p>
${code ? `<p>Mã lỗi: <strong>${esc(code)}</strong></p>` : ''}</div>`);
}

export function paymentPage(txn) {
  const p = txn.params;
  const bankChoice = txn.bankCode || 'NCB';
  const banks = [...BANKS, ...(BANKS.some(([c]) => c === bankChoice) ? [] : [[bankChoice, bankChoice]])]
    .map(([code, name]) => `<label><input type="radio" name="bank" value="${esc(code)}"${code === bankChoice ? ' checked' : ''}> ${esc(name)}</label>`)
    .join('\n');
  const outcome = (value, text, checked = false) =>
    `<label><input type="radio" name="outcome" value="${value}"${checked ? ' checked' : ''}> ${text}</label>`;
  const mode = (value, text) => `<option value="${value}"${txn.ipnMode === value ? ' selected' : ''}>${text}</option>`;
  return page('Thanh toán qua VNPAY', `<h1>Cổng thanh toán VNPAY (mô phỏng)</h1>
<div class="card"><dl><dt>Đơn vị chấp nhận</dt><dd>${esc(p.vnp_TmnCode)}</dd>
<dt>Mã giao dịch</dt><dd>${esc(p.vnp_TxnRef)}</dd><dt>Nội dung</dt><dd>${esc(p.vnp_OrderInfo)}</dd>
<dt>Số tiền</dt><dd class="amount">${esc(vnd(Number(txn.amount) / 100))}</dd></dl></div>
<form method="post" action="/paymentv2/Transaction/PaymentMethod.html?token=${esc(txn.token)}" class="card">
<fieldset><legend>Chọn ngân hàng</legend>${banks}</fieldset>
<fieldset><legend>Kết quả giao dịch (thử nghiệm)</legend>
${outcome('00', 'Thành công', true)}${outcome('51', 'Không đủ số dư (51)')}${outcome('11', 'Hết thời gian chờ thanh toán (11)')}</fieldset>
<fieldset><legend>Gửi IPN (thử nghiệm)</legend>
<label>Chế độ <select name="ipn_mode">${mode('normal', 'Cùng lúc với chuyển hướng')}${mode('before', 'Trước khi trình duyệt quay về')}
${mode('late', 'Trễ (sau số giây bên dưới)')}${mode('twice', 'Gửi hai lần')}${mode('never', 'Không gửi')}</select></label>
<label>Số giây <input type="number" name="ipn_delay_s" min="0" max="3600" value="${esc(txn.ipnDelayS)}"></label></fieldset>
<div class="buttons"><button type="submit" name="action" value="confirm" class="ok">Xác nhận thanh toán</button>
<button type="submit" name="action" value="cancel" class="cancel">Hủy giao dịch</button></div></form>`);
}

export function finishedPage(txn) {
  return page('Giao dịch đã kết thúc', `<h1>VNPAY (mô phỏng)</h1><div class="card"><h2>Giao dịch đã kết thúc</h2>
<p>Giao dịch ${esc(txn.txnRef)} đã kết thúc với mã ${esc(txn.status)}.</p></div>`);
}

export function vietqrPage({ payload = '', scanned, error, result } = {}) {
  const scannedCard = scanned ? `<div class="card"><h2>Thông tin chuyển khoản</h2><dl>
<dt>Ngân hàng (BIN)</dt><dd>${esc(scanned.bin)}</dd><dt>Số tài khoản</dt><dd>${esc(scanned.account_no)}</dd>
<dt>Số tiền trên mã</dt><dd>${scanned.amount === null ? 'Không có' : esc(vnd(scanned.amount))}</dd>
<dt>Nội dung</dt><dd>${esc(scanned.purpose) || 'Không có'}</dd></dl>
<form method="post" action="/vietqr/transfer"><input type="hidden" name="payload" value="${esc(payload)}">
<label>Số tiền chuyển (VND) <input type="number" name="amount" min="1" value="${esc(scanned.amount ?? '')}" required></label>
<div class="buttons"><button type="submit" class="ok">Chuyển tiền</button></div></form></div>` : '';
  const resultCard = result ? `<div class="card" role="status"><h2>Đã gửi thông báo chuyển khoản</h2><dl>
<dt>Mã giao dịch ngân hàng</dt><dd>${esc(result.notification.transaction_id)}</dd>
<dt>Số tiền</dt><dd>${esc(vnd(result.notification.amount))}</dd><dt>Nội dung</dt><dd>${esc(result.notification.description)}</dd>
<dt>Đơn vị trả lời</dt><dd>${result.merchant.error ? `Không kết nối được (${esc(result.merchant.error)})` : `HTTP ${esc(result.merchant.status)}`}</dd></dl>
${result.merchant.body ? `<pre>${esc(result.merchant.body)}</pre>` : ''}</div>` : '';
  return page('Ngân hàng thu hộ VietQR (mô phỏng)', `<h1>Ngân hàng thu hộ VietQR (mô phỏng)</h1>
<form method="post" action="/vietqr/scan" class="card"><label for="payload">Nội dung mã QR</label>
<textarea id="payload" name="payload" required>${esc(payload)}</textarea>
<p class="note">Dán nội dung đọc được từ mã VietQR (chuỗi EMVCo bắt đầu bằng 000201).</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<div class="buttons"><button type="submit" class="ok">Quét mã</button></div></form>${scannedCard}${resultCard}`);
}
