// Stand-in for the province's camera NVR: live sliding-window HLS streams made by ffmpeg, and a
// control API to take a camera down and bring it back. Documented in README.md; never used in
// production.
//   node sandbox/cameras/server.mjs [--port N] [--streams cam1,cam2] [--idle-seconds 30]
//     → prints "listening on http://127.0.0.1:N"; SIGTERM or SIGINT stops it and its encoders
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Camera } from './camera.mjs';
import { CAMERAS, RENDITIONS } from './catalogue.mjs';
import { masterPlaylist, mediaPlaylist } from './playlist.mjs';

const HOST = '127.0.0.1';
// How long a playlist request waits for a just-started encoder's first segment.
const FIRST_SEGMENT_WAIT_MS = 8000;
const PLAYLIST = 'application/vnd.apple.mpegurl';

function send(res, status, type, body, headers = {}) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  res.writeHead(status, { 'content-type': type, 'content-length': bytes.length,
    'access-control-allow-origin': '*', ...headers });
  res.end(bytes);
}

const json = (res, status, value) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value),
  { 'cache-control': 'no-store' });
const text = (res, status, message, headers = {}) => send(res, status, 'text/plain; charset=utf-8', `${message}\n`,
  { 'cache-control': 'no-store', ...headers });
// What a camera that is down answers for every stream path (see README "A stopped camera").
const offline = (res) => text(res, 503, 'camera offline', { 'retry-after': '2' });

async function streamRequest(camera, res, file) {
  if (!camera.live) return offline(res);
  // The master playlist is fixed: fetching it (a relay's status probe does, every few seconds)
  // neither starts the encoder nor keeps it running. Only media playlists and segments do.
  if (file === 'master.m3u8') return send(res, 200, PLAYLIST, masterPlaylist(), { 'cache-control': 'no-cache' });
  camera.touch();
  const playlist = /^(\w+)\.m3u8$/.exec(file);
  const segment = /^(\w+)_(\d+)\.ts$/.exec(file);
  const rendition = (playlist ?? segment)?.[1];
  if (!RENDITIONS.some((r) => r.name === rendition)) return text(res, 404, 'not found');
  if (playlist) {
    const segments = (await camera.ready(FIRST_SEGMENT_WAIT_MS)) ? camera.window(rendition) : [];
    if (!segments.length) return offline(res);
    camera.touch();
    return send(res, 200, PLAYLIST, mediaPlaylist(rendition, segments, camera.runs - 1), { 'cache-control': 'no-cache' });
  }
  const found = camera.segment(rendition, Number(segment[2]));
  let bytes;
  try {
    bytes = found && fs.readFileSync(found.file);
  } catch {
    bytes = undefined; // removed between the lookup and the read: gone, like any expired segment
  }
  if (!bytes) return text(res, 404, 'segment not found');
  return send(res, 200, 'video/mp2t', bytes, { 'cache-control': 'public, max-age=60, immutable' });
}

export async function startCamerasServer({ port = 0, ids = CAMERAS.map((c) => c.id), idleSeconds = 30 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdscb-cameras-'));
  const cameras = new Map(CAMERAS.filter((c) => ids.includes(c.id))
    .map((c) => [c.id, new Camera(c, path.join(dir, c.id), { idleMs: idleSeconds * 1000 })]));
  const server = http.createServer((req, res) => {
    const parts = new URL(req.url, 'http://localhost').pathname.split('/').slice(1);
    const camera = parts[0] === 'streams' ? cameras.get(parts[1]) : undefined;
    let route;
    if (req.method === 'GET' && parts[0] === 'streams' && parts.length === 1) {
      route = json(res, 200, { streams: [...cameras.values()].map((c) => c.state()) });
    } else if (!camera || parts.length !== 3) {
      route = text(res, 404, 'not found');
    } else if (req.method === 'POST' && (parts[2] === 'stop' || parts[2] === 'start')) {
      route = (parts[2] === 'stop' ? camera.stop() : (camera.start(), undefined));
      route = Promise.resolve(route).then(() => json(res, 200, camera.state()));
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      route = streamRequest(camera, res, parts[2]);
    } else {
      route = text(res, 405, 'method not allowed');
    }
    Promise.resolve(route).catch((err) => {
      console.error('cameras: error', err);
      if (!res.headersSent) text(res, 500, 'error');
    });
  });
  server.stopCameras = async () => {
    await Promise.all([...cameras.values()].map((c) => c.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  server.cameras = cameras;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: 'string' }, streams: { type: 'string' },
    'idle-seconds': { type: 'string' } } });
  const port = Number(values.port ?? process.env.CAMERAS_PORT ?? 0);
  const idleSeconds = Number(values['idle-seconds'] ?? 30);
  const ids = (values.streams ?? CAMERAS.map((c) => c.id).join(',')).split(',').filter(Boolean);
  const unknown = ids.filter((id) => !CAMERAS.some((c) => c.id === id));
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !(idleSeconds >= 0) || !ids.length || unknown.length) {
    console.error(`usage: server.mjs [--port N] [--streams ${CAMERAS.map((c) => c.id).join(',')}] [--idle-seconds S]`);
    process.exit(2);
  }
  const server = await startCamerasServer({ port, ids, idleSeconds });
  // Stops the encoders and removes the run's files before exiting (announceAndStopOnSignal in
  // ../listening.mjs exits at once, which would leave both behind). Set before the address is
  // printed: a harness may send SIGTERM as soon as it reads that line.
  const stop = async () => {
    server.close();
    server.closeAllConnections();
    await server.stopCameras();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const { address, port: actual } = server.address();
  console.log(`listening on http://${address}:${actual}`);
}
