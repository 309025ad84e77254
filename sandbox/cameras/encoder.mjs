// One ffmpeg process making both renditions of a camera: a moving test picture, an on-screen banner
// with the camera's name and a running clock (Vietnam time), H.264 at a low frame rate with a
// keyframe every segment, written as HLS into one directory per run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FONT, FPS, RENDITIONS, SEGMENT_SECONDS, TZ } from './catalogue.mjs';

// Top and bottom banners are opaque, so only the clock's digits change between frames there.
export const BANNER = 80; // pixels at 720p

export function ffmpegArgs(dir, labelFile, clockFile) {
  const [low, high] = RENDITIONS;
  const text = (file, y) => `drawtext=fontfile=${FONT}:textfile=${file}:fontsize=44:fontcolor=white:x=24:y=${y}`;
  const graph = `[0:v]drawbox=x=0:y=0:w=iw:h=${BANNER}:color=black:t=fill,` +
    `drawbox=x=0:y=ih-${BANNER}:w=iw:h=${BANNER}:color=black:t=fill,` +
    `${text(labelFile, 14)},${text(clockFile, `h-${BANNER - 14}`)},split=2[hi][v];` +
    `[v]scale=${low.width}:${low.height}[lo]`;
  const gop = FPS * SEGMENT_SECONDS;
  const perRendition = RENDITIONS.flatMap((r, i) => [
    `-b:v:${i}`, `${r.kbps}k`, `-maxrate:v:${i}`, `${r.kbps}k`, `-bufsize:v:${i}`, `${r.kbps}k`, `-level:v:${i}`, r.level]);
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-re',
    '-f', 'lavfi', '-i', `testsrc2=size=${high.width}x${high.height}:rate=${FPS}`,
    '-filter_complex', graph, '-map', '[lo]', '-map', '[hi]',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
    '-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0', ...perRendition,
    '-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_list_size', '8',
    // temp_file: segments and playlists appear under their name only once complete.
    '-hls_flags', 'independent_segments+program_date_time+omit_endlist+temp_file',
    '-var_stream_map', RENDITIONS.map((r, i) => `v:${i},name:${r.name}`).join(' '),
    '-hls_segment_filename', path.join(dir, '%v', '%d.ts'), path.join(dir, '%v', 'index.m3u8'),
  ];
}

// Starts ffmpeg for one run in `dir`. setpriv's parent-death signal ends the encoder even if this
// sandbox is killed without a chance to stop it.
export function startEncoder(dir, label, onExit) {
  for (const r of RENDITIONS) fs.mkdirSync(path.join(dir, r.name), { recursive: true });
  const labelFile = path.join(dir, 'label.txt');
  const clockFile = path.join(dir, 'clock.txt');
  fs.writeFileSync(labelFile, label);
  fs.writeFileSync(clockFile, '%{localtime:%d/%m/%Y %H\\:%M\\:%S}');
  const child = spawn('setpriv', ['--pdeathsig', 'TERM', '--', 'ffmpeg', ...ffmpegArgs(dir, labelFile, clockFile)],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TZ } });
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
  child.once('exit', (code, signal) => onExit({ code, signal, log }));
  child.once('error', (err) => onExit({ code: null, signal: null, log: String(err) }));
  return child;
}
