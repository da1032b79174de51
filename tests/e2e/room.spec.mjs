// The room around the facilitator's tablet: a projector that follows the
// facilitator's window live (and can hide, reveal and pause), a tablet passed
// round a table, choices gathered from tablets without a network, and the
// spreadsheet and printed summaries for commissioners.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  test, expect, expectNoAxeViolations, EN, AREAS, AREA_IDS, ROLES, ROLES_SHORT, savedRecord,
} from './fixtures.mjs';
import {
  AllocatePage, DataPage, DecisionPage, ParticipantsPage, PresenterPage, PrintPage, ResultsPage, SetupPage,
  TabletPage, WalkthroughPage,
} from './pages/index.mjs';
import { WORKSHOP_NAME, workshopWithTwoPeople } from './helpers.mjs';

const [OWN_HOME, ACCOMMODATION] = AREAS;
const SHOTS = join(import.meta.dirname, 'screenshots');
const PROJECTOR = { width: 1920, height: 1080 };
/** The five people who join while the presenter watches. */
const JOINERS = [['Amira', ROLES.citizen], ['Cllr Jones', ROLES.commissioner], ['Bea', ROLES.citizen],
  ['Riverside Care', ROLES.provider], ['Cllr Okafor', ROLES.commissioner]];

const freshId = () => randomBytes(16).toString('hex');

/** The workshop as this device saved it. */

/**
 * Puts a window in front before touching it. Both windows stay visible and
 * live (as a facilitator's tablet and a projector are), but in headless
 * Chromium each touch on a tab behind another waits about a second.
 */
const inFront = (page) => page.bringToFront();

test('the presenter window follows the facilitator live, without reloading', async ({ page, newPage }) => {
  // How fast it follows is printed by tests/bench/presenter-follow.bench.mjs.
  const setup = new SetupPage(page);
  await setup.open();
  await setup.nameTheWorkshop(WORKSHOP_NAME);
  const people = new ParticipantsPage(page);
  const allocate = new AllocatePage(page);
  await people.goTo(EN.nav.participants);
  await people.expectShown();
  const presenter = new PresenterPage(await newPage());
  await presenter.open();
  await inFront(page);
  await expect(presenter.heading).toHaveText(WORKSHOP_NAME);
  await expect(presenter.count()).toHaveText(PresenterPage.countText(0));
  expect(await presenter.barValue(OWN_HOME), 'no "Everyone" bar before anyone has chosen').toBeNull();
  await presenter.markThisDocument();

  // Five people join one after another; each moves one point into Support in
  // their own home (35% today → 36%), so the room's average there moves too.
  for (const [i, [name, role]] of JOINERS.entries()) {
    const k = i + 1;
    await test.step(`${name} joins and moves a share`, async () => {
      await people.addPerson(name, role);
      await expect(presenter.count()).toHaveText(PresenterPage.countText(k));
      // k − 1 people at 36% and the newcomer at today's 35%.
      const average = `${Math.round(((36 * (k - 1) + 35) / k) * 10) / 10}%`;
      await expect.poll(() => presenter.barValue(OWN_HOME)).toBe(average);

      await allocate.editor().tapMore(OWN_HOME);
      await expect(allocate.editor().typedField(OWN_HOME)).toHaveValue('36');
      await expect.poll(() => presenter.barValue(OWN_HOME), { message: 'the presenter shows the new average' }).toBe('36%');
      await allocate.doneBackToPeople();
    });
  }
  await expect(presenter.count()).toHaveText(PresenterPage.countText(5));
  await expect(presenter.chart(OWN_HOME)).toContainText(ROLES_SHORT.commissioner);
  await expect(presenter.gapSentence(OWN_HOME)).toHaveText(EN.presenter.gap_none);
  expect(await presenter.stillTheSameDocument(), 'the presenter was never reloaded').toBe(true);
});

test('two facilitator windows editing different things at once keep both changes', async ({ page, newPage }) => {
  const NOTE = 'Living at home with the right help, and friends nearby.';
  const NAME = 'Riverside spring workshop';
  const walk = new WalkthroughPage(page);
  await walk.open(1);
  await walk.expectStep(1, OWN_HOME);
  const other = await newPage();
  const setup = new SetupPage(other);
  await setup.open();
  const goodLife = page.getByLabel(EN.walk.good_life_answer);
  const workshopName = other.getByLabel(EN.setup.name, { exact: true });

  // Window A writes the good-life answer while window B renames the workshop,
  // at the same moment: both windows type at one agreed instant, so neither
  // has heard of the other's change when it makes its own.
  const at = Date.now() + 300;
  const typeAt = (field, text) => field.evaluate((el, { text, at }) => new Promise((done) => {
    setTimeout(() => {
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      done();
    }, Math.max(0, at - Date.now()));
  }), { text, at });
  await Promise.all([typeAt(goodLife, NOTE), typeAt(workshopName, NAME)]);

  // A shows B's name and keeps its own note; B keeps its name and has A's note.
  await expect(walk.banner).toContainText(NAME);
  await expect(goodLife).toHaveValue(NOTE);
  await expect(workshopName).toHaveValue(NAME);
  const walkB = new WalkthroughPage(other);
  await inFront(other);
  await walkB.goTo(EN.nav.walkthrough);
  await walkB.expectStep(1, OWN_HOME);
  await expect(other.getByLabel(EN.walk.good_life_answer)).toHaveValue(NOTE);
  await expect(walkB.banner).toContainText(NAME);

  // And the device keeps both: a window opened afterwards shows both changes.
  const later = new WalkthroughPage(await newPage());
  await later.open(1);
  await expect(later.banner, 'the new name, in a window opened afterwards').toContainText(NAME);
  await expect(later.page.getByLabel(EN.walk.good_life_answer), 'the note, in a window opened afterwards').toHaveValue(NOTE);
});

test('a decision cleared in one window stays cleared in the other, which still had it', async ({ page, newPage }) => {
  const a = new DecisionPage(page);
  await a.open();
  await a.recordTheDecision();
  const b = new DecisionPage(await newPage());
  await b.open();
  await expect(b.status()).toHaveText(EN.decision.recorded);

  // A clears it (and confirms); B, which had it, follows.
  await inFront(page);
  await page.getByRole('button', { name: EN.decision.reset, exact: true }).tap();
  await expect(a.status()).toHaveText(EN.decision.draft);
  await inFront(b.page);
  await expect(b.status(), 'the other window drops the cleared decision').toHaveText(EN.decision.draft);

  // B's next change does not bring it back to A, nor does a reload.
  await b.goTo(EN.nav.setup);
  await b.page.getByLabel(EN.setup.name, { exact: true }).fill('After the clearing');
  await inFront(page);
  await expect(a.banner).toContainText('After the clearing');
  await expect(a.status()).toHaveText(EN.decision.draft);
  await page.reload();
  await a.expectShown();
  await expect(a.status()).toHaveText(EN.decision.draft);
});

test('results hidden until revealed area by area, and a paused picture', async ({ page, newPage }) => {
  await workshopWithTwoPeople(page);
  const results = new ResultsPage(page);
  await results.goTo(EN.nav.results);
  await results.expectShown();
  const presenter = new PresenterPage(await newPage());
  await presenter.open();
  await inFront(page);
  await expect(presenter.heading).toHaveText(WORKSHOP_NAME);
  await expect(presenter.count()).toHaveText(PresenterPage.countText(2));
  await expect(presenter.hiddenPanels()).toHaveCount(0);

  await test.step('hide results until revealed', async () => {
    await results.hideResultsUntilIRevealThem();
    await expect(presenter.hiddenPanels()).toHaveCount(5);
    for (const area of AREAS) await expect(presenter.chart(area)).toHaveCount(0);
    // The facilitator's screen, with the reveal buttons showing.
    for (const area of AREAS) await expect(results.revealButton(area)).toHaveAttribute('aria-pressed', 'false');
    await expectNoAxeViolations(page, 'results with the room controls (results hidden)');
  });

  await test.step('reveal one area', async () => {
    await results.reveal(OWN_HOME);
    await expect(presenter.chart(OWN_HOME)).toBeVisible();
    await expect(presenter.panel(OWN_HOME)).not.toContainText(EN.presenter.hidden);
    await expect(presenter.hiddenPanels()).toHaveCount(4);
    for (const area of AREAS.slice(1)) {
      await expect(presenter.panel(area)).toContainText(EN.presenter.hidden);
      await expect(presenter.chart(area)).toHaveCount(0);
    }
    expect(await presenter.barValue(OWN_HOME)).toBe(await results.averageFor(OWN_HOME));
  });

  await test.step('pause the picture while a share changes, then carry on', async () => {
    const before = await presenter.barValue(OWN_HOME);
    await results.pauseTheProjectedPicture();
    await expect(presenter.pausedNote()).toBeVisible();

    const people = new ParticipantsPage(page);
    await people.goTo(EN.nav.participants);
    await people.divideResourcesFor('Cllr Jones');
    const allocate = new AllocatePage(page);
    await allocate.editor().tapMore(OWN_HOME);
    await allocate.editor().tapMore(OWN_HOME);
    await results.goTo(EN.nav.results);
    const after = await results.averageFor(OWN_HOME);
    expect(after, 'the facilitator sees the new average').not.toBe(before);

    // The room's controls are not paused: revealing a second area reaches the
    // presenter, and with it every change made before it, so the presenter
    // has had the new share too and keeps the old figure.
    await results.reveal(ACCOMMODATION);
    await expect(presenter.chart(ACCOMMODATION), 'a reveal made after the change arrives').toBeVisible();
    await expect(presenter.hiddenPanels()).toHaveCount(3);
    expect(await presenter.barValue(OWN_HOME), 'the paused picture keeps its figure').toBe(before);
    await expect(presenter.pausedNote()).toBeVisible();

    await results.pauseTheProjectedPicture(false);
    await expect(presenter.pausedNote()).toHaveCount(0);
    await expect.poll(() => presenter.barValue(OWN_HOME)).toBe(after);
    await expect(presenter.hiddenPanels()).toHaveCount(3);
  });
});

test('choices gathered from tablets: files at once and pasted codes, with refusals explained', async ({ page }) => {
  const { citizen } = await workshopWithTwoPeople(page);
  const allocate = new AllocatePage(page);
  await allocate.open(citizen);
  const amiraFile = await allocate.saveMyChoicesAsFile();
  expect(amiraFile.name).toMatch(/^ballot-amira-[0-9a-f]+\.json$/);
  const exported = JSON.parse(amiraFile.text);
  expect(exported).toMatchObject({ schema_version: 1, kind: 'co-produce-ballot', ballot: { id: citizen, participant: 'Amira' } });
  const amiraCode = await allocate.myCode();
  expect(amiraCode).toMatch(/^CP1-[A-Za-z0-9_-]+$/);

  // A tablet's ballot for this workshop that is not in it yet, a copy of
  // Amira's, and one from another workshop.
  const ballotFile = (ballot) => JSON.stringify({ schema_version: 1, kind: 'co-produce-ballot', ballot }, null, 2);
  const bea = { ...exported.ballot, id: freshId(), participant: 'Bea' };
  const elsewhere = { ...exported.ballot, id: freshId(), workshop_id: freshId(), participant: 'Dana' };

  const data = new DataPage(page);
  await data.goTo(EN.nav.data);
  await data.expectShown();
  await data.gatherFiles([
    { name: 'ballot-bea.json', text: ballotFile(bea) },
    { name: amiraFile.name, text: amiraFile.text },
    { name: 'ballot-dana.json', text: ballotFile(elsewhere) },
  ]);
  await expect(data.gatherSummary()).toHaveText(DataPage.gatherSummaryText({ added: 1, unchanged: 1, refused: 1 }));
  await expect(data.gatherRefusals()).toHaveCount(1);
  // Named by file, with why: the ballot's workshop and this one, by their short ids.
  await expect(data.gatherRefusals().first()).toHaveText(
    `At ballot-dana.json[0].workshop_id: this ballot of Dana belongs to another workshop (${elsewhere.workshop_id.slice(0, 8)}), ` +
    `not this one (${exported.ballot.workshop_id.slice(0, 8)}).`);
  await expect(data.gatherSection()).toContainText(EN.gather.kept);
  await expectNoAxeViolations(page, 'save and share, gathering with a refusal');

  const people = new ParticipantsPage(page);
  await people.goTo(EN.nav.participants);
  await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(3));
  expect(await people.peopleListed()).toEqual(['Amira', 'Bea', 'Cllr Jones']);

  // The code from Amira's "Your code", pasted: she is already here.
  await data.goTo(EN.nav.data);
  await data.pasteCodes(amiraCode);
  await expect(data.gatherSummary()).toHaveText(DataPage.gatherSummaryText({ unchanged: 1 }));
  await expect(data.gatherRefusals()).toHaveCount(0);
  await people.goTo(EN.nav.participants);
  await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(3));
});

test('pass the tablet: each person starts on a blank screen and leaves no trace', async ({ page }) => {
  const tablet = new TabletPage(page);
  const allocate = new AllocatePage(page);
  await tablet.open();
  await expect(tablet.banner, 'no app title bar in tablet mode').toHaveCount(0);
  await expect(tablet.nav, 'no app navigation in tablet mode').toHaveCount(0);
  await expect(tablet.seeEarlierChoices()).toHaveCount(0);
  await expectNoAxeViolations(page, 'pass-the-tablet start');

  await tablet.startTurn('Priya', ROLES.family_carer);
  await allocate.expectShown();
  await allocate.expectTurnOf('Priya', ROLES.family_carer);
  await expect(tablet.nav).toHaveCount(0);
  await expect(page.getByRole('link', { name: EN.allocate.done })).toHaveCount(0);
  await allocate.editor().type(OWN_HOME, '57');
  await expect(allocate.editor().typedField(OWN_HOME)).toHaveValue('57');
  await allocate.editor().expectWhole();

  await tablet.iHaveFinished();
  await tablet.expectFinished();
  await expect(tablet.nav).toHaveCount(0);
  await expect(tablet.banner).toHaveCount(0);
  const shown = await page.locator('body').innerText();
  expect(shown, 'the thank-you screen does not name the last person').not.toContain('Priya');
  expect(shown, 'nor show their numbers').not.toMatch(/\d/);
  await expectNoAxeViolations(page, 'pass-the-tablet finished');

  await tablet.nextPerson();
  await tablet.expectStart();
  await expect(tablet.nameField()).toHaveValue('');
  for (const role of Object.values(ROLES)) await expect(tablet.role(role)).not.toBeChecked();
  await expect(page.locator('body')).not.toContainText('Priya');

  // The next person starts from today's split, not Priya's.
  await tablet.startTurn('Sam', ROLES.citizen);
  await allocate.expectTurnOf('Sam', ROLES.citizen);
  await expect(allocate.editor().typedField(OWN_HOME)).toHaveValue('35');
  await tablet.iHaveFinished();
  await tablet.expectFinished();

  // Both turns were kept for the facilitator.
  await tablet.nextPerson();
  await tablet.leaveForTheFacilitator();
  const results = new ResultsPage(page);
  await results.expectShown();
  await expect(page.getByText(EN.results.lead.replace('{{ count }}', '2'), { exact: true })).toBeVisible();
});

/** Splits RFC 4180 CSV text into rows of cells. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i++;
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('the CSV for spreadsheets has a row per person, resource and area', async ({ page }) => {
  const ids = await workshopWithTwoPeople(page);
  const data = new DataPage(page);
  await data.goTo(EN.nav.data);
  const { name, text } = await data.downloadForSpreadsheets();
  expect(name).toMatch(/^co-produce-shaping-support-in-riverside-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(text.endsWith('\r\n'), 'CRLF line ends').toBe(true);
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual(['row_type', 'participant', 'role', 'ballot_id', 'resource_id', 'resource', 'unit',
    'period', 'area_id', 'share_percent', 'amount', 'change_vs_today',
    'principle_id', 'rating', 'not_at_all', 'a_little', 'mostly', 'fully', 'score',
    'note_id', 'note_kind', 'note_text', 'agreements', 'card_agreements', 'merged_into', 'hidden']);
  for (const r of rows) expect(r, `row ${r.join(',')}`).toHaveLength(header.length);
  const kinds = (await savedRecord(page)).workshop.kinds.map((k) => k.id);
  expect(kinds).toHaveLength(4);

  const ballotRows = rows.filter((r) => r[0] === 'ballot');
  expect(ballotRows).toHaveLength(2 * 4 * 5);
  for (const [who, role, id] of [['Amira', 'citizen', ids.citizen], ['Cllr Jones', 'commissioner', ids.commissioner]]) {
    const mine = ballotRows.filter((r) => r[1] === who);
    expect(mine, `${who}'s rows`).toHaveLength(20);
    for (const r of mine) {
      expect(r[2]).toBe(role);
      expect(r[3]).toBe(id);
    }
    expect(mine.map((r) => `${r[4]}/${r[8]}`).sort()).toEqual(kinds.flatMap((k) => AREA_IDS.map((a) => `${k}/${a}`)).sort());
    for (const k of kinds) {
      const total = mine.filter((r) => r[4] === k).reduce((sum, r) => sum + Math.round(Number(r[9]) * 100), 0);
      expect(total, `${who}'s ${k} shares add up to 100%`).toBe(10000);
    }
  }
  const amiraCommunity = ballotRows.find((r) => r[1] === 'Amira' && r[4] === 'state_money' && r[8] === 'whole_community');
  expect(amiraCommunity[9]).toBe('15.00');
  expect(rows.filter((r) => r[0] === 'baseline')).toHaveLength(4 * 5);
});

test('the printable summary prints without the app around it', async ({ page }) => {
  await mkdir(SHOTS, { recursive: true });
  await workshopWithTwoPeople(page);
  const walk = new WalkthroughPage(page);
  await walk.open(1);
  await walk.answerTheGoodLifeQuestion('Living at home with the right help.');
  await walk.addLike('Carers who know me');
  const data = new DataPage(page);
  await data.goTo(EN.nav.data);
  await data.openThePrintableSummary();
  const print = new PrintPage(page);
  await expect(page).toHaveURL(/#\/print$/);
  await expect(print.printButton()).toBeVisible();
  await expect(print.heading).toHaveText(WORKSHOP_NAME);
  await expect(page.getByRole('main')).toContainText('Carers who know me');
  await expect(print.banner).toBeVisible();
  await expectNoAxeViolations(page, 'printable summary');

  await print.asPrinted();
  await expect(print.banner, 'the app header is not printed').toBeHidden();
  await expect(print.nav).toBeHidden();
  await expect(print.printButton(), 'nor is the Print button').toBeHidden();
  await expect(print.heading).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, 'print.png'), fullPage: true });
  await print.onScreen();
});

test('the presenter view is readable from the back of a hall at 1920×1080', async ({ page, newPage }) => {
  await mkdir(SHOTS, { recursive: true });
  await workshopWithTwoPeople(page);
  const people = new ParticipantsPage(page);
  await people.goTo(EN.nav.participants);
  await people.addPerson('Riverside Care', ROLES.provider);
  await new AllocatePage(page).editor().type(ACCOMMODATION, '25');

  // The projector: a laptop's big screen, with this device's saved workshop.
  const projector = await newPage({
    fresh: true,
    options: { viewport: PROJECTOR, isMobile: false, hasTouch: false, storageState: await page.context().storageState() },
  });
  const presenter = new PresenterPage(projector);
  await presenter.open();
  await expect(presenter.heading).toHaveText(WORKSHOP_NAME);
  await expect(presenter.count()).toHaveText(PresenterPage.countText(3));
  for (const area of AREAS) await expect(presenter.chart(area)).toBeVisible();
  await expect(presenter.gapSentence(OWN_HOME)).toBeVisible();
  await projector.evaluate(() => document.fonts.ready);
  await projector.screenshot({ path: join(SHOTS, 'presenter.png') });

  await expectNoAxeViolations(projector, 'presenter (1920×1080)');

  // Every piece of visible text is at least 24px on the screen.
  const { tooSmall, smallest, checked } = await projector.evaluate(() => {
    const out = [];
    let smallest = { px: Infinity };
    let checked = 0;
    for (const el of document.querySelectorAll('body *')) {
      const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
      if (!text) continue;
      const r = el.getBoundingClientRect();
      // Off-screen (the skip link) or visually hidden text is not read from the back of the hall.
      if (r.width < 2 || r.height < 2 || r.right <= 0 || r.bottom <= 0) continue;
      if (!el.checkVisibility({ checkOpacity: true, visibilityProperty: true })) continue;
      const fontPx = parseFloat(getComputedStyle(el).fontSize);
      let px = fontPx;
      if (el instanceof SVGElement && el.ownerSVGElement) {
        // SVG text is scaled with its drawing: font size × rendered width / viewBox width.
        const svg = el.ownerSVGElement;
        px = fontPx * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
      }
      const what = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${text.slice(0, 40)}": ${px.toFixed(1)}px`;
      checked++;
      if (px < smallest.px) smallest = { px, what };
      if (px < 23.5) out.push(what);
    }
    return { tooSmall: out, smallest: smallest.what, checked };
  });
  console.log(`presenter text: ${checked} pieces checked, smallest ${smallest}`);
  expect(checked, 'the check found the text').toBeGreaterThan(40);
  expect(tooSmall, `text smaller than 24px on the presenter:\n${tooSmall.join('\n')}`).toEqual([]);
});

test('a tablet that opens the join link takes part in this workshop', async ({ page, newPage }) => {
  await workshopWithTwoPeople(page);
  const results = new ResultsPage(page);
  await results.goTo(EN.nav.results);
  await results.expectShown();
  const link = await page.getByRole('link', { name: EN.room.join_link }).getAttribute('href');
  expect(link).toMatch(/#\/join\/[A-Za-z0-9_-]+$/);
  const workshopId = (await savedRecord(page)).workshop.id;

  // A tablet with nothing saved opens the link: it lands on "Your turn" for this workshop.
  const tabletPage = await newPage({ fresh: true });
  await tabletPage.goto(link);
  const tablet = new TabletPage(tabletPage);
  await expect(tabletPage.getByRole('heading', { level: 1, name: EN.tablet.title })).toBeVisible();
  await tablet.startTurn('Sam', ROLES.citizen);
  const allocate = new AllocatePage(tabletPage);
  await allocate.expectShown();
  await allocate.editor().type(OWN_HOME, '44');
  const saved = (await savedRecord(tabletPage)).workshop;
  expect(saved.id, 'the tablet holds the facilitator workshop, not a new one').toBe(workshopId);
  expect(saved.name).toBe(WORKSHOP_NAME);
  expect(saved.ballots.map((b) => b.participant)).toEqual(['Sam']);

  // A damaged link is refused with a message, and the tablet's workshop is untouched.
  await tabletPage.goto(link.slice(0, link.length - 40));
  await expect(tabletPage.getByRole('heading', { level: 1, name: EN.tablet.join_failed })).toBeVisible();
  // Cut short, the code no longer decodes or no longer unpacks, depending on where the cut falls.
  await expect(tabletPage.locator('.error-detail')).toHaveText(
    /^At the link: it is (not a Co-produce join link \(it may have been cut short\)|damaged or incomplete)\.$/);
  await expect(tabletPage.getByText(EN.tablet.join_help, { exact: true })).toBeVisible();
  const after = (await savedRecord(tabletPage)).workshop;
  expect(after.ballots.map((b) => b.participant)).toEqual(['Sam']);
});
