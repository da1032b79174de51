// The room's screen leading with people's own words: one area's notes as
// cards, most agreed first, the author's role as a coloured tag and never a
// name, a count per role, nothing hidden by the facilitator, and everything on
// one screen at 24 px and up (scaled) at three projector sizes in English,
// Welsh and both side by side. The facilitator's room controls choose the
// area and the role, and the room's screen follows.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { test, expect, expectNoAxeViolations, EN, CY, fill } from './fixtures.mjs';
import { SETUP_KEY, SEED_KEY, savedRecord } from './stored.mjs';
import { measure } from './projector-fit.mjs';

const SHOTS = join(import.meta.dirname, 'screenshots', 'wall');
const SIZES = [[1920, 1080], [1280, 720], [1024, 768]];
const ROLES = ['citizen', 'family_carer', 'commissioner', 'provider', 'community_organisation'];
const KINDS = ['good_life', 'like', 'dislike'];
const HIDDEN_TEXT = 'Ring me on 07700 900123, I live at 4 Stryd y Castell';
// As long as a note may be (rules::MAX_PARTICIPANT_NOTE_CHARS).
const LONGEST = 'Being able to stay in my own home with the same two carers who know me, who come when they said they would, who have time for a cup of tea and a chat, and who help me get out to the shops and to chapel on Sundays. That is what a good life looks like to me, and it is simple!!';

const hex = () => randomBytes(16).toString('hex');

/** Texts of the notes: short, long, Welsh, and one that looks like markup. */
function noteText(person, n) {
  if (person === 0 && n === 0) return LONGEST.slice(0, 280);
  if (person === 16 && n === 2) return '<b>Not bold</b> & not a link: <a href="x">x</a>';
  if (person === 2 && n === 2) return 'Mae angen mwy o gefnogaeth yn y gymuned, yn Gymraeg.';
  return `Note ${n + 1} of person ${person + 1}: ${'more buses to the day centre, '.repeat(1 + ((person + n) % 4)).trim()}`;
}

/**
 * This device's workshop with 20 people (four of each role), three notes each
 * about support in one's own home (60 notes) and one about accommodation,
 * agreements that make a clear order, and a note the facilitator hid.
 */
async function seedWall(page, { both = false, role = null } = {}) {
  await page.goto('./#/participants');
  await page.waitForFunction((key) => localStorage.getItem(key), SETUP_KEY);
  const record = await savedRecord(page);
  // Notes came with version 3 of the record.
  record.schema_version = 3;
  const w = record.workshop;
  const base = Date.parse('2026-12-07T10:00:00Z');
  const stamp = (m) => new Date(base + m * 60_000).toISOString();
  const people = [...Array(20)].map((_, i) => ({
    id: hex(),
    workshop_id: w.id,
    participant: `Person ${i + 1}`,
    role: ROLES[i % ROLES.length],
    allocations: Object.fromEntries(w.kinds.map((k) => [k.id, { areas: k.baseline, locked: [], models: {} }])),
    notes: [0, 1, 2].map((n) => ({ id: hex(), area: 'own_home', kind: KINDS[n], text: noteText(i, n), updated_at: stamp(i * 3 + n) })),
    updated_at: stamp(100),
  }));
  const hidden = { id: hex(), area: 'own_home', kind: 'dislike', text: HIDDEN_TEXT, updated_at: stamp(90) };
  people[0].notes.push(hidden);
  people[3].notes.push({ id: hex(), area: 'accommodation', kind: 'like', text: 'The new flats by the river are good.', updated_at: stamp(91) });
  // Person k's first note gets 19 - k agreements (from the people after them,
  // wrapping round): a strict order for the first few cards.
  const notes = people.map((p) => p.notes[0].id);
  for (let k = 0; k < 6; k++) {
    for (let j = 1; j <= 19 - k * 3; j++) {
      const agreeing = people[(k + j) % people.length];
      agreeing.agrees = [...(agreeing.agrees || []), notes[k]];
    }
  }
  // Everyone agrees with the hidden note: it must still never show.
  for (const p of people.slice(1)) p.agrees = [...(p.agrees || []), hidden.id].sort();
  for (const p of people) if (p.agrees) p.agrees.sort();
  w.ballots = people;
  w.moderation = { hidden: [hidden.id] };
  w.room = { ...w.room, both_languages: both, lead: 'words', ...(role ? { words_role: role } : {}) };
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SEED_KEY, JSON.stringify(record)]);
  return { people, hidden };
}

test.describe('the wall of people\'s words', () => {
  test.beforeAll(() => mkdir(SHOTS, { recursive: true }));

  for (const [lang, both] of [['en', false], ['cy', false], ['en', true]]) {
    const mode = both ? 'both' : lang;
    test(`60 notes, the longest and the markup as text, ${mode}: one screen at three sizes`, async ({ page, newPage }) => {
      await seedWall(page, { both });
      const storageState = await page.context().storageState();
      const L = lang === 'cy' ? CY : EN;
      for (const [width, height] of SIZES) {
        const projector = await newPage({ fresh: true, options: { viewport: { width, height }, isMobile: false, hasTouch: false, storageState } });
        await projector.addInitScript((lang) => {
          if (location.protocol !== 'about:') localStorage.setItem('co-produce.device.v1', JSON.stringify({ language: lang, easy_read: false }));
        }, lang);
        await projector.goto('./#/present');
        const cards = projector.locator('.wall-card');
        await expect(cards).toHaveCount(6);
        await expect(projector.getByRole('heading', { level: 2 }).first())
          .toContainText(fill(L.wall.heading, { area: L.areas.own_home }));
        // 60 shown notes: six cards and the rest counted.
        await expect(projector.locator('.wall-more')).toContainText(fill(L.wall.more, { count: 54 }));
        // Twelve notes by each role, counted per role.
        for (const role of ROLES) {
          await expect(projector.locator('.wall-counts')).toContainText(`${L.roles_plural[role]}: 12`);
        }
        // Most agreed first: person 1's note (19 agree), then person 2's (16), 3's (13).
        await expect(cards.nth(0).locator('.wall-text')).toHaveText(LONGEST.slice(0, 280));
        // The longest note a person may write shows whole, not cut short.
        expect(await cards.nth(0).locator('.wall-text').evaluate((e) => e.scrollHeight - e.clientHeight)).toBeLessThanOrEqual(1);
        await expect(cards.nth(0).locator('.wall-agree')).toHaveText(fill(L.wall.agree, { count: 19 }));
        await expect(cards.nth(1).locator('.wall-agree')).toHaveText(fill(L.wall.agree, { count: 16 }));
        await expect(cards.nth(2).locator('.wall-agree')).toHaveText(fill(L.wall.agree, { count: 13 }));
        // The role, never the name.
        await expect(cards.nth(0).locator('.wall-role')).toHaveText((L.roles_short || L.roles).citizen || L.roles.citizen);
        await expect(projector.locator('.presenter-wall')).not.toContainText('Person ');
        // Hidden for good, though 19 agree with it.
        await expect(projector.locator('body')).not.toContainText('07700');
        await projector.evaluate(() => document.fonts.ready);
        const minPx = 24 * Math.min(width / 1920, height / 1080);
        const { problems, smallest, checked } = await measure(projector, minPx);
        console.log(`wall ${width}×${height} (${mode}): ${checked} texts, smallest ${smallest} (at least ${minPx.toFixed(1)})`);
        await projector.screenshot({ path: join(SHOTS, `${mode}-${width}x${height}.png`) });
        expect(checked, 'the check found the text').toBeGreaterThan(25);
        expect(problems, `at ${width}×${height} (${mode})`).toEqual([]);
        if (width === 1920) await expectNoAxeViolations(projector, `the wall (${mode})`);
        await projector.close();
      }
    });
  }

  test('user text stays text on the wall', async ({ page, newPage }) => {
    await seedWall(page, { role: 'family_carer' });
    const storageState = await page.context().storageState();
    const projector = await newPage({ fresh: true, options: { viewport: { width: 1920, height: 1080 }, isMobile: false, hasTouch: false, storageState } });
    await projector.goto('./#/present');
    // Only family carers' notes (person 17, who wrote the markup, is one): four people, three notes each.
    await expect(projector.locator('.wall-only')).toHaveText(fill(EN.wall.only_role, { role: EN.roles_plural.family_carer }));
    await expect(projector.locator('.wall-card')).toHaveCount(6);
    await expect(projector.locator('.wall-more')).toContainText(fill(EN.wall.more, { count: 6 }));
    const markup = projector.locator('.wall-text', { hasText: 'Not bold' });
    await expect(markup).toHaveText('<b>Not bold</b> & not a link: <a href="x">x</a>');
    await expect(projector.locator('.wall-text b, .wall-text a')).toHaveCount(0);
    for (const tag of await projector.locator('.wall-role').allTextContents()) {
      expect(tag).toBe(EN.roles_short?.family_carer || EN.roles.family_carer);
    }
  });

  test('the facilitator picks the lead, the area and the role, and the room\'s screen follows', async ({ page, newPage }) => {
    await seedWall(page);
    // The seeded room leads with the average; the facilitator chooses the wall.
    await page.evaluate((key) => {
      const record = JSON.parse(localStorage.getItem(key));
      record.workshop.room.lead = 'average';
      localStorage.setItem(key, JSON.stringify(record));
    }, SEED_KEY);
    await page.goto('./#/results');
    await page.reload();
    const projector = await newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto('./#/present');
    await expect(projector.locator('.presenter-panel')).toHaveCount(5);

    await page.getByRole('radio', { name: EN.room.lead_words }).check();
    await expect(projector.locator('.wall-card')).toHaveCount(6);
    await expect(page.getByLabel(EN.room.words_area)).toHaveValue('own_home');

    await page.getByLabel(EN.room.words_area).selectOption('accommodation');
    await expect(projector.getByRole('heading', { level: 2 }).first())
      .toContainText(fill(EN.wall.heading, { area: EN.areas.accommodation }));
    await expect(projector.locator('.wall-card')).toHaveCount(1);
    await expect(projector.locator('.wall-card')).toContainText('The new flats by the river are good.');
    await expect(projector.locator('.wall-more')).toHaveCount(0);

    // Only commissioners' notes: none about accommodation, and the wall says so.
    await page.getByLabel(EN.room.words_role).selectOption('commissioner');
    await expect(projector.locator('.wall-none')).toHaveText(EN.wall.none);
    await expect(projector.locator('.wall-card')).toHaveCount(0);
    await page.getByLabel(EN.room.words_area).selectOption('own_home');
    await expect(projector.locator('.wall-card')).toHaveCount(6);
    for (const tag of await projector.locator('.wall-role').allTextContents()) {
      expect(tag).toBe(EN.roles_short?.commissioner || EN.roles.commissioner);
    }
    await expectNoAxeViolations(page, 'the room controls with the wall chosen');

    // Kept: a reload of the facilitator's page shows the same choices.
    await page.reload();
    await expect(page.getByLabel(EN.room.words_area)).toHaveValue('own_home');
    await expect(page.getByLabel(EN.room.words_role)).toHaveValue('commissioner');
    await expect(page.getByRole('radio', { name: EN.room.lead_words })).toBeChecked();
  });

  test('the printable summary lists each area\'s most agreed notes, never a hidden one', async ({ page }) => {
    await seedWall(page);
    await page.goto('./#/print');
    await page.reload();
    const home = page.locator('.print-area', { has: page.getByRole('heading', { name: EN.areas.own_home }) });
    const listed = home.locator('ol li');
    await expect(listed).toHaveCount(5);
    await expect(listed.first()).toHaveText(`${LONGEST.slice(0, 280)} (${EN.roles_short.citizen}; ${fill(EN.wall.agree, { count: 19 })})`);
    await expect(listed.nth(1)).toContainText(fill(EN.wall.agree, { count: 16 }));
    await expect(page.locator('.print-page')).not.toContainText('07700');
    await expect(page.locator('.print-page')).not.toContainText('Person 1');
    // The one note about accommodation is listed there.
    const flats = page.locator('.print-area', { has: page.getByRole('heading', { name: EN.areas.accommodation }) });
    await expect(flats.locator('ol li')).toHaveCount(1);
    await expect(flats.locator('ol li')).toContainText('The new flats by the river are good.');
    await expectNoAxeViolations(page, 'the printable summary with notes');
  });
});
