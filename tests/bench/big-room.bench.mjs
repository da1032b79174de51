// Benchmark (not a test of speed): a workshop of 10,000 participants opened
// from a file, saved, reloaded and exported on one tablet. Prints the time of
// each step and how much of local storage it takes; fails only if the app
// says it cannot save or loses a participant.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { EN } from '../e2e/text.mjs';
import { SETUP_KEY, savedRecord, storageItems } from '../e2e/stored.mjs';
import { madeUpBallots } from './room.mjs';

const PARTICIPANTS = 10_000;

test('10,000 participants: open, save, reload and export on one tablet', async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#/data');
  await page.waitForFunction((key) => localStorage.getItem(key), SETUP_KEY);
  const record = await savedRecord(page);
  const w = record.workshop;
  w.name = 'Ten thousand';
  w.ballots = madeUpBallots(w, PARTICIPANTS, 5);
  record.aggregates = [];
  const file = JSON.stringify(record);

  let start = Date.now();
  await page.getByLabel(EN.data.import).setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByRole('status').filter({ hasText: 'Ten thousand' })).toBeVisible({ timeout: 120_000 });
  const opened = Date.now() - start;
  await expect(page.getByText(EN.save.failed_title)).toHaveCount(0);
  const items = await storageItems(page);
  const chars = Object.entries(items).reduce((n, [k, v]) => n + k.length + v.length, 0);

  start = Date.now();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: EN.data.title })).toBeVisible({ timeout: 120_000 });
  const reloaded = Date.now() - start;
  const saved = await savedRecord(page);
  expect(saved.workshop.ballots).toHaveLength(PARTICIPANTS);

  start = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: EN.data.export }).tap(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  const exportMs = Date.now() - start;
  expect(exported.workshop.ballots).toHaveLength(PARTICIPANTS);
  await expect(page.getByText(EN.save.failed_title)).toHaveCount(0);
  expect(errors).toEqual([]);

  console.log(`10,000 participants: file ${file.length} characters; opened and saved in ${opened} ms; ` +
    `local storage ${chars} characters in ${Object.keys(items).length} keys (the quota is about 5,000,000); ` +
    `reloaded in ${reloaded} ms; exported in ${exportMs} ms; no "not being saved" warning`);
  await context.close();
});
