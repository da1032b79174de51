// Who is taking part: add a person or a table with their role, then hand
// them the tablet.
import { expect } from '@playwright/test';
import { AppPage } from './AppPage.mjs';
import { EN, fill, textPattern } from '../fixtures.mjs';

export class ParticipantsPage extends AppPage {
  async open() {
    await this.visit('#/participants');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.heading).toHaveText(EN.participants.title);
  }

  /** Adds someone and starts their turn; resolves with their ballot id. */
  async addPerson(name, roleLabel) {
    await this.page.getByLabel(EN.participants.name).fill(name);
    const role = this.page.getByRole('radio', { name: roleLabel, exact: true });
    await role.tap();
    await expect(role).toBeChecked();
    await this.page.getByRole('button', { name: EN.participants.add }).tap();
    await expect(this.page).toHaveURL(/#\/allocate\/[0-9a-f]{32}/);
    return new URL(this.page.url()).hash.split('/')[2];
  }

  /** "Taking part (2)". */
  listHeading() {
    return this.page.getByRole('heading', { name: textPattern(EN.participants.list_heading, { count: '\\d+' }, { whole: true }) });
  }

  /** The words the list's heading shows for `count` people. */
  static listHeadingText(count) {
    return fill(EN.participants.list_heading, { count });
  }

  /** Names shown in the list of people taking part. */
  async peopleListed() {
    return (await this.page.locator('.participant-list .participant-name').allTextContents()).map((t) => t.trim());
  }

  async divideResourcesFor(name) {
    await this.page.getByRole('link', { name: fill(EN.participants.open_label, { name }), exact: true }).tap();
  }

  /** The message shown when the form is not filled in. */
  formError() {
    return this.page.locator('form').getByRole('alert');
  }
}
