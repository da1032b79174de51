// Benchmark (prints, asserts nothing about speed): how long the scanner's
// Rust QR reader takes per camera frame in its worker, in this machine's
// Chromium. Frames are a tablet's ballot code (a real one, drawn by the app
// on "Give my choices to the facilitator") on a grey picture at two camera
// sizes, and an empty picture of the larger size. The scanner reads at most
// 10 frames a second (FRAME_MS in src/ui/code_scanner.rs); the issue asks for
// at least 5, so a frame must take well under 200 ms.
//
//   npx playwright test --config playwright.bench.config.mjs scanner
import { test, expect } from '@playwright/test';
import { EN } from '../e2e/text.mjs';
import { qrPictureInPage } from '../e2e/camera-picture.mjs';

const FRAMES = 30;

test('QR reader: time per frame in its worker', async ({ page }) => {
  test.setTimeout(120_000);
  // A participant's code, as the app draws it (pass-the-tablet mode).
  await page.goto('#/tablet');
  await page.getByLabel(EN.tablet.name, { exact: true }).fill('Bea');
  await page.getByRole('radio').first().tap();
  await page.getByRole('button', { name: EN.tablet.start, exact: true }).tap();
  await expect(page).toHaveURL(/#\/(tablet|partnership)\/[0-9a-f]{32}/);
  await page.locator('details.ballot-share summary').tap();
  await expect(page.locator('svg.qr-code')).toBeVisible();

  await page.addScriptTag({ content: `window.qrPictureInPage = ${qrPictureInPage}` });
  const figures = await page.evaluate(async ({ frames }) => {
    const svg = document.querySelector('svg.qr-code');
    const picture = (w, h, withCode) => window.qrPictureInPage([withCode ? svg : null, w, h]);
    const { js, wasm } = window.coProduce.builds.scanner;
    const worker = new Worker('./scanner-worker.js', { type: 'module' });
    let answer;
    worker.onmessage = (e) => answer(e.data);
    const next = () => new Promise((resolve) => { answer = resolve; });
    const started = performance.now();
    const ready = next();
    worker.postMessage({ js, wasm });
    await ready;
    const startMs = performance.now() - started;
    const out = { startMs, sizes: [] };
    for (const [w, h, withCode] of [[640, 480, true], [1280, 720, true], [1280, 720, false]]) {
      const frame = await picture(w, h, withCode);
      const inWorker = [];
      const roundTrip = [];
      let found = 0;
      for (let i = 0; i < frames; i += 1) {
        const pixels = new Uint8ClampedArray(frame.data);
        const t = performance.now();
        const reply = next();
        worker.postMessage({ width: w, height: h, pixels }, [pixels.buffer]);
        const r = await reply;
        roundTrip.push(performance.now() - t);
        inWorker.push(r.ms);
        found += (r.codes || []).length;
      }
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      out.sizes.push({ w, h, withCode, found, medianInWorker: median(inWorker), medianRoundTrip: median(roundTrip), max: Math.max(...roundTrip) });
    }
    worker.terminate();
    return out;
  }, { frames: FRAMES });

  console.log(`scanner worker start (fetch, compile, ready): ${figures.startMs.toFixed(0)} ms`);
  for (const s of figures.sizes) {
    console.log(`${s.w}×${s.h} ${s.withCode ? 'with a ballot code' : 'no code'}: median ${s.medianInWorker.toFixed(1)} ms in the worker, ` +
      `${s.medianRoundTrip.toFixed(1)} ms round trip (max ${s.max.toFixed(1)}), ` +
      `${(1000 / s.medianRoundTrip).toFixed(0)} frames a second possible; codes read ${s.found}/${s.withCode ? FRAMES : 0}`);
  }
});
