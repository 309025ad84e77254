// "Dịch vụ công" under load, on a server of its own (rate limits off):
//  - catalogue search: 2,000 searches without diacritics, 10 at a time → p50/p99 latency;
//  - filing: 100 dossiers of "Cấp Phiếu lý lịch tư pháp", each with three attachments (three
//    PDFs uploaded through POST /api/v1/dossiers/files), 10 at a time → dossiers per second;
//  - codes: 50 dossiers to one unit at the same moment → every code distinct.
//   node tests/load/dossiers.mjs <cdscb-server binary>
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onePagePdf } from '../e2e/pdf_fixture.mjs';

const [binary] = process.argv.slice(2);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-dossiers-'));
const children = [];
process.on('exit', () => { for (const c of children) c.kill('SIGTERM'); fs.rmSync(dir, { recursive: true, force: true }); });

const server = spawn(binary, ['--listen', '127.0.0.1:0', '--db', `sqlite:${dir}/app.db`, '--data-dir', dir,
  '--site-dir', 'build/site', '--rate-limits', 'off'], { stdio: ['ignore', 'pipe', 'ignore'] });
children.push(server);
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});

execFileSync(binary, ['user', 'add', '--role', 'admin', '--phone', '0912999002', '--name', 'Người đo tải',
  '--password-stdin', '--db', `sqlite:${dir}/app.db`], { input: 'Bench Dossier 2026\n' });
const signIn = await fetch(`${url}/api/v1/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ phone: '0912999002', password: 'Bench Dossier 2026' }) });
if (!signIn.ok) throw new Error(`sign-in: ${signIn.status}`);
const cookie = signIn.headers.get('set-cookie').split(';')[0];

async function pool(count, width, task) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) await task(next++);
  }));
}

// Catalogue search.
const queries = ['ly lich tu phap', 'khai sinh', 'ket hon', 'xay dung', 'thuong tru', 'ho kinh doanh', 'chung thuc', 'hon nhan'];
const times = [];
await pool(2000, 10, async (i) => {
  const started = process.hrtime.bigint();
  const r = await fetch(`${url}/api/v1/procedures?q=${encodeURIComponent(queries[i % queries.length])}`);
  if (!r.ok) throw new Error(`search: ${r.status}`);
  await r.arrayBuffer();
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
});
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
console.log(`  catalogue search: ${times.length} requests, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);

// A one-page PDF unlike any other.
const pdf = (n) => onePagePdf(`Giay to so ${n}`);

let files = 0;
async function upload() {
  const r = await fetch(`${url}/api/v1/dossiers/files`, { method: 'POST', headers: { Cookie: cookie }, body: pdf(++files) });
  if (r.status !== 201) throw new Error(`upload: ${r.status} ${await r.text()}`);
  return (await r.json()).file.id;
}

async function file(key) {
  const ids = [await upload(), await upload(), await upload()];
  const body = {
    procedure: 'MAU-LLTP-01', version: 1,
    values: { ho_ten: 'Nông Văn Tải', ngay_sinh: '1990-05-12', so_dinh_danh: '004090001234', dien_thoai: '0912999002',
      dia_chi: { commune: 'phuong-thuc-phan', street: 'Số 5' }, loai_phieu: 'so_2', so_luong: 1, muc_dich: 'Đo tải',
      noi_cu_tru_khac: 'Cao Bằng', cam_doan: true },
    papers: { to_khai: ids.slice(0, 2).map((media) => ({ media, kind: 'pdf' })), uy_quyen: [{ media: ids[2], kind: 'pdf' }] },
  };
  const r = await fetch(`${url}/api/v1/dossiers`, { method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'Idempotency-Key': key }, body: JSON.stringify(body) });
  if (r.status !== 201) throw new Error(`file: ${r.status} ${await r.text()}`);
  return (await r.json()).dossier.code;
}

const FILINGS = 100;
const started = process.hrtime.bigint();
await pool(FILINGS, 10, (i) => file(`bench-dossier-${String(i).padStart(6, '0')}`));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`  filing with three PDF attachments: ${FILINGS} dossiers in ${seconds.toFixed(2)} s, ${(FILINGS / seconds).toFixed(1)} dossiers/s (4 requests each)`);

const codes = await Promise.all(Array.from({ length: 50 }, (_, i) => file(`bench-burst-${String(i).padStart(6, '0')}`)));
console.log(`  50 filings to one unit at once: ${new Set(codes).size} distinct codes of ${codes.length}`);
