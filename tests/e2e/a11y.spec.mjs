// Every screen, with realistic content: no WCAG 2.2 A/AA violations that axe
// can find, no sideways scrolling on a portrait or landscape tablet, and a
// full-page screenshot for people to look at.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  test, expect, expectNoAxeViolations, expectNoHorizontalScroll, watchErrors, SEED_KEY, savedRecord, AREAS, EN, ROLES, fill,
} from './fixtures.mjs';
import {
  AppPage, WalkthroughPage, AllocatePage, DecisionPage, DataPage, ParticipantsPage, SetupPage,
} from './pages/index.mjs';
import { workshopWithTwoPeople } from './helpers.mjs';

const SHOTS = join(import.meta.dirname, 'screenshots');
const PORTRAIT = { width: 768, height: 1024 };
const LANDSCAPE = { width: 1024, height: 768 };

let seed; // the saved workshop every screen starts from
let ids;

test.beforeAll(async ({ browser, baseURL }) => {
  await mkdir(SHOTS, { recursive: true });
  const context = await browser.newContext({ baseURL, viewport: PORTRAIT, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  ids = await workshopWithTwoPeople(page);
  const walk = new WalkthroughPage(page);
  await walk.open(1);
  await walk.answerTheGoodLifeQuestion('Living at home with the right help.');
  await walk.addLike('Carers who know me');
  await walk.addDislike('Fifteen-minute visits');
  const decision = new DecisionPage(page);
  await decision.goTo(EN.nav.decision);
  await decision.recordTheDecision();
  await decision.writeTheReason(AREAS[0], 'More help at home keeps people out of hospital.');
  seed = JSON.stringify(await savedRecord(page));
  await context.close();
  expect(errors).toEqual([]);
  expect(seed).toContain('More help at home');
});

/** Starts the page from the seeded workshop (once per tab, so reloads keep changes). */
async function seeded(page, text = seed) {
  await page.addInitScript(({ key, text }) => {
    if (!sessionStorage.getItem('e2e-seeded')) {
      localStorage.setItem(key, text);
      sessionStorage.setItem('e2e-seeded', '1');
    }
  }, { key: SEED_KEY, text });
}

/** Axe, screenshots and sideways scrolling, portrait then landscape. */
async function checkScreen(page, name) {
  await page.setViewportSize(PORTRAIT);
  await page.evaluate(() => document.fonts.ready);
  await expectNoHorizontalScroll(page, `${name} (portrait 768×1024)`);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize(LANDSCAPE);
  await expectNoHorizontalScroll(page, `${name} (landscape 1024×768)`);
  await page.screenshot({ path: join(SHOTS, `${name}-landscape.png`), fullPage: true });
  await page.setViewportSize(PORTRAIT);
  await expectNoAxeViolations(page, name);
}

test('set-up', async ({ page }) => {
  await seeded(page);
  const setup = new SetupPage(page);
  await setup.open();
  await checkScreen(page, 'setup');
});

test('set-up with the unreadable-storage warning', async ({ page }) => {
  await seeded(page, '{not json');
  const setup = new SetupPage(page);
  await setup.open();
  await expect(setup.storageWarning()).toBeVisible();
  await checkScreen(page, 'setup-storage-warning');
});

for (let n = 1; n <= 5; n++) {
  test(`walk-through step ${n}`, async ({ page }) => {
    await seeded(page);
    const walk = new WalkthroughPage(page);
    await walk.open(n);
    await walk.expectStep(n, AREAS[n - 1]);
    // Open the first card's sources so they are checked too.
    await walk.modelCards().first().getByText(EN.walk.sources, { exact: true }).tap();
    await checkScreen(page, `area-${n}`);
  });
}

test('people', async ({ page }) => {
  await seeded(page);
  const people = new ParticipantsPage(page);
  await people.open();
  await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(2));
  await checkScreen(page, 'participants');
  // The form's message when nothing is chosen.
  await page.getByRole('button', { name: EN.participants.add }).tap();
  await expect(people.formError()).toHaveText(EN.participants.need_role);
  await checkScreen(page, 'participants-error');
});

test('dividing the resources', async ({ page }) => {
  await seeded(page);
  const allocate = new AllocatePage(page);
  await allocate.open(ids.citizen);
  await allocate.expectTurnOf('Amira', ROLES.citizen);
  await expect(allocate.editor().lockButton(AREAS[4])).toHaveAttribute('aria-pressed', 'true');
  // Open the years ahead and one area's ways of working.
  await allocate.resource().getByText(EN.allocate.projected_summary).tap();
  await allocate.resource().getByText(EN.allocate.models_summary).first().tap();
  // And a typed value that is refused, to check the error state.
  await allocate.editor().type(AREAS[1], '120');
  await expect(allocate.resource().getByText('Type a number from 0 to 100.', { exact: true })).toBeVisible();
  await checkScreen(page, 'allocate');
});

test('a link to a person who is not in the workshop', async ({ page }) => {
  await seeded(page);
  const screen = new AppPage(page);
  await screen.visit(`#/allocate/${'0'.repeat(31)}1`);
  await expect(screen.heading).toHaveText(EN.allocate.missing_title);
  await checkScreen(page, 'allocate-missing');
});

test('results', async ({ page }) => {
  await seeded(page);
  const screen = new AppPage(page);
  await screen.visit('#/results');
  await expect(screen.heading).toHaveText(EN.results.title);
  await expect(page.getByRole('img', { name: fill(EN.results.chart_title, { kind: EN.default_kinds.state_money }), exact: true })).toBeVisible();
  await checkScreen(page, 'results');
});

test('decision', async ({ page }) => {
  await seeded(page);
  const decision = new DecisionPage(page);
  await decision.open();
  await expect(decision.status()).toHaveText(EN.decision.recorded);
  await checkScreen(page, 'decision');
});

test('save and share, with a refused file', async ({ page }) => {
  await seeded(page);
  const data = new DataPage(page);
  await data.open();
  await data.openFile('broken.json', '{ "schema_version": 1, ');
  await expect(data.refusal()).toBeVisible();
  await expect(data.refusalDetail()).toHaveText('broken.json: This is not a JSON file: line 1, column 23: EOF while parsing a value.');
  await checkScreen(page, 'data-error');
});
