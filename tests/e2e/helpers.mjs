// Quick ways to a workshop with people in it, through the screens.
import { expect } from './fixtures.mjs';
import { SetupPage, ParticipantsPage, AllocatePage } from './pages/index.mjs';

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
  await setup.goTo('People');
  await people.expectShown();
  const allocate = new AllocatePage(page);
  const citizen = await people.addPerson('Amira', 'Person who uses support');
  await allocate.editor().type('Whole-community work', '15');
  await allocate.editor().lock('Whole-community work');
  await allocate.editor().tapMore('Support in your own home');
  await allocate.doneBackToPeople();
  const commissioner = await people.addPerson('Cllr Jones', 'Commissioner');
  await allocate.editor().type('Support with accommodation', '20');
  await allocate.doneBackToPeople();
  await expect(people.listHeading()).toHaveText('Taking part (2)');
  return { citizen, commissioner };
}
