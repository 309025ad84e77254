// "Quản lý camera" (issue 13), an admin's screen: the cameras with their status and source
// address, adding one (a wrong coordinate is named in Vietnamese under its field), hiding one and
// marking one in maintenance; a citizen then no longer sees the hidden one, and the one in
// maintenance says so and streams nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, openApp, sleep, useAppServer } from './harness.mjs';
import { choose, fill, signInOfficial, tap } from './feedback_support.mjs';

const env = useAppServer({ cameras: true });
const SHOTS = '/tmp/cam-app-admin';

test('an admin adds, hides and puts a camera in maintenance; citizens see the result', async () => {
  const admin = await env.browser.newContext(PHONE);
  await signInOfficial(admin, env, { name: 'Bế Văn Quản', phone: '0912000931', password: 'Quan-Tri-Cao-Bang-13', role: 'admin' });
  const page = await admin.newPage();
  const errors = await openApp(page, `${env.server.url}/#/tai-khoan`);
  await tap(page, 'button', 'Quản lý camera');
  await page.waitForFunction(() => location.hash === '#/quan-ly-camera');
  await page.getByRole('button', { name: /^Cầu Bằng Giang – / }).waitFor();
  await page.screenshot({ path: `${SHOTS}-list.png` });

  // A new camera: a wrong latitude is refused with the server's Vietnamese message by the field.
  await tap(page, 'button', 'Thêm camera');
  await page.waitForFunction(() => location.hash === '#/quan-ly-camera/moi');
  await fill(page, 'Mã camera', 'cb-cam-09');
  await fill(page, 'Tên camera', 'Chợ Xanh Cao Bằng');
  await choose(page, 'Xã, phường', 'Phường Thục Phán');
  await fill(page, 'Địa điểm', 'Chợ Xanh, phố Kim Đồng');
  await fill(page, 'Vĩ độ', 'abc');
  await fill(page, 'Kinh độ', '106.2551');
  await choose(page, 'Loại camera', 'Chợ');
  await fill(page, 'Địa chỉ luồng HLS của camera', `${env.cameras.url}/streams/cam2/master.m3u8`);
  await tap(page, 'button', 'Lưu camera');
  await page.waitForFunction(() => document.querySelector('[data-id="admin.cameras.lat"]')?.getAttribute('aria-invalid') === 'true');
  const latError = await page.getByRole('textbox', { name: 'Vĩ độ', exact: true }).getAttribute('aria-description');
  assert.match(latError, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i, `a Vietnamese message: ${latError}`);
  await page.screenshot({ path: `${SHOTS}-error.png` });
  assert.equal(new URL(page.url()).hash, '#/quan-ly-camera/moi', 'the form stays open');
  await fill(page, 'Vĩ độ', '22,6671');  // a decimal comma, as Vietnamese writes it
  await tap(page, 'button', 'Lưu camera');
  await page.getByRole('status').filter({ hasText: 'Đã lưu camera Chợ Xanh Cao Bằng.' }).waitFor();
  await page.getByRole('button', { name: /^Chợ Xanh Cao Bằng – / }).waitFor();

  // Hide Thác Bản Giốc; put Cầu Bằng Giang in maintenance (its source address is shown to admins).
  await tap(page, 'button', (await page.getByRole('button', { name: /^Thác Bản Giốc – / }).textContent()).trim());
  await page.getByRole('checkbox', { name: 'Hiển thị cho người dân', exact: true }).click({ force: true });
  await tap(page, 'button', 'Lưu camera');
  await page.getByRole('button', { name: /^Thác Bản Giốc – .*đang ẩn$/ }).waitFor();
  await tap(page, 'button', (await page.getByRole('button', { name: /^Cầu Bằng Giang – / }).textContent()).trim());
  const source = await page.getByRole('textbox', { name: 'Địa chỉ luồng HLS của camera', exact: true }).inputValue();
  assert.match(source, /\/streams\/cam1\/master\.m3u8$/);
  await page.getByRole('checkbox', { name: 'Đang bảo trì', exact: true }).click({ force: true });
  await page.screenshot({ path: `${SHOTS}-edit.png` });
  await tap(page, 'button', 'Lưu camera');
  await page.getByRole('button', { name: /^Cầu Bằng Giang – .*bảo trì/ }).waitFor();
  await page.screenshot({ path: `${SHOTS}-saved.png` });

  // A citizen: the hidden camera is gone, the new one listed, the one in maintenance says so.
  const visitor = await env.browser.newContext(PHONE);
  const citizen = await visitor.newPage();
  const live = [];
  citizen.on('request', (r) => { if (r.url().includes('/live/')) live.push(r.url()); });
  const citizenErrors = await openApp(citizen, `${env.server.url}/#/camera`);
  await citizen.getByRole('button', { name: /^Chợ Xanh Cao Bằng – / }).waitFor();
  assert.equal(await citizen.getByRole('button', { name: /^Thác Bản Giốc – / }).count(), 0);
  await citizen.getByRole('button', { name: 'Cầu Bằng Giang – Đang bảo trì', exact: true }).waitFor();
  await tap(citizen, 'button', 'Cầu Bằng Giang – Đang bảo trì');
  await citizen.getByRole('status').filter({ hasText: 'Camera đang bảo trì. Vui lòng quay lại sau.' }).waitFor();
  await sleep(2000);
  assert.deepEqual(live, [], 'a camera in maintenance is not played');
  assert.equal(await citizen.locator('#overlays video').count(), 0);
  await citizen.screenshot({ path: `${SHOTS}-maintenance.png` });

  // Not an admin: no admin list.
  const denied = await visitor.request.get(`${env.server.url}/api/v1/admin/cameras`);
  assert.ok([401, 403].includes(denied.status()));
  assert.deepEqual(errors, []);
  assert.deepEqual(citizenErrors, []);
  await admin.close();
  await visitor.close();
});
