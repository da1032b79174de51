// Everyone's own words (issue 12, part 1): on a passed-round tablet each
// participant writes what a good life looks like and what they like and do
// not like about each area, edits or takes back their own notes, and agrees
// with others' notes, which show with the author's role and never the name.
// Everything is saved at once and kept across a reload.
import { test, expect, EN, CY, ROLES, fill, savedRecord, expectNoAxeViolations } from './fixtures.mjs';
import { TabletPage } from './pages/index.mjs';

const AREA_1 = EN.areas.own_home;
const AREA_2 = EN.areas.accommodation;

class WordsScreen {
  constructor(page, t = EN) {
    this.page = page;
    this.t = t;
  }

  question(text) {
    return this.page.getByRole('region', { name: text, exact: true });
  }

  newNote(question) {
    return this.question(question).getByLabel(this.t.words.add_label, { exact: true });
  }

  async write(question, text) {
    await this.newNote(question).fill(text);
    await this.question(question).getByRole('button', { name: this.t.words.add, exact: true }).tap();
  }

  ownNote(question, n) {
    return this.question(question).getByLabel(fill(this.t.words.your_note, { n }), { exact: true });
  }

  others() {
    return this.page.getByRole('region', { name: this.t.words.others, exact: true }).getByRole('listitem');
  }
}

test('on a passed-round tablet, each person writes, edits and takes back their own words, and agrees with others\'', async ({ page }) => {
  const tablet = new TabletPage(page);
  await tablet.open();
  const amira = await tablet.startTurn('Amira', ROLES.citizen);
  await page.getByRole('link', { name: EN.words.link, exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`#/words/${amira}/1/tablet$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${EN.words.title}: ${AREA_1}`);
  await expect(page.getByRole('banner'), 'no facilitator\'s title bar on a passed-round tablet').toHaveCount(0);
  const words = new WordsScreen(page);

  await words.write(EN.words.good_life, '  Living at home, with people I choose.  ');
  await expect(words.ownNote(EN.words.good_life, 1)).toHaveValue('Living at home, with people I choose.');
  await expect(words.newNote(EN.words.good_life)).toHaveValue('');
  await words.write(EN.words.like, 'Carers who know me 💜');
  await words.write(EN.words.dislike, '15-minute visits');
  await words.write(EN.words.dislike, 'Forms <in triplicate>');
  await expect(words.ownNote(EN.words.dislike, 2)).toHaveValue('Forms <in triplicate>');

  // An empty note is refused with why, and what was there stays.
  await words.write(EN.words.like, '   ');
  await expect(words.question(EN.words.like)).toContainText(EN.problem.note_empty);
  await expect(words.ownNote(EN.words.like, 1)).toHaveValue('Carers who know me 💜');
  // No more than 280 characters go in.
  await words.newNote(EN.words.like).fill('x'.repeat(300));
  await expect(words.newNote(EN.words.like)).toHaveValue('x'.repeat(280));
  await words.newNote(EN.words.like).fill('');

  // Edit one in place (saved when the field is left), take another back.
  await words.ownNote(EN.words.like, 1).fill('Carers who know me, on time');
  await words.ownNote(EN.words.like, 1).blur();
  await words.question(EN.words.dislike)
    .getByRole('button', { name: `${EN.words.take_back} (${fill(EN.words.your_note, { n: 1 })})` }).tap();
  await expect(words.ownNote(EN.words.dislike, 1)).toHaveValue('Forms <in triplicate>');
  await expect(words.ownNote(EN.words.dislike, 2)).toHaveCount(0);
  await expect(words.others()).toHaveCount(0);
  await expect(page.getByText(EN.words.none_yet)).toBeVisible();
  await expectNoAxeViolations(page, 'a participant\'s own words');
  await page.screenshot({ path: 'tests/e2e/screenshots/words-tablet.png', fullPage: true });

  // Kept across a reload (a locked tablet), then on to the next area and back to dividing.
  await page.reload();
  await expect(words.ownNote(EN.words.like, 1)).toHaveValue('Carers who know me, on time');
  await page.getByRole('link', { name: fill(EN.words.next_area, { area: AREA_2 }) }).tap();
  await expect(page).toHaveURL(new RegExp(`#/words/${amira}/2/tablet$`));
  await words.write(EN.words.good_life, 'A place of my own');
  await page.getByRole('link', { name: EN.words.back, exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`#/tablet/${amira}$`));
  await tablet.iHaveFinished();
  await tablet.nextPerson();

  // The next person sees Amira's words with her role, never her name, and agrees with one.
  const bryn = await tablet.startTurn('Bryn', ROLES.commissioner);
  await page.getByRole('link', { name: EN.words.link, exact: true }).tap();
  await expect(words.others()).toHaveCount(3);
  await expect(page.getByRole('region', { name: EN.words.others })).not.toContainText('Amira');
  const card = words.others().filter({ hasText: 'Living at home, with people I choose.' });
  await expect(card).toContainText(EN.roles_short.citizen);
  await expect(card).toContainText(fill(EN.words.agreed_count, { count: 0 }));
  const agree = card.getByRole('button', { name: EN.words.agree, exact: true });
  await expect(agree).toHaveAttribute('aria-pressed', 'false');
  await agree.tap();
  await expect(agree).toHaveAttribute('aria-pressed', 'true');
  await expect(card).toContainText(fill(EN.words.agreed_count, { count: 1 }));
  await expectNoAxeViolations(page, 'others\' words with one agreed');

  // What is saved: each note on its author's ballot, the agreement on Bryn's.
  const record = await savedRecord(page);
  const ballots = Object.fromEntries(record.workshop.ballots.map((b) => [b.participant, b]));
  expect(ballots.Amira.notes.map((n) => [n.area, n.kind, n.text]).sort()).toEqual([
    ['accommodation', 'good_life', 'A place of my own'],
    ['own_home', 'dislike', 'Forms <in triplicate>'],
    ['own_home', 'good_life', 'Living at home, with people I choose.'],
    ['own_home', 'like', 'Carers who know me, on time'],
  ]);
  const agreed = ballots.Amira.notes.find((n) => n.kind === 'good_life' && n.area === 'own_home').id;
  expect(ballots.Bryn.agrees).toEqual([agreed]);
  expect(ballots.Bryn.id).toBe(bryn);
});

test('in Welsh, the questions and buttons are Welsh and the notes stay as written', async ({ page }) => {
  const tablet = new TabletPage(page);
  await tablet.open();
  await page.locator('#language-cy').tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await page.getByLabel(CY.tablet.name, { exact: true }).fill('Siân');
  await page.getByRole('radio').first().tap();
  await page.getByRole('button', { name: CY.tablet.start, exact: true }).tap();
  await page.getByRole('link', { name: CY.words.link, exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${CY.words.title}: ${CY.areas.own_home}`);
  const words = new WordsScreen(page, CY);
  await words.write(CY.words.good_life, 'Byw gartref, gyda phobl rwy\'n eu dewis');
  await expect(words.ownNote(CY.words.good_life, 1)).toHaveValue('Byw gartref, gyda phobl rwy\'n eu dewis');
  await words.write(CY.words.like, ' ');
  await expect(words.question(CY.words.like)).toContainText(CY.problem.note_empty);
  await expectNoAxeViolations(page, 'a participant\'s own words in Welsh');
});
