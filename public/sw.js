// Co-produce's service worker: after the first visit the app opens and works
// with no network. It lives next to index.html, so its scope is the folder the
// app was copied to (any sub-folder of any static host); every path here is
// relative to that folder.
//
// index.html registers it as `sw.js?v=<the build's file hashes>`, so each new
// build installs a new worker, which fills a new cache and drops the old one.
'use strict';

const SCOPE = self.registration.scope; // e.g. https://intranet.example/tools/co-produce/
const VERSION = new URL(self.location.href).searchParams.get('v') || 'unversioned';
// Caches belong to the origin, not the folder: name them by scope so that two
// copies of the app on one host (live and training) never delete each other's.
const CACHE_PREFIX = `co-produce ${SCOPE} `;
const CACHE = CACHE_PREFIX + VERSION;

// Pictures the app shows (img src="./icons/…"). Keep in step with public/icons/:
// tests/e2e/offline.spec.mjs fails if one is missing here.
const ICONS = [
  'accommodation', 'back', 'community_resources', 'day_activities', 'done', 'easy_read', 'good',
  'help', 'language', 'leaving_hospital', 'less', 'listen', 'lock', 'money', 'more', 'next',
  'not_good', 'offline', 'own_home', 'people', 'rating-0', 'rating-1', 'rating-2', 'rating-3',
  'results', 'same', 'tablet', 'time', 'whole_community',
].map((name) => `./icons/${name}.svg`);

// Files with the same name in every build; the build's hashed files (script,
// wasm, stylesheet, favicon) are read from index.html when installing.
const FIXED = [
  './',
  './index.html',
  './manifest.webmanifest',
  './app-icons/icon-192.png',
  './app-icons/icon-512.png',
  './app-icons/maskable-512.png',
  './app-icons/apple-touch-icon.png',
  './schema/decision-record.v1.json',
  './schema/decision-record.v2.json',
  './schema/decision-record.v3.json',
  './schema/decision-record.v4.json',
  './schema/comparison.v1.json',
  './scanner-worker.js',
  ...ICONS,
];
// A council may replace or remove these (the app then uses its built-in copy),
// so a missing one does not stop the install.
const OPTIONAL = ['./catalogue.json', './catalogue.cy.json'];

// A navigation or catalogue that the network has not answered within this
// time is served from the cache (a venue's weak Wi-Fi); the network's answer
// still refreshes the cache when it comes.
const NETWORK_TIMEOUT_MS = 4000;

const inScope = (url) => url.startsWith(SCOPE);
const abs = (path) => new URL(path, SCOPE).href;
// Trunk's hashed names: co-produce-<16 hex>.js, …_bg.wasm, main-<16 hex>.css.
const isHashed = (url) => /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/.test(new URL(url).pathname);
// The facilitator's build (co-produce-<16 hex>.js and _bg.wasm; the tablet's is
// co-produce-tablet-…) is kept only on a device that opens it: index.html asks
// for it again once this worker runs the page, and cacheFirst keeps it. A room
// of tablets then never downloads it.
const isFacilitatorBuild = (url) => /\/co-produce-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(new URL(url).pathname);
// The QR scanner's worker build (co-produce-scanner-…) likewise: the
// facilitator's build fetches it once it is running (so scanning works
// offline later), and no tablet ever downloads it.
const isScannerBuild = (url) => /\/co-produce-scanner-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(new URL(url).pathname);
// The records' build (co-produce-records-…: comparing places, combining
// sessions) likewise: kept when a device opens one of its screens, and on the
// facilitator's device, whose build fetches it once it is running.
const isRecordsBuild = (url) => /\/co-produce-records-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(new URL(url).pathname);
const isCatalogue = (url) => /\/catalogue(\.[A-Za-z-]+)?\.json$/.test(new URL(url).pathname);

/** Every file of this folder that index.html names (href, src, or a './…' string in its loader). */
function assetsNamedIn(html) {
  const found = new Set();
  const patterns = [/\b(?:href|src)\s*=\s*["']([^"']+)["']/g, /["'](\.\/[^"'\s]+)["']/g];
  for (const pattern of patterns) {
    for (const [, ref] of html.matchAll(pattern)) {
      let url;
      try { url = new URL(ref, SCOPE); } catch { continue; }
      url.hash = '';
      url.search = '';
      if (url.origin !== self.location.origin || !inScope(url.href)) continue;
      if (url.href === SCOPE || url.href === abs('./sw.js')) continue;
      found.add(url.href);
    }
  }
  return [...found];
}

/** Fetches for the cache: hashed files may come from the HTTP cache (they never change), the rest is revalidated. */
function fetchForCache(url) {
  return fetch(new Request(url, { cache: isHashed(url) ? 'force-cache' : 'no-cache', credentials: 'same-origin' }));
}

async function put(cache, url, response) {
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  await cache.put(url, response);
}

/** A copy without the "redirected" mark, which a page load refuses from a service worker. */
async function unredirected(response) {
  if (!response.redirected) return response;
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const index = await unredirected(await fetchForCache(abs('./')));
    if (!index.ok) throw new Error(`index.html: HTTP ${index.status}`);
    const html = await index.clone().text();
    await cache.put(abs('./'), index.clone());
    await cache.put(abs('./index.html'), index);
    const required = new Set([...FIXED.map(abs), ...assetsNamedIn(html)]);
    required.delete(abs('./'));
    required.delete(abs('./index.html'));
    for (const url of OPTIONAL.map(abs)) required.delete(url);
    for (const url of [...required]) if (isFacilitatorBuild(url) || isScannerBuild(url) || isRecordsBuild(url)) required.delete(url);
    // Any one missing required file fails the install; the browser tries again on the next visit.
    await Promise.all([...required].map(async (url) => put(cache, url, await fetchForCache(url))));
    await Promise.all(OPTIONAL.map(abs).map(async (url) => {
      try { await put(cache, url, await fetchForCache(url)); } catch { /* the built-in copy will do */ }
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

/** Stores a good same-origin answer; never an error, a redirect or a partial one. */
async function store(key, response) {
  if (!response || response.status !== 200 || response.type !== 'basic') return;
  // A newer build's worker may have deleted this cache: do not bring it back.
  if (!(await caches.has(CACHE))) return;
  const cache = await caches.open(CACHE);
  await cache.put(key, response);
}

/**
 * The network's answer if it comes in time, else the cached copy.
 * `keep`: the network's answer replaces the cached copy.
 * `serverErrorToo`: a 5xx answer also falls back to the cached copy.
 */
async function networkFirst(event, key, { keep = true, serverErrorToo = false } = {}) {
  const fromNetwork = fetch(event.request);
  // Registered before the first await, so the cache is refreshed even after
  // the cached copy has been served.
  if (keep) event.waitUntil(fromNetwork.then((response) => store(key, response.clone())).catch(() => {}));
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(resolve, NETWORK_TIMEOUT_MS, null); });
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([fromNetwork, late]);
    if (response && !(serverErrorToo && response.status >= 500)) return response;
    return (await cache.match(key)) || response || await fromNetwork;
  } catch (err) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function cacheFirst(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  event.waitUntil(store(event.request, response.clone()));
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Only plain reads of this app's own files: never a form post, another
  // site, or the live mode's broker (WebSockets never reach a service worker).
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !inScope(url.href)) return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  if (request.headers.has('range')) return;

  if (request.mode === 'navigate') {
    // The app is one page; screens live in the fragment. With a network the
    // host's index.html opens (a new build shows at once, and installs a new
    // worker); without, the one installed with this build's files. That copy is
    // never replaced here, so it always matches the files cached beside it.
    // Another file opened as a page (the schema link) is kept by its address.
    url.search = '';
    url.hash = '';
    const isIndex = url.href === SCOPE || url.href === abs('./index.html');
    event.respondWith(networkFirst(event, isIndex ? abs('./') : url.href, { keep: !isIndex, serverErrorToo: true }));
  } else if (isCatalogue(url.href)) {
    // A council's updated catalogue shows whenever the network is there.
    url.search = '';
    event.respondWith(networkFirst(event, url.href));
  } else {
    event.respondWith(cacheFirst(event));
  }
});
