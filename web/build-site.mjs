// Builds the deployable site from the wasm build, the shell, the web bridges and public files:
// content-hashed file names for what may be cached forever, a service worker that precaches the
// app shell of this exact version, and brotli/gzip variants the server picks by Accept-Encoding.
//   node build-site.mjs --wasm-dir ../build/wasm/src/app --out ../build/site
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(webDir, '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const wasmDir = path.resolve(args['wasm-dir'] ?? path.join(root, 'build/wasm/src/app'));
const out = path.resolve(args.out ?? path.join(root, 'build/site'));
const fontCache = path.join(root, 'build/font-cache');

// Basic Latin, Latin-1, Vietnamese letters and tones, dashes, quotes, bullet, ellipsis, đồng sign.
const VIETNAMESE_UNICODES = 'U+0020-007E,U+00A0-00FF,U+0102-0103,U+0110-0111,U+0128-0129,' +
  'U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0303,U+0309,U+0323,U+1EA0-1EF9,U+2013-2014,' +
  'U+2018-201D,U+2022,U+2026,U+20AB';
const FONTS = { regular: '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
                bold: '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf' };
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.ttf', '.txt']);

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);
const written = new Map();  // site path ("/assets/x.js") → bytes

function emit(sitePath, bytes) {
  const file = path.join(out, sitePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  written.set(sitePath, bytes);
  return sitePath;
}

function emitHashed(dir, name, bytes) {
  const ext = path.extname(name);
  return emit(`/${dir}/${path.basename(name, ext)}.${hash(bytes)}${ext}`, bytes);
}

function subsetFont(kind) {
  fs.mkdirSync(fontCache, { recursive: true });
  const cached = path.join(fontCache, `noto-sans-${kind}.ttf`);
  if (!fs.existsSync(cached) || fs.statSync(cached).mtimeMs < fs.statSync(FONTS[kind]).mtimeMs) {
    // ImGui's rasteriser uses neither hinting nor OpenType layout: drop both.
    execFileSync('/usr/bin/pyftsubset', [FONTS[kind], `--unicodes=${VIETNAMESE_UNICODES}`, '--no-hinting',
      '--layout-features=', '--desubroutinize', `--output-file=${cached}`]);
  }
  return emitHashed('assets', `noto-sans-${kind}.ttf`, fs.readFileSync(cached));
}

// Our ES modules, hashed after their relative imports are rewritten to the hashed names.
function emitModules(names) {
  const sources = new Map(names.map((n) => [n, fs.readFileSync(path.join(webDir, n), 'utf8')]));
  const hashed = new Map();
  const importRe = /(from\s*|import\s*\(\s*)(['"])\.\/([\w.-]+\.js)\2/g;
  while (hashed.size < names.length) {
    let progressed = false;
    for (const [name, src] of sources) {
      if (hashed.has(name)) continue;
      const deps = [...src.matchAll(importRe)].map((m) => m[3]);
      if (!deps.every((d) => hashed.has(d))) continue;
      const rewritten = src.replace(importRe, (_, pre, q, dep) => `${pre}${q}./${path.basename(hashed.get(dep))}${q}`);
      hashed.set(name, emitHashed('assets', name, Buffer.from(rewritten)));
      progressed = true;
    }
    if (!progressed) throw new Error('web modules import each other in a cycle, or import a missing file');
  }
  return hashed;
}

function copyTree(from, toSite) {
  if (!fs.existsSync(from)) return;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    if (entry.isDirectory()) copyTree(src, `${toSite}/${entry.name}`);
    else emit(`${toSite}/${entry.name}`, fs.readFileSync(src));
  }
}

function precompress() {
  for (const [sitePath, bytes] of written) {
    if (!COMPRESSIBLE.has(path.extname(sitePath)) || bytes.length < 256) continue;
    const file = path.join(out, sitePath);
    const br = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    const gz = zlib.gzipSync(bytes, { level: 9 });
    if (br.length < bytes.length) fs.writeFileSync(`${file}.br`, br);
    if (gz.length < bytes.length) fs.writeFileSync(`${file}.gz`, gz);
  }
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const wasmBytes = fs.readFileSync(path.join(wasmDir, 'app.wasm'));
const appJs = emitHashed('assets', 'app.js', fs.readFileSync(path.join(wasmDir, 'app.js')));
const appWasm = emitHashed('assets', 'app.wasm', wasmBytes);
const fonts = { regular: subsetFont('regular'), bold: subsetFont('bold') };
const modules = emitModules(['overlay-box.js', 'a11y.js', 'map.js', 'video.js', 'geo.js', 'photo.js', 'redirect.js',
  'storage.js', 'engine.js', 'text-file.js', 'document.js', 'idb.js', 'images.js', 'share.js', 'qr-image.js', 'sw-client.js', 'loader.js']);
const shellCss = emitHashed('assets', 'shell.css', fs.readFileSync(path.join(root, 'shell/shell.css')));

// Map and video code loads only when a screen shows a map or a camera.
const nm = path.join(webDir, 'node_modules');
copyTree(path.join(nm, 'leaflet/dist/images'), '/assets/images');
const vendor = {
  leafletJs: emitHashed('assets', 'leaflet.js', fs.readFileSync(path.join(nm, 'leaflet/dist/leaflet.js'))),
  leafletCss: emitHashed('assets', 'leaflet.css', fs.readFileSync(path.join(nm, 'leaflet/dist/leaflet.css'))),
  hlsJs: emitHashed('assets', 'hls.js', fs.readFileSync(path.join(nm, 'hls.js/dist/hls.min.js'))),
};

copyTree(path.join(root, 'public'), '');
emit('/manifest.webmanifest', fs.readFileSync(path.join(root, 'shell/manifest.webmanifest')));

const buildInfo = { appJs, appWasm, wasmSize: wasmBytes.length, fonts, vendor };
const html = fs.readFileSync(path.join(root, 'shell/index.html'), 'utf8')
  .replace('%BUILD_INFO%', JSON.stringify(buildInfo).replace(/</g, '\\u003c'))
  .replace('%LOADER%', modules.get('loader.js'))
  .replace('%SHELL_CSS%', shellCss);
emit('/index.html', Buffer.from(html));

// The service worker precaches exactly this version's shell; its own bytes change with it.
// Leaflet's marker images too: the form's pin is its default icon, and a map first opened offline
// would show it broken.
const leafletMarkers = [...written.keys()].filter((p) => p.startsWith('/assets/images/marker-'));
const shellFiles = ['/', appJs, appWasm, fonts.regular, fonts.bold, shellCss, ...modules.values(),
  '/manifest.webmanifest', '/i18n/vi.json', '/i18n/en.json', '/icons/apple-touch-icon.png', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png',
  ...leafletMarkers];
const version = hash(Buffer.from(shellFiles.map((p) => (p === '/' ? html : hash(written.get(p)))).join('\n')));
const sw = fs.readFileSync(path.join(root, 'shell/sw.js'), 'utf8')
  .replace('%VERSION%', version)
  .replace('%PRECACHE%', JSON.stringify(shellFiles));
emit('/sw.js', Buffer.from(sw));

precompress();
console.log(`site built in ${path.relative(process.cwd(), out) || '.'}: version ${version}, ${written.size} files`);
