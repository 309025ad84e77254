// The camera NVR stand-in (sandbox/cameras) as the server's relay and a player see it: a master
// playlist with two renditions, live media playlists that slide, real H.264 in MPEG-TS with a
// running clock burned in, a camera taken down and brought back, an encoder that stops when unwatched.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { launchBrowser } from './harness.mjs';
import { startProgram } from './pay_sandboxes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cameras-test-'));
const pids = new Set(); // every encoder seen: all must be gone once the sandbox stops
let nvr;

const start = (args) => startProgram('sandbox/cameras/server.mjs', ['--port', '0', ...args], {}, 'cameras sandbox');
const get = (base, p) => fetch(base.url + p);
async function streams(base) {
  const list = (await (await get(base, '/streams')).json()).streams;
  for (const s of list) if (s.pid) pids.add(s.pid);
  return Object.fromEntries(list.map((s) => [s.id, s]));
}
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };

// A media playlist as a player reads it.
async function playlist(base, id, rendition) {
  const res = await get(base, `/streams/${id}/${rendition}.m3u8`);
  assert.equal(res.status, 200, `${id} ${rendition}: ${res.status}`);
  assert.equal(res.headers.get('content-type'), 'application/vnd.apple.mpegurl');
  assert.equal(res.headers.get('cache-control'), 'no-cache');
  const text = await res.text();
  const tag = (name) => { const m = new RegExp(`^#EXT-X-${name}:(\\d+)$`, 'm').exec(text); return m && Number(m[1]); };
  return { text, sequence: tag('MEDIA-SEQUENCE'), discontinuitySequence: tag('DISCONTINUITY-SEQUENCE'),
    target: tag('TARGETDURATION'), segments: text.split('\n').filter((l) => l && !l.startsWith('#')),
    durations: [...text.matchAll(/^#EXTINF:([\d.]+),/gm)].map((m) => Number(m[1])) };
}

async function fetchSegment(base, id, uri) {
  const res = await get(base, `/streams/${id}/${uri}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'video/mp2t');
  const file = path.join(tmp, `${id}-${uri}`);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

// The first frame of a segment as grey pixels, decoded by ffmpeg.
async function firstFrame(file, width, height) {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
    { encoding: 'buffer', maxBuffer: 1 << 24 });
  assert.equal(stdout.length, width * height);
  return stdout;
}

// How many pixels of rows y0..y1 differ clearly (by more than compression noise) between frames.
function changedPixels(a, b, width, y0, y1) {
  let count = 0;
  for (let i = y0 * width; i < y1 * width; i++) if (Math.abs(a[i] - b[i]) > 96) count++;
  return count;
}

before(async () => { nvr = await start(['--streams', 'cam1,cam2']); });
after(async () => {
  assert.deepEqual(await nvr?.stop(), { code: 0, signal: null });
  await sleep(200);
  for (const pid of pids) assert.equal(alive(pid), false, `encoder ${pid} still runs after the sandbox stopped`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('cameras sandbox', () => {
  test('lists the chosen cameras, switched on, with no encoder running before anyone watches', async () => {
    const list = await streams(nvr);
    assert.deepEqual(Object.keys(list), ['cam1', 'cam2']);
    assert.equal(list.cam1.name, 'Cầu Bằng Giang');
    assert.equal(list.cam2.name, 'Cửa khẩu Tà Lùng');
    for (const s of Object.values(list)) {
      assert.deepEqual([s.state, s.encoder, s.pid, s.master], ['live', 'idle', null, `/streams/${s.id}/master.m3u8`]);
    }
    assert.equal((await get(nvr, '/streams/cam3/master.m3u8')).status, 404);
    assert.equal((await get(nvr, '/streams/cam1/1080p.m3u8')).status, 404);
  });

  test('the master playlist offers 360p and 720p with bandwidth and resolution', async () => {
    const res = await get(nvr, '/streams/cam1/master.m3u8');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.apple.mpegurl');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    const variants = [...(await res.text()).matchAll(/^#EXT-X-STREAM-INF:(.*)\n(.+)$/gm)]
      .map(([, attrs, uri]) => ({ uri, bandwidth: Number(/(?:^|,)BANDWIDTH=(\d+)/.exec(attrs)[1]),
        resolution: /RESOLUTION=(\d+x\d+)/.exec(attrs)[1] }));
    assert.deepEqual(variants.map((v) => [v.uri, v.resolution]), [['360p.m3u8', '640x360'], ['720p.m3u8', '1280x720']]);
    assert.ok(variants[0].bandwidth > 100000 && variants[0].bandwidth < variants[1].bandwidth, JSON.stringify(variants));
  });

  test('the media playlist is live: it slides forward and never ends', async () => {
    let first = await playlist(nvr, 'cam1', '360p');
    assert.equal((await streams(nvr)).cam1.encoder, 'running');
    assert.equal(first.target, 2);
    // A fresh encoder fills the 5-entry window first (10 s); from then on the window slides.
    for (let i = 0; i < 30 && first.segments.length < 5; i++) {
      await sleep(500);
      first = await playlist(nvr, 'cam1', '360p');
    }
    assert.equal(first.segments.length, 5, first.text);
    await sleep(5000);
    const later = await playlist(nvr, 'cam1', '360p');
    assert.ok(later.sequence > first.sequence, `MEDIA-SEQUENCE ${first.sequence} → ${later.sequence}`);
    assert.notEqual(later.segments.at(-1), first.segments.at(-1));
    for (const p of [first, later]) {
      assert.doesNotMatch(p.text, /#EXT-X-ENDLIST/);
      assert.ok(p.durations.every((d) => d > 0 && d <= 2.05), p.text);
      assert.equal(p.segments.length, p.durations.length);
    }
    assert.ok(later.segments.length >= 3, later.text);
  });

  test('segments are MPEG-TS with H.264 at 360 and 720 lines', async () => {
    for (const [rendition, height] of [['360p', 360], ['720p', 720]]) {
      const p = await playlist(nvr, 'cam1', rendition);
      const file = await fetchSegment(nvr, 'cam1', p.segments.at(-1));
      assert.equal(fs.readFileSync(file)[0], 0x47, 'MPEG-TS sync byte');
      const { stdout } = await run('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', file]);
      const video = JSON.parse(stdout).streams.filter((s) => s.codec_type === 'video');
      assert.deepEqual(video.map((s) => [s.codec_name, s.height]), [['h264', height]]);
    }
  });

  test('the burned-in clock runs: two snapshots differ in the clock banner, not in the name banner', async () => {
    const snapshot = async () => {
      const uri = (await playlist(nvr, 'cam2', '720p')).segments.at(-1);
      return { uri, frame: await firstFrame(await fetchSegment(nvr, 'cam2', uri), 1280, 720) };
    };
    const a = await snapshot();
    await sleep(2500);
    const b = await snapshot();
    assert.notEqual(a.uri, b.uri);
    // 720p layout: an opaque name banner on rows 0–79 and a clock banner on rows 640–719.
    const name = changedPixels(a.frame, b.frame, 1280, 0, 80);
    const clock = changedPixels(a.frame, b.frame, 1280, 640, 720);
    assert.equal(name, 0, 'the name banner stays the same');
    assert.ok(clock > 100, `${clock} pixels of the clock banner changed`);
  });

  test('a stopped camera answers 503 everywhere; started again, its sequence keeps rising after a discontinuity', async () => {
    const before = await playlist(nvr, 'cam1', '720p');
    const lastSeen = before.sequence + before.segments.length - 1;
    const encoder = (await streams(nvr)).cam1.pid;
    const stopped = await (await fetch(`${nvr.url}/streams/cam1/stop`, { method: 'POST' })).json();
    assert.deepEqual([stopped.state, stopped.encoder], ['stopped', 'idle']);
    assert.equal(alive(encoder), false, 'the encoder of a stopped camera is gone');
    for (const uri of ['master.m3u8', '720p.m3u8', '360p.m3u8', before.segments.at(-1)]) {
      const res = await get(nvr, `/streams/cam1/${uri}`);
      assert.equal(res.status, 503, uri);
      assert.equal(res.headers.get('retry-after'), '2');
    }
    assert.equal((await playlist(nvr, 'cam2', '360p')).target, 2, 'the other camera still plays');

    const started = await (await fetch(`${nvr.url}/streams/cam1/start`, { method: 'POST' })).json();
    assert.deepEqual([started.state, started.encoder], ['live', 'running']);
    const back = await playlist(nvr, 'cam1', '720p');
    assert.ok(back.sequence > lastSeen, `MEDIA-SEQUENCE ${back.sequence} after ${lastSeen}`);
    const discontinuities = back.discontinuitySequence + (back.text.match(/^#EXT-X-DISCONTINUITY$/gm) ?? []).length;
    assert.equal(discontinuities, 1, back.text);
    const file = await fetchSegment(nvr, 'cam1', back.segments[0]);
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', file]);
    assert.equal(JSON.parse(stdout).streams[0].codec_name, 'h264');
    assert.equal((await get(nvr, `/streams/cam1/${before.segments.at(-1)}`)).status, 404, 'a segment of the old run is gone');
  });
});

describe('cameras sandbox, unwatched', () => {
  let idle;
  before(async () => { idle = await start(['--streams', 'cam3', '--idle-seconds', '2']); });
  after(async () => { assert.deepEqual(await idle?.stop(), { code: 0, signal: null }); });

  test('an encoder stops after the idle time and the next request starts it again', async () => {
    const first = await playlist(idle, 'cam3', '360p');
    const { pid } = (await streams(idle)).cam3;
    assert.ok(pid && alive(pid));
    let state;
    for (let i = 0; i < 40 && (state = (await streams(idle)).cam3).encoder === 'running'; i++) await sleep(250);
    assert.deepEqual([state.state, state.encoder], ['live', 'idle']);
    // ffmpeg finishes its segment on SIGTERM: give it a moment to exit.
    for (let i = 0; i < 30 && alive(pid); i++) await sleep(100);
    assert.equal(alive(pid), false, 'the idle encoder was stopped');
    const again = await playlist(idle, 'cam3', '360p');
    assert.ok(again.sequence > first.sequence);
    assert.match(again.text, /^#EXT-X-DISCONTINUITY$/m);
    assert.notEqual((await streams(idle)).cam3.pid, pid);
  });
});

// hls.js (the app's player) in Chromium, with the recovery the research notes give (C1): a player
// left running across a stop and a start plays on at the live edge, without a reload.
describe('cameras sandbox, a live player', () => {
  let player;
  let browser;
  before(async () => {
    player = await start(['--streams', 'cam3']);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    assert.deepEqual(await player?.stop(), { code: 0, signal: null });
  });

  test('hls.js plays, stalls while the camera is stopped and resumes by itself when it starts', async () => {
    const page = await browser.newPage();
    await page.setContent('<video muted playsinline></video>');
    await page.addScriptTag({ path: path.join(root, 'web/node_modules/hls.js/dist/hls.min.js') });
    await page.evaluate((url) => {
      window.errors = [];
      const video = document.querySelector('video');
      const attach = () => {
        const hls = new window.Hls();
        hls.on(window.Hls.Events.ERROR, (_, data) => {
          window.errors.push(`${data.details}${data.fatal ? ' (fatal)' : ''}`);
          if (!data.fatal) return;
          if (data.type === window.Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
          else if (data.type === window.Hls.ErrorTypes.NETWORK_ERROR) setTimeout(() => hls.startLoad(), 1000);
          else {
            hls.destroy();
            setTimeout(attach, 2000);
          }
        });
        hls.on(window.Hls.Events.MANIFEST_PARSED, () => video.play());
        hls.loadSource(url);
        hls.attachMedia(video);
      };
      attach();
    }, `${player.url}/streams/cam3/master.m3u8`);
    const time = () => page.evaluate(() => document.querySelector('video').currentTime);
    const advances = async (from, seconds, limitMs) => {
      for (const end = Date.now() + limitMs; Date.now() < end; await sleep(250)) if ((await time()) >= from + seconds) return true;
      return false;
    };
    assert.ok(await advances(0, 4, 30000), `playing: ${await time()} s, errors ${await page.evaluate(() => window.errors)}`);
    await fetch(`${player.url}/streams/cam3/stop`, { method: 'POST' });
    await sleep(12000); // longer than the buffer: the player runs dry
    const stalled = await time();
    await sleep(2000);
    assert.ok((await time()) - stalled < 0.5, 'no picture while the camera is stopped');
    await fetch(`${player.url}/streams/cam3/start`, { method: 'POST' });
    assert.ok(await advances(stalled, 4, 40000),
      `resumed: ${stalled} → ${await time()} s, errors ${await page.evaluate(() => window.errors)}`);
    await page.close();
  });
});
