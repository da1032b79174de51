// The partnership check: on a passed-round tablet, two people of different
// roles rate the six principles before they divide the resources; Results,
// the room's screen and the print show each principle by role and call out
// the biggest gap; the ratings are saved on each ballot.
import { test, expect, expectNoAxeViolations, EN, fill, savedRecord } from './fixtures.mjs';
import { PresenterPage, PrintPage, ResultsPage, TabletPage } from './pages/index.mjs';

const P = EN.partnership;
const PRINCIPLES = ['shared_analysis', 'person_centred_design', 'leadership', 'shared_budgets_and_resources',
  'shared_interpretation_of_legislation', 'recognising_power_imbalances'];
const POWER = 'recognising_power_imbalances';

/** Rates every principle: `power` for recognising power imbalances, `rest` for the others. */
async function ratePrinciples(page, rest, power) {
  for (const id of PRINCIPLES) {
    const group = page.getByRole('group', { name: P[`n_${id}`], exact: true });
    const choice = group.getByRole('radio', { name: id === POWER ? power : rest, exact: true });
    await choice.tap();
    await expect(choice).toBeChecked();
  }
  await expect(page.getByText(fill(P.progress, { count: 6 }), { exact: true })).toBeVisible();
}

/** One person's turn: name and role, the check, then dividing, then hand on. */
async function turn(tablet, name, role, rest, power, { look = false } = {}) {
  const { page } = tablet;
  const id = await tablet.startTurn(name, role);
  await expect(page).toHaveURL(new RegExp(`#/partnership/${id}/tablet$`));
  await expect(tablet.heading).toHaveText(P.title);
  await expect(page.getByText(P.x_recognising_power_imbalances, { exact: true })).toBeVisible();
  await ratePrinciples(page, rest, power);
  if (look) {
    await expectNoAxeViolations(page, 'the partnership check on a tablet');
    await page.screenshot({ path: 'tests/e2e/screenshots/partnership-tablet.png', fullPage: true });
  }
  await page.getByRole('link', { name: `${P.to_divide} →`, exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`#/tablet/${id}$`));
  await expect(tablet.heading).toHaveText(EN.allocate.title);
  await page.getByRole('button', { name: fill(EN.allocate.more, { area: EN.areas.whole_community }), exact: true }).first().tap();
  await tablet.iHaveFinished();
  await tablet.expectFinished();
  await tablet.nextPerson();
  await tablet.expectStart();
  return id;
}

test('two roles rate the partnership; the biggest gap is the finding on Results, the room\'s screen and the print', async ({ page, newPage }) => {
  test.setTimeout(120_000);
  await page.goto('./#/setup');
  await test.step('the facilitator asks the check before dividing', async () => {
    const choice = page.getByRole('group', { name: P.setup_hint, exact: true }).getByRole('radio', { name: P.setup_before, exact: true });
    await choice.tap();
    await expect(choice).toBeChecked();
  });

  const tablet = new TabletPage(page);
  await tablet.open();
  const [amira, jones] = [
    await turn(tablet, 'Amira', EN.roles.citizen, P.r_a_little, P.r_not_at_all, { look: true }),
    await turn(tablet, 'Cllr Jones', EN.roles.commissioner, P.r_a_little, P.r_mostly),
  ];

  await test.step('each ballot carries its ratings, saved before the next turn', async () => {
    const { workshop } = await savedRecord(page);
    const ratings = Object.fromEntries(workshop.ballots.map((b) => [b.id, b.partnership]));
    expect(ratings[amira][POWER]).toBe('not_at_all');
    expect(ratings[amira].leadership).toBe('a_little');
    expect(ratings[jones][POWER]).toBe('mostly');
    expect(Object.keys(ratings[jones])).toHaveLength(6);
  });

  // Power imbalances: commissioners 2 (mostly), people who use support 0; every other principle 1 and 1.
  const finding = fill(P.finding, {
    principle: P.n_recognising_power_imbalances,
    higher: EN.roles_plural.commissioner,
    higher_rating: P.r_mostly.toLowerCase(),
    lower: EN.roles_plural.citizen,
    lower_rating: P.r_not_at_all.toLowerCase(),
  });
  const results = new ResultsPage(page);
  await test.step('Results chart every principle by role and call out the biggest gap', async () => {
    await results.open();
    const card = page.getByRole('region', { name: P.results_heading, exact: true });
    await expect(card.locator('.partnership-finding')).toHaveText(finding);
    await expect(card.getByText(fill(P.results_lead, { count: 2 }), { exact: true })).toBeVisible();
    const chart = card.getByRole('img', { name: P.results_heading, exact: true });
    await expect(chart.locator('.chart-group-title')).toHaveText(PRINCIPLES.map((id) => P[`n_${id}`]));
    // Per principle: everyone, then each role; the power-imbalance group reads 1.0, 2.0 and 0.0.
    const values = await chart.locator('.chart-value').allTextContents();
    expect(values).toHaveLength(18);
    expect(values.slice(15)).toEqual([`${P.r_a_little} · 1.0`, `${P.r_not_at_all} · 0.0`, `${P.r_mostly} · 2.0`]);
    await expectNoAxeViolations(page, 'results with the partnership check');
    await card.screenshot({ path: 'tests/e2e/screenshots/results-partnership.png' });
  });

  await test.step('the room\'s screen leads with the check, and the print carries it', async () => {
    // Same browser, another window: the projector follows the facilitator's window.
    const presenter = new PresenterPage(await newPage());
    await presenter.page.setViewportSize({ width: 1920, height: 1080 });
    await presenter.open();
    await page.bringToFront();
    await results.roomScreenLeadsWith(EN.room.lead_partnership);
    await presenter.page.bringToFront();
    await expect(presenter.page.locator('.presenter-partnership .partnership-finding')).toHaveText(finding);
    await expect(presenter.page.locator('.presenter-partnership .presenter-panel')).toHaveCount(6);
    await expectNoAxeViolations(presenter.page, 'presenter leading with the partnership check');
    await presenter.page.screenshot({ path: 'tests/e2e/screenshots/presenter-partnership.png' });

    await page.bringToFront();
    const print = new PrintPage(page);
    await print.open();
    await expect(page.locator('.print-partnership .partnership-finding')).toHaveText(finding);
  });
});
