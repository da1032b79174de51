// Opening a saved workshop: every file is checked in full, a bad one is
// refused with what and where, and a good one comes back exactly.
import { test, expect, EN, fill, storageItems } from './fixtures.mjs';
import { DataPage, ParticipantsPage } from './pages/index.mjs';
import { WORKSHOP_NAME, workshopWithTwoPeople } from './helpers.mjs';

/** The workshop on screen is still the one with Amira and Cllr Jones. */
async function expectWorkshopUntouched(page) {
  await expect(page.getByRole('banner')).toContainText(WORKSHOP_NAME);
  const people = new ParticipantsPage(page);
  await people.goTo(EN.nav.participants);
  await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(2));
  expect(await people.peopleListed()).toEqual(['Amira', 'Cllr Jones']);
  await people.goTo(EN.nav.data);
}

test('a malformed file is refused with what is wrong and where, and nothing changes', async ({ page }) => {
  await workshopWithTwoPeople(page);
  const data = new DataPage(page);
  await data.goTo(EN.nav.data);
  await data.expectShown();
  const { text: good } = await data.downloadAsJson();
  const stored = await storageItems(page);

  const cases = [
    {
      what: 'not JSON',
      file: 'notes.json',
      text: '{\n  "schema_version": 1,\n  oops\n}\n',
      detail: 'notes.json: This is not a JSON file: line 3, column 3: key must be a string.',
    },
    {
      what: 'shares that add up to 99.99%',
      file: 'off-by-one.json',
      text: (() => {
        const r = JSON.parse(good);
        r.workshop.ballots[0].allocations.state_money.areas.own_home -= 1;
        return JSON.stringify(r, null, 2);
      })(),
      detail: 'off-by-one.json: At workshop.ballots[0].allocations.state_money.areas: the five areas add up to 99.99% instead of 100%.',
    },
    {
      what: 'a role this app does not know',
      file: 'role.json',
      text: (() => {
        const r = JSON.parse(good);
        r.workshop.ballots[1].role = 'mayor';
        return JSON.stringify(r);
      })(),
      detail: 'role.json: At workshop.ballots[1].role: unknown variant `mayor`, expected one of `citizen`, `family_carer`, '
        + '`commissioner`, `provider`, `community_organisation`.',
    },
    {
      what: 'a newer schema version',
      file: 'v4.json',
      text: JSON.stringify({ ...JSON.parse(good), schema_version: 4 }),
      detail: 'v4.json: This is not a Co-produce decision record this app can read (schema_version is 4, this app reads versions 1 to 3).',
    },
  ];

  for (const c of cases) {
    await test.step(c.what, async () => {
      await data.openFile(c.file, c.text);
      await expect(data.refusal()).toBeVisible();
      await expect(data.refusal()).toContainText(EN.data.untouched);
      // The file, what is wrong and where, word for word.
      await expect(data.refusalDetail()).toHaveText(c.detail);
      await expect(page.getByRole('banner')).toContainText(WORKSHOP_NAME);
      expect(await storageItems(page)).toEqual(stored);
    });
  }
  await expectWorkshopUntouched(page);
});

test('an exported file opens again and exports byte for byte the same', async ({ page }) => {
  await workshopWithTwoPeople(page);
  const data = new DataPage(page);
  await data.goTo(EN.nav.data);
  const first = await data.downloadAsJson();

  await data.startANewWorkshop();
  await expect(page.getByRole('banner')).toContainText(EN.app.untitled);
  const people = new ParticipantsPage(page);
  await data.goTo(EN.nav.participants);
  await expect(people.listHeading()).toHaveText(ParticipantsPage.listHeadingText(0));
  await people.goTo(EN.nav.data);

  await data.openFile(first.name, first.text);
  await expect(data.opened()).toHaveText(fill(EN.data.imported, { name: WORKSHOP_NAME, count: 2 }));
  await expect(page.getByRole('banner')).toContainText(WORKSHOP_NAME);
  await expect(data.refusal()).toHaveCount(0);

  const second = await data.downloadAsJson();
  expect(second.name).toBe(first.name);
  expect(second.text === first.text, 'the second export is byte-identical to the first').toBe(true);
  expect(Buffer.from(second.text).equals(Buffer.from(first.text))).toBe(true);

  // And it survives a reload: the imported workshop is what is saved.
  await page.reload();
  await data.expectShown();
  await expectWorkshopUntouched(page);
  const third = await data.downloadAsJson();
  expect(third.text === first.text, 'the export after a reload is byte-identical too').toBe(true);
});
