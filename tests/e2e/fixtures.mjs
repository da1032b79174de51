// Shared test fixtures: every test's page collects console errors and uncaught
// page errors, and the test fails if any occurred. Also the axe, download and
// layout helpers the specs share.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

// Every UI string and the helpers that fill in their placeholders, so the
// tests follow the wording in locales/*.json.
import { EN } from './text.mjs';

export { EN, CY, fill, escapeRegExp, textPattern } from './text.mjs';

export { SETUP_KEY, SEED_KEY, savedRecord, storageItems } from './stored.mjs';
export const CORRUPT_PREFIX = 'co-produce.corrupt.';
export const AREA_IDS = ['own_home', 'accommodation', 'day_activities', 'leaving_hospital', 'whole_community'];
export const AREAS = AREA_IDS.map((id) => EN.areas[id]);
/** Role names as the people screen offers them ("Person who uses support"). */
export const ROLES = { ...EN.roles };
/** Role names as results headings and chart labels show them (short where the app has short ones). */
export const ROLES_SHORT = { ...EN.roles, ...(EN.roles_short || {}) };

/** Watches a page for console errors and uncaught exceptions. */
export function watchErrors(page, into) {
  page.on('console', (msg) => {
    // The browser's own note that a broker is unreachable is expected in live
    // mode's tests (the app shows its own message); it is not the app's error.
    if (msg.type() === 'error' && /^WebSocket connection to '.*' failed/.test(msg.text())) return;
    if (msg.type() === 'error') into.push(`console.error on ${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => into.push(`pageerror on ${page.url()}: ${err.message}`));
  page.on('crash', () => into.push(`page crashed on ${page.url()}`));
}

export const test = base.extend({
  // Errors from every page the test opens, including extra pages and contexts
  // made through the `newPage` fixture.
  pageErrors: async ({}, use) => {
    const errors = [];
    await use(errors);
  },
  page: async ({ page, pageErrors }, use) => {
    watchErrors(page, pageErrors);
    // A confirm() (start a new workshop, remove…) is accepted, as a facilitator would.
    page.on('dialog', (d) => d.accept());
    await use(page);
  },
  /**
   * Opens another page, in this context or in a fresh one, watched for errors.
   * A fresh context takes `options` over the tablet defaults (e.g. a projector's
   * viewport, or `storageState` to start from this device's saved workshop).
   */
  newPage: async ({ browser, context, pageErrors, baseURL }, use) => {
    const extra = [];
    await use(async ({ fresh = false, options = {} } = {}) => {
      let p;
      if (fresh) {
        const ctx = await browser.newContext({
          baseURL,
          viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true, acceptDownloads: true,
          ...options,
        });
        extra.push(ctx);
        p = await ctx.newPage();
      } else {
        p = await context.newPage();
      }
      watchErrors(p, pageErrors);
      p.on('dialog', (d) => d.accept());
      return p;
    });
    for (const ctx of extra) await ctx.close();
  },
});

// Fail any test in which the app logged an error or threw.
test.afterEach(async ({ pageErrors }) => {
  expect(pageErrors, 'console errors / page errors during the test').toEqual([]);
});

export { expect };

/** Runs axe with the WCAG 2.0–2.2 A/AA rules and fails with a readable list. */
export async function expectNoAxeViolations(page, screen) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  // axe finishes its run in a blank page of its own, which leaves this page
  // behind another tab; touches reach a tab in the back only after a second.
  await page.bringToFront();
  const readable = results.violations.map((v) => {
    const nodes = v.nodes.slice(0, 8).map((n) =>
      `    - ${n.target.join(' ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`);
    const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n  ${v.helpUrl}\n${nodes.join('\n')}${more}`;
  });
  expect(readable, `axe violations on the ${screen} screen:\n${readable.join('\n\n')}`).toEqual([]);
}

/** The document does not scroll sideways at the current viewport width. */
export async function expectNoHorizontalScroll(page, screen) {
  // The viewport the test asked for: a mobile browser widens its layout
  // viewport to fit content that overflows, so the page's own width would hide it.
  const asked = page.viewportSize()?.width ?? Infinity;
  const { scrollWidth, width, wide } = await page.evaluate((asked) => {
    const vw = Math.min(document.documentElement.clientWidth, asked);
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > vw + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')}`);
    return { scrollWidth: document.documentElement.scrollWidth, width: Math.min(window.innerWidth, asked), wide };
  }, asked);
  expect.soft(scrollWidth, `${screen} scrolls sideways at ${width}px (wider elements: ${wide.join(', ')})`)
    .toBeLessThanOrEqual(width);
}

/** Saves a download and returns its text. */
export async function downloadText(download) {
  const path = await download.path();
  return readFile(path, 'utf8');
}

/** The published schema, as served in the build under test (DIST, else dist/). */
export async function loadSchema() {
  const dist = process.env.DIST ? resolve(process.env.DIST) : join(import.meta.dirname, '../../dist');
  return JSON.parse(await readFile(join(dist, 'schema/decision-record.v4.json'), 'utf8'));
}
