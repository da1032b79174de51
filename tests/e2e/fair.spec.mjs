// Beyond the average: the fair split beside the average on Results, the room's
// screen and the print; where the roles agree and divide; and what goes down
// to pay for what goes up on the decision.
import {
  test, expect, expectNoAxeViolations, EN, AREAS, AREA_IDS, ROLES, fill, savedRecord, SEED_KEY, SETUP_KEY,
} from './fixtures.mjs';
import { AllocatePage, DecisionPage, PresenterPage, PrintPage, ResultsPage } from './pages/index.mjs';
import { aTabletJoinedBy, joinLinkOf } from './helpers.mjs';
import { ShareEditor } from './pages/ShareEditor.mjs';

const [OWN_HOME, ACCOMMODATION, DAY, HOSPITAL, COMMUNITY] = AREAS;
const STATE_MONEY = EN.default_kinds.state_money;

/** Everything on one area, for every kind. */
function allOn(workshop, area) {
  const areas = Object.fromEntries(AREA_IDS.map((a) => [a, a === area ? 10000 : 0]));
  return Object.fromEntries(workshop.kinds.map((k) => [k.id, { areas, locked: [], models: {} }]));
}

/**
 * Two citizens put everything on whole-community work and two commissioners
 * everything on support in people's own homes. Everyone is single-minded, so
 * the fair split gives each area the share of people who chose it: 50% and
 * 50%, against today's 35/30/15/15/5 of £10,000,000.
 */
async function seedADividedRoom(page) {
  await page.goto('./#/participants');
  await page.waitForFunction((key) => localStorage.getItem(key), SETUP_KEY);
  const record = await savedRecord(page);
  const w = record.workshop;
  const now = new Date().toISOString();
  const people = [['Amira', 'citizen', 'whole_community'], ['Bea', 'citizen', 'whole_community'],
    ['Cllr Jones', 'commissioner', 'own_home'], ['Cllr Okafor', 'commissioner', 'own_home']];
  w.ballots = people.map(([participant, role, area], i) => ({
    id: `${'ab'.repeat(15)}0${i}`, workshop_id: w.id, participant, role, allocations: allOn(w, area), updated_at: now,
  }));
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SEED_KEY, JSON.stringify(record)]);
}

/** "Area: the roles divide, 100 percentage points apart. High: more … Low: less …" */
const divide = (area, high, low, gap) => fill(EN.agree.divide, { area, high, low, points: gap });

test('the fair split, where the roles agree and divide, and what moves to pay for what', async ({ page, newPage }) => {
  await seedADividedRoom(page);
  await page.goto('./#/results');
  await page.reload();
  const results = new ResultsPage(page);
  await results.expectShown();

  await test.step('Results show the fair split beside the average, and where the roles divide', async () => {
    expect(await results.columnHeaders()).toContain(EN.results.fair);
    const headers = await results.columnHeaders();
    const fairColumn = headers.indexOf(EN.results.fair) - 1; // the row header is not a cell
    for (const [area, share] of [[OWN_HOME, '50% £5,000,000'], [COMMUNITY, '50% £5,000,000'], [ACCOMMODATION, '0% £0']]) {
      expect((await results.rowFor(area))[fairColumn], `fair split of ${area}`).toBe(share);
    }
    await expect(results.resource().getByText(EN.results.fair_explain)).toBeVisible();
    const sentences = results.agreement();
    await expect(sentences).toHaveCount(5);
    const roles = EN.roles_plural;
    await expect(sentences.nth(0)).toHaveText(divide(OWN_HOME, roles.commissioner, roles.citizen, 100));
    await expect(sentences.nth(1)).toHaveText(fill(EN.agree.all_less, { area: ACCOMMODATION }));
    await expect(sentences.nth(4)).toHaveText(divide(COMMUNITY, roles.citizen, roles.commissioner, 100));
    await expectNoAxeViolations(page, 'results with the fair split');
  });

  const presenter = new PresenterPage(await newPage());
  await test.step('the room\'s screen leads with the fair split, then with the headlines', async () => {
    await presenter.open();
    expect(await presenter.barValue(OWN_HOME)).toBe('50%');
    expect(await presenter.barValue(OWN_HOME, EN.presenter.everyone_fair), 'no fair bar while the average leads').toBeNull();
    await page.bringToFront();
    await results.roomScreenLeadsWith(EN.room.lead_fair);
    await expect.poll(() => presenter.barValue(OWN_HOME, EN.presenter.everyone_fair)).toBe('50%');
    // The line under the chart compares the roles' fair splits too.
    await expect(presenter.gapSentence(OWN_HOME)).toHaveText(fill(EN.presenter.gap_commissioners_more, { points: 100 }));
    await results.roomScreenLeadsWith(EN.room.lead_agreement);
    const headlines = presenter.headlines();
    // The two divides first (100 points apart), then the areas every role wants less for.
    await expect(headlines).toHaveCount(5);
    await expect(headlines.nth(0)).toHaveText(divide(OWN_HOME, EN.roles_plural.commissioner, EN.roles_plural.citizen, 100));
    await expect(headlines.nth(2)).toHaveText(fill(EN.agree.all_less, { area: ACCOMMODATION }));
    await expectNoAxeViolations(presenter.page, 'presenter leading with the headlines');
    await presenter.page.screenshot({ path: 'tests/e2e/screenshots/presenter-headlines.png' });
  });

  await test.step('the decision starts from the fair split and shows what goes down to pay for what goes up', async () => {
    await page.bringToFront();
    const decision = new DecisionPage(page);
    await decision.goTo(EN.nav.decision);
    await decision.startFrom(EN.decision.start_fair);
    await decision.recordTheDecision();
    const shift = decision.shift();
    await expect(shift.total).toHaveText(fill(EN.shift.moved, { amount: '£6,000,000' }));
    await expect(shift.up).toHaveText([`${COMMUNITY} +£4,500,000`, `${OWN_HOME} +£1,500,000`]);
    await expect(shift.down).toHaveText([/^Support with accommodation [−-]£3,000,000$/, new RegExp(`^${DAY} [−-]£1,500,000$`), new RegExp(`^${HOSPITAL} [−-]£1,500,000$`)]);
    await expectNoAxeViolations(page, 'decision with the shift');
    await page.locator('.shift').first().screenshot({ path: 'tests/e2e/screenshots/decision-shift.png' });
  });

  await test.step('the printed summary carries the fair split and the shift', async () => {
    const print = new PrintPage(page);
    await print.open();
    const kind = page.locator('.print-kind').filter({ has: page.getByRole('heading', { name: STATE_MONEY, exact: true }) });
    await expect(kind.getByRole('columnheader', { name: EN.results.fair, exact: true })).toBeVisible();
    await expect(kind.locator('.shift-total')).toHaveText(fill(EN.shift.moved, { amount: '£6,000,000' }));
  });

  await test.step('each person sees what goes down to pay for what goes up in their own split', async () => {
    // Amira put everything on whole-community work: £9,500,000 moves there from the other four.
    await page.goto(`./#/allocate/${'ab'.repeat(15)}00`);
    const own = page.locator('.own-shift');
    await expect(own.getByRole('heading', { name: EN.shift.heading })).toBeVisible();
    await expect(own.locator('.shift-total')).toHaveText(fill(EN.shift.moved, { amount: '£9,500,000' }));
    // Every area in its own row, in area order, whatever moved.
    await expect(own.locator('li')).toHaveCount(5);
    await expect(own.locator('li.shift-up')).toHaveText([`${COMMUNITY} +£9,500,000`]);
    await expect(own.locator('li.shift-down')).toHaveText([new RegExp(`^${OWN_HOME} [−-]£3,500,000$`),
      /^Support with accommodation [−-]£3,000,000$/, new RegExp(`^${DAY} [−-]£1,500,000$`), new RegExp(`^${HOSPITAL} [−-]£1,500,000$`)]);
    const height = (await own.boundingBox()).height;
    // Moving a share moves the list with it: 10% back to own home leaves it £2,500,000 down.
    const editor = new ShareEditor(page, page.locator('section.card').filter({ has: page.locator('#kind-heading') }));
    await editor.type(OWN_HOME, 10);
    await expect(own.locator('.shift-total')).toHaveText(fill(EN.shift.moved, { amount: '£8,500,000' }));
    await expect(own.locator('li.shift-up')).toHaveText([`${COMMUNITY} +£8,500,000`]);
    await expect(own.locator('li.shift-down').first()).toHaveText(new RegExp(`^${OWN_HOME} [−-]£2,500,000$`));
    await expect(own.locator('li.shift-down').nth(1)).toHaveText(/^Support with accommodation [−-]£3,000,000$/);
    // The card kept its height: nothing below it moved.
    expect((await own.boundingBox()).height).toBe(height);
    await expectNoAxeViolations(page, 'a person\'s own shift');
    await own.screenshot({ path: 'tests/e2e/screenshots/own-shift.png' });
  });
});

// A person's own shift follows their split a moment after each change. Were
// its card to grow then, "Give my choices" and "Finished" below it would move
// under a finger already on its way to them (the cause of a test that failed
// at random: a tap that landed where the panel had been).
test('on a tablet, nothing below the sliders moves after a tap on +', async ({ page, newPage }) => {
  const { tabletPage, tablet } = await aTabletJoinedBy(newPage, await joinLinkOf(page));
  await tablet.startTurn('Bea', ROLES.provider);
  const own = tabletPage.locator('.own-shift');
  await expect(own.locator('.shift-total')).toHaveText(EN.shift.none);
  await expect(own.locator('li.shift-same')).toHaveCount(5);
  const give = tabletPage.locator('details').filter({ hasText: EN.share.summary });
  // Where it is on the page (not on the screen: the tap may scroll).
  const top = () => give.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await new AllocatePage(tabletPage).editor().tapMore(DAY);
  // The list has followed the tap: day activities went up.
  await expect(own.locator('li.shift-up')).toHaveText([new RegExp(`^${DAY} \\+`)]);
  await expect(own.locator('.shift-total')).not.toHaveText(EN.shift.none);
  expect(await top(), 'the panel below stayed where it was').toBe(before);
});
