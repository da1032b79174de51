// One person divides each resource across the five areas.
import { expect } from '@playwright/test';
import { AppPage } from './AppPage.mjs';
import { ShareEditor } from './ShareEditor.mjs';

export class AllocatePage extends AppPage {
  async open(ballotId, kindId = 'state_money') {
    await this.visit(`#/allocate/${ballotId}/${kindId}`);
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.heading).toHaveText('Divide the resources');
  }

  /** Checks whose turn it is: "Amira · Person who uses support". */
  async expectTurnOf(name, roleLabel) {
    await expect(this.page.getByText(`${name} · ${roleLabel}`, { exact: true })).toBeVisible();
  }

  /** The resource being divided, e.g. 'State money'. */
  resource(kindName = 'State money') {
    return this.page.getByRole('region', { name: kindName, exact: true });
  }

  /** The slider, buttons, typed fields and locks of the resource on screen. */
  editor(kindName = 'State money') {
    return new ShareEditor(this.page, this.resource(kindName));
  }

  async chooseResource(kindName) {
    await this.page.getByRole('navigation', { name: 'Resources' }).getByRole('link', { name: kindName, exact: true }).tap();
    await expect(this.page.getByRole('heading', { level: 2, name: kindName, exact: true })).toBeVisible();
  }

  async doneBackToPeople() {
    await this.page.getByRole('link', { name: 'Done, back to people' }).tap();
  }
}
