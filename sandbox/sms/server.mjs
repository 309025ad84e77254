// Stand-in SMS gateway for development and tests (production points --sms-url at a real
// gateway speaking the same protocol). It sends nothing: each message is appended to an outbox
// file as a JSON line and logged, so scripts/run shows the codes and tests read them back.
//   node sandbox/sms/server.mjs [--port N] [--outbox FILE]
//     → prints "listening on http://127.0.0.1:N"; SIGTERM or SIGINT stops it
//   POST /messages {"to":"0912345678","text":"…"}  → 201 {"id":N}
//   GET  /messages?to=0912345678                    → 200 [{"to","text","at"}, …] oldest first
//   GET  /messages                                  → every message
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const MAX_BODY = 16 * 1024;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function readOutbox(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

function send(res, status, value) {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

export function startSmsServer({ port = 0, outbox }) {
  fs.mkdirSync(path.dirname(path.resolve(outbox)), { recursive: true });
  let count = readOutbox(outbox).length;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname !== '/messages') return send(res, 404, { error: 'not found' });
    if (req.method === 'GET') {
      const to = url.searchParams.get('to');
      return send(res, 200, readOutbox(outbox).filter((m) => to === null || m.to === to));
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' });
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      let message;
      try {
        message = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(res, 400, { error: 'body is not JSON' });
      }
      if (size > MAX_BODY || typeof message?.to !== 'string' || typeof message?.text !== 'string' ||
          !/^0\d{9}$/.test(message.to)) {
        return send(res, 400, { error: 'expected {"to":"0xxxxxxxxx","text":"..."}' });
      }
      const record = { to: message.to, text: message.text, at: new Date().toISOString() };
      fs.appendFileSync(outbox, JSON.stringify(record) + '\n');
      process.stderr.write(`SMS to ${record.to}: ${record.text}\n`);
      send(res, 201, { id: ++count });
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startSmsServer({
    port: Number(arg('--port', '0')),
    outbox: arg('--outbox', 'var/sms-outbox.jsonl'),
  });
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
