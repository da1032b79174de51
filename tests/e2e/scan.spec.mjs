// Scanning codes with a camera (issue 15): Chromium's fake camera plays a
// picture made by the test from the app's own QR code of a real ballot (or of
// the room's join link), and the facilitator's gathering screen takes it as
// it comes into view: once, then "already here"; another workshop's code is
// refused with the reason. Chromium on Linux has no BarcodeDetector, so these
// run the Rust reader in its worker; one test gives the page a stand-in
// BarcodeDetector to prove the browser's reader is used where there is one,
// and the worker is then never fetched. The camera refused, and no camera,
// say so.
import { chromium } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, EN, CY, ROLES, fill, watchErrors, expectNoAxeViolations } from './fixtures.mjs';
import { AllocatePage, DataPage, ParticipantsPage, ResultsPage, TabletPage } from './pages/index.mjs';
import { aTabletJoinedBy, joinLinkOf, workshopWithTwoPeople } from './helpers.mjs';
import { qrPictureInPage } from './camera-picture.mjs';

const SCANNER_BUILD = /\/co-produce-scanner-[0-9a-f]{16}(_bg\.wasm|\.js)$/;
let folder;
test.beforeAll(async () => { folder = await mkdtemp(join(tmpdir(), 'co-produce-scan-')); });
test.afterAll(async () => { await rm(folder, { recursive: true, force: true }); });

/**
 * The QR code on `page` (an `svg.qr-code`) as a camera would see it: drawn
 * on a grey `width` × `height` picture, as RGBA bytes.
 */
async function cameraPictureOf(page, width, height, selector = 'svg.qr-code') {
  const svg = await page.locator(selector).first().elementHandle();
  return Buffer.from(await page.evaluate(qrPictureInPage, [svg, width, height, true]), 'base64');
}

/** One picture's RGBA pixels as a YUV 4:2:0 frame (full-range BT.601), as a y4m file holds it. */
function yuvFrame(rgba, width, height) {
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  for (let row = 0; row < height; row += 1) {
    for (let col = 0; col < width; col += 1) {
      const i = (row * width + col) * 4;
      const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
      y[row * width + col] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
      if (row % 2 === 0 && col % 2 === 0) {
        const j = (row / 2) * (width / 2) + col / 2;
        u[j] = Math.max(0, Math.min(255, Math.round(-0.1687 * r - 0.3313 * g + 0.5 * b + 128)));
        v[j] = Math.max(0, Math.min(255, Math.round(0.5 * r - 0.4187 * g - 0.0813 * b + 128)));
      }
    }
  }
  return Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
}

/**
 * Writes a YUV4MPEG2 file, what Chromium's fake camera plays (in a loop) at
 * 10 frames a second: each of `shots` (`{ rgba, frames }`) for that many frames.
 */
async function writeY4m(name, width, height, shots) {
  const parts = [Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)];
  for (const { rgba, frames } of shots) {
    const frame = yuvFrame(rgba, width, height);
    for (let n = 0; n < frames; n += 1) parts.push(frame);
  }
  const path = join(folder, name);
  await writeFile(path, Buffer.concat(parts));
  return path;
}

/** A y4m of one picture. */
const stillY4m = (name, rgba, width, height) => writeY4m(name, width, height, [{ rgba, frames: 1 }]);

/**
 * A browser whose camera shows `y4mFile`, and a tablet-sized page in it that
 * starts from `storageState` (the facilitator's saved workshop). The caller
 * closes the browser.
 */
async function browserWithCamera(testInfo, pageErrors, y4mFile, { storageState, initScript } = {}) {
  const { launchOptions } = testInfo.project.use;
  const browser = await chromium.launch({
    ...launchOptions,
    args: [...launchOptions.args, '--use-fake-ui-for-media-stream',
      ...(y4mFile ? ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4mFile}`] : [])],
  });
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true,
    ...(storageState ? { storageState } : {}),
  });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  watchErrors(page, pageErrors);
  page.on('dialog', (d) => d.accept());
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  if (process.env.SCAN_DEBUG) {
    page.on('console', (m) => console.log(`[laptop console] ${m.text()}`));
    page.on('requestfailed', (r) => console.log(`[laptop failed] ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => { if (/scanner/.test(r.url())) console.log(`[laptop] ${r.status()} ${r.url()}`); });
  }
  return { browser, page, requests };
}

/** The facilitator's workshop (Amira, Cllr Jones) and the link its tablets join by. */
async function aWorkshopToJoin(page) {
  await workshopWithTwoPeople(page);
  return joinLinkOf(page);
}

/** A tablet that joined by `joinLink` without a network: `name`'s code, and its picture. */
async function aTabletJoins(newPage, joinLink, name) {
  const { tabletPage, tablet } = await aTabletJoinedBy(newPage, joinLink);
  await tablet.startTurn(name, ROLES.provider);
  const allocate = new AllocatePage(tabletPage);
  await allocate.editor().tapMore(EN.areas.day_activities);
  const code = await allocate.myCode();
  return { code, picture: await cameraPictureOf(tabletPage, 640, 480) };
}

/** The facilitator's workshop, a tablet that joined it offline (Bea) and her code's picture. */
async function aTabletsCode(page, newPage) {
  const joinLink = await aWorkshopToJoin(page);
  const bea = await aTabletJoins(newPage, joinLink, 'Bea');
  return { ...bea, storageState: await page.context().storageState() };
}

class Scanner {
  /** Opens the gathering screen on `page` and starts scanning there. */
  static async startOnGathering(page) {
    await page.goto('#/data');
    await new DataPage(page).expectShown();
    const scanner = new Scanner(page);
    await scanner.start();
    return scanner;
  }

  constructor(page) {
    this.page = page;
    this.region = page.getByRole('region', { name: EN.scan.gather_label });
  }

  async start() {
    await this.page.getByRole('button', { name: EN.scan.gather_button, exact: true }).tap();
    await expect(this.region).toBeVisible();
  }

  async stop() {
    await this.region.getByRole('button', { name: new RegExp(`^(${EN.scan.stop}|${EN.scan.close})$`) }).tap();
    await expect(this.region).toHaveCount(0);
  }

  status() {
    return this.region.getByRole('status');
  }

  async framesRead() {
    return Number(await this.region.getAttribute('data-frames-read'));
  }
}

test('scanning a tablet\'s code adds its choices once; again it is already here', async ({ page, newPage, pageErrors }, testInfo) => {
  const { picture, storageState } = await aTabletsCode(page, newPage);
  const camera = await stillY4m('bea.y4m', picture, 640, 480);
  const { browser, page: laptop, requests } = await browserWithCamera(testInfo, pageErrors, camera, { storageState });
  try {
    const scanner = await Scanner.startOnGathering(laptop);
    await expect(scanner.status()).toHaveText(fill(EN.scan.added, { name: 'Bea', count: 1 }), { timeout: 20_000 });
    await expect(scanner.region).toHaveAttribute('data-reader', 'worker');
    await expect(scanner.status()).toHaveClass(/scan-taken/);
    await laptop.screenshot({ path: 'tests/e2e/screenshots/scan-added.png' });
    await expectNoAxeViolations(laptop, 'save and share, scanning a tablet\'s code');

    // Frames keep being read while the code stays in view, and it is not added twice.
    const [first, at] = [await scanner.framesRead(), Date.now()];
    await laptop.waitForTimeout(3_000);
    const perSecond = ((await scanner.framesRead()) - first) / ((Date.now() - at) / 1000);
    console.log(`frames read a second by the Rust reader (640×480, one code in view): ${perSecond.toFixed(1)}`);
    expect(perSecond).toBeGreaterThanOrEqual(5);
    await expect(scanner.status()).toHaveText(fill(EN.scan.added, { name: 'Bea', count: 1 }));
    expect(requests.filter((u) => SCANNER_BUILD.test(u)), 'the worker\'s js and wasm, fetched once scanning started').toHaveLength(2);

    // Scanning again: she is already here, and nothing changes.
    await scanner.stop();
    await scanner.start();
    await expect(scanner.status()).toHaveText(fill(EN.scan.known, { name: 'Bea' }), { timeout: 20_000 });
    await scanner.stop();

    const people = new ParticipantsPage(laptop);
    await people.goTo(EN.nav.participants);
    await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(3));
    expect(await people.peopleListed()).toEqual(['Amira', 'Bea', 'Cllr Jones']);
  } finally {
    await browser.close();
  }
});

test('tablets held up one after another are each added, without pressing anything', async ({ page, newPage, pageErrors }, testInfo) => {
  const joinLink = await aWorkshopToJoin(page);
  const tablets = [];
  for (const name of ['Bea', 'Cai', 'Dilys']) tablets.push(await aTabletJoins(newPage, joinLink, name));
  const storageState = await page.context().storageState();
  // Each tablet in view for 1.5 s, then a moment of no code while the next is picked up.
  const grey = Buffer.alloc(640 * 480 * 4, 0x8a);
  const camera = await writeY4m('three.y4m', 640, 480,
    tablets.flatMap(({ picture }) => [{ rgba: picture, frames: 15 }, { rgba: grey, frames: 10 }]));
  const { browser, page: laptop } = await browserWithCamera(testInfo, pageErrors, camera, { storageState });
  try {
    const scanner = await Scanner.startOnGathering(laptop);
    // Every outcome the line shows, in order.
    await laptop.evaluate(() => {
      window.scanLines = [];
      const line = document.querySelector('.scanner [role=status]');
      new MutationObserver(() => window.scanLines.push(line.textContent)).observe(line, { childList: true, characterData: true, subtree: true });
    });
    await expect(scanner.status()).toHaveText(/— 3 gathered$/, { timeout: 30_000 });
    const lines = (await laptop.evaluate(() => window.scanLines)).filter((l) => / gathered$/.test(l));
    expect(lines.map((l) => l.match(/— (\d) gathered$/)[1])).toEqual(['1', '2', '3']);
    expect(lines.map((l) => l.match(/^Added (\w+)'s/)[1]).sort()).toEqual(['Bea', 'Cai', 'Dilys']);
    await scanner.stop();
    const people = new ParticipantsPage(laptop);
    await people.goTo(EN.nav.participants);
    expect(await people.peopleListed()).toEqual(['Amira', 'Bea', 'Cai', 'Cllr Jones', 'Dilys']);
  } finally {
    await browser.close();
  }
});

test('in a hall with no network, the scanner still reads codes once the app was opened online', async ({ page, newPage, pageErrors }, testInfo) => {
  const { picture, storageState } = await aTabletsCode(page, newPage);
  const camera = await stillY4m('bea-offline.y4m', picture, 640, 480);
  const { browser, page: laptop } = await browserWithCamera(testInfo, pageErrors, camera, { storageState });
  try {
    await laptop.goto('#/data');
    await new DataPage(laptop).expectShown();
    // The facilitator's build fetches the reader a little after it starts, and
    // the service worker keeps it (no scanning was done online).
    await expect.poll(() => laptop.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls.filter((u) => /co-produce-scanner-[0-9a-f]{16}(_bg\.wasm|\.js)$|scanner-worker\.js$/.test(u)).length;
    }), { message: 'the reader kept for offline use', timeout: 30_000 }).toBe(3);
    await laptop.context().setOffline(true);
    await laptop.reload();
    await new DataPage(laptop).expectShown();
    const scanner = new Scanner(laptop);
    await scanner.start();
    await expect(scanner.status()).toHaveText(fill(EN.scan.added, { name: 'Bea', count: 1 }), { timeout: 20_000 });
    await expect(scanner.region).toHaveAttribute('data-reader', 'worker');
  } finally {
    await browser.close();
  }
});

test('a code of another workshop is refused with the reason, in Welsh too', async ({ page, newPage, pageErrors }, testInfo) => {
  const { picture } = await aTabletsCode(page, newPage);
  const camera = await stillY4m('elsewhere.y4m', picture, 640, 480);
  // Another facilitator's device, with a workshop of its own.
  const other = await newPage({ fresh: true });
  await workshopWithTwoPeople(other, 'Another place');
  const storageState = await other.context().storageState();
  const { browser, page: laptop } = await browserWithCamera(testInfo, pageErrors, camera, { storageState });
  try {
    const scanner = await Scanner.startOnGathering(laptop);
    await expect(scanner.status()).toHaveText(/^Not added: .*Bea belongs to another workshop/, { timeout: 20_000 });
    await expect(scanner.status()).toHaveClass(/scan-refused/);
    await scanner.stop();

    await new DataPage(laptop).chooseLanguage(CY);
    await laptop.getByRole('button', { name: CY.scan.gather_button, exact: true }).tap();
    const region = laptop.getByRole('region', { name: CY.scan.gather_label });
    await expect(region.getByRole('status')).toHaveText(new RegExp(`^${CY.scan.refused.replace('{reason}', '')}`), { timeout: 20_000 });
    await expectNoAxeViolations(laptop, 'gathering, a refused code, in Welsh');
  } finally {
    await browser.close();
  }
  const people = new ParticipantsPage(other);
  await people.goTo(EN.nav.participants);
  await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(2));
});

test('where the browser reads QR codes itself, its reader is used and the worker is never fetched', async ({ page, newPage, pageErrors }, testInfo) => {
  const { code, picture, storageState } = await aTabletsCode(page, newPage);
  const camera = await stillY4m('bea-browser.y4m', picture, 640, 480);
  // A stand-in for the BarcodeDetector of Safari or Chrome on Android: it
  // "reads" the code the test knows is in the camera's picture, once the
  // picture is there, as a platform reader would.
  const initScript = `window.BarcodeDetector = class {
    static async getSupportedFormats() { return ['aztec', 'qr_code']; }
    constructor(options) { if (!options.formats.includes('qr_code')) throw new Error('asked for ' + options.formats); }
    async detect(video) { return video.videoWidth > 0 ? [{ format: 'qr_code', rawValue: ${JSON.stringify(code)} }] : []; }
  };`;
  const { browser, page: laptop, requests } = await browserWithCamera(testInfo, pageErrors, camera, { storageState, initScript });
  try {
    const scanner = await Scanner.startOnGathering(laptop);
    await expect(scanner.status()).toHaveText(fill(EN.scan.added, { name: 'Bea', count: 1 }), { timeout: 20_000 });
    await expect(scanner.region).toHaveAttribute('data-reader', 'browser');
    expect(requests.filter((u) => SCANNER_BUILD.test(u) || u.includes('scanner-worker.js'))).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('scanning the room\'s join code opens the joining screen', async ({ page, pageErrors }, testInfo) => {
  await workshopWithTwoPeople(page);
  const results = new ResultsPage(page);
  await results.open();
  const joinLink = await page.locator('a.join-anchor').getAttribute('href');
  // The room's screen's code, as a 1280×720 camera sees it from across a table.
  await page.goto('#/present');
  await page.keyboard.press('q');
  await expect(page.locator('.big-code svg.qr-code')).toBeVisible();
  const picture = await cameraPictureOf(page, 1280, 720, '.big-code svg.qr-code');
  const camera = await stillY4m('join.y4m', picture, 1280, 720);
  const { browser, page: tablet } = await browserWithCamera(testInfo, pageErrors, camera);
  try {
    await tablet.goto('#/setup');
    await tablet.getByRole('button', { name: EN.scan.join_button, exact: true }).tap();
    await expect(tablet.getByRole('region', { name: EN.scan.join_label })).toBeVisible();
    await new TabletPage(tablet).expectStart();
    expect(new URL(tablet.url()).hash).toBe('#/tablet');
    expect(joinLink).toMatch(/#\/join\//);
  } finally {
    await browser.close();
  }
});

test('no camera, or the camera refused: the scanner says so and what to do instead', async ({ pageErrors }, testInfo) => {
  // No camera at all: no fake device, and nothing else on this machine.
  const none = await browserWithCamera(testInfo, pageErrors, null);
  try {
    await none.page.goto('#/data');
    const scanner = new Scanner(none.page);
    await scanner.start();
    await expect(scanner.status()).toHaveText(EN.scan.no_camera);
    await expect(scanner.region.locator('video')).toBeHidden();
    await expectNoAxeViolations(none.page, 'gathering, no camera');
    await scanner.stop();
  } finally {
    await none.browser.close();
  }
  // A camera, but the person said no.
  const { launchOptions } = testInfo.project.use;
  const browser = await chromium.launch({
    ...launchOptions,
    args: [...launchOptions.args, '--use-fake-device-for-media-stream', '--deny-permission-prompts'],
  });
  try {
    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
    const laptop = await context.newPage();
    watchErrors(laptop, pageErrors);
    await laptop.goto('#/data');
    const scanner = new Scanner(laptop);
    await scanner.start();
    await expect(scanner.status()).toHaveText(EN.scan.camera_refused);
    await laptop.locator('.scanner').screenshot({ path: 'tests/e2e/screenshots/scan-refused-camera.png' });
  } finally {
    await browser.close();
  }
});
