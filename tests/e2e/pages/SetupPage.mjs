// Set-up: the workshop's details, the resources in play and today's split.
import { expect } from '@playwright/test';
import { AppPage, toBp } from './AppPage.mjs';
import { ShareEditor } from './ShareEditor.mjs';
import { EN, escapeRegExp } from '../fixtures.mjs';

export class SetupPage extends AppPage {
  async open() {
    await this.visit('#/setup');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.heading).toHaveText(EN.setup.title);
  }

  async nameTheWorkshop(name) {
    await this.page.getByLabel(EN.setup.name).fill(name);
  }

  async setThePlace(place) {
    await this.page.getByLabel(EN.setup.place, { exact: true }).fill(place);
  }

  /** The card of one resource (e.g. 'State money'). */
  resource(kindName) {
    return this.page.getByRole('region', { name: kindName, exact: true });
  }

  /** Types a new total for a resource, in whole pounds/hours/items. */
  async setTotalToday(kindName, amount) {
    const field = this.resource(kindName).getByLabel(EN.setup.total_today, { exact: true });
    await field.fill(String(amount));
    await field.press('Tab');
  }

  /** "Total to divide: £12,000,000 per year". */
  totalToDivide(kindName) {
    return this.resource(kindName).locator('.kind-total');
  }

  /** Today's split of a resource, as an editor. */
  todaysSplit(kindName) {
    return new ShareEditor(this.page, this.resource(kindName));
  }

  async startTheWalkthrough() {
    await this.page.getByRole('link', { name: new RegExp(escapeRegExp(EN.setup.start_walkthrough)) }).tap();
  }
}

export { toBp };
