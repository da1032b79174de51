// Quick ways to a workshop with people in it, through the screens.
import { expect, AREAS, EN, ROLES } from './fixtures.mjs';
import { SetupPage, ParticipantsPage, AllocatePage, ResultsPage, TabletPage } from './pages/index.mjs';

const [OWN_HOME, ACCOMMODATION, , , COMMUNITY] = AREAS;

export const WORKSHOP_NAME = 'Shaping support in Riverside';

/**
 * Names a workshop and adds a citizen and a commissioner who each move some
 * state money. Resolves with their ballot ids.
 */
export async function workshopWithTwoPeople(page, name = WORKSHOP_NAME) {
  const setup = new SetupPage(page);
  await setup.open();
  await setup.nameTheWorkshop(name);
  await setup.setThePlace('Riverside Community Hall');
  const people = new ParticipantsPage(page);
  await setup.goTo(EN.nav.participants);
  await people.expectShown();
  const allocate = new AllocatePage(page);
  const citizen = await people.addPerson('Amira', ROLES.citizen);
  await allocate.editor().type(COMMUNITY, '15');
  await allocate.editor().lock(COMMUNITY);
  await allocate.editor().tapMore(OWN_HOME);
  await allocate.doneBackToPeople();
  const commissioner = await people.addPerson('Cllr Jones', ROLES.commissioner);
  await allocate.editor().type(ACCOMMODATION, '20');
  await allocate.doneBackToPeople();
  await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(2));
  return { citizen, commissioner };
}

/** The join link that the facilitator's Results screen (`page`) hands out. */
export async function joinLinkOf(page) {
  const results = new ResultsPage(page);
  await results.open();
  const link = await page.locator('a.join-anchor').getAttribute('href');
  expect(link).toMatch(/#\/join\/[^/]+$/);
  return link;
}

/** A fresh tablet (a device of its own) that opened `joinLink` and shows "who are you?". */
export async function aTabletJoinedBy(newPage, joinLink) {
  const tabletPage = await newPage({ fresh: true });
  await tabletPage.goto(joinLink);
  const tablet = new TabletPage(tabletPage);
  await tablet.expectStart();
  return { tabletPage, tablet };
}
