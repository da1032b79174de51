// Set-up: the workshop's details, the resources in play and today's split.
import { expect } from '@playwright/test';
import { AppPage, toBp } from './AppPage.mjs';
import { ShareEditor } from './ShareEditor.mjs';

export class SetupPage extends AppPage {
  async open() {
    await this.visit('#/setup');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.heading).toHaveText('Set up the workshop');
  }

  async nameTheWorkshop(name) {
    await this.page.getByLabel('Workshop name').fill(name);
  }

  async setThePlace(place) {
    await this.page.getByLabel('Place', { exact: true }).fill(place);
  }

  /** The card of one resource (e.g. 'State money'). */
  resource(kindName) {
    return this.page.getByRole('region', { name: kindName, exact: true });
  }

  /** Types a new total for a resource, in whole pounds/hours/items. */
  async setTotalToday(kindName, amount) {
    const field = this.resource(kindName).getByLabel('Total today', { exact: true });
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
    await this.page.getByRole('link', { name: /Start the walk-through/ }).tap();
  }
}

export { toBp };
