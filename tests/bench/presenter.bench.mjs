// Benchmark (not a test): how long the presenter window takes to show a change
// when one ballot moves in a workshop of 1,000 participants. Prints figures.
import { test } from '@playwright/test';
import { EN, fill } from '../e2e/text.mjs';
import { SETUP_KEY, SEED_KEY, savedRecord } from '../e2e/stored.mjs';
import { madeUpBallots } from './room.mjs';

const PARTICIPANTS = 1000;

test('presenter update with 1,000 participants', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const facilitator = await context.newPage();
  await facilitator.goto('./#/participants');
  await facilitator.waitForFunction((key) => localStorage.getItem(key), SETUP_KEY);
  const record = await savedRecord(facilitator);
  const w = record.workshop;
  w.ballots = madeUpBallots(w, PARTICIPANTS);
  await facilitator.evaluate(([key, text]) => localStorage.setItem(key, text), [SEED_KEY, JSON.stringify(record)]);
  const first = w.ballots[0].id;
  await facilitator.goto(`./#/allocate/${first}`);
  await facilitator.reload();
  await facilitator.getByRole('button', { name: fill(EN.allocate.more, { area: EN.areas.own_home }) }).waitFor();

  const presenter = await context.newPage();
  // Listen before the app does, so the arrival time is taken before it works.
  await presenter.addInitScript(() => {
    const channel = new BroadcastChannel('co-produce.workshop');
    channel.onmessage = () => { window.__arrived = performance.now(); };
  });
  await presenter.goto('./#/present');
  await presenter.locator('.presenter-panel .room-bars').first().waitFor();
  await presenter.evaluate(() => {
    window.__times = [];
    window.__arrived = undefined;
    new MutationObserver(() => {
      if (window.__arrived === undefined) return;
      const arrived = window.__arrived;
      window.__arrived = undefined;
      const updated = performance.now();
      window.__times.push({ dom: updated - arrived });
    }).observe(document.querySelector('.presenter-grid'), { subtree: true, childList: true, characterData: true, attributes: true });
  });
  // One person's share of own home swings between 10% and 60%. (A one-point
  // tap moves the room's average by a tenth of a basis point: often nothing
  // on the projector changes, and the presenter rightly draws nothing.)
  const typed = facilitator.getByRole('textbox', { name: fill(EN.allocate.typed_label, { area: EN.areas.own_home }), exact: true });
  for (let i = 0; i < 20; i++) {
    const before = await presenter.evaluate(() => window.__times.length);
    await typed.fill(i % 2 ? '10' : '60');
    await typed.press('Tab');
    await presenter.waitForFunction((n) => window.__times.length > n, before, { timeout: 10_000 });
  }
  const times = await presenter.evaluate(() => window.__times);
  const stat = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${s[Math.floor(s.length / 2)].toFixed(1)} ms, p95 ${s[Math.floor(s.length * 0.95)].toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
  };
  console.log(`presenter, ${PARTICIPANTS} participants, one ballot changes (${times.length} runs):`);
  console.log(`  message arrives -> presenter DOM updated: ${stat(times.map((t) => t.dom))}`);
  await context.close();
});
