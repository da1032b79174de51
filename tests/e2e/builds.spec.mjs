// The two builds of one app (issue 11): a tablet that opens a join link, or is
// passed round in pass-the-tablet mode, downloads only the tablet's build, and
// its offline copy never fetches the facilitator's; a screen the tablet's build
// does not have loads the facilitator's build in its place, once, with nothing
// lost.
import { test, expect, expectNoAxeViolations, EN, CY, ROLES } from './fixtures.mjs';
import { ComparePage, DataPage, ResultsPage, TabletPage } from './pages/index.mjs';
import { aTabletJoinedBy, joinLinkOf } from './helpers.mjs';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The same table as the host test of Route::build (tests/route.rs).
const TABLE = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/builds.json'), 'utf8')).addresses;

const FACILITATOR_BUILD = /\/co-produce-[0-9a-f]{16}(_bg\.wasm|\.js)$/;
const TABLET_BUILD = /\/co-produce-tablet-[0-9a-f]{16}(_bg\.wasm|\.js)$/;
const RECORDS_BUILD = /\/co-produce-records-[0-9a-f]{16}(_bg\.wasm|\.js)$/;
const BUILDS = { tablet: TABLET_BUILD, facilitator: FACILITATOR_BUILD, records: RECORDS_BUILD };
// Each file on its own: the offline copy takes them one by one (the js arrives before the wasm).
const FACILITATOR_FILES = [/\/co-produce-[0-9a-f]{16}\.js$/, /\/co-produce-[0-9a-f]{16}_bg\.wasm$/];
const TABLET_FILES = [/\/co-produce-tablet-[0-9a-f]{16}\.js$/, /\/co-produce-tablet-[0-9a-f]{16}_bg\.wasm$/];
const RECORDS_FILES = [/\/co-produce-records-[0-9a-f]{16}\.js$/, /\/co-produce-records-[0-9a-f]{16}_bg\.wasm$/];

/** Every address that `source` (a page, or a context with its service worker) asks for, from now on. */
function watchRequests(source) {
  const seen = [];
  source.on('request', (r) => seen.push(r.url()));
  return seen;
}

/** The files of this copy's offline cache, once the service worker runs the page and holds a file matching each of `wanted`. */
async function offlineCopy(page, wanted, timeout = 15_000) {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker?.controller != null), { timeout: 30_000 }).toBe(true);
  const cached = () => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const out = [];
    for (const name of (await caches.keys()).filter((n) => n.startsWith(`co-produce ${reg.scope} `))) {
      for (const req of await (await caches.open(name)).keys()) out.push(req.url);
    }
    return out;
  });
  await expect.poll(async () => { const now = await cached(); return wanted.every((re) => now.some((u) => re.test(u))); }, {
    message: `the offline copy holds ${wanted.join(', ')}`, timeout,
  }).toBe(true);
  return cached();
}

test('a facilitator gets the facilitator\'s build, and keeps it for offline use', async ({ page }) => {
  // The page's own requests: the service worker also keeps the tablet's build, for a
  // tablet screen opened offline on this device.
  const requests = watchRequests(page);
  const results = new ResultsPage(page);
  await results.open();
  expect(requests.filter((u) => FACILITATOR_BUILD.test(u)).length, 'the facilitator\'s js and wasm').toBeGreaterThanOrEqual(2);
  expect(requests.filter((u) => TABLET_BUILD.test(u)), 'the page loads nothing of the tablet\'s build').toEqual([]);
  const cached = await offlineCopy(page, [...FACILITATOR_FILES, ...TABLET_FILES]);
  expect(cached.filter((u) => FACILITATOR_BUILD.test(u))).toHaveLength(2);
});

test('a tablet opening the join link gets only the tablet\'s build, online and offline', async ({ page, newPage }) => {
  // The facilitator's device hands out the join link.
  const joinLink = await joinLinkOf(page);

  const tabletPage = await newPage({ fresh: true });
  const requests = watchRequests(tabletPage.context());
  await tabletPage.goto(joinLink);
  const tablet = new TabletPage(tabletPage);
  await tablet.expectStart();
  await expect(tabletPage.getByRole('navigation', { name: EN.nav.label, exact: true }), 'no facilitator\'s navigation').toHaveCount(0);
  await expectNoAxeViolations(tabletPage, 'the tablet\'s build: who are you?');
  const id = await tablet.startTurn('Amira', ROLES.citizen);
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  await expect(tabletPage.locator('.own-shift')).toBeVisible();
  await expectNoAxeViolations(tabletPage, 'the tablet\'s build: dividing');
  await tablet.iHaveFinished();
  await tablet.expectFinished();
  await expectNoAxeViolations(tabletPage, 'the tablet\'s build: finished');
  await tablet.nextPerson();
  await tablet.expectStart();

  const cached = await offlineCopy(tabletPage, TABLET_FILES);
  expect(cached.filter((u) => TABLET_BUILD.test(u)), 'the tablet\'s js and wasm are kept').toHaveLength(2);
  expect(cached.filter((u) => FACILITATOR_BUILD.test(u)), 'the facilitator\'s build is not kept on a tablet').toEqual([]);
  expect(requests.filter((u) => TABLET_BUILD.test(u)).length).toBeGreaterThanOrEqual(2);
  expect(requests.filter((u) => FACILITATOR_BUILD.test(u)), 'a tablet never downloads the facilitator\'s build').toEqual([]);
  expect(requests.filter((u) => /co-produce-scanner-/.test(u)), 'nor the QR scanner\'s worker').toEqual([]);
  expect(cached.filter((u) => /co-produce-scanner-/.test(u)), 'which is not kept on a tablet either').toEqual([]);

  // Offline, the tablet opens again on its build and starts the next turn.
  await tabletPage.context().setOffline(true);
  await tabletPage.reload();
  await tablet.expectStart();
  await tabletPage.context().setOffline(false);
});

test('a tablet reads the ways of working from the hosted catalogue, in its language and offline, and its module carries none', async ({ page, newPage }) => {
  // The facilitator's module carries the catalogues; the tablet's, which 200
  // tablets download, reads the hosted files that index.html fetches for it.
  const dist = process.env.DIST ? resolve(process.env.DIST) : join(import.meta.dirname, '../../dist');
  const modules = readdirSync(dist).filter((f) => f.endsWith('_bg.wasm'));
  const catalogueId = Buffer.from(JSON.parse(readFileSync(join(dist, 'catalogue.json'), 'utf8')).id);
  const holds = (name) => readFileSync(join(dist, name)).includes(catalogueId);
  expect(modules.filter((f) => /^co-produce-[0-9a-f]{16}_bg\.wasm$/.test(f) && holds(f)), 'the facilitator\'s module holds it').toHaveLength(1);
  expect(modules.filter((f) => /^co-produce-tablet-/.test(f) && holds(f)), 'the tablet\'s module does not').toEqual([]);

  const english = JSON.parse(readFileSync(join(dist, 'catalogue.json'), 'utf8')).areas[0].models[0].name;
  const welsh = JSON.parse(readFileSync(join(dist, 'catalogue.cy.json'), 'utf8')).areas[0].models[0].name;
  const { tabletPage, tablet } = await aTabletJoinedBy(newPage, await joinLinkOf(page));
  await tablet.startTurn('Amira', ROLES.citizen);
  const firstArea = tabletPage.locator('details.model-split').first();
  const models = async (t, name) => {
    await firstArea.getByText(t.allocate.models_summary, { exact: true }).tap();
    await expect(firstArea.getByText(name, { exact: true })).toBeVisible();
  };
  await models(EN, english);
  // A tablet set to Welsh starts in Welsh, with the Welsh catalogue, online and offline.
  await tabletPage.getByRole('button', { name: 'Cymraeg', exact: true }).tap();
  await offlineCopy(tabletPage, [...TABLET_FILES, /\/catalogue\.cy\.json$/]);
  for (const offline of [false, true]) {
    await tabletPage.context().setOffline(offline);
    await tabletPage.reload();
    await expect(firstArea.locator('summary')).toHaveText(CY.allocate.models_summary);
    await models(CY, welsh);
  }
  await tabletPage.context().setOffline(false);
});

test('leaving pass-the-tablet mode loads the facilitator\'s build once, with the turns kept', async ({ page }) => {
  const tablet = new TabletPage(page);
  // A reload on a tablet screen (as after a tablet was locked) opens the tablet's build.
  const requests = watchRequests(page);
  await tablet.open();
  expect(requests.filter((u) => TABLET_BUILD.test(u)).length).toBeGreaterThanOrEqual(2);
  expect(requests.filter((u) => FACILITATOR_BUILD.test(u))).toEqual([]);
  await tablet.startTurn('Bryn', ROLES.commissioner);
  await tablet.iHaveFinished();
  await tablet.expectFinished();
  await tablet.nextPerson();
  await tablet.expectStart();

  // "Back to the facilitator" asks for a screen only the facilitator's build has.
  const loads = [];
  page.on('load', () => loads.push(page.url()));
  await tablet.leaveForTheFacilitator();
  const results = new ResultsPage(page);
  await results.expectShown();
  expect(requests.filter((u) => FACILITATOR_BUILD.test(u)).length, 'the facilitator\'s js and wasm').toBeGreaterThanOrEqual(2);
  // Once: the mark that asked for it is used up, and no further load follows.
  expect(loads).toHaveLength(1);
  await results.goTo(EN.nav.participants);
  await expect(page.getByText('Bryn', { exact: true }).first(), 'the turn taken on the tablet\'s build').toBeVisible();
  expect(loads).toHaveLength(1);
  expect(await page.evaluate(() => sessionStorage.getItem('co-produce.build'))).toBeNull();

  // Back in pass-the-tablet mode from here, the facilitator's build carries on without a reload.
  await results.goTo(EN.nav.results);
  await results.expectShown();
  await page.getByRole('link', { name: EN.room.tablet_mode, exact: true }).tap();
  await tablet.expectStart();
  expect(loads).toHaveLength(1);
});

test('comparing places and combining sessions come in the records\' build: loaded once from the facilitator\'s, back with nothing lost, and kept offline', async ({ page }) => {
  const requests = watchRequests(page);
  const results = new ResultsPage(page);
  await results.open();
  const name = await results.workshopNameShown();
  expect(requests.filter((u) => RECORDS_BUILD.test(u)), 'the facilitator\'s first screen loads none of it').toEqual([]);
  const loads = [];
  page.on('load', () => loads.push(page.url()));

  // "Compare places" in the navigation: the page loads the records' build, once.
  await results.goTo(EN.nav.compare);
  const compare = new ComparePage(page);
  await compare.expectShown();
  expect(loads).toHaveLength(1);
  expect(requests.filter((u) => RECORDS_BUILD.test(u)).length, 'the records\' js and wasm').toBeGreaterThanOrEqual(2);
  expect(await compare.workshopNameShown(), 'the workshop on this device, in its title bar').toBe(name);
  await expectNoAxeViolations(page, 'the records\' build: compare places');

  // Back to Save and share (the facilitator's build), and on to combining (the records').
  const data = new DataPage(page);
  await compare.goTo(EN.nav.data);
  await data.expectShown();
  expect(loads).toHaveLength(2);
  await data.openCombineSessions();
  expect(loads).toHaveLength(3);
  await expect(page.getByRole('link', { name: EN.nav.data, exact: true }), 'Save and share is marked as where this is').toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(page, 'the records\' build: combine sessions');
  await data.goTo(EN.nav.results);
  await results.expectShown();
  expect(loads).toHaveLength(4);
  expect(await page.evaluate(() => sessionStorage.getItem('co-produce.build')), 'every mark used up').toBeNull();

  // The facilitator's build fetches the records' once it is running, so both open offline.
  await offlineCopy(page, [...FACILITATOR_FILES, ...RECORDS_FILES], 30_000);
  await page.context().setOffline(true);
  await page.goto('./#/compare');
  await compare.expectShown();
  await compare.goTo(EN.nav.results);
  await results.expectShown();
  await page.context().setOffline(false);
});

test('a facilitator\'s device keeps the records\' build for offline use without opening it', async ({ page }) => {
  const results = new ResultsPage(page);
  await results.open();
  // Fetched 10 s after the facilitator's build starts.
  await offlineCopy(page, RECORDS_FILES, 30_000);
  await page.context().setOffline(true);
  await results.goTo(EN.nav.compare);
  await new ComparePage(page).expectShown();
  await page.context().setOffline(false);
});

test('index.html\'s loader picks the build as the app\'s routes do, and a mark asks for another once', async ({ newPage }) => {
  // The builds held unanswered, with no service worker to answer for them: only the loader runs.
  const page = await newPage({ fresh: true, options: { serviceWorkers: 'block' } });
  await page.route(/\.wasm$|co-produce-(tablet-|records-)?[0-9a-f]{16}\.js$/, () => new Promise(() => {}));
  // Each address a page load of its own (the query makes it a new document).
  for (const [i, [hash, build]] of TABLE.entries()) {
    await page.goto(`./index.html?case=${i}${hash}`);
    expect(await page.evaluate(() => window.coProduce.tablet), hash).toBe(build == 'tablet');
    expect(await page.evaluate(() => window.coProduce.build.js), `${hash} opens the ${build} build`).toMatch(BUILDS[build]);
  }
  for (const [hash, wanted] of [['#/tablet', 'facilitator'], ['#/setup', 'records'], ['#/compare', 'facilitator'], ['#/results', 'tablet']]) {
    await page.evaluate((w) => sessionStorage.setItem('co-produce.build', w), wanted);
    await page.goto(`./index.html?case=marked-${wanted}${hash}`);
    expect(await page.evaluate(() => window.coProduce.build.js), `on ${hash} the mark asks for the ${wanted} build`).toMatch(BUILDS[wanted]);
    expect(await page.evaluate(() => sessionStorage.getItem('co-produce.build'))).toBeNull();
    await page.reload();
    expect(await page.evaluate(() => window.coProduce.build.js), 'used once').toMatch(BUILDS[TABLE.find(([h]) => h == hash)[1]]);
  }
  // A mark that names no app (the QR reader's worker, or nonsense) is ignored.
  for (const wanted of ['scanner', 'nonsense']) {
    await page.evaluate((w) => sessionStorage.setItem('co-produce.build', w), wanted);
    await page.goto(`./index.html?case=bad-${wanted}#/tablet`);
    expect(await page.evaluate(() => window.coProduce.build.js), wanted).toMatch(TABLET_BUILD);
  }
});
