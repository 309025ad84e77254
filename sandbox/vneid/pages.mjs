// The Vietnamese pages the citizen sees at the stand-in identity provider. Self-contained HTML: no
// scripts, no external assets, readable on a phone.

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
    background:#f2f4f7;color:#1d2433;line-height:1.45}
  header{background:#b71c1c;color:#fff;padding:12px 16px;font-weight:600;font-size:15px}
  main{max-width:420px;margin:0 auto;padding:20px 16px}
  .card{background:#fff;border-radius:10px;padding:20px 18px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
  h1{font-size:20px;margin:0 0 8px}
  p{margin:0 0 16px}
  label{display:block;font-weight:600;margin:14px 0 6px}
  input{width:100%;font-size:17px;padding:11px 12px;border:1px solid #9aa3b2;border-radius:8px}
  input:focus{outline:3px solid #f5b400;border-color:#1d2433}
  .error{background:#fdecea;color:#8a1c12;border:1px solid #f3b8b1;border-radius:8px;padding:10px 12px;margin:0 0 14px}
  button{width:100%;font-size:17px;font-weight:600;padding:12px;border-radius:8px;border:0;margin-top:20px;
    background:#b71c1c;color:#fff;cursor:pointer}
  button.secondary{background:#fff;color:#1d2433;border:1px solid #9aa3b2;margin-top:10px}
  .note{font-size:13px;color:#5b6577;margin-top:18px}
`;

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  })[c]);
}

export function page(title, body) {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>Cổng Dịch vụ công quốc gia · VNeID (môi trường thử nghiệm)</header>
<main><div class="card">
${body}
</div></main>
</body>
</html>`;
}

// The login form. `number` is echoed back after an error so the citizen need not type it again.
export function loginPage({ uid, clientName, error = '', number = '' }) {
  const errorBox = error ? `<p class="error" role="alert" id="login-error">${escapeHtml(error)}</p>` : '';
  const described = error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  return page('Đăng nhập bằng VNeID', `
<h1>Đăng nhập bằng tài khoản định danh điện tử VNeID</h1>
<p>Nhập số định danh cá nhân và mật khẩu VNeID${clientName ? ` để tiếp tục vào <strong>${escapeHtml(clientName)}</strong>` : ''}.</p>
${errorBox}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" novalidate>
  <label for="so-dinh-danh">Số định danh cá nhân</label>
  <input id="so-dinh-danh" name="SoDinhDanh" type="text" inputmode="numeric" autocomplete="username"
    maxlength="14" pattern="[0-9]{12}" required value="${escapeHtml(number)}"${described}>
  <label for="mat-khau">Mật khẩu</label>
  <input id="mat-khau" name="password" type="password" autocomplete="current-password" required${described}>
  <button type="submit">Đăng nhập</button>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort">
  <button type="submit" class="secondary">Hủy</button>
</form>
<p class="note">Đây là máy chủ định danh thử nghiệm, chỉ dùng các tài khoản công dân mẫu.</p>`);
}

export function messagePage(title, message) {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

// Replaces oidc-provider's English error page (shown only when the error cannot be sent back to
// the client's redirect_uri, e.g. an unknown client or redirect_uri).
export function renderError(ctx, out) {
  ctx.type = 'html';
  ctx.body = page('Có lỗi xảy ra', `
<h1>Không thể đăng nhập bằng VNeID</h1>
<p>Yêu cầu đăng nhập không hợp lệ. Vui lòng quay lại ứng dụng và thử lại.</p>
<p class="note">Mã lỗi: ${escapeHtml(out.error)}${out.error_description ? ` — ${escapeHtml(out.error_description)}` : ''}</p>`);
}

// RP-initiated logout: the confirmation page embeds the library's own form (it carries the xsrf token).
export function logoutSource(ctx, form) {
  ctx.type = 'html';
  ctx.body = page('Đăng xuất VNeID', `
<h1>Đăng xuất khỏi VNeID</h1>
<p>Bạn có muốn đăng xuất khỏi tài khoản định danh điện tử VNeID không?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Đăng xuất</button>
<button type="submit" form="op.logoutForm" class="secondary">Không</button>`);
}

export function postLogoutSuccessSource(ctx) {
  ctx.type = 'html';
  ctx.body = messagePage('Đã đăng xuất', 'Bạn đã đăng xuất khỏi VNeID.');
}
