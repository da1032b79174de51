// Pass-the-tablet mode: one tablet handed round a table. Each person gives a
// name and role, divides the resources, says they have finished and hands the
// tablet on; the next person starts on a blank screen.
import { expect } from '@playwright/test';
import { AppPage } from './AppPage.mjs';
import { EN } from '../fixtures.mjs';

export class TabletPage extends AppPage {
  async open() {
    await this.visit('#/tablet');
    await this.expectStart();
  }

  /** The "Your turn" screen that starts each person's turn. */
  async expectStart() {
    await expect(this.page).toHaveURL(/#\/tablet$/);
    await expect(this.heading).toHaveText(EN.tablet.title);
  }

  nameField() {
    return this.page.getByLabel(EN.tablet.name, { exact: true });
  }

  role(roleLabel) {
    return this.page.getByRole('radio', { name: roleLabel, exact: true });
  }

  /** Writes a name, picks a role and starts; resolves with the new ballot id. */
  async startTurn(name, roleLabel) {
    await this.nameField().fill(name);
    await this.role(roleLabel).tap();
    await expect(this.role(roleLabel)).toBeChecked();
    await this.page.getByRole('button', { name: EN.tablet.start, exact: true }).tap();
    // The turn starts with dividing, or with the partnership check when the workshop asks it first.
    await expect(this.page).toHaveURL(/#\/(tablet|partnership)\/[0-9a-f]{32}/);
    return new URL(this.page.url()).hash.split('/')[2];
  }

  /** "I have finished", at the foot of the allocation screen. */
  async iHaveFinished() {
    await this.page.getByRole('link', { name: EN.tablet.finish, exact: true }).tap();
  }

  async expectFinished() {
    await expect(this.page).toHaveURL(/#\/tablet\/finished$/);
    await expect(this.heading).toHaveText(EN.tablet.thanks);
    await expect(this.page.getByText(EN.tablet.hand_on, { exact: true })).toBeVisible();
  }

  async nextPerson() {
    await this.page.getByRole('link', { name: EN.tablet.next_person, exact: true }).tap();
  }

  /** The link to the room's picture, shown only when the facilitator allows it. */
  seeEarlierChoices() {
    return this.page.getByRole('link', { name: EN.tablet.see_earlier, exact: true });
  }

  async leaveForTheFacilitator() {
    await this.page.getByRole('link', { name: EN.tablet.leave, exact: true }).tap();
  }
}
