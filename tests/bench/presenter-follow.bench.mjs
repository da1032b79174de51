// Benchmark (not a test): how long the presenter window takes to show what the
// facilitator just did in another window on the same device, from the tap to
// the change on the projector. Prints figures; asserts nothing about speed
// (tests/e2e/room.spec.mjs checks that the presenter follows at all).
// A room notices a projector that lags by about 200 ms; on this machine the
// change arrives in a few tens of milliseconds.
import { test, expect, EN, AREAS, ROLES } from '../e2e/fixtures.mjs';
import { SetupPage, ParticipantsPage, AllocatePage, PresenterPage } from '../e2e/pages/index.mjs';
import { WORKSHOP_NAME } from '../e2e/helpers.mjs';

const [OWN_HOME] = AREAS;
const JOINERS = [['Amira', ROLES.citizen], ['Cllr Jones', ROLES.commissioner], ['Bea', ROLES.citizen],
  ['Riverside Care', ROLES.provider], ['Cllr Okafor', ROLES.commissioner]];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Notes, in the facilitator's page, the moment of every tap (a click listener that runs first). */
async function stampTaps(page) {
  await page.evaluate(() => {
    window.__taps = [];
    document.addEventListener('click', () => window.__taps.push(Date.now()), true);
  });
}
const lastTap = (page) => page.evaluate(() => window.__taps.at(-1));

test('presenter window: tap to projector, five people joining and moving a share', async ({ page, newPage }) => {
  const setup = new SetupPage(page);
  await setup.open();
  await setup.nameTheWorkshop(WORKSHOP_NAME);
  const people = new ParticipantsPage(page);
  const allocate = new AllocatePage(page);
  await people.goTo(EN.nav.participants);
  await people.expectShown();
  const presenter = new PresenterPage(await newPage());
  await presenter.open();
  // Both windows stay live, but a touch on a tab behind another waits a second.
  await page.bringToFront();
  await expect(presenter.count()).toHaveText(PresenterPage.countText(0));

  await presenter.startTimingChanges(OWN_HOME);
  await stampTaps(page);
  const latency = { add: [], move: [] };
  /** Time from a tap on the facilitator's page to the presenter showing what it changed. */
  const timeTo = async (tappedAt, what, shown) => {
    let change;
    await expect.poll(async () => {
      change = (await presenter.timedChanges()).find((c) => c.t >= tappedAt && c[what] === shown);
      return change !== undefined;
    }, { message: `the presenter shows ${what} ${shown}` }).toBe(true);
    return change.t - tappedAt;
  };

  for (const [i, [name, role]] of JOINERS.entries()) {
    await people.addPerson(name, role);
    latency.add.push(await timeTo(await lastTap(page), 'count', PresenterPage.countText(i + 1)));
    await allocate.editor().tapMore(OWN_HOME);
    latency.move.push(await timeTo(await lastTap(page), 'bar', '36%'));
    await allocate.doneBackToPeople();
  }

  const all = [...latency.add, ...latency.move];
  const line = (xs) => `${Math.min(...xs)}/${median(xs)}/${Math.max(...xs)}`;
  console.log(`presenter latency ms: min/median/max ${line(all)} ` +
    `(adding a person ${line(latency.add)}; moving a share ${line(latency.move)}; n=${all.length})`);
});
