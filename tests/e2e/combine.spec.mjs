// Combining sessions (issue 14): the records of two sessions of Cardiff and
// one of Swansea, made by the host test `tests/combine.rs` (which also works
// out the figures in expected.json), are combined on Save and share; a
// broken fourth file is listed with its error and changes nothing; the
// results page shows all sessions together and each one, matching the
// host's figures; the combined record exports with every ballot's session
// and opens again exactly.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, EN, fill, storageItems, expectNoAxeViolations, expectNoHorizontalScroll } from './fixtures.mjs';
import { DataPage, ResultsPage } from './pages/index.mjs';
import { WORKSHOP_NAME, workshopWithTwoPeople } from './helpers.mjs';

const DIR = join(import.meta.dirname, 'combine');
const read = async (name) => ({ name, text: await readFile(join(DIR, name), 'utf8') });
const RECORDS = ['cardiff-morning.json', 'cardiff-evening.json', 'swansea.json'];
const SESSIONS = [
  // Name, place and date as the options on the results page word them.
  ['Cardiff morning', 'Cardiff', '1 March 2026'],
  ['Cardiff evening', 'Cardiff', '1 March 2026'],
  ['Swansea day', 'Swansea', '10 February 2026'],
];

/** Answers the browser's next question (OK or Cancel) instead of the fixture's OK. */
function answerNextQuestion(page, ok) {
  page.removeAllListeners('dialog');
  page.once('dialog', async (d) => {
    await (ok ? d.accept() : d.dismiss());
    page.on('dialog', (next) => next.accept());
  });
}

async function shot(page, name) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test('three records of two places combine; a broken file is listed and changes nothing; results per session match the host', async ({ page }) => {
  const expected = JSON.parse(await readFile(join(DIR, 'expected.json'), 'utf8'));
  const [morning, evening, swansea] = await Promise.all(RECORDS.map(read));
  const broken = await read('broken.json');
  await workshopWithTwoPeople(page);
  const data = new DataPage(page);
  await data.goTo(EN.nav.data);
  await data.expectShown();
  await data.openCombineSessions();
  // The combined workshop's record, from Save and share (the facilitator's build).
  const download = async () => {
    await data.goTo(EN.nav.data);
    await data.expectShown();
    return data.downloadAsJson();
  };

  await test.step('a broken file alone is listed with its error, and nothing changes', async () => {
    const stored = await storageItems(page);
    await data.pickRecordsToCombine([broken]);
    await expect(data.combineRefusals()).toHaveText([
      'broken.json: At workshop.date: `1 March` is not a date in the form 2026-11-25.',
    ]);
    await expect(data.sessionsToCombine()).toHaveCount(0);
    await expect(data.makeTheCombinedWorkshopButton()).toHaveCount(0);
    expect(await storageItems(page)).toEqual(stored);
    await expect(page.getByRole('banner')).toContainText(WORKSHOP_NAME);
  });

  await test.step('with the three good records, the broken one is listed and the others go ahead', async () => {
    await data.pickRecordsToCombine([swansea, broken, morning, evening]);
    await expect(data.combineRefusals()).toHaveCount(1);
    await expect(data.combineRefusals()).toContainText('broken.json: At workshop.date');
    // Sessions in date order, then by id (as the records are matched).
    await expect(data.sessionsToCombine()).toHaveText([
      'Swansea day, Swansea, 10 February 2026. People who chose: 1',
      'Cardiff morning, Cardiff, 1 March 2026. People who chose: 2',
      'Cardiff evening, Cardiff, 1 March 2026. People who chose: 1',
    ]);
    // Swansea writes "State Money" and "People’s time": matched by name and unit.
    await expect(data.resourcesToCombine()).toHaveText([
      fill(EN.combine.kind_everywhere, { name: 'State Money' }),
      fill(EN.combine.kind_everywhere, { name: 'People’s time' }),
    ]);
    await expectNoAxeViolations(page, 'combine sessions');
    await expectNoHorizontalScroll(page, 'combine sessions');
    await data.makeTheCombinedWorkshopButton().scrollIntoViewIfNeeded();
    await shot(page, 'combine-picked');
  });

  await test.step('the current workshop is replaced only after asking', async () => {
    const stored = await storageItems(page);
    answerNextQuestion(page, false);
    await data.makeTheCombinedWorkshop();
    await expect(page.getByRole('banner')).toContainText(WORKSHOP_NAME);
    expect(await storageItems(page)).toEqual(stored);
    answerNextQuestion(page, true);
    await data.makeTheCombinedWorkshop();
    await expect(data.combined()).toHaveText(fill(EN.combine.done, { sessions: 3, count: 4 }));
    await expect(page.getByRole('banner')).toContainText('Cardiff morning');
    await shot(page, 'combine-done');
  });

  const results = new ResultsPage(page);
  const checkEverySession = async () => {
    await results.showSession(null);
    expect(await results.figures()).toEqual({
      mean: expected.all.mean, fair: expected.all.fair, median: expected.all.median,
    });
    await expect(page.getByText(fill(EN.results.lead, { count: expected.all.participants }))).toBeVisible();
    for (const [name, place, date] of SESSIONS) {
      await results.showSession(fill(EN.results.session_option, { name, place, date }));
      const want = expected.sessions[name];
      await expect(page.getByText(fill(EN.results.lead, { count: want.participants }))).toBeVisible();
      expect(await results.figures(), name).toEqual({ mean: want.mean, fair: want.fair, median: want.median });
    }
    await results.showSession(null);
  };

  await test.step('results for all sessions together and for each, as the host works them out', async () => {
    // The link under "combined" leads there (back in the facilitator's build).
    await page.getByRole('link', { name: EN.combine.see_results, exact: true }).tap();
    await results.expectShown();
    await checkEverySession();
    await results.showSession(fill(EN.results.session_option, { name: 'Cardiff morning', place: 'Cardiff', date: '1 March 2026' }));
    await expectNoAxeViolations(page, 'results of one session');
    await shot(page, 'combine-results-session');
    await results.showSession(null);
    // Kept on the device: a reload brings back every ballot with its session.
    await page.reload();
    await results.expectShown();
    await checkEverySession();
  });

  let exported;
  await test.step('the combined record exports with every ballot\'s session', async () => {
    exported = await download();
    const record = JSON.parse(exported.text);
    expect(record.schema_version).toBe(4);
    expect(record.workshop.id).toBe(expected.id);
    expect(record.workshop.sessions.map((s) => s.name)).toEqual(['Cardiff morning', 'Cardiff evening', 'Swansea day']);
    const sessionIds = record.workshop.sessions.map((s) => s.id);
    expect(record.workshop.ballots).toHaveLength(4);
    for (const b of record.workshop.ballots) expect(sessionIds).toContain(b.session);
  });

  await test.step('combining the same files again, in another order, gives the same workshop', async () => {
    await data.openCombineSessions();
    await data.pickRecordsToCombine([evening, morning, swansea, morning]);
    await expect(data.sessionsToCombine()).toHaveCount(3);
    await data.makeTheCombinedWorkshop();
    await expect(data.combined()).toHaveText(fill(EN.combine.done, { sessions: 3, count: 4 }));
    const again = await download();
    expect(JSON.parse(again.text).workshop).toEqual(JSON.parse(exported.text).workshop);
  });

  await test.step('a resource named differently is shown, and matched by hand with a select', async () => {
    const renamed = JSON.parse(evening.text);
    renamed.workshop.kinds[1].name = 'Volunteer hours';
    await data.openCombineSessions();
    await data.pickRecordsToCombine([morning, { name: 'evening.json', text: JSON.stringify(renamed) }, swansea]);
    await expect(data.resourcesToCombine()).toHaveText([
      fill(EN.combine.kind_everywhere, { name: 'State Money' }),
      fill(EN.combine.kind_gap, { name: 'People’s time', records: 2, of: 3 }),
    ]);
    await expect(data.makeTheCombinedWorkshopButton()).toHaveCount(0);
    await shot(page, 'combine-mismatch');
    await data.matchChoice('Volunteer hours', 'Cardiff evening').selectOption({ label: 'People’s time' });
    await expect(data.resourcesToCombine()).toHaveText([
      fill(EN.combine.kind_everywhere, { name: 'State Money' }),
      fill(EN.combine.by_hand, { name: 'People’s time' }),
    ]);
    await expectNoAxeViolations(page, 'combine sessions, matched by hand');
    await data.makeTheCombinedWorkshop();
    await expect(data.combined()).toHaveText(fill(EN.combine.done, { sessions: 3, count: 4 }));
    const matched = await download();
    expect(JSON.parse(matched.text).workshop).toEqual(JSON.parse(exported.text).workshop);
  });

  await test.step('the exported record opens again like any other, with the same results', async () => {
    await data.startANewWorkshop();
    await data.openFile(exported.name, exported.text);
    await expect(data.opened()).toBeVisible();
    await results.goTo(EN.nav.results);
    await checkEverySession();
  });
});
