// Save and share: download the record, open a saved one, or start afresh.
import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { AppPage } from './AppPage.mjs';
import { EN, fill, textPattern } from '../fixtures.mjs';

export class DataPage extends AppPage {
  async open() {
    await this.visit('#/data');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.heading).toHaveText(this.t.data.title);
  }

  /** Downloads the workshop; resolves with the file's name and text. */
  async downloadAsJson() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: this.t.data.export }).tap(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    return { name: download.suggestedFilename(), text };
  }

  /** Picks a file to open, as the file chooser would. */
  async openFile(name, text) {
    await this.page.getByLabel(this.t.data.import, { exact: true }).setInputFiles({
      name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8'),
    });
  }

  refusal() {
    return this.page.getByRole('alert').filter({ hasText: this.t.data.refused });
  }

  refusalDetail() {
    return this.refusal().locator('.error-detail');
  }

  opened() {
    return this.page.getByRole('status').filter({ hasText: textPattern(this.t.data.imported, {}, { start: true }) });
  }

  /** Starts a new workshop (the confirmation is accepted). */
  async startANewWorkshop() {
    await this.page.getByRole('button', { name: this.t.data.new }).tap();
  }

  /** The link to the published schema of the record this app writes (version `version`). */
  schemaLink(version) {
    return this.page.getByRole('link', { name: fill(this.t.data.schema_link, { version }) });
  }

  /** "Download for spreadsheets (CSV)"; resolves with the file's name and text. */
  async downloadForSpreadsheets() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: this.t.data.csv, exact: true }).tap(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    return { name: download.suggestedFilename(), text };
  }

  async openThePrintableSummary() {
    await this.page.getByRole('link', { name: this.t.data.print, exact: true }).tap();
  }

  /** "Gather choices from tablets". */
  gatherSection() {
    return this.page.getByRole('region', { name: this.t.gather.heading, exact: true });
  }

  /** Picks several ballot files at once, as the file chooser would: [{ name, text }]. */
  async gatherFiles(files) {
    const input = this.gatherSection().getByLabel(this.t.gather.pick, { exact: true });
    await input.setInputFiles(files.map(({ name, text }) => ({
      name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8'),
    })));
  }

  /** Pastes codes, one per line, and adds them. */
  async pasteCodes(...codes) {
    await this.gatherSection().getByLabel(this.t.gather.paste_label, { exact: true }).fill(codes.join('\n'));
    await this.gatherSection().getByRole('button', { name: this.t.gather.add_codes, exact: true }).tap();
  }

  /** "Added 1, updated 0, already here 1, not added 1." */
  gatherSummary() {
    return this.gatherSection().getByRole('status').locator('.gather-summary');
  }

  static gatherSummaryText({ added = 0, updated = 0, unchanged = 0, refused = 0 }, t = EN) {
    return fill(t.gather.summary, { added, updated, unchanged, refused });
  }

  /** Why each file or code that was not added was refused. */
  gatherRefusals() {
    return this.gatherSection().getByRole('status').getByRole('listitem');
  }

  /** Opens "Combine sessions" from its card here: a screen of the records' build (the page loads it). */
  async openCombineSessions() {
    await this.page.getByRole('link', { name: this.t.combine.open, exact: true }).tap();
    await expect(this.heading).toHaveText(this.t.combine.heading);
  }

  /** The "Combine sessions" screen's card. */
  combineSection() {
    return this.page.locator('main .combine-card');
  }

  /** Picks decision records to combine, all at once: [{ name, text }]. */
  async pickRecordsToCombine(files) {
    const input = this.combineSection().getByLabel(this.t.combine.pick, { exact: true });
    await input.setInputFiles(files.map(({ name, text }) => ({
      name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8'),
    })));
  }

  /** Each file that was not opened for combining, with why. */
  combineRefusals() {
    return this.combineSection().getByRole('alert').getByRole('listitem');
  }

  /** The sessions to combine, one line each. */
  sessionsToCombine() {
    return this.combineSection().locator('.combine-sessions li');
  }

  /** How each resource matches across the records. */
  resourcesToCombine() {
    return this.combineSection().locator('.combine-kinds li');
  }

  /** The select that matches a resource only one record has by hand. */
  matchChoice(name, session) {
    return this.combineSection().getByLabel(fill(this.t.combine.match_label, { name, session }), { exact: true });
  }

  makeTheCombinedWorkshopButton() {
    return this.combineSection().getByRole('button', { name: this.t.combine.go, exact: true });
  }

  /** "Make the combined workshop" (the browser's question is answered by the test). */
  async makeTheCombinedWorkshop() {
    await this.makeTheCombinedWorkshopButton().tap();
  }

  /** The line that says the combined workshop is now the current one. */
  combined() {
    return this.combineSection().getByRole('status');
  }
}
