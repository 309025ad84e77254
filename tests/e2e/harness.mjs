// Shared set-up for the end-to-end tests: the real server on a free loopback port with a fresh
// SQLite database, the sandbox tile server, and Debian's headless Chromium at phone size.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'web/package.json'));
const { chromium } = require('playwright-core');

export const PHONE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Starts a program that prints "listening on http://127.0.0.1:PORT"; resolves with its URL.
function startListening(command, args, name) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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

export function startSms() {
  const outbox = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-sms-')), 'outbox.jsonl');
  return startListening('node', ['sandbox/sms/server.mjs', '--outbox', outbox], 'SMS stand-in');
}

// The 6-digit codes the sandbox SMS gateway received for a phone number, newest last.
export async function smsCodes(sms, phone) {
  const messages = await (await fetch(`${sms.url}/messages?to=${phone}`)).json();
  return messages.map((m) => /\b(\d{6})\b/.exec(m.text)?.[1]).filter(Boolean);
}

export function startTiles() {
  return startListening('node', ['sandbox/tiles/server.mjs'], 'tile server');
}

export async function startServer({ tileUrl = '', smsUrl = '', dataDir, siteDir, listen = '127.0.0.1:0' } = {}) {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-e2e-'));
  const server = await startListening(path.join(root, 'build/native/src/server/cdscb-server'), [
    '--listen', listen, '--db', `sqlite:${path.join(dir, 'app.db')}`, '--data-dir', dir,
    '--site-dir', siteDir ?? path.join(root, 'build/site'), ...(tileUrl ? ['--tile-url', tileUrl] : []),
    ...(smsUrl ? ['--sms-url', smsUrl] : [])], 'server');
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

// Registers before/after hooks that start the server (and the tile stand-in when asked) and one
// browser for a test file, and stop them by process id afterwards.
export function useAppServer({ tiles = false, sms = false } = {}) {
  const env = {};
  before(async () => {
    if (tiles) env.tiles = await startTiles();
    if (sms) env.sms = await startSms();
    env.server = await startServer({ tileUrl: tiles ? `${env.tiles.url}/{z}/{x}/{y}.png` : '',
      smsUrl: sms ? `${env.sms.url}/messages` : '' });
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
    await env.tiles?.stop();
    await env.sms?.stop();
  });
  return env;
}
