// The agreed decision: starts from the room's average, recorded with reasons.
import { expect } from '@playwright/test';
import { AppPage } from './AppPage.mjs';
import { ShareEditor } from './ShareEditor.mjs';

export class DecisionPage extends AppPage {
  async open() {
    await this.visit('#/decision');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.heading).toHaveText('The agreed decision');
  }

  status() {
    return this.page.getByRole('status').filter({ hasText: /Recorded|Not recorded yet/ });
  }

  async recordTheDecision() {
    await this.page.getByRole('button', { name: 'Record the decision' }).tap();
    await expect(this.status()).toHaveText('Recorded. Every change is saved.');
  }

  editor(kindName = 'State money') {
    return new ShareEditor(this.page, this.page.getByRole('region', { name: kindName, exact: true }));
  }

  async writeTheReason(areaName, text) {
    await this.page.getByRole('region', { name: 'Why' }).getByRole('textbox', { name: areaName, exact: true }).fill(text);
  }

  async saveAndShare() {
    await this.page.getByRole('link', { name: /^Save and share the decisions/ }).tap();
  }
}
