// The agreed decision: starts from the room's average, recorded with reasons.
import { expect } from '@playwright/test';
import { AppPage } from './AppPage.mjs';
import { ShareEditor } from './ShareEditor.mjs';
import { EN, escapeRegExp } from '../fixtures.mjs';

export class DecisionPage extends AppPage {
  async open() {
    await this.visit('#/decision');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.heading).toHaveText(EN.decision.title);
  }

  /** "Recorded. Every change is saved." or "Not recorded yet. …". */
  status() {
    const either = [EN.decision.recorded, EN.decision.draft].map(escapeRegExp).join('|');
    return this.page.getByRole('status').filter({ hasText: new RegExp(either) });
  }

  async recordTheDecision() {
    await this.page.getByRole('button', { name: EN.decision.record_mean }).tap();
    await expect(this.status()).toHaveText(EN.decision.recorded);
  }

  editor(kindName = EN.default_kinds.state_money) {
    return new ShareEditor(this.page, this.page.getByRole('region', { name: kindName, exact: true }));
  }

  async writeTheReason(areaName, text) {
    await this.page.getByRole('region', { name: EN.decision.rationale }).getByRole('textbox', { name: areaName, exact: true }).fill(text);
  }

  async saveAndShare() {
    await this.page.getByRole('link', { name: new RegExp(`^${escapeRegExp(EN.decision.to_export)}`) }).tap();
  }

  /** Before recording: start the draft from "The room's average" or "The fair split". */
  async startFrom(label) {
    const choice = this.page.getByRole('group', { name: EN.decision.start_label }).getByRole('radio', { name: label, exact: true });
    await choice.tap();
    await expect(choice).toBeChecked();
  }

  /** What goes down to pay for what goes up, for one kind. */
  shift(kindName = EN.default_kinds.state_money) {
    const region = this.page.getByRole('region', { name: kindName, exact: true });
    return {
      total: region.locator('.shift-total'),
      down: region.locator('.shift-down li'),
      up: region.locator('.shift-up li'),
    };
  }
}
