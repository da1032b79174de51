// Nothing is lost when a tablet is reloaded, a link is shared, or storage is
// damaged.
import { test, expect, SETUP_KEY, savedRecord, CORRUPT_PREFIX, AREAS, ROLES, EN, CY, fill, downloadText } from './fixtures.mjs';
import { SetupPage, WalkthroughPage, ParticipantsPage, AllocatePage, AppPage, DataPage } from './pages/index.mjs';
import { WORKSHOP_NAME, workshopWithTwoPeople } from './helpers.mjs';

const [OWN_HOME, ACCOMMODATION, DAY, HOSPITAL, COMMUNITY] = AREAS;
const PEOPLES_TIME = EN.default_kinds.peoples_time;

test('reloading mid-allocation comes back to the same screen with the same figures', async ({ page }) => {
  const setup = new SetupPage(page);
  await setup.open();
  await setup.nameTheWorkshop('Reload test');
  const people = new ParticipantsPage(page);
  await setup.goTo(EN.nav.participants);
  const id = await people.addPerson('Table 3', ROLES.family_carer);
  const allocate = new AllocatePage(page);
  await allocate.chooseResource(PEOPLES_TIME);
  const ed = allocate.editor(PEOPLES_TIME);
  await ed.lock(DAY);
  await ed.type(COMMUNITY, '41.5');
  await ed.tapLess(OWN_HOME);
  await ed.slideTo(ACCOMMODATION, 12);
  const before = await ed.expectWhole();
  const url = page.url();
  expect(url).toMatch(new RegExp(`#/allocate/${id}/peoples_time$`));

  await page.reload();
  await allocate.expectShown();
  expect(page.url()).toBe(url);
  await allocate.expectTurnOf('Table 3', ROLES.family_carer);
  const after = allocate.editor(PEOPLES_TIME);
  expect(await after.expectWhole()).toEqual(before);
  await expect(after.lockButton(DAY)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('navigation', { name: EN.allocate.kinds_label, exact: true }).getByRole('link', { name: PEOPLES_TIME }))
    .toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('banner')).toContainText('Reload test');

  // Carrying on after the reload still works and is saved.
  await after.tapMore(HOSPITAL);
  const moved = await after.expectWhole();
  await page.reload();
  await allocate.expectShown();
  expect(await allocate.editor(PEOPLES_TIME).expectWhole()).toEqual(moved);
});

test('a tablet that dies straight after a slider moves still has the move when it is opened again', async ({ browser, baseURL }) => {
  // A context of its own: the page's crash is the point here, not an error.
  const context = await browser.newContext({ baseURL, viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const setup = new SetupPage(page);
  await setup.open();
  const people = new ParticipantsPage(page);
  await setup.goTo(EN.nav.participants);
  await people.addPerson('Crash test', ROLES.citizen);
  const allocate = new AllocatePage(page);
  await allocate.chooseResource(PEOPLES_TIME);
  const ed = allocate.editor(PEOPLES_TIME);
  await ed.expectWhole();
  const url = page.url();

  // Keys on the slider, as fast as the browser takes them, then the tab's
  // process dies at once: no pagehide, no unload, nothing waited for.
  const slider = ed.slider(HOSPITAL);
  const start = await slider.inputValue();
  await slider.focus();
  for (let i = 0; i < 7; i++) await slider.press('ArrowRight');
  const moved = await slider.inputValue();
  expect(moved).not.toBe(start);
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  cdp.send('Page.crash').catch(() => {});
  await crashed;

  const reopened = await context.newPage();
  await reopened.goto(url);
  const again = new AllocatePage(reopened);
  await again.expectShown();
  await expect(again.editor(PEOPLES_TIME).slider(HOSPITAL)).toHaveValue(moved);
  const saved = await savedRecord(reopened);
  expect(saved.workshop.ballots.map((b) => b.participant)).toEqual(['Crash test']);
  expect(errors).toEqual([]);
  await context.close();
});

test('a copied link opens the same screen in another tab or on another device', async ({ page, newPage }) => {
  const { citizen } = await workshopWithTwoPeople(page);
  const allocate = new AllocatePage(page);
  await allocate.open(citizen);
  const amira = await allocate.editor().expectWhole();

  // Another tab on this device: same workshop, same person, same figures.
  const tab = await newPage();
  const otherAllocate = new AllocatePage(tab);
  await otherAllocate.openLink(`#/allocate/${citizen}/state_money`);
  await otherAllocate.expectTurnOf('Amira', ROLES.citizen);
  expect(await otherAllocate.editor().expectWhole()).toEqual(amira);
  await expect(tab.getByRole('banner')).toContainText(WORKSHOP_NAME);

  const tabWalk = new WalkthroughPage(tab);
  await tabWalk.open(3);
  await tabWalk.expectStep(3, DAY);

  // Another device (empty storage): the link still lands on its screen, not a 404.
  const device = await newPage({ fresh: true });
  const walk = new WalkthroughPage(device);
  await walk.openLink('#/area/3');
  await walk.expectStep(3, DAY);
  expect(await walk.modelCards().count()).toBeGreaterThanOrEqual(2);
  for (const [hash, title] of [['#/participants', EN.participants.title], ['#/results', EN.results.title],
    ['#/decision', EN.decision.title], ['#/data', EN.data.title], ['#/area/5', COMMUNITY]]) {
    const screen = new AppPage(await newPage({ fresh: true }));
    await screen.openLink(hash);
    await expect(screen.heading).toHaveText(title);
  }
  // A person's link from another device explains that they are not in this workshop.
  const missing = new AppPage(await newPage({ fresh: true }));
  await missing.openLink(`#/allocate/${citizen}/state_money`);
  await expect(missing.heading).toHaveText(EN.allocate.missing_title);
  await expect(missing.page.getByRole('main').getByRole('link', { name: EN.nav.participants, exact: true })).toBeVisible();
});

test('an unreadable saved workshop is kept aside with a warning and the app carries on', async ({ page }) => {
  const setup = new SetupPage(page);
  await setup.open();
  await setup.nameTheWorkshop('About to be damaged');
  await page.evaluate((key) => localStorage.setItem(key, '{not json'), SETUP_KEY);
  await page.reload();
  await setup.expectShown();

  const warning = setup.storageWarning();
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(EN.save.corrupt_body);
  await expect(warning).toContainText('This is not a JSON file: line 1, column 2: key must be a string.');

  const kept = await page.evaluate((prefix) => Object.keys(localStorage)
    .filter((k) => k.startsWith(prefix))
    .map((k) => [k, localStorage.getItem(k)]), CORRUPT_PREFIX);
  expect(kept).toHaveLength(1);
  // The damaged set-up, the last change, the order and every ballot, as one text.
  expect(kept[0][1].startsWith('{not json\n')).toBe(true);
  await expect(warning).toContainText(fill(EN.save.kept_as, { key: kept[0][0] }));

  // A fresh workshop has started and is saved again.
  await expect(page.getByRole('banner')).toContainText(EN.app.untitled);
  await expect(page.getByLabel(EN.setup.name)).toHaveValue('');
  await setup.nameTheWorkshop('Started again');
  await expect(page.getByRole('banner')).toContainText('Started again');
  const saved = await savedRecord(page);
  expect(saved.workshop.name).toBe('Started again');

  // The warning can be put away, and the rest of the app works.
  await warning.getByRole('button', { name: EN.common.dismiss }).tap();
  await expect(warning).toBeHidden();
  const people = new ParticipantsPage(page);
  await setup.goTo(EN.nav.participants);
  await people.addPerson('After the damage', ROLES.provider);
  const allocate = new AllocatePage(page);
  await allocate.editor().tapMore(OWN_HOME);
  await allocate.editor().expectWhole();

  // Reloading now restores the new workshop without any warning; the kept copy stays.
  await page.reload();
  await allocate.expectShown();
  // The saved workshop has been read (the person is back) before the warning is looked for.
  await allocate.expectTurnOf('After the damage', ROLES.provider);
  await expect(setup.storageWarning()).toHaveCount(0);
  const stillKept = await page.evaluate((k) => localStorage.getItem(k), kept[0][0]);
  expect(stillKept.startsWith('{not json\n')).toBe(true);
});

test('when the browser stops saving, the warning says why in the device\'s language and nothing typed is lost', async ({ page, newPage }) => {
  const setup = new SetupPage(page);
  await setup.open();
  await setup.chooseLanguage(CY);
  // The browser's storage fills up (as a tablet's can): every write is refused from now on.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.getByLabel(CY.setup.name).fill('Gweithdy Aberystwyth');
  const alert = page.getByRole('alert').filter({ hasText: CY.save.failed_title });
  await expect(alert).toContainText(CY.save.full);
  await expect(alert).not.toContainText(EN.save.full);
  await expect(alert.getByRole('button', { name: CY.save.export_now })).toBeVisible();
  // What was typed is still there to download.
  await expect(page.getByLabel(CY.setup.name)).toHaveValue('Gweithdy Aberystwyth');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: CY.save.export_now }).tap(),
  ]);
  const text = await downloadText(download);
  expect(JSON.parse(text).workshop.name).toBe('Gweithdy Aberystwyth');
  // The file opens on another device like any decision record.
  const other = await newPage({ fresh: true });
  const data = new DataPage(other);
  await data.open();
  await data.openFile(download.suggestedFilename(), text);
  await expect(data.opened()).toBeVisible();
  await expect(other.getByRole('banner')).toContainText('Gweithdy Aberystwyth');
});
