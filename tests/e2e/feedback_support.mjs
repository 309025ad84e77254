// Helpers for the feedback tests: phone photos that carry EXIF GPS, signed-in citizens and
// officials, and widgets found the way a user finds them.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { blur, smsCodes, tap } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export { blur, tap };

export async function fill(page, name, text) {
  await page.getByRole('textbox', { name, exact: true }).fill(text);
  await blur(page);
}

export async function choose(page, name, label) {
  await page.getByRole('combobox', { name, exact: true }).selectOption({ label });
}

// An EXIF APP1 segment (big-endian TIFF) whose GPS IFD places the photo at lat/lon.
function exifGps(lat, lon) {
  const rational = (v) => {
    const d = Math.floor(v), m = Math.floor((v - d) * 60), s = Math.round(((v - d) * 60 - m) * 60 * 100);
    return [[d, 1], [m, 1], [s, 100]];
  };
  const entries = [];  // [tag, type, count, valueBytes]
  const ascii = (c) => Buffer.from(`${c}\0\0\0`, 'latin1').subarray(0, 4);
  const rationals = (parts) => {
    const b = Buffer.alloc(24);
    parts.forEach(([n, d], i) => { b.writeUInt32BE(n, i * 8); b.writeUInt32BE(d, i * 8 + 4); });
    return b;
  };
  entries.push([1, 2, 2, ascii('N')], [2, 5, 3, rationals(rational(lat))],
    [3, 2, 2, ascii('E')], [4, 5, 3, rationals(rational(lon))]);
  // TIFF: header (8) + IFD0 with one entry (GPS pointer) + GPS IFD + its rational data.
  const ifd0At = 8, ifd0Size = 2 + 12 + 4;
  const gpsAt = ifd0At + ifd0Size, gpsSize = 2 + entries.length * 12 + 4;
  let dataAt = gpsAt + gpsSize;
  const tiff = [Buffer.from('MM\0\x2a\0\0\0\x08', 'latin1')];
  const ifd0 = Buffer.alloc(ifd0Size);
  ifd0.writeUInt16BE(1, 0);
  ifd0.writeUInt16BE(0x8825, 2); ifd0.writeUInt16BE(4, 4); ifd0.writeUInt32BE(1, 6); ifd0.writeUInt32BE(gpsAt, 10);
  tiff.push(ifd0);
  const gps = Buffer.alloc(gpsSize);
  gps.writeUInt16BE(entries.length, 0);
  const data = [];
  entries.forEach(([tag, type, count, value], i) => {
    const o = 2 + i * 12;
    gps.writeUInt16BE(tag, o); gps.writeUInt16BE(type, o + 2); gps.writeUInt32BE(count, o + 4);
    if (value.length <= 4) value.copy(gps, o + 8);
    else { gps.writeUInt32BE(dataAt, o + 8); data.push(value); dataAt += value.length; }
  });
  tiff.push(gps, ...data);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), ...tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

// A phone-like JPEG (drawn by the browser) with EXIF GPS inserted after its SOI marker.
export async function photoWithGps(page, { width, height, color, lat = 22.666, lon = 106.258 }) {
  const base64 = await page.evaluate(async ({ width, height, color }) => {
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d');
    g.fillStyle = color;
    g.fillRect(0, 0, width, height);
    g.fillStyle = '#fff';
    g.fillRect(width / 4, height / 4, width / 2, height / 2);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, { width, height, color });
  const jpeg = Buffer.from(base64, 'base64');
  return Buffer.concat([jpeg.subarray(0, 2), exifGps(lat, lon), jpeg.subarray(2)]);
}

// Whether a JPEG still carries an EXIF segment or GPS data.
export function hasExif(bytes) {
  return bytes.includes(Buffer.from('Exif\0\0', 'latin1'));
}

const origin = (env) => ({ Origin: env.server.url, 'Content-Type': 'application/json' });

// A citizen registered with a phone number confirmed by SMS; the session cookie lands in the
// browser context, as if they had logged in on this phone.
export async function signInCitizen(context, env, { name, phone, password }) {
  const post = (p, data) => context.request.post(`${env.server.url}${p}`, { headers: origin(env), data });
  const registered = await post('/api/v1/accounts/register', { full_name: name, phone, password });
  if (registered.status() !== 201) throw new Error(`register: ${registered.status()} ${await registered.text()}`);
  const [code] = await smsCodes(env.sms, phone);
  const verified = await post('/api/v1/accounts/verify', { phone, code });
  if (verified.status() !== 200) throw new Error(`verify: ${verified.status()}`);
}

// An official of `agency`, created with the server's command line, then logged in.
export async function signInOfficial(context, env, { name, phone, password, agency }) {
  const args = ['user', 'add', '--role', 'officer', '--agency', agency, '--phone', phone, '--name', name,
    '--password-stdin', '--db', `sqlite:${path.join(env.server.dataDir, 'app.db')}`];
  await new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'build/native/src/server/cdscb-server'), args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`user add: ${code} ${err}`))));
    child.stdin.end(`${password}\n`);
  });
  const login = await context.request.post(`${env.server.url}/api/v1/sessions`, { headers: origin(env), data: { phone, password } });
  if (login.status() !== 200) throw new Error(`official login: ${login.status()}`);
}

// GET an API path with the context's session; the JSON answer.
export async function getJson(context, env, p) {
  return (await context.request.get(`${env.server.url}${p}`)).json();
}

// The first field the server offers (its code, name and agency).
export async function firstField(context, env) {
  const { fields } = await getJson(context, env, '/api/v1/feedback/fields');
  if (!fields.length) throw new Error('the server offers no feedback fields');
  return fields[0];
}

// POST to the API as the context's user (JSON, with the app's Origin); the response.
export function postJson(context, env, p, data, headers = {}) {
  return context.request.post(`${env.server.url}${p}`, { headers: { ...origin(env), ...headers }, data });
}

// Feedback sent through the API (no photos) near 22.666, 106.258; the created record.
export async function createFeedback(context, env, { title, field, key, lat = 22.6661, lng = 106.2581 }) {
  const created = await postJson(context, env, '/api/v1/feedback', { title, content: `${title}: cần xử lý sớm.`, field,
    location: { lat, lng }, photos: [], anonymous: false }, { 'Idempotency-Key': key });
  if (created.status() !== 201) throw new Error(`create feedback: ${created.status()} ${await created.text()}`);
  return (await created.json()).feedback;
}
