// Prints the sandbox's cameras for scripts/run: id, name and master playlist URL, one per line.
//   node sandbox/cameras/list.mjs http://127.0.0.1:8087
import { CAMERAS } from './catalogue.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:PORT';
for (const c of CAMERAS) console.log(`${c.id}  ${base}/streams/${c.id}/master.m3u8  ${c.name}`);
