// The two engines Chromium is not: Safari's WebKit (WebKitGTK's MiniBrowser, driven over plain W3C
// WebDriver by Debian's WebKitWebDriver) and Firefox ESR (WebDriver BiDi through puppeteer-core),
// both drawing with Mesa's WebGL2 under an Xvfb display this file starts and stops by process id.
// Each engine is wrapped in the same small page API, so the flows (flows.mjs) are written once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort, sleep } from '../e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'web/package.json'));

export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const PHONE_SIZE = { width: 412, height: 915 };

function stopChild(child, signal = 'SIGTERM') {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    process.kill(child.pid, signal);
  });
}

// An X display nobody uses (no socket, no lock file), served by Xvfb until stop().
export async function startXvfb() {
  for (let n = 90; n < 190; ++n) {
    if (fs.existsSync(`/tmp/.X11-unix/X${n}`) || fs.existsSync(`/tmp/.X${n}-lock`)) continue;
    const child = spawn('/usr/bin/Xvfb', [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (d) => { log += d; });
    for (let i = 0; i < 100 && child.exitCode === null; ++i) {
      if (fs.existsSync(`/tmp/.X11-unix/X${n}`)) return { display: `:${n}`, pid: child.pid, stop: () => stopChild(child) };
      await sleep(50);
    }
    await stopChild(child);
    if (!/already active|server lock/i.test(log)) throw new Error(`Xvfb :${n} did not start:\n${log}`);
  }
  throw new Error('no free X display between :90 and :189');
}

// The page API both engines offer. `fn` is a function run in the page with JSON arguments; it may
// return a promise.
class EnginePage {
  // The element of the DOM mirror with this role and accessible name, as a user finds it.
  async box(role, name, { nth = 0 } = {}) {
    return this.evaluate((r, n, i) => {
      const all = [...document.querySelectorAll(`#a11y-root > [data-role="${r}"]`)]
        .filter((e) => (e.getAttribute('aria-label') ?? e.textContent).trim() === n);
      const el = all[i];
      if (!el) return null;
      const b = el.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height, count: all.length, scrolledAway: el.classList.contains('scrolled-away') };
    }, role, name, nth);
  }

  // What a user would see, for a failure's message: the address and the mirror's elements.
  seen() {
    return this.evaluate(() => `${location.hash || '#/'}: ${[...document.querySelectorAll('#a11y-root > *')]
      .map((e) => `${e.dataset.role} "${(e.getAttribute('aria-label') ?? e.textContent).trim().slice(0, 40)}"`).join(', ')}`)
      .catch((e) => `(page not readable: ${e.message})`);
  }

  async waitFor(fn, args = [], { timeout = 20000, what = fn.toString().slice(0, 120) } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, ...args).catch((e) => (Date.now() > deadline ? Promise.reject(e) : null));
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`${this.engine}: timed out waiting for ${what}; ${await this.seen()}`);
      await sleep(100);
    }
  }

  async waitForRole(role, name, options = {}) {
    const deadline = Date.now() + (options.timeout ?? 20000);
    for (;;) {
      const b = await this.box(role, name, options);
      if (b) return b;
      if (Date.now() > deadline) throw new Error(`${this.engine}: no ${role} "${name}" in ${await this.seen()}`);
      await sleep(100);
    }
  }

  // Like a keyboard or screen-reader user would: focus the mirror element (the app scrolls its
  // widget into view), then tap where the widget is drawn.
  async tap(role, name, options = {}) {
    await this.waitForRole(role, name, options);
    await this.evaluate((r, n, i) => {
      const el = [...document.querySelectorAll(`#a11y-root > [data-role="${r}"]`)]
        .filter((e) => (e.getAttribute('aria-label') ?? e.textContent).trim() === n)[i];
      el.focus();
    }, role, name, options.nth ?? 0);
    let b;
    const deadline = Date.now() + 10000;
    for (;;) {
      b = await this.box(role, name, options);
      if (b && !b.scrolledAway && b.y >= 0 && b.y + b.height <= await this.evaluate(() => innerHeight)) break;
      if (Date.now() > deadline) throw new Error(`${this.engine}: ${role} "${name}" never came into view`);
      await sleep(100);
    }
    await this.clickAt(b.x + b.width / 2, b.y + b.height / 2);
  }

  // Types into a mirrored text field through the engine's own key input, then leaves it.
  async fill(name, text) {
    await this.tap('textbox', name);
    await this.evaluate((n) => {
      const el = [...document.querySelectorAll('#a11y-root > [data-role="textbox"]')].find((e) => e.getAttribute('aria-label') === n);
      el.focus();
      el.select();
    }, name);
    await this.typeText(text);
    await this.evaluate(() => document.activeElement?.blur());
  }

  value(id) {
    return this.evaluate((i) => document.querySelector(`[data-id="${i}"]`)?.value ?? null, id);
  }

  async openApp(url) {
    await this.goto(url);
    await this.ready();
  }

  ready() {
    return this.waitFor(() => window.cdscb?.ready && !!document.querySelector('#a11y-root > *'), [],
      { timeout: 45000, what: 'the app\'s first frame' });
  }

  // The OS file picker is the one thing no driver reaches: the picker's detached <input> is put in
  // the page instead of opening it, and the driver hands it the file as the OS dialog would.
  async choosePhoto(tapRole, tapName, file) {
    await this.evaluate(() => {
      const original = HTMLInputElement.prototype.click;
      HTMLInputElement.prototype.click = function click() {
        if (this.type !== 'file') return original.call(this);
        HTMLInputElement.prototype.click = original;
        this.id = 'engine-file-input';
        this.style.cssText = 'position:fixed;left:0;top:0;width:10px;height:10px;opacity:0.01;z-index:9';
        document.body.append(this);
      };
    });
    await this.tap(tapRole, tapName);
    await this.waitFor(() => !!document.getElementById('engine-file-input'), [], { what: 'the photo picker' });
    await this.setFile('#engine-file-input', file);
  }
}

// --- WebKit: W3C WebDriver over fetch (no npm client speaks WebKitWebDriver's dialect better).
class WebKitPage extends EnginePage {
  constructor(base, sessionId) {
    super();
    this.engine = 'webkit';
    this.base = `${base}/session/${sessionId}`;
  }

  async command(method, p, body) {
    const res = await fetch(this.base + p, { method, headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json();
    if (json.value?.error) throw new Error(`webkit ${p}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  }

  goto(url) { return this.command('POST', '/url', { url }); }
  back() { return this.command('POST', '/back', {}); }
  reload() { return this.command('POST', '/refresh', {}); }

  async evaluate(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn}).apply(null, arguments[0]))
        .then((v) => done({ v: v === undefined ? null : v }), (e) => done({ e: String(e && e.stack || e) }));`;
    const out = await this.command('POST', '/execute/async', { script, args: [args] });
    if (out?.e) throw new Error(`webkit page: ${out.e}`);
    return out?.v;
  }

  pointer(actions, type = 'mouse') {
    return this.command('POST', '/actions', { actions: [{ type: 'pointer', id: 'finger', parameters: { pointerType: type }, actions }] });
  }

  clickAt(x, y) {
    return this.pointer([{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 },
      { type: 'pointerDown', button: 0 }, { type: 'pause', duration: 50 }, { type: 'pointerUp', button: 0 }]);
  }

  drag(from, to, steps = 5) {
    const moves = [];
    for (let i = 1; i <= steps; ++i) {
      moves.push({ type: 'pointerMove', origin: 'viewport', duration: 50,
        x: Math.round(from.x + (to.x - from.x) * i / steps), y: Math.round(from.y + (to.y - from.y) * i / steps) });
    }
    return this.pointer([{ type: 'pointerMove', x: Math.round(from.x), y: Math.round(from.y), origin: 'viewport', duration: 0 },
      { type: 'pointerDown', button: 0 }, ...moves, { type: 'pointerUp', button: 0 }]);
  }

  async typeText(text) {
    const active = await this.command('GET', '/element/active');
    const id = Object.values(active)[0];
    await this.command('POST', `/element/${id}/value`, { text });
  }

  async setFile(selector, file) {
    const el = await this.command('POST', '/element', { using: 'css selector', value: selector });
    await this.command('POST', `/element/${Object.values(el)[0]}/value`, { text: file });
  }

  async screenshot(file) {
    fs.writeFileSync(file, Buffer.from(await this.command('GET', '/screenshot'), 'base64'));
  }
}

export async function launchWebKit(display) {
  const port = await freePort();
  const driver = spawn('/usr/bin/WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'],
    { env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'ignore', 'pipe'] });
  const base = `http://127.0.0.1:${port}`;
  let session = null;
  for (let i = 0; i < 100 && !session; ++i) {
    await sleep(100);
    session = await fetch(`${base}/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ capabilities: { alwaysMatch: { browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } } }) })
      .then((r) => r.json()).then((j) => j.value).catch(() => null);
  }
  if (!session?.sessionId) throw new Error(`WebKitWebDriver gave no session: ${JSON.stringify(session)}`);
  const page = new WebKitPage(base, session.sessionId);
  // MiniBrowser's window cannot be narrower than its toolbar: it becomes as close to a phone as it can.
  await page.command('POST', '/window/rect', PHONE_SIZE);
  page.version = `WebKitGTK ${session.capabilities.browserVersion}`;
  page.close = async () => {
    await page.command('DELETE', '').catch(() => {});
    await stopChild(driver);
  };
  return page;
}

// --- Firefox: WebDriver BiDi through puppeteer-core.
class FirefoxPage extends EnginePage {
  constructor(browser, page) {
    super();
    this.engine = 'firefox';
    this.browser = browser;
    this.page = page;
  }

  goto(url) { return this.page.goto(url); }
  // puppeteer's goBack() waits for a new document, which a hash route never brings: the page's
  // own history.back() is the same history step the toolbar's button takes.
  back() { return this.page.evaluate(() => history.back()); }
  reload() { return this.page.reload(); }
  evaluate(fn, ...args) { return this.page.evaluate(fn, ...args); }
  clickAt(x, y) { return this.page.touchscreen.tap(x, y); }

  async drag(from, to, steps = 5) {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    for (let i = 1; i <= steps; ++i)
      await this.page.mouse.move(from.x + (to.x - from.x) * i / steps, from.y + (to.y - from.y) * i / steps);
    await this.page.mouse.up();
  }

  typeText(text) { return this.page.keyboard.type(text); }
  async setFile(selector, file) { await (await this.page.$(selector)).uploadFile(file); }
  screenshot(file) { return this.page.screenshot({ path: file }); }
}

export async function launchFirefox(display) {
  const puppeteer = require('puppeteer-core');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr',
    headless: false, env: { ...process.env, DISPLAY: display }, defaultViewport: null,
    extraPrefsFirefox: { 'dom.w3c_touch_events.enabled': 1 } });
  const page = await browser.newPage();
  await page.setViewport({ ...PHONE_SIZE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const wrapped = new FirefoxPage(browser, page);
  wrapped.version = `Firefox ${(await browser.version()).split('/')[1]}`;
  wrapped.close = async () => {
    const pid = browser.process()?.pid;
    await browser.close().catch(() => pid && process.kill(pid, 'SIGKILL'));
  };
  return wrapped;
}

export const ENGINES = { webkit: launchWebKit, firefox: launchFirefox };
