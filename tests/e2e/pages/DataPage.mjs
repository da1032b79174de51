// Save and share: download the record, open a saved one, or start afresh.
import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { AppPage } from './AppPage.mjs';
import { EN } from '../fixtures.mjs';

export class DataPage extends AppPage {
  async open() {
    await this.visit('#/data');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.heading).toHaveText('Save and share');
  }

  /** Downloads the workshop; resolves with the file's name and text. */
  async downloadAsJson() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Download as JSON' }).tap(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    return { name: download.suggestedFilename(), text };
  }

  /** Picks a file to open, as the file chooser would. */
  async openFile(name, text) {
    await this.page.getByLabel('Choose a file').setInputFiles({
      name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8'),
    });
  }

  refusal() {
    return this.page.getByRole('alert').filter({ hasText: 'That file was not opened.' });
  }

  refusalDetail() {
    return this.refusal().locator('.error-detail');
  }

  opened() {
    return this.page.getByRole('status').filter({ hasText: /^Opened/ });
  }

  /** Starts a new workshop (the confirmation is accepted). */
  async startANewWorkshop() {
    await this.page.getByRole('button', { name: 'Start a new workshop' }).tap();
  }

  schemaLink() {
    return this.page.getByRole('link', { name: 'decision record schema, version 1' });
  }

  /** "Download for spreadsheets (CSV)"; resolves with the file's name and text. */
  async downloadForSpreadsheets() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: EN.data.csv, exact: true }).tap(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    return { name: download.suggestedFilename(), text };
  }

  async openThePrintableSummary() {
    await this.page.getByRole('link', { name: EN.data.print, exact: true }).tap();
  }

  /** "Gather choices from tablets". */
  gatherSection() {
    return this.page.getByRole('region', { name: EN.gather.heading, exact: true });
  }

  /** Picks several ballot files at once, as the file chooser would: [{ name, text }]. */
  async gatherFiles(files) {
    const input = this.gatherSection().getByLabel(EN.gather.pick, { exact: true });
    await input.setInputFiles(files.map(({ name, text }) => ({
      name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8'),
    })));
  }

  /** Pastes codes, one per line, and adds them. */
  async pasteCodes(...codes) {
    await this.gatherSection().getByLabel(EN.gather.paste_label, { exact: true }).fill(codes.join('\n'));
    await this.gatherSection().getByRole('button', { name: EN.gather.add_codes, exact: true }).tap();
  }

  /** "Added 1, updated 0, already here 1, not added 1." */
  gatherSummary() {
    return this.gatherSection().getByRole('status').locator('.gather-summary');
  }

  static gatherSummaryText({ added = 0, updated = 0, unchanged = 0, refused = 0 }) {
    return EN.gather.summary.replace('{{ added }}', added).replace('{{ updated }}', updated)
      .replace('{{ unchanged }}', unchanged).replace('{{ refused }}', refused);
  }

  /** Why each file or code that was not added was refused. */
  gatherRefusals() {
    return this.gatherSection().getByRole('status').getByRole('listitem');
  }
}
