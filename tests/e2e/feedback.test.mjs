// Phản ánh kiến nghị end to end (issue 4, Tests): a citizen on a phone sends feedback with two
// photos that carry EXIF GPS and a moved pin; it appears in "Cá nhân"; an official in another
// browser receives it and answers with a photo; the citizen sees the answer and rates it. And the
// outbox: sent offline, kept over a reload, delivered once when the network returns.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, useAppServer } from './harness.mjs';
import { choose, createFeedback, fill, firstField as fieldOf, getJson, hasExif, photoWithGps, postJson, signInCitizen, signInOfficial, tap }
  from './feedback_support.mjs';

const env = useAppServer({ tiles: true, sms: true });
const AT = { latitude: 22.666, longitude: 106.258, accuracy: 12 };
const text = (page, id) => page.locator(`[data-id="${id}"]`).textContent();
const api = (context, path) => getJson(context, env, path);
const firstField = (context) => fieldOf(context, env);

async function pickPhotos(page, button, files) {
  const chooser = page.waitForEvent('filechooser');
  await tap(page, 'button', button);
  await (await chooser).setFiles(files);
}

test('a citizen sends feedback with photos and a moved pin; an official answers; the citizen rates it', async () => {
  const citizen = await env.browser.newContext({ ...PHONE, geolocation: AT, permissions: ['geolocation'] });
  await signInCitizen(citizen, env, { name: 'Lô Thị Hạnh', phone: '0912000333', password: 'Non-Nuoc-Cao-Bang-5' });
  const field = await firstField(citizen);
  const page = await citizen.newPage();
  await openApp(page, env.server.url);
  await tap(page, 'button', 'Phản ánh kiến nghị');
  await tap(page, 'button', 'Tạo phản ánh');
  await fill(page, 'Tiêu đề', 'Ổ gà lớn trên đường Kim Đồng');
  await fill(page, 'Nội dung', 'Ổ gà sâu khoảng 20 cm, xe máy dễ ngã khi trời tối.');
  await choose(page, 'Lĩnh vực', field.name);
  await tap(page, 'button', 'Dùng vị trí của tôi');
  await page.waitForFunction(() => /±12 m/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''));
  const pin = await page.locator('.overlay.map .leaflet-marker-icon').boundingBox();
  await page.mouse.move(pin.x + pin.width / 2, pin.y + pin.height - 4);
  await page.mouse.down();
  for (let i = 1; i <= 5; ++i) await page.mouse.move(pin.x + pin.width / 2 - 10 * i, pin.y + pin.height - 4 - 6 * i);
  await page.mouse.up();
  await page.waitForFunction(() => !/±/.test(document.querySelector('[data-id="feedback.coordinates"]').textContent));
  const [, lat, lng] = /^Vĩ độ (\S+), kinh độ (\S+)$/.exec(await text(page, 'feedback.coordinates'));
  await pickPhotos(page, 'Thêm ảnh', [
    { name: 'IMG_1.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps(page, { width: 3000, height: 2000, color: '#8d6e63' }) },
    { name: 'IMG_2.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps(page, { width: 1000, height: 1500, color: '#546e7a' }) },
  ]);
  await page.getByRole('button', { name: 'Xoá ảnh 2', exact: true }).waitFor();
  await page.screenshot({ path: '/tmp/feedback-app-create.png' });
  await tap(page, 'button', 'Gửi Phản ánh');

  // "Cá nhân" lists it once the outbox delivered it.
  await page.getByRole('heading', { name: 'Cá nhân', exact: true }).waitFor();
  await page.locator('[data-id^="feedback.mine."]').filter({ hasText: 'Ổ gà lớn trên đường Kim Đồng: Đã gửi' }).waitFor({ timeout: 20000 });
  await page.screenshot({ path: '/tmp/feedback-app-mine.png' });
  const { items } = await api(citizen, '/api/v1/feedback/mine');
  assert.equal(items.length, 1);
  const sent = items[0];
  assert.equal(sent.location.lat.toFixed(6), lat, 'the moved pin is kept exactly');
  assert.equal(sent.location.lng.toFixed(6), lng);
  assert.equal(sent.photos.length, 2);
  for (const photo of sent.photos) {
    const bytes = Buffer.from(await (await citizen.request.get(`${env.server.url}${photo.url}`)).body());
    assert.ok(bytes.length > 1000 && bytes[0] === 0xff && bytes[1] === 0xd8, 'a JPEG is stored');
    assert.equal(hasExif(bytes), false, 'the stored copy carries no EXIF/GPS');
  }

  // An official of the field's agency, on another phone.
  const official = await env.browser.newContext(PHONE);
  await signInOfficial(official, env, { name: 'Bế Văn Tùng', phone: '0912000444', password: 'Xu-Ly-Phan-Anh-8', agency: field.agency.code });
  const desk = await official.newPage();
  await openApp(desk, env.server.url);
  await tap(desk, 'button', 'Phản ánh kiến nghị');
  await tap(desk, 'button', 'Xử lý phản ánh');
  await tap(desk, 'button', 'Ổ gà lớn trên đường Kim Đồng');
  await tap(desk, 'button', 'Tiếp nhận');
  await desk.locator('[data-id="feedback.status"]').filter({ hasText: 'Đã tiếp nhận' }).waitFor();
  await fill(desk, 'Nội dung trả lời hoặc lý do', 'Đã vá ổ gà ngày hôm nay.');
  await pickPhotos(desk, 'Thêm ảnh', [
    { name: 'fixed.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps(desk, { width: 1600, height: 1200, color: '#33691e' }) },
  ]);
  await desk.locator('[data-id="feedback.answer_photo.1"]').waitFor();
  await desk.screenshot({ path: '/tmp/feedback-app-official.png' });
  await tap(desk, 'button', 'Trả lời');
  await desk.locator('[data-id="feedback.status"]').filter({ hasText: 'Đã giải quyết' }).waitFor();

  // The citizen sees the answer with its photo, and rates it.
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready);
  await tap(page, 'button', 'Ổ gà lớn trên đường Kim Đồng');
  await page.locator('[data-id="feedback.answer_text"]').filter({ hasText: 'Đã vá ổ gà ngày hôm nay.' }).waitFor();
  await page.locator('[data-id="feedback.answer_photos.1"]').waitFor();
  await choose(page, 'Số sao (1–5)', '5');
  await fill(page, 'Nhận xét', 'Xử lý nhanh, cảm ơn.');
  await page.screenshot({ path: '/tmp/feedback-app-detail.png' });
  await tap(page, 'button', 'Gửi đánh giá');
  await page.getByText('Đánh giá của bạn: 5/5 — Xử lý nhanh, cảm ơn.').waitFor();
  const { feedback } = await api(citizen, `/api/v1/feedback/${sent.id}`);
  assert.deepEqual(feedback.rating, { stars: 5, comment: 'Xử lý nhanh, cảm ơn.' });
  assert.equal(feedback.answer.photos.length, 1);
  await official.close();
  await citizen.close();
});

test('offline: "Gửi Phản ánh" waits in the outbox over a reload and is delivered exactly once', async () => {
  const context = await env.browser.newContext({ ...PHONE, geolocation: AT, permissions: ['geolocation'] });
  await signInCitizen(context, env, { name: 'Mã Văn Khánh', phone: '0912000555', password: 'Hang-Pac-Bo-2026' });
  const field = await firstField(context);
  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  // The service worker must control the page so that it reloads offline.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready && navigator.serviceWorker.controller);
  await fill(page, 'Tiêu đề', 'Đèn đường hỏng ở cầu Bằng Giang');
  await fill(page, 'Nội dung', 'Ba cột đèn liền nhau không sáng từ tuần trước.');
  await choose(page, 'Lĩnh vực', field.name);
  await tap(page, 'button', 'Dùng vị trí của tôi');
  await page.waitForFunction(() => /±12 m/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''));

  await context.setOffline(true);
  await tap(page, 'button', 'Gửi Phản ánh');
  const waiting = page.locator('[data-id^="feedback.waiting."]').filter({ hasText: 'Đèn đường hỏng ở cầu Bằng Giang: Đang chờ gửi' });
  await waiting.waitFor();
  await page.screenshot({ path: '/tmp/feedback-app-waiting.png' });
  await page.reload();
  await page.waitForFunction(() => window.cdscb?.ready);
  await waiting.waitFor();

  await context.setOffline(false);
  await waiting.waitFor({ state: 'detached', timeout: 30000 });
  await page.locator('[data-id^="feedback.mine."]').filter({ hasText: 'Đèn đường hỏng ở cầu Bằng Giang: Đã gửi' }).waitFor();
  const { items } = await api(context, '/api/v1/feedback/mine');
  assert.equal(items.filter((i) => i.title === 'Đèn đường hỏng ở cầu Bằng Giang').length, 1, 'exactly one record');
  await context.close();
});

test('"Phản ánh tương tự" nearby is shown before sending, and the citizen can follow it instead', async () => {
  const first = await env.browser.newContext(PHONE);
  await signInCitizen(first, env, { name: 'Đinh Văn Phúc', phone: '0912000666', password: 'Me-Pia-Cao-Bang-4' });
  const field = await firstField(first);
  const feedback = await createFeedback(first, env, { title: 'Sạt lở taluy dương trên quốc lộ 3', field: field.code,
    key: 'similar-test-0000000001' });
  const other = await createFeedback(first, env, { title: 'Đá lăn xuống mặt đường', field: field.code,
    key: 'similar-test-0000000002', lat: 22.6659, lng: 106.2579 });
  // The agency publishes the first; the other stays between its author and the agency.
  const official = await env.browser.newContext();
  await signInOfficial(official, env, { name: 'Nông Thị Hà', phone: '0912000888', password: 'Cong-Khai-Cao-Bang-2', agency: field.agency.code });
  assert.equal((await postJson(official, env, `/api/v1/feedback/${feedback.id}/actions`, { action: 'publish' })).status(), 200);

  const context = await env.browser.newContext({ ...PHONE, geolocation: AT, permissions: ['geolocation'] });
  await signInCitizen(context, env, { name: 'Triệu Thị Lan', phone: '0912000777', password: 'Ba-Be-Cao-Bang-6' });
  const page = await context.newPage();
  await openApp(page, `${env.server.url}/#/phan-anh/tao`);
  await fill(page, 'Tiêu đề', 'Đất đá tràn xuống đường');
  await fill(page, 'Nội dung', 'Đường rất nguy hiểm cho xe máy.');
  await choose(page, 'Lĩnh vực', field.name);
  await tap(page, 'button', 'Dùng vị trí của tôi');
  await page.waitForFunction(() => /±12 m/.test(document.querySelector('[data-id="feedback.coordinates"]')?.textContent ?? ''));
  await tap(page, 'button', 'Gửi Phản ánh');
  await page.getByRole('heading', { name: 'Phản ánh tương tự', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Sạt lở taluy dương trên quốc lộ 3', exact: true }).waitFor();
  await page.screenshot({ path: '/tmp/feedback-app-similar.png' });
  // Each nearby feedback has its own "Theo dõi phản ánh này" under its card, named after it for
  // a screen reader (the guide's words first): the published one by its title, the unpublished
  // one by its field, day and distance only.
  const follows = page.locator('[data-id^="feedback.similar."][data-id$=".follow"]');
  const names = await follows.allTextContents();
  // The two above, and any unpublished feedback of the field that earlier tests left nearby.
  assert.ok(names.length >= 2, names.join(' | '));
  assert.equal(new Set(names).size, names.length, `each has a name of its own: ${names}`);
  for (const name of names) assert.match(name, /^Theo dõi phản ánh này: ./);
  assert.ok(names.includes('Theo dõi phản ánh này: Sạt lở taluy dương trên quốc lộ 3'), names.join(' | '));
  const unpublished = names.find((name) => !name.includes('Sạt lở'));
  const pattern = new RegExp(`^Theo dõi phản ánh này: Phản ánh chưa công khai về ${field.name}, gửi ngày \\d\\d/\\d\\d/\\d{4}, cách \\d+ m$`);
  assert.match(unpublished, pattern);
  // Nothing of the unpublished one but that: not its title, nor its text.
  const shown = await page.evaluate(() => document.body.textContent);
  assert.ok(!shown.includes('Đá lăn xuống mặt đường'), 'the unpublished title is not on the page');
  const card = await page.getByRole('button', { name: 'Sạt lở taluy dương trên quốc lộ 3', exact: true }).getAttribute('data-id');
  assert.equal(await page.locator(`[data-id="${card}.follow"]`).textContent(),
    'Theo dõi phản ánh này: Sạt lở taluy dương trên quốc lộ 3', 'the button under a card names that card');
  await tap(page, 'button', unpublished);
  await page.getByRole('status').filter({ hasText: 'Đã theo dõi.' }).waitFor();
  // The form is back; asking again offers the published one to follow too.
  await tap(page, 'button', 'Gửi Phản ánh');
  await tap(page, 'button', 'Theo dõi phản ánh này: Sạt lở taluy dương trên quốc lộ 3');
  await page.getByRole('status').filter({ hasText: 'Đã theo dõi.' }).waitFor();
  // Following instead of sending: nothing new on the server, and the one followed knows it.
  assert.equal((await api(context, '/api/v1/feedback/mine')).items.length, 0);
  // "Đã theo dõi." of the first follow may still be shown: wait for the server to know the second.
  for (let i = 0; i < 50 && !(await api(context, `/api/v1/feedback/${feedback.id}`)).feedback.following; i++) {
    await page.waitForTimeout(200);
  }
  assert.equal((await api(context, `/api/v1/feedback/${feedback.id}`)).feedback.following, true);
  // The unpublished one stays none of this citizen's business by id, followed or not.
  assert.equal((await context.request.get(`${env.server.url}/api/v1/feedback/${other.id}`)).status(), 404);
  const { items } = await api(context, '/api/v1/feedback/following');
  assert.equal(items.length, 2);
  assert.ok(items.every((item) => item.id === undefined || item.id === feedback.id), 'no unpublished id');

  // "Cá nhân" lists both under "Đang theo dõi": the unpublished one by field and day, with how
  // its status went; it can be unfollowed there.
  await openApp(page, `${env.server.url}/#/phan-anh/ca-nhan`);
  await page.getByRole('heading', { name: 'Đang theo dõi', exact: true }).waitFor();
  const name = unpublished.replace(/^Theo dõi phản ánh này: /, '').replace(/, cách \d+ m$/, '');
  await page.getByRole('button', { name, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Sạt lở taluy dương trên quốc lộ 3', exact: true }).waitFor();
  // Only the unpublished one shows its status changes under it (the other opens its detail).
  const updates = page.locator('[data-id^="feedback.following."][data-id$=".updates"]');
  assert.equal(await updates.count(), 1);
  assert.match(await updates.textContent(), /^Đã gửi \d\d\/\d\d\/\d{4}$/);
  assert.ok(!(await page.evaluate(() => document.body.textContent)).includes('Đá lăn xuống mặt đường'));
  await page.screenshot({ path: '/tmp/feedback-app-following.png' });
  await tap(page, 'button', `Bỏ theo dõi: ${name}`);
  await page.getByRole('button', { name, exact: true }).waitFor({ state: 'detached' });
  assert.equal((await api(context, '/api/v1/feedback/following')).items.length, 1);
  await official.close();
  await first.close();
  await context.close();
});
