// Compare places: decision records of many workshops opened together, their
// kinds matched, and each place's figures per kind and area side by side.
import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { AppPage } from './AppPage.mjs';
import { fill, textPattern } from '../text.mjs';

export class ComparePage extends AppPage {
  async open() {
    await this.visit('#/compare');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.heading).toHaveText(this.t.compare.title);
  }

  /** Picks files to compare, as the file chooser would: [{ name, text }]. */
  async pick(files) {
    await this.page.getByLabel(this.t.compare.pick, { exact: true }).setInputFiles(files.map(({ name, text }) => ({
      name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8'),
    })));
  }

  /** "Places compared: 3. Records opened: 3." */
  summary() {
    return this.page.locator('.compare-summary [role="status"]');
  }

  static summaryText(places, records, t) {
    return fill(t.compare.opened, { places, records });
  }

  async expectCompared(places, records) {
    await expect(this.summary()).toHaveText(ComparePage.summaryText(places, records, this.t));
  }

  /** The list of files (or parts) that did not open. */
  refused() {
    return this.page.getByRole('alert').filter({ hasText: this.t.compare.refused_heading });
  }

  refusedItems() {
    return this.refused().locator('li');
  }

  /** One kind's table, by the kind's name. */
  table(kind) {
    return this.page.getByRole('table', { name: fill(this.t.compare.table_caption, { kind }), exact: true });
  }

  /** The lines of each cell of one place's row in one area: [[place, date], [today…], [average…], …]. */
  async row(kind, areaId, place) {
    const row = this.table(kind).locator(`tbody[data-area="${areaId}"] tr`)
      .filter({ has: this.page.getByRole('rowheader').filter({ hasText: place }) });
    await expect(row).toHaveCount(1);
    const cells = row.locator('th, td');
    const out = [];
    for (let i = 0; i < await cells.count(); i += 1) {
      const lines = cells.nth(i).locator('.figure-line');
      out.push(await lines.count() ? (await lines.allTextContents()).map((s) => s.trim()) : (await cells.nth(i).textContent()).trim());
    }
    return out;
  }

  /** The places of one kind's table in one area, in order. */
  async placesIn(kind, areaId) {
    const heads = this.table(kind).locator(`tbody[data-area="${areaId}"] th[scope="row"] .figure-line:first-child`);
    return (await heads.allTextContents()).map((s) => s.trim());
  }

  /** "Resources matched": one line per kind compared. */
  matchedKinds() {
    return this.page.locator('.compare-kinds li');
  }

  static kindInText(kind, count, t) {
    return fill(t.compare.kind_in, { kind, count });
  }

  /** The select of a kind only one place has. */
  mismatch(kind, place) {
    return this.page.getByLabel(fill(this.t.compare.mismatch_label, { kind, place }), { exact: true });
  }

  /** Matches a lone kind by hand with another place's kind, by its option's words. */
  async matchByHand(kind, place, withKind, places) {
    await this.mismatch(kind, place).selectOption({ label: fill(this.t.compare.candidate, { kind: withKind, count: places }) });
  }

  undoMatch(kind, place) {
    return this.page.getByRole('button', { name: fill(this.t.compare.unmatch, { kind, place }), exact: true });
  }

  /** The "Where places agree" sentences. */
  agreeSentences() {
    return this.page.getByRole('region', { name: this.t.compare.agree_heading, exact: true }).locator('li');
  }

  async sortBy(label) {
    await this.page.getByLabel(this.t.compare.sort, { exact: true }).selectOption({ label });
  }

  async filterWords(words) {
    await this.page.getByLabel(this.t.compare.words, { exact: true }).fill(words);
  }

  /** Ticks or unticks an area's box. */
  areaBox(areaName) {
    return this.page.getByRole('group', { name: this.t.compare.areas }).getByLabel(areaName, { exact: true });
  }

  async followOutcome(label) {
    await this.page.getByRole('group', { name: this.t.compare.outcome }).getByLabel(label, { exact: true }).check();
  }

  async clear() {
    await this.page.getByRole('button', { name: this.t.compare.clear, exact: true }).click();
  }

  /** Presses a button that downloads; resolves with the file's name and text. */
  async download(label) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: label, exact: true }).click(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    return { name: download.suggestedFilename(), text };
  }

  async downloadCsv() {
    return this.download(this.t.compare.csv);
  }

  async saveComparison() {
    return this.download(this.t.compare.save);
  }

  printButton() {
    return this.page.getByRole('button', { name: this.t.compare.print, exact: true });
  }

  static matchesRefusal(text) {
    return textPattern(text);
  }
}
