// The first screen in index.html, read while the app downloads on a slow venue
// Wi-Fi: what Co-produce is and what happens next, in the device's language,
// with the join wording on a tablet's link; accessible; its bar the app's own
// height; and nothing jumps when the app takes over (CLS printed).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, expectNoAxeViolations, EN, CY, AREA_IDS } from './fixtures.mjs';

const PREFS_KEY = 'co-produce.device.v1';
const SHOTS = join(import.meta.dirname, 'screenshots', 'first-screen');
// index.html cannot reach the locale files, so its words are checked here.
const WORDS = {
  en: {
    t: EN,
    host: 'Decide together where support goes',
    join: 'You are joining a workshop from this tablet',
    next: 'The workshop opens in a moment. Everything you type stays on this device unless you share it.',
    joinNext: "In a moment you will make your choices. Your name is not shown on the room's screen.",
  },
  cy: {
    t: CY,
    host: "Penderfynu gyda'n gilydd ble mae'r gefnogaeth yn mynd",
    join: "Rydych chi'n ymuno â gweithdy o'r llechen hon",
    next: "Bydd y gweithdy'n agor mewn eiliad. Mae popeth rydych chi'n ei deipio yn aros ar y ddyfais hon oni bai eich bod yn ei rannu.",
    joinNext: "Mewn eiliad byddwch yn gwneud eich dewisiadau. Nid yw eich enw'n cael ei ddangos ar sgrin yr ystafell.",
  },
};
const LIVE_LINK = '#w=0123456789abcdef&k=abc&f=def&b=ws%3A%2F%2F192.168.1.20%3A9001';

/** Saves a device's language as the app does (src/platform/prefs.rs), or raw text as it is. */
async function savedChoice(page, prefs) {
  await page.addInitScript(({ key, text }) => {
    if (location.protocol !== 'about:') localStorage.setItem(key, text);
  }, { key: PREFS_KEY, text: typeof prefs === 'string' ? prefs : JSON.stringify(prefs) });
}

/** Opens an address with the app's wasm still downloading (held, never answered), as on a slow network. */
async function openWhileLoading(page, hash) {
  await page.route(/\.wasm$/, () => new Promise(() => {}));
  // From another page, so that only the fragment changing still loads index.html afresh.
  await page.goto('about:blank');
  await page.goto(hash, { waitUntil: 'domcontentloaded' });
  await expect(page.locator('#splash')).toBeVisible();
}

/** The heights of the first screen's visible bar, or of the app's header or tablet bar. */
function barHeight(page, selector) {
  return page.evaluate((s) => {
    const bar = [...document.querySelectorAll(s)].find((e) => e.getClientRects().length > 0);
    return bar ? Math.round(bar.getBoundingClientRect().height) : 0;
  }, selector);
}

test.describe('while the app downloads', () => {
  test.use({ serviceWorkers: 'block' });
  test.beforeAll(() => mkdir(SHOTS, { recursive: true }));

  for (const lang of ['en', 'cy']) {
    const w = WORDS[lang];
    const other = WORDS[lang === 'en' ? 'cy' : 'en'];

    test(`the first screen says what Co-produce is and what happens next (${lang})`, async ({ page }) => {
      await savedChoice(page, { language: lang, easy_read: false });
      await openWhileLoading(page, '#/setup');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.host);
      await expect(page.getByRole('banner')).toContainText(EN.app.name);
      // The five areas in the app's own words, in order.
      await expect(page.locator('#splash main li:visible')).toHaveText(AREA_IDS.map((id) => w.t.areas[id]));
      await expect(page.getByText(w.next, { exact: true })).toBeVisible();
      await expect(page.getByText(w.joinNext, { exact: true })).toBeHidden();
      await expect(page.getByText(other.next, { exact: true })).toBeHidden();
      await page.screenshot({ path: join(SHOTS, `${lang}-setup.png`) });
      await expectNoAxeViolations(page, `first (${lang})`);
    });

    for (const [name, hash] of [['join link', '#/join/abc'], ['live link', LIVE_LINK], ['pass-the-tablet', '#/tablet']]) {
      test(`a tablet's ${name} shows the join wording (${lang})`, async ({ page }) => {
        await savedChoice(page, { language: lang, easy_read: true });
        await openWhileLoading(page, hash);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.join);
        await expect(page.getByText(w.joinNext, { exact: true })).toBeVisible();
        await expect(page.getByText(w.next, { exact: true })).toBeHidden();
        // A tablet shows the app's tablet bar, not the facilitator's header.
        await expect(page.getByRole('banner')).toHaveCount(0);
        if (name === 'live link') {
          await page.screenshot({ path: join(SHOTS, `${lang}-join.png`) });
          await expectNoAxeViolations(page, `first, joining (${lang})`);
        }
      });
    }
  }

  test('a download cut short says so in the device\'s language, and trying again starts the app', async ({ page, pageErrors }) => {
    const FAILED = {
      en: ['The app did not finish downloading. Check the Wi-Fi, then try again.', 'Try again'],
      cy: ['Wnaeth yr ap ddim gorffen llwytho i lawr. Gwiriwch y Wi-Fi, yna rhowch gynnig arall arni.', 'Rhoi cynnig arall arni'],
    };
    await savedChoice(page, { language: 'cy', easy_read: false });
    await page.route(/\.wasm$/, (route) => route.abort('internetdisconnected'));
    await page.goto('#/tablet');
    const alert = page.getByRole('alert');
    await expect(alert).toHaveText(new RegExp(`^\\s*${FAILED.cy[0]}`));
    await expect(page.getByText(WORDS.cy.joinNext), 'no promise of "in a moment"').toBeHidden();
    await expect(page.getByText(FAILED.en[0]), 'one language, the device\'s').toBeHidden();
    await expectNoAxeViolations(page, 'the first screen after a failed download');
    await page.screenshot({ path: join(SHOTS, 'failed-download-cy.png') });
    // The network is back: trying again starts the app.
    await page.unroute(/\.wasm$/);
    await page.getByRole('button', { name: FAILED.cy[1] }).tap();
    await expect(page.locator('#splash')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CY.tablet.title);
    // The browser's own note of the failed download is expected here; nothing else.
    const others = pageErrors.filter((e) => !/Failed to load resource/.test(e));
    expect(others).toEqual([]);
    pageErrors.length = 0;
  });

  test('the room screen\'s live link and other addresses keep the facilitator wording', async ({ page }) => {
    for (const hash of [`${LIVE_LINK}&to=present`, '#/present', '#/join', '#/results', '#/']) {
      await openWhileLoading(page, hash);
      await expect(page.getByRole('heading', { level: 1 }), hash).toHaveText(WORDS.en.host);
    }
  });

  test('damaged or blocked saved choices fall back to English, with no script error', async ({ page, newPage }) => {
    // The page fixture fails the test on any console error or uncaught exception.
    for (const text of ['{"language": "cy",', 'null', '"cy"', '{"language": 7}', '{"language": "xx"}']) {
      await savedChoice(page, text);
      await openWhileLoading(page, '#/setup');
      await expect(page.locator('html'), text).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS.en.host);
    }
    const blocked = await newPage({ fresh: true });
    await blocked.addInitScript(() => Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    }));
    await openWhileLoading(blocked, '#/setup');
    await expect(blocked.locator('html')).toHaveAttribute('lang', 'en');
    await expect(blocked.getByRole('heading', { level: 1 })).toHaveText(WORDS.en.host);
  });

  test.describe('on a browser set to Welsh', () => {
    test.use({ locale: 'cy-GB' });
    test('with no saved choice the first screen is in Welsh, as the app will be', async ({ page }) => {
      await openWhileLoading(page, '#/setup');
      await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS.cy.host);
    });
  });

  test('the bar\'s invisible stand-ins use the app\'s words, so it wraps as the app\'s header does', async ({ page }) => {
    await openWhileLoading(page, '#/setup');
    for (const [lang, t] of [['en', EN], ['cy', CY]]) {
      const tabs = await page.locator(`#splash .nav-list [lang=${lang}]`).allTextContents();
      expect(tabs).toEqual(['setup', 'walkthrough', 'participants', 'results', 'decision', 'data', 'compare'].map((k) => t.nav[k]));
      expect(await page.locator(`#splash .workshop-name [lang=${lang}]`).textContent()).toBe(t.app.untitled);
      expect(await page.locator(`#splash header .device-bar [lang=${lang}]`).textContent()).toBe(t.device.easy_read);
    }
    expect(await page.locator('#splash header .device-bar .device-button').evaluateAll(
      (b) => b.slice(0, 2).map((e) => e.textContent))).toEqual([EN.device.language_name, CY.device.language_name]);
  });
});

test.describe('when the app takes over', () => {
  for (const [name, lang, hash, signal, appBar] of [
    ['set-up', 'en', '#/setup', EN.setup.title, '.app-header'],
    ['set-up', 'cy', '#/setup', CY.setup.title, '.app-header'],
    ['a tablet', 'en', '#/tablet', EN.tablet.title, '.tablet-bar'],
  ]) {
    test(`nothing jumps on ${name} (${lang}): the bar keeps its height and CLS is at most 0.05`, async ({ page, newPage, baseURL }) => {
      await savedChoice(page, { language: lang, easy_read: false });
      // The first screen's bar, measured with the app held back…
      const waiting = await newPage({ fresh: true });
      await savedChoice(waiting, { language: lang, easy_read: false });
      await openWhileLoading(waiting, hash);
      const before = await barHeight(waiting, '#splash header, #splash .tablet-bar');
      // …and the app's, on a slowish network (10 Mbit/s, 40 ms) so that the first
      // screen is painted well before the app takes over, with every layout
      // shift from the first paint on.
      await page.addInitScript(() => new MutationObserver((records, observer) => {
        if (records.some((r) => [...r.removedNodes].some((n) => n.id === 'splash'))) {
          window.splashGoneAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true }));
      // The server's /slow/ copy of the app (tests/e2e/static-server.mjs), in the front tab.
      await page.bringToFront();
      await page.goto(new URL(`/slow${new URL(baseURL).pathname}${hash}`, baseURL).href);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(signal);
      await expect(page.locator('#splash')).toHaveCount(0);
      // Let the late arrivals (the catalogue in the device's language, fonts) settle.
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(1000);
      const after = await barHeight(page, appBar);
      const [painted, gone] = await page.evaluate(() => [
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime, window.splashGoneAt]);
      expect(painted, 'the first screen is painted before the app takes over').toBeLessThan(gone);
      const cls = await page.evaluate(() => new Promise((done) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => done(total), 100);
      }));
      console.log(`first screen → app on ${name} (${lang}) at 768×1024: first paint ${Math.round(painted)} ms, `
        + `app at ${Math.round(gone)} ms, CLS ${cls.toFixed(4)}, bar ${before} px → ${after} px`);
      expect(cls).toBeLessThanOrEqual(0.05);
      expect(after, 'the first screen\'s bar is the app\'s height').toBe(before);
    });
  }
});
