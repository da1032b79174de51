// The facilitator moderates participants' notes (issue 12, part 2): on the
// walk-through, each area's notes newest first with the writer's role and
// never the name; Hide asks again in the row and is final, on every window
// and after a reload; Merge adds two notes' agreements up on one card; and
// with "only once I approve them" a new note waits until approved.
import {
  test, expect, expectNoAxeViolations, expectNoHorizontalScroll, EN, CY, AREA_IDS, fill, savedRecord,
  SEED_KEY, SETUP_KEY,
} from './fixtures.mjs';
import { WalkthroughPage } from './pages/index.mjs';

const ballotId = (i) => `${'ab'.repeat(15)}0${i}`;
const noteId = (i) => `${'cd'.repeat(15)}0${i}`;
const [AMIRA, BRYN, CERYS, DAI] = [1, 2, 3, 4].map(ballotId);
// Amira's two notes and Bryn's one, all about support in people's own homes.
const CARERS = { id: noteId(1), kind: 'like', text: 'Carers who know me' };
const ADDRESS = { id: noteId(2), kind: 'good_life', text: 'Living at home with my cat, at 12 Mill Lane' };
const SAME = { id: noteId(3), kind: 'like', text: 'Carers who know the person <b>well</b>' };
const SHORT_VISITS = 'Visits that are too short';

/** Everything on one area, for every kind (a ballot needs a split). */
function allOn(workshop, area) {
  const areas = Object.fromEntries(AREA_IDS.map((a) => [a, a === area ? 10000 : 0]));
  return Object.fromEntries(workshop.kinds.map((k) => [k.id, { areas, locked: [], models: {} }]));
}

/**
 * Four people: Amira (a citizen) wrote two notes, Bryn (a commissioner) one
 * that says the same as Amira's first, a minute apart; Cerys agrees with
 * Amira's and Dai with Bryn's.
 */
async function seedNotes(page) {
  await page.goto('./#/participants');
  await page.waitForFunction((key) => localStorage.getItem(key), SETUP_KEY);
  const record = await savedRecord(page);
  const w = record.workshop;
  const ago = (minutes) => new Date(Date.now() - minutes * 60_000).toISOString();
  const note = (n, minutes) => ({ id: n.id, area: 'own_home', kind: n.kind, text: n.text, updated_at: ago(minutes) });
  const person = (id, participant, role, extra = {}) => ({
    id, workshop_id: w.id, participant, role, allocations: allOn(w, 'own_home'), updated_at: ago(1), ...extra,
  });
  w.ballots = [
    person(AMIRA, 'Amira', 'citizen', { notes: [note(CARERS, 3), note(ADDRESS, 2)] }),
    person(BRYN, 'Bryn', 'commissioner', { notes: [note(SAME, 1)] }),
    person(CERYS, 'Cerys', 'family_carer', { agrees: [CARERS.id] }),
    person(DAI, 'Dai', 'provider', { agrees: [SAME.id] }),
  ];
  // Participants' notes came with the record's version 3.
  record.schema_version = 3;
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SEED_KEY, JSON.stringify(record)]);
}

/** The facilitator's list of participants' notes on a walk-through step. */
class NoteReview {
  constructor(page, t = EN) {
    this.page = page;
    this.t = t;
    this.region = page.getByRole('region', { name: t.moderate.heading, exact: true });
    this.rows = this.region.getByRole('listitem');
  }

  /** The row whose words are exactly `text` (not one merged into it, which quotes them). */
  row(text) {
    return this.rows.filter({ has: this.page.getByText(text, { exact: true }) });
  }

  /** The rows' words, top to bottom ('' for a hidden one). */
  async texts() {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.querySelector('.review-text')?.textContent.trim() ?? ''));
  }

  button(row, name) {
    return row.getByRole('button', { name, exact: true });
  }
}

/** What others said, as one participant's words screen lists it. */
function othersOn(page) {
  return page.getByRole('region', { name: EN.words.others, exact: true }).getByRole('listitem');
}

test('the facilitator hides, merges and approves participants\' notes on the walk-through', async ({ page, newPage }) => {
  const dialogs = [];
  page.on('dialog', (d) => dialogs.push(d.message()));
  await seedNotes(page);
  const walk = new WalkthroughPage(page);
  await walk.open(1);
  await page.reload();
  await walk.expectStep(1, EN.areas.own_home);
  const list = new NoteReview(page);

  await test.step('every note, newest first, with its question, the writer\'s role and never the name', async () => {
    await expect(list.rows).toHaveCount(3);
    expect(await list.texts()).toEqual([SAME.text, ADDRESS.text, CARERS.text]);
    await expect(list.row(CARERS.text)).toContainText(EN.roles.citizen);
    await expect(list.row(CARERS.text)).toContainText(EN.words.like);
    await expect(list.row(ADDRESS.text)).toContainText(EN.words.good_life);
    await expect(list.row(SAME.text)).toContainText(EN.roles.commissioner);
    await expect(list.row(CARERS.text)).toContainText(fill(EN.words.agreed_count, { count: 1 }));
    await expect(list.row(CARERS.text)).toContainText(EN.moderate.state_shown);
    for (const name of ['Amira', 'Bryn', 'Cerys', 'Dai']) await expect(list.region).not.toContainText(name);
    // Shown straight away: nothing waits, so no "N new" and no Approve.
    await expect(page.getByLabel(EN.moderate.show_now, { exact: true })).toBeChecked();
    await expect(list.region.getByText(fill(EN.moderate.new_count, { count: 1 }))).toHaveCount(0);
    await expect(list.region.getByRole('button', { name: EN.moderate.approve, exact: true })).toHaveCount(0);
    // Words as text, never as markup.
    await expect(list.row(SAME.text).locator('b')).toHaveCount(0);
  });

  // A second window of this browser (the same device): the walk-through, and
  // Cerys's own words, where others' notes show as the room sees them.
  const other = await newPage();
  const otherList = new NoteReview(other);
  await new WalkthroughPage(other).open(1);
  await expect(otherList.row(ADDRESS.text)).toContainText(ADDRESS.text);
  const cerys = await newPage();
  await cerys.goto(`./#/words/${CERYS}/1`);
  await expect(othersOn(cerys)).toHaveCount(3);
  await expect(othersOn(cerys).filter({ hasText: 'Mill Lane' })).toHaveCount(1);
  await page.bringToFront();

  await test.step('hiding asks again in the row; Keep keeps it, Hide hides it for good everywhere', async () => {
    const row = list.row(ADDRESS.text);
    await list.button(row, EN.moderate.hide).tap();
    await expect(row.getByText(EN.moderate.hide_question)).toBeVisible();
    await expect(list.button(row, EN.moderate.keep)).toBeFocused();
    await list.button(row, EN.moderate.keep).tap();
    await expect(row.getByText(EN.moderate.hide_question)).toHaveCount(0);
    await expect(list.button(row, EN.moderate.hide)).toBeFocused();
    await expect(row).toContainText(ADDRESS.text);

    await list.button(row, EN.moderate.hide).tap();
    await expectNoAxeViolations(page, 'the walk-through with "Hide for good?" open');
    await row.screenshot({ path: 'tests/e2e/screenshots/moderation-hide.png' });
    await list.button(row, EN.moderate.hide).tap();
    // Collapsed to one line, without its words, nothing to undo.
    const hidden = list.rows.nth(1);
    await expect(hidden).toContainText(EN.moderate.state_hidden);
    await expect(hidden).toContainText(EN.roles.citizen);
    await expect(list.region).not.toContainText('Mill Lane');
    await expect(hidden.getByRole('button')).toHaveCount(0);
    await expect(list.rows).toHaveCount(3);

    // The other window of this browser shows it hidden too, and Cerys no longer sees it.
    await expect(otherList.rows.nth(1)).toContainText(EN.moderate.state_hidden);
    await expect(otherList.region).not.toContainText('Mill Lane');
    await expect(othersOn(cerys)).toHaveCount(2);
    await expect(cerys.getByText('Mill Lane')).toHaveCount(0);

    // Saved: after a reload it is still hidden, and the stored record says so.
    await page.reload();
    await expect(list.rows).toHaveCount(3);
    await expect(list.rows.nth(1)).toContainText(EN.moderate.state_hidden);
    await expect(list.region).not.toContainText('Mill Lane');
    expect((await savedRecord(page)).workshop.moderation.hidden).toEqual([ADDRESS.id]);
  });

  await test.step('merging two notes that say the same adds their agreements up on one card', async () => {
    await expect(othersOn(cerys).filter({ hasText: CARERS.text })).toContainText(fill(EN.words.agreed_count, { count: 1 }));
    const row = list.row(SAME.text);
    await list.button(row, EN.moderate.merge).tap();
    const into = row.getByLabel(EN.moderate.merge_label, { exact: true });
    await expect(into).toBeFocused();
    // Only notes on a card of their own are offered: not itself, not the hidden one.
    await expect(into.locator('option')).toHaveText([EN.moderate.merge_choose, `${CARERS.text} (${EN.roles.citizen})`]);
    await expect(list.button(row, EN.moderate.merge_do)).toBeDisabled();
    await expectNoAxeViolations(page, 'the walk-through with a note\'s merge open');
    await row.screenshot({ path: 'tests/e2e/screenshots/moderation-merge.png' });
    await into.selectOption({ label: `${CARERS.text} (${EN.roles.citizen})` });
    await list.button(row, EN.moderate.merge_do).tap();

    await expect(row).toContainText(fill(EN.moderate.state_merged, { note: CARERS.text }));
    await expect(list.row(CARERS.text)).toContainText(fill(EN.words.agreed_count, { count: 2 }));
    await expect(row.getByRole('button', { name: EN.moderate.merge, exact: true })).toHaveCount(0);
    // Cerys sees one card now, with both agreements on it.
    await expect(othersOn(cerys)).toHaveCount(1);
    await expect(othersOn(cerys)).toContainText(CARERS.text);
    await expect(othersOn(cerys)).toContainText(fill(EN.words.agreed_count, { count: 2 }));
    expect((await savedRecord(page)).workshop.moderation.merged).toEqual({ [SAME.id]: [CARERS.id] });
  });

  await test.step('with "only once I approve them", a new note waits until approved', async () => {
    await page.getByText(EN.moderate.show_approved, { exact: true }).tap();
    await expect(page.getByLabel(EN.moderate.show_approved, { exact: true })).toBeChecked();
    // The one note still on a card of its own now waits, and leaves Cerys's screen.
    await expect(list.region.getByRole('heading', { level: 2 })).toContainText(fill(EN.moderate.new_count, { count: 1 }));
    await expect(list.row(CARERS.text)).toContainText(EN.moderate.state_waiting);
    await expect(othersOn(cerys)).toHaveCount(0);
    expect((await savedRecord(page)).workshop.moderation.approve_first).toBe(true);

    // Bryn writes a new note on this device, in the other window.
    await other.goto(`./#/words/${BRYN}/1`);
    const dislike = other.getByRole('region', { name: EN.words.dislike, exact: true });
    await dislike.getByLabel(EN.words.add_label, { exact: true }).fill(SHORT_VISITS);
    await dislike.getByRole('button', { name: EN.words.add, exact: true }).tap();
    await expect(dislike.getByLabel(fill(EN.words.your_note, { n: 1 }), { exact: true })).toHaveValue(SHORT_VISITS);

    await page.bringToFront();
    await expect(list.rows).toHaveCount(4);
    expect((await list.texts())[0]).toBe(SHORT_VISITS);
    const row = list.row(SHORT_VISITS);
    await expect(row).toContainText(EN.moderate.state_waiting);
    await expect(row).toContainText(EN.words.dislike);
    await expect(list.region.getByRole('heading', { level: 2 })).toContainText(fill(EN.moderate.new_count, { count: 2 }));
    await expect(cerys.getByText(SHORT_VISITS)).toHaveCount(0);

    await list.button(row, EN.moderate.approve).tap();
    await expect(row).toContainText(EN.moderate.state_approved);
    await expect(list.button(row, EN.moderate.approve)).toHaveCount(0);
    await expect(list.region.getByRole('heading', { level: 2 })).toContainText(fill(EN.moderate.new_count, { count: 1 }));
    // Cerys sees the approved note, and still not the one that waits.
    await expect(othersOn(cerys)).toHaveCount(1);
    await expect(othersOn(cerys)).toContainText(SHORT_VISITS);
    await expect(othersOn(cerys).filter({ hasText: CARERS.text })).toHaveCount(0);
  });

  await test.step('no browser dialog was used; axe passes in English and Welsh', async () => {
    expect(dialogs).toEqual([]);
    await expectNoAxeViolations(page, 'the walk-through with participants\' notes');
    await page.setViewportSize({ width: 1024, height: 768 });
    await expectNoHorizontalScroll(page, 'the walk-through with participants\' notes at 1024×768');
    await list.region.screenshot({ path: 'tests/e2e/screenshots/moderation-1024.png' });
    await page.setViewportSize({ width: 768, height: 1024 });

    await walk.chooseLanguage(CY);
    const cy = new NoteReview(page, CY);
    await expect(cy.rows).toHaveCount(4);
    await expect(cy.row(SHORT_VISITS)).toContainText(CY.moderate.state_approved);
    await expect(cy.rows.nth(2)).toContainText(CY.moderate.state_hidden);
    await expect(cy.region.getByRole('heading', { level: 2 })).toContainText(fill(CY.moderate.new_count, { count: 1 }));
    await expect(page.getByLabel(CY.moderate.show_approved, { exact: true })).toBeChecked();
    await expectNoAxeViolations(page, 'the walk-through with participants\' notes in Welsh');
    await cy.region.screenshot({ path: 'tests/e2e/screenshots/moderation-cy.png' });
  });
});

test('a step with no participants\' notes says where they come from', async ({ page }) => {
  const walk = new WalkthroughPage(page);
  await walk.open(2);
  const list = new NoteReview(page);
  await expect(list.region).toContainText(EN.moderate.empty);
  await expect(list.rows).toHaveCount(0);
  await expect(page.getByLabel(EN.moderate.show_now, { exact: true })).toBeChecked();
});
