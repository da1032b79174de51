// The whole workshop, as a facilitator and two participants would run it on
// one tablet: set-up, the five-area walk-through, two allocations, results,
// the agreed decision and the exported record checked against its schema.
import {
  test, expect, AREAS, AREA_IDS, ROLES, ROLES_SHORT, EN, fill, textPattern,
} from './fixtures.mjs';
import {
  SetupPage, WalkthroughPage, ParticipantsPage, AllocatePage, ResultsPage, DecisionPage, DataPage,
} from './pages/index.mjs';
import { recordValidator } from './schema.mjs';
import { workshopWithTwoPeople } from './helpers.mjs';

const [OWN_HOME, ACCOMMODATION, DAY, HOSPITAL, COMMUNITY] = AREAS;
const { state_money: STATE_MONEY, other_funding: OTHER_FUNDING, peoples_time: PEOPLES_TIME } = EN.default_kinds;
const PER_YEAR = EN.units.per_year;
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const pct = (bp) => `${bp / 100}%`;
// Averages are shown to a tenth of a percent: their hundredths are rounding noise.
const tenths = (bp) => `${Math.round(bp / 10) / 10}%`;

test('a facilitator runs a whole workshop and exports a valid decision record', async ({ page }) => {
  test.setTimeout(90_000);
  const setup = new SetupPage(page);
  const walk = new WalkthroughPage(page);
  const people = new ParticipantsPage(page);
  const allocate = new AllocatePage(page);
  const results = new ResultsPage(page);
  const decision = new DecisionPage(page);
  const data = new DataPage(page);
  const chosen = {};

  await test.step('set up the workshop', async () => {
    await setup.visit();
    await setup.expectShown();
    await expect(page.getByRole('banner')).toContainText(EN.app.untitled);
    await setup.nameTheWorkshop('Shaping support in Riverside');
    await setup.setThePlace('Riverside Community Hall');
    await expect(page.getByRole('banner')).toContainText('Shaping support in Riverside');

    await setup.setTotalToday(STATE_MONEY, '12,000,000');
    await expect(setup.totalToDivide(STATE_MONEY)).toHaveText(`${EN.allocate.total_today}: £12,000,000 ${PER_YEAR}`);

    const today = setup.todaysSplit(STATE_MONEY);
    expect(await today.shares()).toEqual([3500, 3000, 1500, 1500, 500]);
    await today.type(OWN_HOME, '40');
    await expect(today.typedField(OWN_HOME)).toHaveValue('40');
    const split = await today.expectWhole();
    expect(split[0]).toBe(4000);
    await expect(today.figures(OWN_HOME)).toContainText(`£4,800,000 ${PER_YEAR}`);
    chosen.baseline = split;
    await setup.startTheWalkthrough();
  });

  await test.step('walk through the five areas', async () => {
    for (let n = 1; n <= 5; n++) {
      await walk.expectStep(n, AREAS[n - 1]);
      await expect(page.getByRole('heading', { level: 2, name: /good life/i })).toBeVisible();
      const cards = await walk.readModelSources();
      expect(cards.length, `models in ${AREAS[n - 1]}`).toBeGreaterThanOrEqual(2);
      for (const c of cards) {
        expect(c.sources, `sources of ${c.name}`).toBeGreaterThanOrEqual(1);
        expect(c.costs, `costs of ${c.name}`).toBe(true);
      }
      if (n === 1) {
        // Today's spend follows the set-up: 40% of £12,000,000.
        await expect(walk.todaysSpend()).toContainText('£4,800,000');
        await expect(walk.todaysSpend()).toContainText(fill(EN.walk.share_of_total, { pct: '40%' }));
        await walk.answerTheGoodLifeQuestion('Living at home with the right help, seeing friends, choosing my own day.');
        await walk.addLike('Carers who know me');
        await walk.addDislike('Fifteen-minute visits');
        expect(await walk.notesIn(walk.likesList())).toEqual(['Carers who know me']);
        expect(await walk.notesIn(walk.dislikesList())).toEqual(['Fifteen-minute visits']);
        await expect(walk.likesList().getByRole('textbox')).toHaveValue('');
      }
      if (n < 5) await walk.nextArea();
      else await walk.nowDivideTheResources();
    }
    await people.expectShown();
    await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(0));
  });

  await test.step('a person who uses support divides the state money', async () => {
    chosen.amiraId = await people.addPerson('Amira', ROLES.citizen);
    await allocate.expectShown();
    await allocate.expectTurnOf('Amira', ROLES.citizen);
    const ed = allocate.editor(STATE_MONEY);
    expect(await ed.expectWhole(), 'starts from today’s split').toEqual(chosen.baseline);

    await ed.lock(HOSPITAL);
    const locked = await ed.shareOf(HOSPITAL);
    await expect(ed.lessButton(HOSPITAL)).toBeDisabled();
    await expect(ed.moreButton(HOSPITAL)).toBeDisabled();
    await expect(ed.slider(HOSPITAL)).toBeDisabled();
    await expect(ed.typedField(HOSPITAL)).toBeDisabled();
    await expect(ed.lockButton(HOSPITAL)).toHaveText(EN.allocate.locked);

    const checkStep = async (label, expectArea, expectBp) => {
      const s = await ed.expectWhole();
      expect(s[3], `${label}: the locked share does not move`).toBe(locked);
      if (expectArea !== undefined) expect(s[expectArea], label).toBe(expectBp);
      return s;
    };

    // Slider by keyboard: four presses right is two points more.
    let before = await ed.shares();
    await ed.nudgeSlider(OWN_HOME, 4, 'ArrowRight');
    let s = await checkStep('slider by keyboard', 0, before[0] + 200);
    expect(s[1] + s[2] + s[4], 'others gave up the two points').toBe(before[1] + before[2] + before[4] - 200);

    // Slider dragged to 25%.
    await ed.slideTo(ACCOMMODATION, 25);
    await checkStep('slider dragged', 1, 2500);

    // + and − by touch.
    before = await ed.shares();
    await ed.tapMore(COMMUNITY);
    await checkStep('+ button', 4, before[4] + 100);
    before = await ed.shares();
    await ed.tapLess(DAY);
    await checkStep('− button', 2, before[2] - 100);

    // A typed value.
    await ed.type(DAY, '12.5');
    await expect(ed.typedField(DAY)).toHaveValue('12.5');
    s = await checkStep('typed 12.5', 2, 1250);
    await expect(ed.figures(DAY)).toContainText(`£1,500,000 ${PER_YEAR}`);
    await expect(ed.figures(DAY)).toContainText(EN.allocate.vs_today);

    // A value that is not a number is refused, with a reason, and nothing moves.
    await ed.type(COMMUNITY, 'lots');
    await expect(ed.typedField(COMMUNITY)).toHaveAttribute('aria-invalid', 'true');
    await expect(allocate.resource().getByText('That is not a number. Type a number from 0 to 100.', { exact: true })).toBeVisible();
    await expect(ed.typedField(COMMUNITY)).toHaveValue('lots');
    expect(await ed.bigPercents(), 'the shares on screen did not move').toEqual(s);
    await ed.type(COMMUNITY, String(s[4] / 100));
    await expect(ed.typedField(COMMUNITY)).not.toHaveAttribute('aria-invalid', 'true');

    chosen.amira = await checkStep('Amira’s final split');
    await allocate.doneBackToPeople();
    await people.expectShown();
    expect(await people.peopleListed()).toEqual(['Amira']);
  });

  await test.step('a commissioner divides the state money', async () => {
    chosen.jonesId = await people.addPerson('Cllr Jones', ROLES.commissioner);
    await allocate.expectTurnOf('Cllr Jones', ROLES.commissioner);
    const ed = allocate.editor(STATE_MONEY);
    expect(await ed.expectWhole(), 'a new person starts from today’s split').toEqual(chosen.baseline);
    await ed.lock(OWN_HOME);
    await ed.type(COMMUNITY, '20');
    let s = await ed.expectWhole();
    expect(s[0]).toBe(4000);
    expect(s[4]).toBe(2000);
    await ed.nudgeSlider(ACCOMMODATION, 2, 'ArrowLeft');
    s = await ed.expectWhole();
    expect(s[0]).toBe(4000);
    // Unlocked again, own home can move.
    await ed.unlock(OWN_HOME);
    await ed.tapLess(OWN_HOME);
    chosen.jones = await ed.expectWhole();
    expect(chosen.jones[0]).toBe(3900);
    // The second resource tab is there too.
    await allocate.chooseResource(OTHER_FUNDING);
    await expect(page).toHaveURL(new RegExp(`#/allocate/${chosen.jonesId}/other_funding$`));
    await allocate.editor(OTHER_FUNDING).expectWhole();
    await allocate.doneBackToPeople();
    await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(2));
    expect(await people.peopleListed()).toEqual(['Amira', 'Cllr Jones']);
  });

  await test.step('the results show both roles side by side', async () => {
    await people.goTo(EN.nav.results);
    await results.expectShown();
    await expect(page.getByText(fill(EN.results.lead, { count: 2 }), { exact: true })).toBeVisible();
    await expect(results.chart()).toBeVisible();
    expect(await results.chart().locator('rect').count()).toBeGreaterThanOrEqual(20);
    await expect(results.roleColumn(ROLES_SHORT.citizen)).toBeVisible();
    await expect(results.roleColumn(ROLES_SHORT.commissioner)).toBeVisible();
    const heads = await results.columnHeaders();
    const r = EN.results;
    // Roles sit next to the average, so the gap between them is in view first.
    expect(heads.slice(0, 3)).toEqual([EN.common.area, r.today, r.mean]);
    expect(heads.slice(3, 5).map((h) => h.replace(new RegExp(` ${textPattern(EN.results.people, { count: '\\d+' }).source}$`), ''))).toEqual([ROLES_SHORT.citizen, ROLES_SHORT.commissioner]);
    expect(heads.slice(5)).toEqual([r.fair, r.median, r.range]);
    // Each role's column shows that person's own choice, not an average of both.
    const row = await results.rowFor(OWN_HOME);
    expect(row[0].startsWith('40%')).toBe(true);
    expect(row.slice(2, 4)).toEqual([tenths(chosen.amira[0]), tenths(chosen.jones[0])]);
    await expect(results.chart()).toContainText(ROLES_SHORT.commissioner);
    // The other resources have their own results.
    await results.chooseResource(PEOPLES_TIME);
    await expect(page).toHaveURL(/#\/results\/peoples_time$/);
    await expect(results.chart(PEOPLES_TIME)).toBeVisible();
    await expect(results.roleColumn(ROLES_SHORT.citizen, PEOPLES_TIME)).toBeVisible();
    await results.recordTheAgreedDecision();
  });

  await test.step('the room records its agreed decision', async () => {
    await decision.expectShown();
    await expect(decision.status()).toHaveText(EN.decision.draft);
    await decision.recordTheDecision();
    const ed = decision.editor(STATE_MONEY);
    await ed.type(OWN_HOME, '45');
    chosen.decision = await ed.expectWhole();
    expect(chosen.decision[0]).toBe(4500);
    await decision.writeTheReason(OWN_HOME, 'More help at home keeps people out of hospital.');
    await decision.writeTheReason(COMMUNITY, 'Community circles are cheap and both groups want more.');
    await decision.saveAndShare();
  });

  await test.step('export the record and check it against the published schema', async () => {
    await data.expectShown();
    await expect(data.schemaLink(4)).toHaveAttribute('href', './schema/decision-record.v4.json');
    const { name, text } = await data.downloadAsJson();
    expect(name).toMatch(/^co-produce-shaping-support-in-riverside-\d{4}-\d{2}-\d{2}\.json$/);
    const record = JSON.parse(text);

    const validate = await recordValidator();
    const { ok, errors } = validate(record);
    expect(errors, 'schema errors').toEqual([]);
    expect(ok).toBe(true);
    // The schema really constrains the record (it is not an empty schema).
    const broken = structuredClone(record);
    broken.workshop.ballots[0].role = 'mayor';
    delete broken.workshop.kinds[0].baseline.own_home;
    expect(validate(broken).ok, 'an unknown role and a missing share fail the schema').toBe(false);

    expect(record.schema_version).toBe(4);
    expect(record.generator).toMatch(/^Co-produce /);
    const w = record.workshop;
    expect(w.name).toBe('Shaping support in Riverside');
    expect(w.place).toBe('Riverside Community Hall');
    const money = w.kinds.find((k) => k.id === 'state_money');
    expect(money.total).toBe(12_000_000 * 100);
    expect(AREA_IDS.map((a) => money.baseline[a])).toEqual(chosen.baseline);
    expect(w.notes.own_home.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect({ ...w.notes.own_home, updated_at: undefined }).toEqual({
      updated_at: undefined,
      good_life: 'Living at home with the right help, seeing friends, choosing my own day.',
      likes: ['Carers who know me'],
      dislikes: ['Fifteen-minute visits'],
    });

    expect(w.ballots).toHaveLength(2);
    const ids = w.ballots.map((b) => b.id);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(2);
    expect(ids).toEqual([chosen.amiraId, chosen.jonesId]);
    for (const b of w.ballots) {
      expect(b.workshop_id).toBe(w.id);
      expect(b.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      for (const [kind, a] of Object.entries(b.allocations)) {
        expect(sum(AREA_IDS.map((id) => a.areas[id])), `${b.participant} ${kind}`).toBe(10000);
      }
    }
    expect(w.ballots.map((b) => [b.participant, b.role])).toEqual([['Amira', 'citizen'], ['Cllr Jones', 'commissioner']]);
    const [amira, jones] = w.ballots;
    expect(AREA_IDS.map((a) => amira.allocations.state_money.areas[a])).toEqual(chosen.amira);
    expect(amira.allocations.state_money.locked).toEqual(['leaving_hospital']);
    expect(AREA_IDS.map((a) => jones.allocations.state_money.areas[a])).toEqual(chosen.jones);
    expect(jones.allocations.state_money.locked).toEqual([]);

    const d = w.agreed_decision;
    expect(d).toBeTruthy();
    expect(AREA_IDS.map((a) => d.shares.state_money[a])).toEqual(chosen.decision);
    expect(d.rationale.own_home).toBe('More help at home keeps people out of hospital.');
    expect(d.rationale.whole_community).toBe('Community circles are cheap and both groups want more.');

    const agg = record.aggregates.find((a) => a.kind_id === 'state_money');
    expect(agg.participants).toBe(2);
    expect(Object.keys(agg.by_role).sort()).toEqual(['citizen', 'commissioner']);
  });
});

test('the results are readable on a portrait tablet', async ({ page }) => {
  await workshopWithTwoPeople(page);
  const results = new ResultsPage(page);
  await results.goTo(EN.nav.results);
  await results.expectShown();
  await expect(results.chart()).toBeVisible();

  // Each role's column, the point of the screen, can be seen without sideways scrolling.
  for (const role of [ROLES_SHORT.citizen, ROLES_SHORT.commissioner]) {
    const clipped = await results.roleColumn(role).evaluate((th) => {
      const box = th.getBoundingClientRect();
      let el = th.parentElement;
      while (el && getComputedStyle(el).overflowX === 'visible') el = el.parentElement;
      const view = (el || document.documentElement).getBoundingClientRect();
      return box.right > Math.min(view.right, window.innerWidth) + 1;
    });
    expect.soft(clipped, `the "${role}" column is cut off at 768px wide`).toBe(false);
  }

  // Counts read right whatever the number ("People: 1", never "1 people").
  const heads = await results.columnHeaders();
  for (const role of [ROLES_SHORT.citizen, ROLES_SHORT.commissioner]) {
    expect.soft(heads, `the count under "${role}"`).toContain(`${role} ${fill(EN.results.people, { count: 1 })}`);
  }

  // Every chart label fits in the space left of its bar, not hidden under it.
  const labels = await results.chart().locator('text.chart-label').evaluateAll((texts) => texts.map((t) => {
    const bar = t.parentNode.querySelector('rect');
    return { label: t.textContent, right: t.getBBox().x + t.getBBox().width, barX: Number(bar.getAttribute('x')) };
  }));
  const hidden = [...new Set(labels.filter((l) => l.right > l.barX).map((l) => l.label))];
  expect.soft(hidden, 'chart labels that run under their bars').toEqual([]);
});
