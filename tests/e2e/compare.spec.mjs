// Compare places (issue 14): three decision records (two sessions in
// Cardiff, one in Swansea) opened together; the table's figures are the
// host's (tests/fixtures/compare/, written by `cargo test --test
// compare_fixtures`); a broken fourth file is listed with what is wrong and
// where and changes nothing; kinds matched by hand; sorting and filtering;
// CSV, print, and a saved comparison opened again; Welsh and Easy Read.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, EN, CY, fill, expectNoAxeViolations, expectNoHorizontalScroll } from './fixtures.mjs';
import { AppPage, ComparePage, ResultsPage } from './pages/index.mjs';

const DIR = join(import.meta.dirname, '../fixtures/compare');
const read = (name) => readFileSync(join(DIR, name), 'utf8');
const RECORDS = ['cardiff-morning.json', 'swansea.json', 'cardiff-evening.json'].map((name) => ({ name, text: read(name) }));
const EXPECTED = JSON.parse(read('expected.json'));
const SHOTS = join(import.meta.dirname, 'screenshots');
const [SWANSEA, MORNING, EVENING] = EXPECTED.places;
const STATE_MONEY = EXPECTED.kinds[0].name;

/** The morning's record with one share off by 0.01%: not valid. */
function brokenRecord() {
  const r = JSON.parse(read('cardiff-morning.json'));
  r.workshop.ballots[0].allocations.state_money.areas.own_home -= 1;
  return { name: 'broken.json', text: JSON.stringify(r, null, 2) };
}

/** A name in the middle of an English sentence, as the screen writes it. */
function midSentence(name) {
  return /^\p{Lu}[^\p{Lu}]*$/u.test(name) ? name[0].toLowerCase() + name.slice(1) : name;
}

/** Every row of every kind's table is the host's. */
async function expectHostFigures(compare) {
  for (const kind of EXPECTED.kinds) {
    for (const row of kind.rows) {
      const cells = await compare.row(kind.name, row.area, row.place);
      const [who, ...figures] = cells;
      expect(who[0], `${kind.name} ${row.area}`).toBe(row.place);
      const want = ['today', 'average', 'fair_split', 'decision'].map((f) => row[f] ?? EN.compare.none);
      expect(figures, `${kind.name}, ${row.area}, ${row.place}`).toEqual(want);
    }
  }
}

async function openThree(page) {
  const compare = new ComparePage(page);
  await compare.open();
  await compare.pick(RECORDS);
  await compare.expectCompared(3, 3);
  return compare;
}

test('three records compared from the navigation: the host\'s figures, a broken file listed, kinds matched by hand', async ({ page }) => {
  const app = new AppPage(page);
  await app.visit('#/setup');
  await app.goTo(EN.nav.compare);
  const compare = new ComparePage(page);
  await compare.expectShown();

  await test.step('three records open, and every figure is the host\'s', async () => {
    await compare.pick(RECORDS);
    await compare.expectCompared(3, 3);
    await expectHostFigures(compare);
    await expect(compare.refused()).toHaveCount(0);
  });

  await test.step('kinds matched by name and unit; the lone ones are shown', async () => {
    await expect(compare.matchedKinds()).toHaveText(EXPECTED.kinds.map((k) => ComparePage.kindInText(k.name, k.places, EN)));
    for (const m of EXPECTED.mismatches) {
      await expect(compare.page.getByText(fill(EN.compare.mismatch_label, { kind: m.name, place: m.name === 'Council grants' ? SWANSEA : MORNING }), { exact: true })).toBeVisible();
    }
  });

  await test.step('where places agree, by their agreed decisions', async () => {
    expect(EXPECTED.agree.length).toBeGreaterThan(0);
    await expect(compare.agreeSentences()).toHaveText(EXPECTED.agree.map((a) => fill(a.more ? EN.compare.agree_more : EN.compare.agree_less, {
      count: a.places, of: a.of, kind: midSentence(a.kind), area: midSentence(EN.areas[a.area]),
    })));
  });

  await test.step('a broken fourth file is listed with what is wrong and where, and changes nothing', async () => {
    await compare.pick([brokenRecord()]);
    await expect(compare.refusedItems()).toHaveText([
      'broken.json: At workshop.ballots[0].allocations.state_money.areas: the five areas add up to 99.99% instead of 100%.',
    ]);
    await compare.expectCompared(3, 3);
    await expectHostFigures(compare);
  });

  await test.step('a lone kind matched by hand is compared, and the match undone', async () => {
    await compare.matchByHand('Council grants', SWANSEA, 'Other funding', 1);
    await expect(compare.matchedKinds().filter({ hasText: ComparePage.kindInText('Council grants', 2, EN) })).toContainText(EN.compare.by_hand);
    await expect(compare.table('Council grants')).toBeVisible();
    expect((await compare.row('Council grants', 'own_home', MORNING))[1]).toEqual(['20%', '£20,000']);
    await compare.undoMatch('Council grants', SWANSEA).click();
    await expect(compare.table('Council grants')).toHaveCount(0);
    await expect(compare.mismatch('Council grants', SWANSEA)).toBeVisible();
  });

  await expectNoAxeViolations(page, 'compare');

  await test.step('leaving for another screen asks first: the comparison is not kept', async () => {
    // Another screen is in another build, so the page loads again.
    const questions = [];
    page.removeAllListeners('dialog');
    page.once('dialog', async (d) => { questions.push(d.message()); await d.dismiss(); });
    await compare.goTo(EN.nav.results);
    await expect.poll(() => questions).toEqual([EN.compare.leave_confirm]);
    await compare.expectShown();
    await expect(page).toHaveURL(/#\/compare$/);
    await compare.expectCompared(3, 3);
    page.once('dialog', async (d) => { questions.push(d.message()); await d.accept(); });
    await compare.goTo(EN.nav.results);
    await new ResultsPage(page).expectShown();
    expect(questions).toHaveLength(2);
    page.on('dialog', (d) => d.accept());
  });
});

test('sorted and filtered by name, place, change, words and area', async ({ page }) => {
  const compare = await openThree(page);
  expect(await compare.placesIn(STATE_MONEY, 'own_home')).toEqual([SWANSEA, MORNING, EVENING]);
  await compare.sortBy(EN.compare.sort_name);
  expect(await compare.placesIn(STATE_MONEY, 'own_home')).toEqual([EVENING, MORNING, SWANSEA]);
  // By the agreed decision's move towards whole-community work: Swansea +10 points,
  // the morning +5, the evening recorded none.
  await compare.sortBy(`${STATE_MONEY}: ${fill(EN.compare.sort_change, { area: EN.areas.whole_community })}`);
  expect(await compare.placesIn(STATE_MONEY, 'own_home')).toEqual([SWANSEA, MORNING, EVENING]);
  await compare.sortBy(EN.compare.sort_date);
  await compare.filterWords('cardiff');
  expect(await compare.placesIn(STATE_MONEY, 'own_home')).toEqual([MORNING, EVENING]);
  await compare.filterWords('');
  await compare.page.getByLabel(EN.compare.from, { exact: true }).fill('2026-02-15');
  expect(await compare.placesIn(STATE_MONEY, 'own_home')).toEqual([MORNING, EVENING]);
  await compare.page.getByLabel(EN.compare.from, { exact: true }).fill('');
  await compare.areaBox(EN.areas.accommodation).uncheck();
  await expect(compare.table(STATE_MONEY).locator('tbody')).toHaveCount(4);
  await expect(compare.table(STATE_MONEY).locator('tbody[data-area="accommodation"]')).toHaveCount(0);
  await compare.areaBox(EN.areas.accommodation).check();
  await expect(compare.table(STATE_MONEY).locator('tbody')).toHaveCount(5);
});

test('CSV is the host\'s, the print leaves the controls out, and a saved comparison opens again', async ({ page }) => {
  const compare = await openThree(page);

  await test.step('CSV', async () => {
    const { name, text } = await compare.downloadCsv();
    expect(name).toMatch(/^co-produce-comparison-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text).toBe(read('expected.csv'));
  });

  await test.step('print', async () => {
    await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
    await compare.printButton().click();
    expect(await page.evaluate(() => window.printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(compare.printButton()).toBeHidden();
    await expect(page.getByLabel(EN.compare.pick, { exact: true })).toBeHidden();
    await expect(page.getByRole('navigation', { name: EN.nav.label })).toBeHidden();
    await expect(compare.table(STATE_MONEY)).toBeVisible();
    await expect(compare.agreeSentences().first()).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('saved as one file with a match made by hand, cleared, and opened again', async () => {
    await compare.matchByHand('Council grants', SWANSEA, 'Other funding', 1);
    const { name, text } = await compare.saveComparison();
    expect(name).toMatch(/^co-produce-comparison-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = JSON.parse(text);
    expect(saved.schema_version).toBe(1);
    expect(saved.records.map((r) => r.workshop.name)).toEqual([SWANSEA, MORNING, EVENING]);
    expect(saved.mapping).toHaveLength(1);
    await compare.clear();
    await expect(compare.table(STATE_MONEY)).toHaveCount(0);
    await expect(page.getByText(EN.compare.empty)).toBeVisible();
    await compare.pick([{ name, text }]);
    await compare.expectCompared(3, 3);
    await expect(compare.table('Council grants')).toBeVisible();
    await compare.undoMatch('Council grants', SWANSEA).click();
    await expectHostFigures(compare);
  });
});

test('in Welsh and in Easy Read: the comparison stays open, in plain words; axe passes', async ({ page }) => {
  const compare = await openThree(page);
  await compare.chooseLanguage(CY);
  await expect(compare.heading).toHaveText(CY.compare.title);
  await compare.expectCompared(3, 3);
  await expect(compare.table(STATE_MONEY)).toBeVisible();
  await expect(compare.page.getByRole('heading', { name: CY.compare.agree_heading })).toBeVisible();
  await expectNoAxeViolations(page, 'compare (Welsh)');
  await mkdir(SHOTS, { recursive: true });
  await page.getByRole('heading', { name: CY.compare.agree_heading }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'compare-cy-768x1024.png') });
  await compare.chooseLanguage(EN);

  await page.getByRole('button', { name: EN.device.easy_read }).tap();
  const easy = page.locator('.compare-easy');
  await expect(easy).toContainText(fill(EN.compare.easy_places, { count: 3 }));
  for (const a of EXPECTED.agree) {
    await expect(easy).toContainText(fill(a.more ? EN.compare.easy_more : EN.compare.easy_less, {
      kind: midSentence(a.kind), area: midSentence(EN.easy[a.area]),
    }));
  }
  await expectNoAxeViolations(page, 'compare (Easy Read)');
  await easy.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'compare-easy-768x1024.png') });
  await page.getByRole('button', { name: EN.device.easy_read }).tap();
});

test('screenshots at a tablet\'s 768×1024 and the room\'s 1920×1080', async ({ page }) => {
  await mkdir(SHOTS, { recursive: true });
  const compare = await openThree(page);
  await compare.pick([brokenRecord()]);
  await expect(compare.refusedItems()).toHaveCount(1);
  await expectNoHorizontalScroll(page, 'compare at 768');
  await page.screenshot({ path: join(SHOTS, 'compare-768x1024.png'), fullPage: true });
  await page.screenshot({ path: join(SHOTS, 'compare-768x1024-top.png') });
  await page.getByRole('region', { name: EN.compare.agree_heading, exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'compare-768x1024-agree.png') });
  await compare.table(STATE_MONEY).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'compare-768x1024-table.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expectNoHorizontalScroll(page, 'compare at 1920');
  await page.screenshot({ path: join(SHOTS, 'compare-1920x1080.png'), fullPage: true });
  await compare.table(STATE_MONEY).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'compare-1920x1080-table.png') });
  await expectNoAxeViolations(page, 'compare at 1920');
});
