// Benchmark (not a test): what one slider tick on Allocate costs, from the
// input event to the next frame (requestAnimationFrame, then a zero timeout),
// with the CPU throttled 4× as on a mid-range tablet, in workshops of 2, 200
// and 1,000 participants. The cost of a tick must not grow with the room.
// Prints figures; asserts nothing about speed.
import { test } from '@playwright/test';
import { EN, fill } from '../e2e/text.mjs';

const SIZES = [2, 200, 1000];
// SLIDER_ON=tablet measures a turn in pass-the-tablet mode (the tablet's build,
// loaded by that address); by default the facilitator's Allocate screen.
const ON_TABLET = process.env.SLIDER_ON === 'tablet';
const TICKS = 40;
import { SETUP_KEY, SEED_KEY, savedRecord } from '../e2e/stored.mjs';
import { madeUpBallots } from './room.mjs';

const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], max: s[s.length - 1] };
};

test('one slider tick on Allocate, CPU throttled 4x, by size of the room', async ({ browser }) => {
  test.setTimeout(300_000);
  const medians = {};
  for (const size of SIZES) {
    const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto('./#/participants');
    await page.waitForFunction((key) => localStorage.getItem(key), SETUP_KEY);
    const record = await savedRecord(page);
    const w = record.workshop;
    w.ballots = madeUpBallots(w, size);
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SEED_KEY, JSON.stringify(record)]);
    await page.goto(ON_TABLET ? `./#/tablet/${w.ballots[0].id}` : `./#/allocate/${w.ballots[0].id}`);
    await page.reload();
    await page.getByRole('button', { name: fill(EN.allocate.more, { area: EN.areas.own_home }) }).waitFor();

    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const times = await page.evaluate(async (ticks) => {
      const slider = document.querySelector('input[type="range"]');
      const out = [];
      for (let i = 0; i < ticks; i++) {
        const value = Number(slider.value);
        slider.value = String(value >= 5000 ? value - 50 : value + 50);
        const start = performance.now();
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        out.push(performance.now() - start);
        // The save a tick schedules runs before the next tick, as when a finger moves.
        await new Promise((done) => setTimeout(done, 50));
      }
      return out;
    }, TICKS);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const s = stat(times.slice(5)); // the first ticks warm up
    medians[size] = s.median;
    const bytes = await page.evaluate(() => {
      let n = 0;
      for (let i = 0; i < localStorage.length; i++) n += localStorage.getItem(localStorage.key(i)).length;
      return n;
    });
    console.log(`slider tick (${ON_TABLET ? 'tablet\'s build' : 'facilitator\'s build'}), ${size} participants: median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n=${times.length - 5}); local storage ${bytes} characters`);
    await context.close();
  }
  console.log(`slider tick at ${SIZES.at(-1)} against ${SIZES[0]} participants: ${(medians[SIZES.at(-1)] / medians[SIZES[0]]).toFixed(2)}×`);
});
