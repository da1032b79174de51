// Save and share: download the record, open a saved one, or start afresh.
import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { AppPage } from './AppPage.mjs';

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
}
