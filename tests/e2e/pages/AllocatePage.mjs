// One person divides each resource across the five areas.
import { expect } from '@playwright/test';
import { AppPage } from './AppPage.mjs';
import { ShareEditor } from './ShareEditor.mjs';
import { EN, downloadText } from '../fixtures.mjs';

const STATE_MONEY = EN.default_kinds.state_money;

export class AllocatePage extends AppPage {
  async open(ballotId, kindId = 'state_money') {
    await this.visit(`#/allocate/${ballotId}/${kindId}`);
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.heading).toHaveText(EN.allocate.title);
  }

  /** Checks whose turn it is: "Amira · Person who uses support". */
  async expectTurnOf(name, roleLabel) {
    await expect(this.page.getByText(`${name} · ${roleLabel}`, { exact: true })).toBeVisible();
  }

  /** The resource being divided, e.g. 'State money'. */
  resource(kindName = STATE_MONEY) {
    return this.page.getByRole('region', { name: kindName, exact: true });
  }

  /** The slider, buttons, typed fields and locks of the resource on screen. */
  editor(kindName = STATE_MONEY) {
    return new ShareEditor(this.page, this.resource(kindName));
  }

  async chooseResource(kindName) {
    await this.page.getByRole('navigation', { name: EN.allocate.kinds_label, exact: true }).getByRole('link', { name: kindName, exact: true }).tap();
    await expect(this.page.getByRole('heading', { level: 2, name: kindName, exact: true })).toBeVisible();
  }

  async doneBackToPeople() {
    await this.page.getByRole('link', { name: EN.allocate.done }).tap();
  }

  /** Opens "Give my choices to the facilitator" (for when there is no network). */
  async openGiveMyChoices() {
    const panel = this.page.locator('details').filter({ hasText: EN.share.summary });
    // Already open (its file was just saved): a tap would close it.
    if (!(await panel.evaluate((d) => d.open))) {
      await panel.getByText(EN.share.summary, { exact: true }).tap();
    }
    await expect(panel, 'the panel opened').toHaveJSProperty('open', true);
    await expect(this.myCodeField()).toBeVisible();
  }

  /** "Save my choices as a file"; resolves with the file's name and text. */
  async saveMyChoicesAsFile() {
    await this.openGiveMyChoices();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: EN.share.download, exact: true }).tap(),
    ]);
    return { name: download.suggestedFilename(), text: await downloadText(download) };
  }

  /** The read-only "Your code" box. */
  myCodeField() {
    return this.page.getByRole('textbox', { name: EN.share.code_label, exact: true });
  }

  /** The CP1-… code of this person's choices. */
  async myCode() {
    await this.openGiveMyChoices();
    // The code is made once the panel is open.
    await expect(this.myCodeField()).toHaveValue(/^CP1-/);
    return (await this.myCodeField().inputValue()).trim();
  }
}
