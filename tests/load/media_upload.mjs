// Photo upload throughput: a signed-in user posts the same 1600×1200 JPEG to /api/v1/media from
// a few parallel clients for a fixed time; every upload is decoded, stripped, re-encoded and
// hashed by the server (libvips), the work a feedback photo costs.
//   node tests/load/media_upload.mjs <server url> <jpeg file> <phone> <password>
import fs from 'node:fs';

const [url, file, phone, password] = process.argv.slice(2);
const CLIENTS = 4;
const SECONDS = 10;

const signIn = await fetch(`${url}/api/v1/sessions`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ phone, password }),
});
if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
const cookie = signIn.headers.get('set-cookie').split(';')[0];
const photo = fs.readFileSync(file);

const latencies = [];
let failures = 0;
const end = performance.now() + SECONDS * 1000;
async function client() {
  while (performance.now() < end) {
    const started = performance.now();
    const response = await fetch(`${url}/api/v1/media`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/jpeg', Cookie: cookie },
      body: photo,
    });
    await response.arrayBuffer();
    if (response.status === 201) latencies.push(performance.now() - started);
    else failures += 1;
  }
}
const began = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, client));
const elapsed = (performance.now() - began) / 1000;
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
console.log(`  ${(latencies.length / elapsed).toFixed(1)} uploads/s of a ${(photo.length / 1024).toFixed(0)} KiB ` +
  `1600×1200 JPEG (${CLIENTS} clients, ${SECONDS} s; latency p50 ${at(0.5).toFixed(0)} ms, ` +
  `p99 ${at(0.99).toFixed(0)} ms; ${failures} failed)`);
