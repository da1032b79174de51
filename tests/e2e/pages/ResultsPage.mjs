// What the room chose: per resource, today against everyone's average and
// each role's, as a chart and a table.
import { expect } from '@playwright/test';
import { AppPage } from './AppPage.mjs';

export class ResultsPage extends AppPage {
  async open() {
    await this.visit('#/results');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.heading).toHaveText('What the room chose');
  }

  /** Shows one resource's results, with the resource tabs. */
  async chooseResource(kindName) {
    await this.page.getByRole('navigation', { name: 'Resources' }).getByRole('link', { name: kindName, exact: true }).tap();
    await expect(this.resource(kindName)).toBeVisible();
  }

  resource(kindName = 'State money') {
    return this.page.getByRole('region', { name: kindName, exact: true });
  }

  chart(kindName = 'State money') {
    return this.resource(kindName).getByRole('img', { name: `${kindName}: today's split against the room's average, overall and by role` });
  }

  table(kindName = 'State money') {
    return this.resource(kindName).getByRole('table', { name: `${kindName}: figures per area` });
  }

  /** The column of one role, by the name the table uses (e.g. 'Commissioners'). */
  roleColumn(roleLabel, kindName = 'State money') {
    return this.table(kindName).getByRole('columnheader', { name: new RegExp(`^${roleLabel}\\b`) });
  }

  /** The column headers' texts. */
  async columnHeaders(kindName = 'State money') {
    return (await this.table(kindName).getByRole('columnheader').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** The cells of one area's row, as shown. */
  async rowFor(areaName, kindName = 'State money') {
    const row = this.table(kindName).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: areaName, exact: true }) });
    return (await row.getByRole('cell').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  async recordTheAgreedDecision() {
    await this.page.getByRole('link', { name: /^Record the agreed decision/ }).tap();
  }
}
