// One camera channel of the NVR: switched on or off by the control API, and an encoder that runs
// only while someone fetches the stream (started by the first request, stopped after `idleMs`
// without one), so an idle sandbox costs no CPU. Every encoder start is a new run: its segments
// continue the camera's media sequence after a discontinuity.
import fs from 'node:fs';
import path from 'node:path';
import { KEEP_BEHIND, RENDITIONS, WINDOW } from './catalogue.mjs';
import { startEncoder } from './encoder.mjs';
import { parseFfmpegPlaylist } from './playlist.mjs';

const POLL_MS = 250;

export class Camera {
  constructor({ id, name, place }, dir, { idleMs }) {
    Object.assign(this, { id, name, place });
    this.dir = dir;
    this.idleMs = idleMs;
    this.live = true; // switched on (control API); the encoder may still be idle
    this.encoder = null;
    this.runs = 0; // encoder starts so far; the current run is runs - 1
    // Media sequence numbers rise across restarts of this sandbox too: start from the clock.
    this.nextSeq = Math.floor(Date.now() / 1000 / 2);
    this.segments = new Map(RENDITIONS.map((r) => [r.name, []]));
    this.lastRequest = 0;
    this.waiters = [];
    this.lastError = '';
  }

  // A request for the stream: keeps the encoder running, starting it if needed.
  touch() {
    this.lastRequest = Date.now();
    if (this.live && !this.encoder) this.#startRun();
  }

  start() {
    this.live = true;
    this.touch();
  }

  stop() {
    this.live = false;
    return this.#stopRun();
  }

  // Resolves true once every rendition has a segment of the current run, false if the camera is
  // switched off, the encoder dies or `timeoutMs` passes first.
  ready(timeoutMs) {
    if (this.#hasSegments()) return Promise.resolve(true);
    if (!this.encoder) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (value) => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(value);
      };
      this.waiters.push(done);
    });
  }

  // The current run's segments of one rendition in the window, oldest first.
  window(rendition) {
    return this.segments.get(rendition).slice(-WINDOW);
  }

  // A segment still kept on disk (in the window or just behind it), or undefined.
  segment(rendition, seq) {
    return this.segments.get(rendition)?.find((s) => s.seq === seq);
  }

  state() {
    const all = this.segments.get(RENDITIONS[0].name);
    return {
      id: this.id, name: this.name, place: this.place, state: this.live ? 'live' : 'stopped',
      encoder: this.encoder ? 'running' : 'idle', pid: this.encoder?.pid ?? null,
      media_sequence: all.length ? all[Math.max(0, all.length - WINDOW)].seq : null,
      discontinuity_sequence: Math.max(0, this.runs - 1), restarts: Math.max(0, this.runs - 1),
      master: `/streams/${this.id}/master.m3u8`, last_error: this.lastError || null,
    };
  }

  #hasSegments() {
    return [...this.segments.values()].every((list) => list.length > 0);
  }

  #startRun() {
    const run = this.runs++;
    const runDir = path.join(this.dir, `run${run}`);
    const base = this.nextSeq;
    for (const list of this.segments.values()) list.length = 0;
    const label = `${this.id.toUpperCase()} · ${this.name}`;
    const current = { run, runDir, base, exited: null };
    current.exited = new Promise((resolve) => {
      let ended = false;
      const child = startEncoder(runDir, label, ({ code, signal, log }) => {
        if (ended) return;
        ended = true;
        clearInterval(current.poll);
        if (this.encoder === child) {
          this.encoder = null;
          for (const list of this.segments.values()) list.length = 0;
          if (signal !== 'SIGTERM') this.lastError = `ffmpeg exited (${code ?? signal}): ${log.trim()}`;
          if (this.lastError) console.error(`cameras: ${this.id}: ${this.lastError}`);
          for (const w of [...this.waiters]) w(false);
        }
        fs.rmSync(runDir, { recursive: true, force: true });
        resolve();
      });
      this.encoder = child;
      this.encoder.current = current;
    });
    current.poll = setInterval(() => this.#poll(current), POLL_MS);
  }

  #stopRun() {
    const child = this.encoder;
    if (!child) return Promise.resolve();
    this.encoder = null;
    for (const list of this.segments.values()) list.length = 0;
    clearInterval(child.current.poll);
    for (const w of [...this.waiters]) w(false);
    const { exited } = child.current;
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    return exited.then(() => clearTimeout(force));
  }

  // Picks up the segments ffmpeg completed, numbers them, forgets old ones; stops an unwatched encoder.
  #poll(current) {
    if (this.encoder?.current !== current) return;
    // A request still waiting for the first segment counts as watching.
    if (this.idleMs > 0 && !this.waiters.length && Date.now() - this.lastRequest > this.idleMs) {
      this.#stopRun();
      return;
    }
    for (const r of RENDITIONS) {
      let text;
      try {
        text = fs.readFileSync(path.join(current.runDir, r.name, 'index.m3u8'), 'utf8');
      } catch {
        continue; // not written yet
      }
      const list = this.segments.get(r.name);
      const lastIndex = list.length ? list[list.length - 1].index : -1;
      for (const e of parseFfmpegPlaylist(text)) {
        if (e.index <= lastIndex) continue;
        const seq = current.base + e.index;
        list.push({ ...e, seq, file: path.join(current.runDir, r.name, e.file) });
        this.nextSeq = Math.max(this.nextSeq, seq + 1);
      }
      while (list.length > WINDOW + KEEP_BEHIND) fs.rmSync(list.shift().file, { force: true });
    }
    if (!this.#hasSegments()) return;
    this.lastError = '';
    for (const w of [...this.waiters]) w(true);
  }
}
