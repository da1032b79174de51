// Everyone in the room can take part: every screen in English and Welsh, with
// and without Easy Read, passes axe and fits a portrait tablet, a landscape
// tablet, a phone and a tablet at 200% zoom; the keyboard alone completes an
// allocation; choices of language and Easy Read are remembered and never
// touch the workshop.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  test, expect, expectNoAxeViolations, expectNoHorizontalScroll, watchErrors, SEED_KEY, savedRecord, EN, CY, escapeRegExp, fill, textPattern,
} from './fixtures.mjs';
import { workshopWithTwoPeople } from './helpers.mjs';

const PREFS_KEY = 'co-produce.device.v1';
/** "<area> went down to <pct>", as the live region announces it. */
const WENT_DOWN = textPattern(EN.announce.went_down);
const SHOTS = join(import.meta.dirname, 'screenshots', 'inclusion');
const VIEWPORTS = [
  ['portrait', { width: 768, height: 1024 }],
  ['landscape', { width: 1024, height: 768 }],
  ['phone', { width: 390, height: 844 }],
  // A 768-wide tablet with text and everything else at 200%.
  ['zoom-200', { width: 384, height: 512 }],
];
const MODES = [
  { name: 'en', language: 'en', easy: false, t: EN },
  { name: 'cy', language: 'cy', easy: false, t: CY },
  { name: 'en-easy', language: 'en', easy: true, t: EN },
  { name: 'cy-easy', language: 'cy', easy: true, t: CY },
];

let seed;
let ids;

test.beforeAll(async ({ browser, baseURL }) => {
  await mkdir(SHOTS, { recursive: true });
  const context = await browser.newContext({ baseURL, viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  ids = await workshopWithTwoPeople(page);
  seed = JSON.stringify(await savedRecord(page));
  await context.close();
  expect(errors).toEqual([]);
});

/** Starts every page of the test from the seeded workshop and a device choice. */
async function start(page, { language, easy }) {
  await page.addInitScript(({ key, text, prefsKey, prefs }) => {
    if (!sessionStorage.getItem('e2e-seeded')) {
      localStorage.setItem(key, text);
      localStorage.setItem(prefsKey, JSON.stringify(prefs));
      sessionStorage.setItem('e2e-seeded', '1');
    }
  }, { key: SEED_KEY, text: seed, prefsKey: PREFS_KEY, prefs: { language, easy_read: easy } });
}

/** The screens a participant or facilitator sees, as hash routes. */
function screens() {
  return [
    ['setup', '#/setup'],
    ...[1, 2, 3, 4, 5].map((n) => [`area-${n}`, `#/area/${n}`]),
    ['participants', '#/participants'],
    ['allocate', `#/allocate/${ids.citizen}`],
    ['results', '#/results'],
    ['decision', '#/decision'],
    ['data', '#/data'],
    ['presenter', '#/present'],
    ['tablet-start', '#/tablet'],
    ['tablet-allocate', `#/tablet/${ids.commissioner}`],
    ['tablet-finished', '#/tablet/finished'],
    ['partnership', `#/partnership/${ids.citizen}`],
    ['tablet-partnership', `#/partnership/${ids.commissioner}/tablet`],
    ['print', '#/print'],
    ['compare', '#/compare'],
  ];
}

/** Buttons, fields and links that are not inside running text are at least 44×44 CSS px. */
async function expectLargeTargets(page, screen) {
  const small = await page.evaluate(() => {
    const targets = [...document.querySelectorAll(
      'button, select, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), a.button, a.nav-link, a.tab, summary, label.choice')];
    return targets
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false; // not shown
        if (el.closest('.visually-hidden, .visually-hidden-file')) return false;
        return r.height < 43.5 || r.width < 43.5;
      })
      .slice(0, 6)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`;
      });
  });
  expect(small, `touch targets under 44×44 on ${screen}`).toEqual([]);
}

for (const mode of MODES) {
  test(`every screen in ${mode.name}: axe, fits every screen size, large targets`, async ({ page }) => {
    test.setTimeout(180_000);
    await start(page, mode);
    for (const [name, hash] of screens()) {
      await page.setViewportSize(VIEWPORTS[0][1]);
      await page.goto(hash);
      // The first screen in index.html has headings too: wait for the app's own.
      await expect(page.locator('#splash')).toHaveCount(0);
      await expect(page.locator('main h1, main h2').first()).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      await expect(page.locator('html')).toHaveAttribute('lang', mode.language);
      for (const [vpName, vp] of VIEWPORTS) {
        await page.setViewportSize(vp);
        await expectNoHorizontalScroll(page, `${name} in ${mode.name} (${vpName} ${vp.width}×${vp.height})`);
        if (vpName !== 'zoom-200' && name !== 'print') await expectLargeTargets(page, `${name} in ${mode.name} (${vpName})`);
        if (vpName === 'portrait' || vpName === 'phone') {
          await page.screenshot({ path: join(SHOTS, `${mode.name}-${name}-${vpName}.png`), fullPage: true });
        }
      }
      await page.setViewportSize(VIEWPORTS[0][1]);
      await expectNoAxeViolations(page, `${name} in ${mode.name}`);
    }
  });
}

test('the language switch keeps the work, follows lang, and is remembered', async ({ page }) => {
  await start(page, { language: 'en', easy: false });
  await page.goto('#/setup');
  await page.getByLabel(EN.setup.name).fill('Cynllunio gyda’n gilydd');
  await page.getByRole('button', { name: CY.device.language_name }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CY.setup.title);
  await expect(page.getByLabel(CY.setup.name)).toHaveValue('Cynllunio gyda’n gilydd');
  // Focus stays on the switch, so a keyboard user carries on from it.
  await expect(page.getByRole('button', { name: CY.device.language_name })).toBeFocused();
  // Welsh words for figures: hours are "awr".
  await page.goto('#/area/1');
  await expect(page.getByText(new RegExp(`\\d ${escapeRegExp(CY.format.hours)}`)).first()).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('button', { name: CY.device.language_name })).toHaveAttribute('aria-pressed', 'true');
  const saved = await savedRecord(page);
  expect(saved.workshop.name).toBe('Cynllunio gyda’n gilydd');
  await page.getByRole('button', { name: EN.device.language_name }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('Easy Read: one area at a time, steps of five that keep exact shares, real figures shown', async ({ page }) => {
  await start(page, { language: 'en', easy: false });
  await page.goto(`#/allocate/${ids.commissioner}`);
  await page.getByRole('button', { name: EN.device.easy_read }).tap();
  await expect(page.getByRole('button', { name: EN.device.easy_read })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: EN.easy.own_home })).toBeVisible();
  await expect(page.getByText(fill(EN.easy.area_n, { n: 1 }))).toBeVisible();
  // Only three choices for the area, plus back and next.
  const card = page.locator('.easy-card');
  await expect(card.getByRole('button')).toHaveCount(5);
  const before = await card.locator('.easy-big').textContent();
  await card.getByRole('button', { name: EN.easy.more }).tap();
  const after = await card.locator('.easy-big').textContent();
  expect(parseFloat(after)).toBeGreaterThan(parseFloat(before));
  expect(parseFloat(after) % 5).toBe(0);
  // The other areas moved, and screen readers hear which.
  await expect(page.getByRole('status').filter({ hasText: WENT_DOWN })).toHaveCount(1);
  // A supporter sees the money.
  await expect(card.locator('.supporter')).toContainText('£');
  await card.getByRole('button', { name: EN.easy.next }).tap();
  await expect(page.getByRole('heading', { name: EN.easy.accommodation })).toBeFocused();
  await card.getByRole('button', { name: EN.easy.less }).tap();
  for (let i = 0; i < 4; i++) await card.getByRole('button', { name: EN.easy.next }).tap();
  await expect(page.getByRole('heading', { name: EN.easy.check_title })).toBeVisible();
  const saved = await savedRecord(page);
  const ballot = saved.workshop.ballots.find((b) => b.id === ids.commissioner);
  const shares = Object.values(ballot.allocations.state_money.areas);
  expect(shares.reduce((a, b) => a + b, 0)).toBe(10000);
  // From the end of dividing, on to saying what is good and what is not.
  await page.getByRole('link', { name: EN.easy.words_link, exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`#/words/${ids.commissioner}/1$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${EN.words.title}: ${EN.easy.own_home}`);
  await expect(page.getByRole('heading', { name: EN.easy.words_good })).toBeVisible();
  // Remembered on this device after a reload.
  await page.reload();
  await expect(page.getByRole('button', { name: EN.device.easy_read })).toHaveAttribute('aria-pressed', 'true');
});

test('the keyboard alone completes a participant’s turn, with a visible focus', async ({ page }) => {
  await start(page, { language: 'en', easy: false });
  await page.goto('#/tablet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN.tablet.title);
  // Tab from the top of the page to the name field.
  const focusOn = async (accessibleName, role) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const here = await page.evaluate(() => {
        const el = document.activeElement;
        const label = el.labels && el.labels[0] ? el.labels[0].textContent : '';
        return { text: (el.getAttribute('aria-label') || label || el.textContent || '').trim(), tag: el.tagName, type: el.type || '' };
      });
      if (here.text.includes(accessibleName) && (!role || here.type === role || here.tag === role)) return;
    }
    throw new Error(`could not reach "${accessibleName}" with Tab`);
  };
  await focusOn(EN.tablet.name, 'text');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineWidth);
  expect(parseFloat(outline)).toBeGreaterThanOrEqual(3);
  await page.keyboard.type('Dai');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // the first role
  await focusOn(EN.tablet.start, 'BUTTON');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN.allocate.title);
  // The first area's slider: arrows move it and the others follow.
  await focusOn(EN.areas.own_home, 'range');
  const slider = page.locator('input[type=range]').first();
  const first = Number(await slider.inputValue());
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  expect(Number(await slider.inputValue())).toBeGreaterThan(first);
  await expect(slider).toHaveAttribute('aria-valuetext', new RegExp(`^${escapeRegExp(EN.areas.own_home)}, [\\d.]+%, £[\\d,]+`));
  await expect(page.getByRole('status').filter({ hasText: WENT_DOWN })).toHaveCount(1);
  // The + button by keyboard.
  await focusOn(fill(EN.allocate.more, { area: EN.areas.accommodation }), 'BUTTON');
  await page.keyboard.press('Enter');
  await focusOn(EN.tablet.finish, 'A');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN.tablet.thanks);
  const saved = await savedRecord(page);
  const dai = saved.workshop.ballots.find((b) => b.participant === 'Dai');
  expect(Object.values(dai.allocations.state_money.areas).reduce((a, b) => a + b, 0)).toBe(10000);
});

test('motion is switched off for people who ask for less', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, reducedMotion: 'reduce', viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  await page.goto('#/setup');
  const durations = await page.evaluate(() => [...document.querySelectorAll('button, a')]
    .map((el) => getComputedStyle(el).transitionDuration)
    .filter((d) => d.split(',').some((x) => parseFloat(x) > 0)));
  expect(durations).toEqual([]);
  await context.close();
});

test('the presenter shows English and Welsh side by side when asked', async ({ page, newPage }) => {
  await start(page, { language: 'en', easy: false });
  await page.goto('#/results');
  await page.getByRole('button', { name: EN.device.both_languages }).tap();
  const presenter = await newPage();
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.goto('#/present');
  await expect(presenter.locator('.presenter-panel h2').first()).toContainText(EN.areas.own_home);
  await expect(presenter.locator('.presenter-panel h2 [lang=cy]').first()).toHaveText(CY.areas.own_home);
  await presenter.screenshot({ path: join(SHOTS, 'presenter-both-languages.png') });
  await expectNoAxeViolations(presenter, 'presenter in both languages');
});
