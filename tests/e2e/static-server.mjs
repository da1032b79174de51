// Serves dist/ under a sub-folder (/some/folder/co-produce/) on 127.0.0.1, like
// a council's static host: no rewrites, so only real files exist.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// DIST=another/folder serves a copy of a build instead (e.g. while dist/ is being rebuilt).
const root = normalize(process.env.DIST ? resolve(process.env.DIST) : join(import.meta.dirname, '../../dist'));
const prefix = '/some/folder/co-produce/';
const port = Number(process.env.PORT || 4173);
const gzip = process.env.GZIP === '1';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

// The same files under /slow/… come at a slowish venue's pace (40 ms, then 1.25 MB/s), paced here
// rather than by Chromium's network emulation, which now and then never lets a page's load
// event fire (a known problem of the DevTools call, seen once here as a 15 s stall).
const SLOW = { prefix: '/slow', latencyMs: 40, bytesPerSecond: 1.25e6, chunk: 16 * 1024 };
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function sendSlowly(res, headers, body) {
  await sleep(SLOW.latencyMs);
  res.writeHead(200, { ...headers, 'content-length': body.length });
  for (let at = 0; at < body.length; at += SLOW.chunk) {
    if (res.destroyed) return;
    res.write(body.subarray(at, at + SLOW.chunk));
    await sleep((1000 * Math.min(SLOW.chunk, body.length - at)) / SLOW.bytesPerSecond);
  }
  res.end();
}

const server = createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const slow = path.startsWith(SLOW.prefix + prefix);
  if (slow) path = path.slice(SLOW.prefix.length);
  if (!path.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
  let file = normalize(join(root, path.slice(prefix.length)));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    const headers = { 'content-type': types[extname(file)] || 'application/octet-stream' };
    // GZIP=1 compresses as most production hosts do (scripts/lighthouse.sh measures both ways).
    if (gzip && extname(file) !== '.png' && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
      res.writeHead(200, headers).end(gzipSync(body));
      return;
    }
    if (slow) await sendSlowly(res, headers, body);
    else res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
// PORT=0 takes a free port; the first line printed names it.
server.listen(port, '127.0.0.1', () =>
  console.log(`serving ${root} at http://127.0.0.1:${server.address().port}${prefix}`));
