// Opening a saved workshop: every file is checked in full, a bad one is
// refused with what and where, and a good one comes back exactly.
import { test, expect, EN, CY, fill, storageItems } from './fixtures.mjs';
import { DataPage, ParticipantsPage } from './pages/index.mjs';
import { WORKSHOP_NAME, workshopWithTwoPeople } from './helpers.mjs';

/** The workshop on screen is still the one with Amira and Cllr Jones. */
async function expectWorkshopUntouched(page) {
  await expect(page.getByRole('banner')).toContainText(WORKSHOP_NAME);
  const people = new ParticipantsPage(page);
  await people.goTo(EN.nav.participants);
  await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(2));
  expect(await people.peopleListed()).toEqual(['Amira', 'Cllr Jones']);
  await people.goTo(EN.nav.data);
}

test('a malformed file is refused with what is wrong and where, and nothing changes', async ({ page }) => {
  await workshopWithTwoPeople(page);
  const data = new DataPage(page);
  await data.goTo(EN.nav.data);
  await data.expectShown();
  const { text: good } = await data.downloadAsJson();
  const stored = await storageItems(page);

  const cases = [
    {
      what: 'not JSON',
      file: 'notes.json',
      text: '{\n  "schema_version": 1,\n  oops\n}\n',
      detail: 'notes.json: This is not a JSON file: line 3, column 3: key must be a string.',
    },
    {
      what: 'shares that add up to 99.99%',
      file: 'off-by-one.json',
      text: (() => {
        const r = JSON.parse(good);
        r.workshop.ballots[0].allocations.state_money.areas.own_home -= 1;
        return JSON.stringify(r, null, 2);
      })(),
      detail: 'off-by-one.json: At workshop.ballots[0].allocations.state_money.areas: the five areas add up to 99.99% instead of 100%.',
    },
    {
      what: 'a role this app does not know',
      file: 'role.json',
      text: (() => {
        const r = JSON.parse(good);
        r.workshop.ballots[1].role = 'mayor';
        return JSON.stringify(r);
      })(),
      detail: 'role.json: At workshop.ballots[1].role: unknown variant `mayor`, expected one of `citizen`, `family_carer`, '
        + '`commissioner`, `provider`, `community_organisation`.',
    },
    {
      what: 'a newer schema version',
      file: 'v5.json',
      text: JSON.stringify({ ...JSON.parse(good), schema_version: 5 }),
      detail: 'v5.json: This is not a Co-produce decision record this app can read (schema_version is 5, this app reads versions 1 to 4).',
    },
  ];

  for (const c of cases) {
    await test.step(c.what, async () => {
      await data.openFile(c.file, c.text);
      await expect(data.refusal()).toBeVisible();
      await expect(data.refusal()).toContainText(EN.data.untouched);
      // The file, what is wrong and where, word for word.
      await expect(data.refusalDetail()).toHaveText(c.detail);
      await expect(page.getByRole('banner')).toContainText(WORKSHOP_NAME);
      expect(await storageItems(page)).toEqual(stored);
    });
  }
  await expectWorkshopUntouched(page);
});

test('in Welsh, a refused file and a refused code are explained in Welsh, with the line and column', async ({ page }) => {
  await workshopWithTwoPeople(page);
  const data = new DataPage(page);
  await data.goTo(EN.nav.data);
  await data.chooseLanguage(CY);
  await data.expectShown();
  const stored = await storageItems(page);

  // A file that is not JSON: the sentence is Welsh, the place is its line and column.
  await data.openFile('notes.json', '{\n  "schema_version": 1,\n  oops\n}\n');
  await expect(data.refusal()).toContainText(CY.data.untouched);
  await expect(data.refusalDetail()).toHaveText(
    `notes.json: ${fill(CY.problem.not_json, { line: 3, column: 3, reason: CY.problem.json_key_not_text })}`);

  // A rule broken at a JSON path: the path as written, the words around it in Welsh.
  const { text: good } = await data.downloadAsJson();
  const record = JSON.parse(good);
  record.workshop.ballots[0].allocations.state_money.areas.own_home -= 1;
  await data.openFile('off-by-one.json', JSON.stringify(record));
  await expect(data.refusalDetail()).toHaveText(`off-by-one.json: ${fill(CY.problem.at, {
    place: 'workshop.ballots[0].allocations.state_money.areas',
    reason: fill(CY.problem.areas_not_whole, { total: '99.99%' }),
  })}`);
  expect(await storageItems(page)).toEqual(stored);

  // A damaged ballot code pasted on the gathering card.
  await data.pasteCodes('CP1-AAAA');
  await expect(data.gatherSummary()).toHaveText(DataPage.gatherSummaryText({ refused: 1 }, CY));
  await expect(data.gatherRefusals()).toHaveText([
    `${fill(CY.gather.code_n, { n: 1 })}: ${fill(CY.problem.at, { place: CY.problem.place_code, reason: CY.problem.code_too_short })}`,
  ]);
  await expect(data.gatherSection()).toContainText(CY.gather.kept);
  expect(await storageItems(page)).toEqual(stored);

  // In English (the screen is drawn again, so the code is pasted again) the same words as ever.
  await data.chooseLanguage(EN);
  await data.pasteCodes('CP1-AAAA');
  await expect(data.gatherRefusals()).toHaveText(['code 1: At the code: it is too short; part of it may be missing.']);
});

test('an exported file opens again and exports byte for byte the same', async ({ page }) => {
  await workshopWithTwoPeople(page);
  const data = new DataPage(page);
  await data.goTo(EN.nav.data);
  const first = await data.downloadAsJson();

  await data.startANewWorkshop();
  await expect(page.getByRole('banner')).toContainText(EN.app.untitled);
  const people = new ParticipantsPage(page);
  await data.goTo(EN.nav.participants);
  await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(0));
  await people.goTo(EN.nav.data);

  await data.openFile(first.name, first.text);
  await expect(data.opened()).toHaveText(fill(EN.data.imported, { name: WORKSHOP_NAME, count: 2 }));
  await expect(page.getByRole('banner')).toContainText(WORKSHOP_NAME);
  await expect(data.refusal()).toHaveCount(0);

  const second = await data.downloadAsJson();
  expect(second.name).toBe(first.name);
  expect(second.text === first.text, 'the second export is byte-identical to the first').toBe(true);
  expect(Buffer.from(second.text).equals(Buffer.from(first.text))).toBe(true);

  // And it survives a reload: the imported workshop is what is saved.
  await page.reload();
  await data.expectShown();
  await expectWorkshopUntouched(page);
  const third = await data.downloadAsJson();
  expect(third.text === first.text, 'the export after a reload is byte-identical too').toBe(true);
});

/**
 * A record of `count` people made from an exported one: its ballots copied
 * with new ids and names, in the app's own pretty JSON (two-space indents).
 */
function recordOf(count, exported) {
  const record = JSON.parse(exported);
  const ballots = record.workshop.ballots;
  const grown = [];
  for (let n = 0; n < count; n += 1) {
    const ballot = structuredClone(ballots[n % ballots.length]);
    ballot.id = (0xb000000 + n).toString(16).padStart(32, '0');
    ballot.participant = `Participant ${n + 1} of Riverside`;
    grown.push(ballot);
  }
  record.workshop.ballots = grown;
  return JSON.stringify(record, null, 2);
}

test('a 30 MB record opens with a progress bar, and its people are all there', async ({ page }) => {
  test.setTimeout(120_000);
  await workshopWithTwoPeople(page);
  const data = new DataPage(page);
  await data.goTo(EN.nav.data);
  const first = await data.downloadAsJson();
  let count = 20_000;
  let text = recordOf(count, first.text);
  // About 30 MB, whatever a ballot's exact size today.
  count = Math.ceil((count * 30 * 1024 * 1024) / Buffer.byteLength(text));
  text = recordOf(count, first.text);
  const bytes = Buffer.byteLength(text);
  expect(bytes).toBeGreaterThan(30 * 1024 * 1024);
  console.log(`large record: ${count} people, ${(bytes / 1024 / 1024).toFixed(1)} MB`);

  // Every value the bar shows on the way, as the page draws it.
  await page.evaluate(() => {
    window.seenProgress = [];
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('.reading-progress progress')) {
        window.seenProgress.push(bar.hasAttribute('value') ? Number(bar.getAttribute('value')) : 'checking');

      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    // A slow disk (a network drive, a memory stick): each piece takes a
    // quarter of a second, so the bar is on screen long enough to look at.
    const arrayBuffer = Blob.prototype.arrayBuffer;
    Blob.prototype.arrayBuffer = function slowly() {
      return new Promise((resolve) => setTimeout(resolve, 250)).then(() => arrayBuffer.call(this));
    };
  });
  const started = Date.now();
  await data.openFile('riverside-big.json', text);
  const bar = page.getByRole('progressbar', { name: /^Reading “riverside-big\.json”: \d+%$/ });
  await expect(bar).toBeVisible();
  await expect(page.locator('.reading-progress p')).toHaveText(/^Reading “riverside-big\.json”: \d+%$/);
  await page.locator('section', { has: page.locator('#import-heading') })
    .screenshot({ path: 'tests/e2e/screenshots/import-progress.png' });
  await expect(data.opened()).toHaveText(fill(EN.data.imported, { name: WORKSHOP_NAME, count }), { timeout: 90_000 });
  console.log(`opened in ${Date.now() - started} ms`);
  await expect(page.locator('.reading-progress')).toHaveCount(0);
  const seen = await page.evaluate(() => window.seenProgress);
  const percents = seen.filter((v) => typeof v === 'number');
  expect(percents.length, `the bar moved: ${JSON.stringify(seen)}`).toBeGreaterThan(3);
  expect(percents.some((p) => p > 0 && p < 100), 'the bar showed part of the file read').toBe(true);
  expect([...percents].sort((a, b) => a - b)).toEqual(percents);
  expect(seen).toContain('checking');
  await expect(data.refusal()).toHaveCount(0);

  const people = new ParticipantsPage(page);
  await people.goTo(EN.nav.participants);
  await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(count));
});

test('a download the browser refuses is explained in Welsh, and the workshop is kept', async ({ page }) => {
  await workshopWithTwoPeople(page);
  const data = new DataPage(page);
  await data.goTo(EN.nav.data);
  await data.chooseLanguage(CY);
  const stored = await storageItems(page);
  // A browser that will not make a file (a locked-down managed device).
  await page.evaluate(() => { URL.createObjectURL = () => { throw new Error('downloads are blocked'); }; });
  await page.getByRole('button', { name: CY.data.export, exact: true }).tap();
  const refusal = page.getByRole('alert').filter({ hasText: CY.data.download_failed });
  await expect(refusal).toContainText(CY.data.untouched);
  await expect(refusal).not.toContainText(CY.data.refused);
  expect(await storageItems(page)).toEqual(stored);
});
