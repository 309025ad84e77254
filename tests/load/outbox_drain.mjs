// Outbox drain time (issue 4): a citizen on a phone queues ITEMS feedback while offline through
// the real app ("Gửi Phản ánh" → "Đang chờ gửi"), then the network returns; measured is the time
// until the server holds all of them, and that the Idempotency-Key kept it at exactly one record
// each. Starts its own server, SMS stand-in and browser, and stops them by process id.
//   node tests/load/outbox_drain.mjs [photos per item, default 0] [items, default 50]
import { PHONE, launchBrowser, openApp, sleep, startServer, startSms } from '../e2e/harness.mjs';
import { choose, fill, photoWithGps, signInCitizen, tap } from '../e2e/feedback_support.mjs';

const PHOTOS = Number(process.argv[2] ?? 0);
const ITEMS = Number(process.argv[3] ?? 50);
const AT = { latitude: 22.666, longitude: 106.258, accuracy: 12 };
const TITLE = 'Đo hàng đợi phản ánh số';

const env = {};
try {
  env.sms = await startSms();
  env.server = await startServer({ smsUrl: `${env.sms.url}/messages`, rateLimits: false });
  env.browser = await launchBrowser();
  const context = await env.browser.newContext({ ...PHONE, geolocation: AT, permissions: ['geolocation'] });
  await signInCitizen(context, env, { name: 'Nông Văn Đo', phone: '0912000999', password: 'Thac-Ban-Gioc-2026' });
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const { fields } = await (await context.request.get(`${env.server.url}/api/v1/feedback/fields`)).json();

  // Every record of this citizen on the server, following next_cursor to the end.
  async function onServer() {
    const items = [];
    for (let cursor = ''; ;) {
      const response = await fetch(`${env.server.url}/api/v1/feedback/mine?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: { Cookie: cookie } });
      const page = await response.json();
      items.push(...page.items);
      if (!page.next_cursor) return items;
      cursor = encodeURIComponent(page.next_cursor);
    }
  }

  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  await page.getByRole('combobox', { name: 'Lĩnh vực', exact: true }).locator('option', { hasText: fields[0].name }).waitFor({ state: 'attached' });
  const photo = PHOTOS ? await photoWithGps(page, { width: 1600, height: 1200, color: '#6d8b74' }) : null;
  const waiting = page.locator('[data-id^="feedback.waiting."]');

  await context.setOffline(true);
  const queueStarted = performance.now();
  for (let i = 1; i <= ITEMS; ++i) {
    if (i > 1) await page.evaluate(() => { location.hash = '#/phan-anh/tao'; });
    await fill(page, 'Tiêu đề', `${TITLE} ${i}`);
    await fill(page, 'Nội dung', 'Nắp cống trên vỉa hè bị vỡ, người đi bộ dễ sụt chân.');
    await choose(page, 'Lĩnh vực', fields[0].name);
    await tap(page, 'button', 'Dùng vị trí của tôi');
    await page.waitForFunction(() => /±12 m/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''));
    if (PHOTOS) {
      const chooser = page.waitForEvent('filechooser');
      await tap(page, 'button', 'Thêm ảnh');
      await (await chooser).setFiles(Array.from({ length: PHOTOS }, (_, n) =>
        ({ name: `IMG_${i}_${n}.jpg`, mimeType: 'image/jpeg', buffer: photo })));
      await page.getByRole('button', { name: `Xoá ảnh ${PHOTOS}`, exact: true }).waitFor();
    }
    await tap(page, 'button', 'Gửi Phản ánh');
    await waiting.filter({ hasText: `${TITLE} ${i}: Đang chờ gửi` }).waitFor();
  }
  const queued = await page.evaluate(() => [...document.querySelectorAll('[data-id^="feedback.waiting."]')]
    .filter((el) => /^feedback\.waiting\.\d+$/.test(el.dataset.id)).length);
  const queueSeconds = (performance.now() - queueStarted) / 1000;
  if (queued !== ITEMS) throw new Error(`${queued} items waiting in the outbox, expected ${ITEMS}`);
  if ((await onServer()).length !== 0) throw new Error('feedback reached the server while offline');

  const started = performance.now();
  await context.setOffline(false);
  let count = 0, first = 0;
  while ((count = (await onServer()).length) < ITEMS) {
    if (count > 0 && !first) first = (performance.now() - started) / 1000;
    if (performance.now() - started > 300000) throw new Error(`only ${count} of ${ITEMS} arrived in 5 min`);
    await sleep(50);
  }
  const seconds = (performance.now() - started) / 1000;
  // The app may still be finishing (or retrying) its last answers: let it settle, then count again.
  await waiting.first().waitFor({ state: 'detached', timeout: 60000 });
  await sleep(3000);
  const items = await onServer();
  const titles = new Set(items.map((it) => it.title));
  const duplicates = items.length - titles.size;
  const missing = Array.from({ length: ITEMS }, (_, n) => `${TITLE} ${n + 1}`).filter((t) => !titles.has(t)).length;
  console.log(`  ${ITEMS} items with ${PHOTOS} photo${PHOTOS === 1 ? '' : 's'} each (queued offline in ${queueSeconds.toFixed(1)} s): ` +
    `drained in ${seconds.toFixed(2)} s (first record after ${first.toFixed(2)} s), ` +
    `${(ITEMS / seconds).toFixed(1)} items/s; ` +
    `${items.length} records on the server, ${duplicates} duplicates, ${missing} missing`);
  await context.close();
} finally {
  await env.browser?.close();
  await env.server?.stop();
  await env.sms?.stop();
}
