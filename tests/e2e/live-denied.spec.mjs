// A broker that lets a device in but will not let it read the workshop (an
// ACL that refuses the subscription): the screen says so in words, never "Live", and the
// workshop on the device is untouched.
import { test, expect, EN, savedRecord, fill } from './fixtures.mjs';
import { startMosquitto } from './brokers.mjs';
import { ParticipantsPage } from './pages/ParticipantsPage.mjs';

/** The workshop a page has saved. */
async function saved(page) {
  return (await savedRecord(page)).workshop;
}

let broker;
test.beforeAll(async () => {
  // Devices may connect and publish, and subscribe to nothing.
  broker = await startMosquitto({ wsPort: 19211, tcpPort: 18961, denyReading: true });
});
test.afterAll(async () => {
  await broker?.close();
});

test('a broker that does not let this device read the workshop says so, and changes nothing', async ({ page }) => {
  await page.goto('#/setup');
  await page.getByLabel(EN.setup.name).fill('Denied in Riverside');
  const people = new ParticipantsPage(page);
  await people.open();
  const ballot = await people.addPerson('Amira', EN.roles.citizen);
  await expect.poll(async () => (await saved(page)).ballots.map((b) => b.id)).toEqual([ballot]);
  const before = await saved(page);

  await page.goto('#/results');
  await page.getByLabel(EN.live.broker_label).fill(broker.url);
  await page.getByRole('button', { name: EN.live.go_live }).tap();
  const status = page.locator('.live-badge.live-off').first();
  await expect(status).toContainText(fill(EN.live.reason, { reason: EN.live.trouble_read_denied }), { timeout: 15_000 });
  await expect(page.locator('.live-badge.live-on')).toHaveCount(0);

  const after = await saved(page);
  expect(after.name).toBe(before.name);
  expect(after.ballots).toEqual(before.ballots);
});
