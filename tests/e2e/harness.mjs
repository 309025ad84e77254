// Shared set-up for the end-to-end tests: the real server on a free loopback port with a fresh
// SQLite database, the sandbox tile server, and Debian's headless Chromium at phone size.
import { spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { BILLS_SECRETS, startBills, startVnpay, VNPAY } from './pay_sandboxes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'web/package.json'));
const { chromium } = require('playwright-core');

export const PHONE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// A loopback port free right now (for a server whose own address must be known before it starts).
export function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Starts a program that prints "listening on http://127.0.0.1:PORT"; resolves with its URL.
function startListening(command, args, name, env = {}) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${log}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1], pid: child.pid, log: () => log,
          stop: () => new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            process.kill(child.pid, 'SIGTERM');
          }),
        });
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited (${code}):\n${log}`)); });
  });
}

// `port`: a port the server was told about before the gateway came up (0: any free one).
export function startSms({ port = 0 } = {}) {
  const outbox = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-sms-')), 'outbox.jsonl');
  return startListening('node', ['sandbox/sms/server.mjs', '--outbox', outbox, '--port', String(port)], 'SMS stand-in');
}

// The 6-digit codes the sandbox SMS gateway received for a phone number, newest last. The server
// texts codes from its jobs worker, a moment after the request answered: this waits (up to 15 s)
// until `atLeast` codes are there, then returns them all.
export async function smsCodes(sms, phone, { atLeast = 1 } = {}) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const messages = await (await fetch(`${sms.url}/messages?to=${phone}`)).json();
    const codes = messages.map((m) => /\b(\d{6})\b/.exec(m.text)?.[1]).filter(Boolean);
    if (codes.length >= atLeast || Date.now() > deadline) return codes;
    await sleep(100);
  }
}

export function startTiles() {
  return startListening('node', ['sandbox/tiles/server.mjs'], 'tile server');
}

// The camera NVR stand-in (sandbox/cameras): encoders run only while a stream is fetched, so an
// unwatched sandbox costs nothing. data/cameras.csv registers cam1..cam3 as cb-cam-01..03.
export function startCameras() {
  return startListening('node', ['sandbox/cameras/server.mjs', '--port', '0'], 'camera NVR stand-in');
}

export const VNEID_CLIENT = { id: 'cdscb-app', secret: 'sandbox-secret-for-tests' };

export function startVneid(redirectUri) {
  return startListening('node', ['sandbox/vneid/server.mjs', '--port', '0', '--client-id', VNEID_CLIENT.id,
    '--client-secret', VNEID_CLIENT.secret, '--redirect-uri', redirectUri], 'VNeID stand-in');
}

// rateLimits: false only for load tests, where one account sends far more than a citizen would.
// `payments`: {billsUrl, vnpayUrl} of the sandboxes (tests/e2e/pay_sandboxes.mjs), and the VietQR
// collection account their bank knows, with the secrets passed the way production passes them
// (the environment).
export async function startServer({ tileUrl = '', smsUrl = '', vneidIssuer = '', dataDir, siteDir, listen = '127.0.0.1:0', rateLimits = true,
  payments = null, cameraNvr = '' } = {}) {
  const paymentEnv = payments ? {
    ...Object.fromEntries(Object.entries(BILLS_SECRETS).map(([id, s]) => [`BILLS_SECRET_${id.toUpperCase()}`, s])),
    VNPAY_HASH_SECRET: VNPAY.hashSecret, VIETQR_WEBHOOK_SECRET: VNPAY.webhookSecret } : {};
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-e2e-'));
  const server = await startListening(path.join(root, 'build/native/src/server/cdscb-server'), [
    '--listen', listen, '--db', `sqlite:${path.join(dir, 'app.db')}`, '--data-dir', dir,
    '--site-dir', siteDir ?? path.join(root, 'build/site'), '--seed-dir', path.join(root, 'data'), ...(tileUrl ? ['--tile-url', tileUrl] : []),
    ...(smsUrl ? ['--sms-url', smsUrl] : []),
    ...(rateLimits ? [] : ['--rate-limits', 'off']),
    ...(vneidIssuer ? ['--vneid-issuer', vneidIssuer, '--vneid-client-id', VNEID_CLIENT.id] : []),
    ...(payments ? ['--bills-url', payments.billsUrl, '--vnpay-url', payments.vnpayUrl, '--vnpay-tmn-code', VNPAY.tmnCode,
      '--vietqr-bin', VNPAY.bin, '--vietqr-account', VNPAY.account] : []),
    ...(cameraNvr ? ['--camera-nvr', cameraNvr] : []),
    // The sandboxes listen on loopback, which outbound HTTP refuses unless allowed one by one.
    ...[smsUrl, vneidIssuer, payments?.billsUrl, payments?.vnpayUrl, cameraNvr].filter(Boolean)
      .flatMap((url) => ['--allow-private-fetch', new URL(url).host])], 'server',
    { ...(vneidIssuer ? { VNEID_CLIENT_SECRET: VNEID_CLIENT.secret } : {}), ...paymentEnv });
  return { ...server, dataDir: dir };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function launchPersistent(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, ...PHONE, ...options });
}

// Opens the app and waits until its first frame reported the widgets to the DOM mirror.
export async function openApp(page, url) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.cdscb?.ready && document.querySelector('#a11y-root > *'), null, { timeout: 30000 });
  return errors;
}

// Frames the app has rendered so far (power save: this stops growing while idle).
export function framesRendered(page) {
  return page.evaluate(() => window.cdscb.framesRendered());
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Like a keyboard or screen-reader user, focus the element first (the app scrolls its widget
// into view), then tap it where it is drawn.
export async function tap(page, role, name, { nth = 0 } = {}) {
  const target = page.getByRole(role, { name, exact: true }).nth(nth);
  await target.focus();
  await page.waitForFunction((el) => !el.classList.contains('scrolled-away') &&
    el.getBoundingClientRect().bottom <= innerHeight, await target.elementHandle());
  await target.tap({ force: true });
}

export const blur = (page) => page.evaluate(() => document.activeElement?.blur());

// Registers before/after hooks that start the server (and the tile stand-in, the SMS gateway,
// VNeID, the bill providers, VNPay and the camera NVR when asked) and one browser for a test file, and stop them
// by process id afterwards.
export function useAppServer({ tiles = false, sms = false, vneid = false, payments = false, cameras = false } = {}) {
  const env = {};
  before(async () => {
    if (tiles) env.tiles = await startTiles();
    if (sms) env.sms = await startSms();
    // The identity provider and the gateway must know the app's address before either starts.
    const listen = vneid || payments ? `127.0.0.1:${await freePort()}` : '127.0.0.1:0';
    if (vneid) env.vneid = await startVneid(`http://${listen}/api/v1/auth/vneid/callback`);
    if (payments) {
      env.bills = await startBills();
      // The same sandbox plays VietQR's collecting bank, whose notices go to the server too.
      env.vnpay = await startVnpay({ ipnUrl: `http://${listen}/api/v1/payments/vnpay/ipn`,
        notifyUrl: `http://${listen}/api/v1/payments/vietqr/notify` });
    }
    if (cameras) env.cameras = await startCameras();
    env.server = await startServer({ cameraNvr: cameras ? env.cameras.url : '', tileUrl: tiles ? `${env.tiles.url}/{z}/{x}/{y}.png` : '',
      smsUrl: sms ? `${env.sms.url}/messages` : '', vneidIssuer: vneid ? env.vneid.url : '', listen,
      payments: payments ? { billsUrl: env.bills.url, vnpayUrl: env.vnpay.url } : null });
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
    await env.tiles?.stop();
    await env.sms?.stop();
    await env.vneid?.stop();
    await env.vnpay?.stop();
    await env.bills?.stop();
    await env.cameras?.stop();
  });
  return env;
}
