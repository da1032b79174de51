// Installable and offline: after one visit the app opens, shows its pictures
// and switches language with no network; its web manifest is valid; and an
// updated catalogue or a new build reaches a device whenever it has a network.
import { test, expect, EN, AREA_IDS } from './fixtures.mjs';
import { SetupPage, WalkthroughPage } from './pages/index.mjs';
import { spawn } from 'node:child_process';
import {
  cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = join(import.meta.dirname, '../..');
// The build under test: the static server serves DIST when it is set, else dist/.
const dist = process.env.DIST ? resolve(process.env.DIST) : join(root, 'dist');

/** Every file of a folder, as paths relative to it with '/' separators. */
function filesIn(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split('\\').join('/'));
}

/** Serves a folder like static-server.mjs does for dist/, on a free port; resolves with the app's address. */
function serveFolder(folder) {
  const server = spawn(process.execPath, [join(import.meta.dirname, 'static-server.mjs')], {
    env: { ...process.env, PORT: '0', DIST: folder }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    server.once('exit', (code) => fail(new Error(`static server stopped (${code})`)));
    server.stdout.once('data', (line) => ok({ server, url: /http:\/\/\S+/.exec(String(line))[0] }));
  });
}

/** Waits until the service worker is active and controls the page; returns its script address and cached files. */
async function waitForOfflineCopy(page) {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker?.controller != null), {
    message: 'the service worker installs and takes over the page (every file public/sw.js lists must be in the build)',
    timeout: 30_000,
  }).toBe(true);
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const names = (await caches.keys()).filter((n) => n.startsWith(`co-produce ${reg.scope} `));
    const cached = [];
    for (const name of names) {
      for (const req of await (await caches.open(name)).keys()) cached.push(req.url.slice(reg.scope.length));
    }
    return { scope: reg.scope, script: reg.active.scriptURL, caches: names, cached };
  });
}

/** Asks the network directly from the service worker (not through its cache): true if it answers. */
async function serviceWorkerReachesNetwork(context, url) {
  const [worker] = context.serviceWorkers();
  return worker.evaluate((u) => fetch(u, { cache: 'no-store' }).then(() => true, () => false), url);
}

test('after one visit the app opens, keeps the workshop and shows its pictures with no network', async ({ page, context, baseURL }) => {
  const setup = new SetupPage(page);
  await setup.open();
  const sw = await waitForOfflineCopy(page);
  expect(sw.scope).toBe(baseURL);
  // Each build registers its own worker (and cache), named by its hashed files.
  expect(sw.script).toMatch(/\/sw\.js\?v=[0-9a-f]{16}(\.[0-9a-f]{16})*$/);
  expect(sw.caches, 'one cache for this copy of the app').toHaveLength(1);

  // Every file of the build is kept, except the worker itself and the icons' notes.
  const wanted = filesIn(dist).filter((f) => f !== 'sw.js' && !f.endsWith('.md'));
  for (const svg of filesIn(join(root, 'public/icons')).filter((f) => f.endsWith('.svg'))) {
    expect(wanted, 'public/icons is copied into the build').toContain(`icons/${svg}`);
  }
  // The facilitator's build is kept once the worker runs the page (index.html asks for it again),
  // and the QR scanner's worker once the facilitator's build fetches it, 10 s after it starts.
  const missing = async () => { const now = await waitForOfflineCopy(page); return wanted.filter((f) => !now.cached.includes(f)); };
  await expect.poll(missing, { message: 'files of the build that are not kept for offline use (list them in public/sw.js)', timeout: 25_000 }).toEqual([]);
  expect(sw.cached).toContain('');

  await setup.nameTheWorkshop('Offline workshop in the church hall');
  await expect(setup.banner).toContainText('Offline workshop in the church hall');

  await context.setOffline(true);
  expect(await serviceWorkerReachesNetwork(context, `${baseURL}not-kept-${Date.now()}.txt`), 'the network is really off')
    .toBe(false);
  const reloaded = await page.reload();
  expect(reloaded.fromServiceWorker(), 'the page comes from the offline copy').toBe(true);
  await setup.expectShown();
  await expect(page.getByLabel(EN.setup.name)).toHaveValue('Offline workshop in the church hall');
  await expect(setup.banner).toContainText('Offline workshop in the church hall');
  await expect(page.getByRole('status').filter({ hasText: EN.device.offline })).toBeVisible();

  // The walk-through's area pictures (shown in Easy Read) load from the offline copy.
  await page.getByRole('button', { name: EN.device.easy_read }).tap();
  const walk = new WalkthroughPage(page);
  await walk.open(1);
  const pictures = page.locator(AREA_IDS.map((id) => `img[src="./icons/${id}.svg"]`).join(', '));
  await expect(pictures.first()).toBeVisible();
  const shown = await pictures.evaluateAll((imgs) => Promise.all(imgs.map(async (img) => {
    await img.decode().catch(() => {});
    return { src: img.getAttribute('src'), width: img.naturalWidth };
  })));
  for (const id of AREA_IDS) {
    const drawn = shown.filter((p) => p.src === `./icons/${id}.svg`);
    expect(drawn.length, `${id}.svg is on the walk-through`).toBeGreaterThan(0);
    for (const p of drawn) expect(p.width, `${p.src} loads offline`).toBeGreaterThan(0);
  }

  // The Welsh catalogue comes from the cache when the language changes offline.
  const catalogue = page.waitForResponse((r) => r.url().endsWith('/catalogue.cy.json'));
  await page.locator('#language-cy').tap();
  const cy = await catalogue;
  expect(cy.status()).toBe(200);
  expect(cy.fromServiceWorker(), 'catalogue.cy.json comes from the offline copy').toBe(true);
  expect((await cy.json()).areas).toHaveLength(5);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
});

test('the web manifest is linked, valid, and starts the app in its own folder', async ({ page, baseURL }) => {
  await new SetupPage(page).open();
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href, baseURL).href;
  const response = await page.request.get(manifestUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: 'Co-produce', short_name: 'Co-produce', start_url: './', scope: './', display: 'standalone',
    theme_color: '#1d4e5f', background_color: '#f6f4ef',
  });
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(baseURL);
  expect(new URL(manifest.scope, manifestUrl).href).toBe(baseURL);
  expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(manifest.theme_color);

  const icons = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  expect(icons).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const url = new URL(icon.src, manifestUrl).href;
    const size = await page.evaluate(async (u) => {
      const img = new Image();
      img.src = u;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, url);
    expect(size, icon.src).toBe(icon.sizes);
  }
  // Chromium's own reading of it: no manifest errors, nothing that stops installing
  // (but the private window Playwright uses).
  const cdp = await page.context().newCDPSession(page);
  expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);
  await waitForOfflineCopy(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect((await page.request.get(new URL(apple, baseURL).href)).status()).toBe(200);
});

test('an updated catalogue and a new build reach devices with a network, and stay for offline use', async ({ page, context }) => {
  // Two builds that differ in one hashed file, served in turn from one address.
  const tmp = mkdtempSync(join(tmpdir(), 'co-produce-builds-'));
  const [oldBuild, newBuild, live] = ['old', 'new', 'live'].map((d) => join(tmp, d));
  cpSync(dist, oldBuild, { recursive: true });
  cpSync(dist, newBuild, { recursive: true });
  const oldCss = readdirSync(newBuild).find((f) => /^main-[0-9a-f]{16}\.css$/.test(f));
  const newCss = 'main-00000000000000b2.css'; // as after an edit of style/main.css
  renameSync(join(newBuild, oldCss), join(newBuild, newCss));
  const index = join(newBuild, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace(oldCss, newCss));
  symlinkSync(oldBuild, live);
  const { server, url } = await serveFolder(live);
  try {
    const cachedFiles = () => page.evaluate(async (scope) => {
      const out = {};
      for (const name of (await caches.keys()).filter((n) => n.startsWith(`co-produce ${scope} `))) {
        out[name] = (await (await caches.open(name)).keys()).map((r) => r.url.slice(scope.length));
      }
      return out;
    }, url);

    await page.goto(`${url}#/setup`);
    await waitForOfflineCopy(page);
    const before = await cachedFiles();
    expect(Object.keys(before)).toHaveLength(1);
    expect(Object.values(before)[0]).toContain(oldCss);

    // A council's updated catalogue is fetched while there is a network, and
    // that copy is the one kept for offline use.
    const catalogueFile = join(oldBuild, 'catalogue.json');
    writeFileSync(catalogueFile, JSON.stringify({ ...JSON.parse(readFileSync(catalogueFile, 'utf8')), version: 'council-2' }));
    const catalogueVersion = () => page.evaluate(() => fetch('./catalogue.json').then((r) => r.json()).then((c) => c.version));
    expect(await catalogueVersion()).toBe('council-2');
    await context.setOffline(true);
    expect(await catalogueVersion()).toBe('council-2');
    await context.setOffline(false);

    // The device is back online only once its service worker can reach the
    // host again: a reload before that is (rightly) answered from the cache,
    // with the old build, and no new worker is installed until the next visit.
    // A file the worker has not cached goes to the network, so it is the signal.
    const workerOnline = () => page.evaluate(() =>
      fetch(`./manifest.webmanifest?online=${Math.random()}`).then((r) => r.ok, () => false));
    await expect.poll(workerOnline, { timeout: 15_000 }).toBe(true);

    // What the browser does with its workers, for the message if the new one never takes over.
    const workerEvents = [];
    const cdp = await context.newCDPSession(page);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => versions.forEach((v) =>
      workerEvents.push(`${v.scriptURL.replace(/.*sw\.js/, 'sw.js')} ${v.status} ${v.runningStatus}`)));
    cdp.on('ServiceWorker.workerErrorReported', ({ errorMessage: e }) =>
      workerEvents.push(`error: ${e.errorMessage} ${e.sourceURL}:${e.lineNumber}`));
    page.on('console', (m) => workerEvents.push(`console ${m.type()}: ${m.text()}`));
    await cdp.send('ServiceWorker.enable');

    unlinkSync(live);
    symlinkSync(newBuild, live);
    await page.reload();
    // The host's new index.html opened (not the cached old one) ...
    await expect(page.locator('link[rel="stylesheet"]')).toHaveAttribute('href', `./${newCss}`);
    // ... and it installs the new build's worker.
    try {
      // Asked on a timer, not on animation frames: nothing on screen changes while the worker installs.
      await expect.poll(() => page.evaluate((css) =>
        navigator.serviceWorker.controller?.scriptURL.includes(css.slice(5, 21)) ?? false, newCss), { timeout: 30_000 })
        .toBe(true);
    } catch (err) {
      const state = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        const w = (x) => x && `${x.scriptURL.replace(/.*sw\.js/, 'sw.js')} ${x.state}`;
        return { controller: w(navigator.serviceWorker.controller), installing: w(reg?.installing),
          waiting: w(reg?.waiting), active: w(reg?.active), readyState: document.readyState };
      });
      throw new Error(`the new worker did not take over: ${JSON.stringify(state)}\n${[...new Set(workerEvents)].join('\n')}\n${err.message}`);
    }
    // The new worker keeps the new build and deletes the old build's cache.
    await expect.poll(async () => Object.keys(await cachedFiles()), { timeout: 15_000 })
      .toEqual([expect.stringContaining('00000000000000b2')]);
    const after = Object.values(await cachedFiles())[0];
    expect(after).toContain(newCss);
    expect(after).not.toContain(oldCss);

    await context.setOffline(true);
    await page.reload();
    await new SetupPage(page).expectShown();
    await expect(page.locator('link[rel="stylesheet"]')).toHaveAttribute('href', `./${newCss}`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(246, 244, 239)');
  } finally {
    server.kill();
    rmSync(tmp, { recursive: true, force: true });
  }
});
