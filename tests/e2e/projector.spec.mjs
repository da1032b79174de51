// The room's screen on any projector: at 1920×1080, 1280×720 and 1024×768, with
// all five roles, the longest names, in English, in Welsh and in both side by
// side, everything fits on one screen with no scrolling, and text is at least
// 24 px at 1080p (scaled with the screen at smaller sizes). Screenshots go to
// tests/e2e/screenshots/projector/ to be looked at. The join code shown full
// screen (press Q) is read back with Debian's zbarimg.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test, expect, expectNoAxeViolations, EN } from './fixtures.mjs';
import { SETUP_KEY, SEED_KEY, savedRecord } from './stored.mjs';
import { measure } from './projector-fit.mjs';

const run = promisify(execFile);
const SHOTS = join(import.meta.dirname, 'screenshots', 'projector');
const SIZES = [[1920, 1080], [1280, 720], [1024, 768]];
const ROLES = ['citizen', 'family_carer', 'commissioner', 'provider', 'community_organisation'];
const AREA_IDS = ['own_home', 'accommodation', 'day_activities', 'leaving_hospital', 'whole_community'];
// As long as a workshop's name may be (rules::MAX_NAME_CHARS).
const LONG_NAME = 'Shaping support together in Llanfairpwllgwyngyll and the villages around it: '
  .repeat(3).slice(0, 200);

/** A split of 10,000 basis points, different for each person. */
function split(seed) {
  const w = AREA_IDS.map((_, i) => 1 + ((seed * 7 + i * 13) % 40));
  const sum = w.reduce((a, b) => a + b, 0);
  const bp = w.map((x) => Math.floor((x * 10000) / sum));
  bp[0] += 10000 - bp.reduce((a, b) => a + b, 0);
  return Object.fromEntries(AREA_IDS.map((a, i) => [a, bp[i]]));
}

/** This device's workshop with two people of each role, and the room control for both languages. */
async function seedRoom(page, bothLanguages, lead = 'average') {
  await page.goto('./#/participants');
  await page.waitForFunction((key) => localStorage.getItem(key), SETUP_KEY);
  const record = await savedRecord(page);
  const w = record.workshop;
  w.name = LONG_NAME;
  w.room = { ...w.room, both_languages: bothLanguages, lead };
  const now = new Date().toISOString();
  w.ballots = [...Array(10)].map((_, i) => ({
    id: randomBytes(16).toString('hex'),
    workshop_id: w.id,
    participant: `Person ${i}`,
    role: ROLES[i % ROLES.length],
    allocations: Object.fromEntries(w.kinds.map((k) => [k.id, { areas: split(i), locked: [], models: {} }])),
    updated_at: now,
  }));
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SEED_KEY, JSON.stringify(record)]);
}

test.describe('the room\'s screen fits any projector', () => {
  test.beforeAll(() => mkdir(SHOTS, { recursive: true }));
  for (const [lang, both] of [['en', false], ['cy', false], ['en', true]]) {
    const mode = both ? 'both' : lang;
    test(`five roles, the longest names, ${mode === 'both' ? 'both languages side by side' : lang}: one screen at three sizes`, async ({ page, newPage }) => {
      await seedRoom(page, both);
      const storageState = await page.context().storageState();
      for (const [width, height] of SIZES) {
        const projector = await newPage({ fresh: true, options: { viewport: { width, height }, isMobile: false, hasTouch: false, storageState } });
        await projector.addInitScript((lang) => {
          if (location.protocol !== 'about:') localStorage.setItem('co-produce.device.v1', JSON.stringify({ language: lang, easy_read: false }));
        }, lang);
        await projector.goto('./#/present');
        await expect(projector.locator('.presenter-panel')).toHaveCount(5);
        // Today, everyone, and each of the five roles.
        await expect(projector.locator('.presenter-panel').first().locator('.room-bar-label')).toHaveCount(7);
        await projector.evaluate(() => document.fonts.ready);
        const minPx = 24 * Math.min(width / 1920, height / 1080);
        const { problems, smallest, checked } = await measure(projector, minPx);
        console.log(`projector ${width}×${height} (${mode}): ${checked} texts, smallest ${smallest} (at least ${minPx.toFixed(1)})`);
        await projector.screenshot({ path: join(SHOTS, `${mode}-${width}x${height}.png`) });
        expect(checked, 'the check found the text').toBeGreaterThan(40);
        expect(problems, `at ${width}×${height} (${mode})`).toEqual([]);
        await projector.close();
      }
    });
  }
});

test('what else the room\'s screen can lead with fits 1920×1080 in both languages too', async ({ page, newPage }) => {
  for (const lead of ['fair_split', 'agreement', 'shift', 'partnership']) {
    await seedRoom(page, true, lead);
    const storageState = await page.context().storageState();
    const projector = await newPage({ fresh: true, options: { viewport: { width: 1920, height: 1080 }, isMobile: false, hasTouch: false, storageState } });
    await projector.goto('./#/present');
    await expect(projector.getByRole('heading', { level: 1 })).toHaveText(LONG_NAME);
    // Something of the lead is drawn: bars, headlines or the check's panels.
    await expect(projector.locator('.room-bars, .presenter-headlines, .presenter-partnership').first()).toBeVisible();
    const { problems, smallest, checked } = await measure(projector, 24);
    console.log(`projector 1920×1080 (both), leading with ${lead}: ${checked} texts, smallest ${smallest}`);
    await projector.screenshot({ path: join(SHOTS, `both-${lead}-1920x1080.png`) });
    expect(problems, `leading with ${lead}`).toEqual([]);
    await projector.close();
  }
});

test('the join code full screen at the press of Q reads back as the exact join link', async ({ page, newPage }) => {
  await seedRoom(page, false);
  // The link the facilitator hands out (Results, "the join link").
  await page.goto('./#/results');
  await page.reload(); // reads the seeded workshop
  const joinLink = await page.locator('a.join-anchor').getAttribute('href');
  expect(joinLink).toMatch(/#\/join\/[^/]+$/);
  const storageState = await page.context().storageState();
  const projector = await newPage({ fresh: true, options: { viewport: { width: 1920, height: 1080 }, isMobile: false, hasTouch: false, storageState } });
  await projector.goto('./#/present');
  await expect(projector.locator('.presenter-panel')).toHaveCount(5);
  const big = projector.getByRole('dialog', { name: EN.presenter.qr_label });
  await expect(big).toHaveCount(0);
  await projector.keyboard.press('q');
  await expect(big).toBeVisible();
  await expect(big.getByRole('button', { name: EN.presenter.big_code_close })).toBeFocused();
  await expectNoAxeViolations(projector, 'the join code full screen');
  const code = big.locator('svg.qr-code');
  const box = await code.boundingBox();
  console.log(`full-screen join code: ${Math.round(box.width)}×${Math.round(box.height)} px at 1920×1080`);
  expect(box.height, 'the code fills most of the screen\'s height').toBeGreaterThan(0.8 * 1080);
  const file = join(SHOTS, 'join-code-full-screen.png');
  await projector.screenshot({ path: file });
  // A real decoder reads it back as the very link the facilitator hands out.
  const { stdout } = await run('zbarimg', ['--raw', '-q', file]);
  const modules = await code.evaluate((svg) => svg.viewBox.baseVal.width - 8);
  console.log(`the join link is ${joinLink.length} characters; QR version ${(modules - 17) / 4} (${modules}×${modules} modules)`);
  expect(stdout.trim()).toBe(joinLink);
  // Q again, Escape, or a tap puts it away.
  await projector.keyboard.press('q');
  await expect(big).toHaveCount(0);
  await projector.keyboard.press('Q');
  await expect(big).toBeVisible();
  await projector.keyboard.press('Escape');
  await expect(big).toHaveCount(0);
  await projector.getByRole('button', { name: EN.presenter.show_big_code }).click();
  await expect(big).toBeVisible();
  await big.click({ position: { x: 10, y: 10 } });
  await expect(big).toHaveCount(0);
});
