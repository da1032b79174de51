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

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
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
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
// PORT=0 takes a free port; the first line printed names it.
server.listen(port, '127.0.0.1', () =>
  console.log(`serving ${root} at http://127.0.0.1:${server.address().port}${prefix}`));
