// "Your words" in Easy Read (issue 12, part 4): on a passed-round tablet, a
// participant answers "What is good?" and "What is not good?" (each with a
// picture, a text box and a big "Add"), takes a note back, steps through
// others' notes one at a time and agrees with one, and has any note read
// aloud with "Listen", which is there only where the browser can speak.
import {
  test, expect, EN, CY, ROLES, fill, savedRecord, expectNoAxeViolations, expectNoHorizontalScroll,
} from './fixtures.mjs';
import { TabletPage } from './pages/index.mjs';

const OTHERS = ['Living at home, with people I choose.', 'Carers who know me', '15-minute visits'];

/** Records what the app asks the browser to say, instead of saying it. */
function stubSpeech() {
  window.spoken = [];
  const synthesis = {
    speak(utterance) { window.spoken.push({ text: utterance.text, lang: utterance.lang }); },
    cancel() { window.spoken.push('cancel'); },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
}

/** A browser whose speech synthesis throws. */
function brokenSpeech() {
  window.spoken = [];
  const fail = () => { window.spoken.push('threw'); throw new Error('synthesis-failed'); };
  Object.defineProperty(window, 'speechSynthesis', { value: { speak: fail, cancel: fail }, configurable: true });
}

/** A browser that cannot speak. */
function removeSpeech() {
  delete window.speechSynthesis;
  delete Window.prototype.speechSynthesis;
}

class EasyWordsScreen {
  constructor(page, t = EN) {
    this.page = page;
    this.t = t;
  }

  question(text) {
    return this.page.getByRole('region', { name: text, exact: true });
  }

  good() { return this.question(this.t.easy.words_good); }

  notGood() { return this.question(this.t.easy.words_not_good); }

  newNote(question) {
    return question.getByLabel(this.t.easy.words_write, { exact: true });
  }

  async write(question, text) {
    await this.newNote(question).fill(text);
    await question.getByRole('button', { name: this.t.words.add, exact: true }).tap();
  }

  ownNote(question, n) {
    return question.getByLabel(fill(this.t.words.your_note, { n }), { exact: true });
  }

  takeBack(question, n) {
    return question.getByRole('button', { name: `${this.t.words.take_back} (${fill(this.t.words.your_note, { n })})`, exact: true });
  }

  listen(question, n) {
    return question.getByRole('button', { name: `${this.t.easy.listen} (${fill(this.t.words.your_note, { n })})`, exact: true });
  }

  others() { return this.question(this.t.easy.words_others); }

  otherText() { return this.others().locator('.other-note-text'); }

  otherPlace(n, count) { return this.others().getByText(fill(this.t.easy.note_n_of, { n, count }), { exact: true }); }

  agree() { return this.others().getByRole('button', { name: this.t.words.agree, exact: true }); }

  next() { return this.others().getByRole('button', { name: this.t.easy.next, exact: true }); }

  back() { return this.others().getByRole('button', { name: this.t.easy.back, exact: true }); }
}

/**
 * Amira writes three notes about the first area on a passed-round tablet and
 * hands it on; Bryn starts his turn, opens "Your words", writes a good-life
 * note there and turns Easy Read on. Resolves with Bryn's ballot id.
 */
async function brynInEasyRead(page) {
  const tablet = new TabletPage(page);
  await tablet.open();
  await tablet.startTurn('Amira', ROLES.citizen);
  await page.getByRole('link', { name: EN.words.link, exact: true }).tap();
  const kinds = [EN.words.good_life, EN.words.like, EN.words.dislike];
  for (const [i, text] of OTHERS.entries()) {
    const question = page.getByRole('region', { name: kinds[i], exact: true });
    await question.getByLabel(EN.words.add_label, { exact: true }).fill(text);
    await question.getByRole('button', { name: EN.words.add, exact: true }).tap();
    await expect(question.getByLabel(fill(EN.words.your_note, { n: 1 }), { exact: true })).toHaveValue(text);
  }
  await page.getByRole('link', { name: EN.words.back, exact: true }).tap();
  await tablet.iHaveFinished();
  await tablet.nextPerson();
  const bryn = await tablet.startTurn('Bryn', ROLES.commissioner);
  await page.getByRole('link', { name: EN.words.link, exact: true }).tap();
  const goodLife = page.getByRole('region', { name: EN.words.good_life, exact: true });
  await goodLife.getByLabel(EN.words.add_label, { exact: true }).fill('A home of my own');
  await goodLife.getByRole('button', { name: EN.words.add, exact: true }).tap();
  await expect(goodLife.getByLabel(fill(EN.words.your_note, { n: 1 }), { exact: true })).toHaveValue('A home of my own');
  await page.locator('#easy-read-switch').tap();
  await expect(page.locator('#easy-read-switch')).toHaveAttribute('aria-pressed', 'true');
  return bryn;
}

test('in Easy Read a participant adds what is good and not good, takes one back, and agrees with others\' notes one at a time', async ({ page }) => {
  await page.addInitScript(stubSpeech);
  const bryn = await brynInEasyRead(page);
  await expect(page).toHaveURL(new RegExp(`#/words/${bryn}/1/tablet$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${EN.words.title}: ${EN.easy.own_home}`);
  await expect(page.getByText(fill(EN.easy.area_n, { n: 1 }), { exact: true })).toBeVisible();
  const words = new EasyWordsScreen(page);
  await expect(words.good().locator('h2 img')).toHaveAttribute('src', './icons/good.svg');
  await expect(words.notGood().locator('h2 img')).toHaveAttribute('src', './icons/not_good.svg');

  // The good-life question is not asked in Easy Read, but Bryn's note on it is still his to see and take back.
  const goodLife = words.question(EN.easy.walk_question);
  await expect(words.ownNote(goodLife, 1)).toHaveValue('A home of my own');
  await expect(words.newNote(goodLife)).toBeHidden();
  await expect(words.takeBack(goodLife, 1)).toBeVisible();

  await words.newNote(words.good()).fill('Staff who listen to me');
  await page.screenshot({ path: 'tests/e2e/screenshots/easy-words-tablet.png' });
  await words.good().getByRole('button', { name: EN.words.add, exact: true }).tap();
  await expect(words.ownNote(words.good(), 1)).toHaveValue('Staff who listen to me');
  await expect(words.newNote(words.good())).toHaveValue('');
  await words.write(words.notGood(), 'Waiting a long time');
  await words.write(words.notGood(), 'Too many forms');
  await expect(words.ownNote(words.notGood(), 2)).toHaveValue('Too many forms');
  await words.takeBack(words.notGood(), 1).tap();
  await expect(words.ownNote(words.notGood(), 1)).toHaveValue('Too many forms');
  await expect(words.ownNote(words.notGood(), 2)).toHaveCount(0);
  await page.screenshot({ path: 'tests/e2e/screenshots/easy-words-tablet-full.png', fullPage: true });

  // "Listen" reads the note as it is, in the interface's language, after stopping what was being read.
  await words.listen(words.good(), 1).tap();
  expect(await page.evaluate(() => window.spoken)).toEqual(['cancel', { text: 'Staff who listen to me', lang: 'en-GB' }]);

  // Others' notes, one at a time, never with their author's name.
  await expect(words.others().getByRole('listitem')).toHaveCount(1);
  await expect(words.others().getByText(EN.easy.words_none, { exact: true })).toHaveCount(0);
  await expect(words.otherPlace(1, 3)).toBeVisible();
  await expect(words.others()).not.toContainText('Amira');
  await expect(words.back()).toBeDisabled();
  const seen = [await words.otherText().textContent()];
  await words.next().tap();
  await expect(words.otherPlace(2, 3)).toBeVisible();
  seen.push(await words.otherText().textContent());
  await words.next().tap();
  await expect(words.otherPlace(3, 3)).toBeVisible();
  await expect(words.next()).toBeDisabled();
  const third = await words.otherText().textContent();
  seen.push(third);
  expect([...seen].sort()).toEqual([...OTHERS].sort());
  await expect(words.others()).toContainText(EN.roles_short.citizen);

  // Agreeing moves the note up the room's order, but the card shown stays.
  await expect(words.others()).toContainText(fill(EN.words.agreed_count, { count: 0 }));
  await expect(words.agree()).toHaveAttribute('aria-pressed', 'false');
  await words.agree().tap();
  await expect(words.agree()).toHaveAttribute('aria-pressed', 'true');
  await expect(words.others()).toContainText(fill(EN.words.agreed_count, { count: 1 }));
  await expect(words.otherPlace(3, 3)).toBeVisible();
  await expect(words.otherText()).toHaveText(third);
  await words.others().getByRole('button', { name: EN.easy.listen, exact: true }).tap();
  expect((await page.evaluate(() => window.spoken)).at(-1)).toEqual({ text: third, lang: 'en-GB' });
  await words.back().tap();
  await expect(words.otherPlace(2, 3)).toBeVisible();
  await expect(words.agree()).toHaveAttribute('aria-pressed', 'false');
  await expectNoAxeViolations(page, 'Easy Read "Your words"');

  // Saved at once: after a reload (a locked tablet) the agreement and the notes are still there.
  await page.reload();
  await expect(words.ownNote(words.good(), 1)).toHaveValue('Staff who listen to me');
  await expect(words.otherPlace(1, 3)).toBeVisible();
  let found = false;
  for (let i = 0; i < 3 && !found; i++) {
    if ((await words.otherText().textContent()) === third) found = true;
    else await words.next().tap();
  }
  expect(found, 'the agreed note is still among the others\' notes').toBe(true);
  await expect(words.agree()).toHaveAttribute('aria-pressed', 'true');
  await expect(words.others()).toContainText(fill(EN.words.agreed_count, { count: 1 }));
  const record = await savedRecord(page);
  const ballots = Object.fromEntries(record.workshop.ballots.map((b) => [b.participant, b]));
  expect(ballots.Bryn.notes.map((n) => [n.area, n.kind, n.text]).sort()).toEqual([
    ['own_home', 'dislike', 'Too many forms'],
    ['own_home', 'good_life', 'A home of my own'],
    ['own_home', 'like', 'Staff who listen to me'],
  ]);
  const agreed = ballots.Amira.notes.find((n) => n.text === third).id;
  expect(ballots.Bryn.agrees).toEqual([agreed]);

  // On to the next part in big buttons, keeping pass-the-tablet mode.
  await page.getByRole('link', { name: fill(EN.easy.words_next, { area: EN.easy.accommodation }), exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`#/words/${bryn}/2/tablet$`));
  await expect(page.getByText(fill(EN.easy.area_n, { n: 2 }), { exact: true })).toBeVisible();
  await expect(words.others().getByText(EN.easy.words_none, { exact: true })).toBeVisible();
  await expect(words.question(EN.easy.walk_question)).toHaveCount(0);
  await page.getByRole('link', { name: fill(EN.easy.words_back, { area: EN.easy.own_home }), exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`#/words/${bryn}/1/tablet$`));
  await page.getByRole('link', { name: EN.easy.words_to_sharing, exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`#/tablet/${bryn}$`));
  // The last part ends the words and goes back to sharing out.
  await page.goto(`./#/words/${bryn}/5/tablet`);
  await expect(page.getByText(fill(EN.easy.area_n, { n: 5 }), { exact: true })).toBeVisible();
  await page.getByRole('link', { name: EN.easy.words_done, exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`#/tablet/${bryn}$`));
});

test('in Welsh Easy Read the questions, buttons and "Listen" are Welsh', async ({ page }) => {
  await page.addInitScript(stubSpeech);
  await brynInEasyRead(page);
  await page.locator('#language-cy').tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  const words = new EasyWordsScreen(page, CY);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${CY.words.title}: ${CY.easy.own_home}`);
  await words.write(words.good(), 'Staff sy\'n gwrando arna i');
  await expect(words.ownNote(words.good(), 1)).toHaveValue('Staff sy\'n gwrando arna i');
  await expect(words.notGood()).toBeVisible();
  await expect(words.otherPlace(1, 3)).toBeVisible();
  await words.listen(words.good(), 1).tap();
  expect((await page.evaluate(() => window.spoken)).at(-1)).toEqual({ text: 'Staff sy\'n gwrando arna i', lang: 'cy-GB' });
  await words.next().tap();
  await expect(words.otherPlace(2, 3)).toBeVisible();
  await expectNoAxeViolations(page, 'Easy Read "Your words" in Welsh');
  await page.screenshot({ path: 'tests/e2e/screenshots/easy-words-tablet-cy.png', fullPage: true });
  // Welsh's longer words still fit a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page, 'Easy Read "Your words" in Welsh on a phone');
  await page.screenshot({ path: 'tests/e2e/screenshots/easy-words-phone-cy.png', fullPage: true });
});

test('"Listen" is not shown where the browser cannot speak', async ({ page }) => {
  await page.addInitScript(removeSpeech);
  await brynInEasyRead(page);
  expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false);
  const words = new EasyWordsScreen(page);
  await words.write(words.good(), 'Staff who listen to me');
  await expect(words.ownNote(words.good(), 1)).toHaveValue('Staff who listen to me');
  await expect(words.otherPlace(1, 3)).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^${EN.easy.listen}`) })).toHaveCount(0);
  await expect(words.takeBack(words.good(), 1)).toBeVisible();
});

test('a speech synthesis that throws says nothing and breaks nothing', async ({ page }) => {
  await page.addInitScript(brokenSpeech);
  await brynInEasyRead(page);
  const words = new EasyWordsScreen(page);
  await words.others().getByRole('button', { name: EN.easy.listen, exact: true }).tap();
  expect(await page.evaluate(() => window.spoken)).toEqual(['threw', 'threw']);
  // The screen still works after it (the fixture fails the test on any page error).
  await words.write(words.good(), 'Staff who listen to me');
  await expect(words.ownNote(words.good(), 1)).toHaveValue('Staff who listen to me');
});
